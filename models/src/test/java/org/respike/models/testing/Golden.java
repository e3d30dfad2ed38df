package org.respike.models.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The parity vectors the recipe wrote with PyTorch (golden/golden.json and its raw arrays). */
public final class Golden {
    /** A raw little-endian array and its shape. */
    public record Array(long[] shape, ByteBuffer bytes) {
        public FloatBuffer floats() {
            return bytes.duplicate().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        }

        public float[] toFloats() {
            FloatBuffer f = floats();
            float[] a = new float[f.remaining()];
            f.get(a);
            return a;
        }
    }

    /** A real clip: uint8 RGB frames [T,H,W,3] at model size and PyTorch's logits. */
    public record Clip(String name, int label, Array frames, float[] logits, float[][] groupLogits) {
    }

    /** One graph's random inputs and PyTorch outputs, by tensor name. */
    public record GraphVectors(Map<String, Array> inputs, Map<String, Array> outputs) {
    }

    private final List<Clip> clips = new ArrayList<>();
    private final Map<String, GraphVectors> graphs = new LinkedHashMap<>();

    public static Golden load(Path bundle) throws IOException {
        return new Golden(bundle.resolve("golden"));
    }

    private Golden(Path dir) throws IOException {
        JsonNode root = new ObjectMapper().readTree(dir.resolve("golden.json").toFile());
        for (JsonNode c : root.get("clips")) {
            JsonNode groups = c.get("group_logits");
            float[][] g = new float[groups.size()][];
            for (int i = 0; i < g.length; i++) {
                g[i] = floats(groups.get(i));
            }
            clips.add(new Clip(c.get("name").asText(), c.get("label").asInt(), array(dir, c.get("frames")),
                    floats(c.get("logits")), g));
        }
        for (Map.Entry<String, JsonNode> e : root.get("graphs").properties()) {
            graphs.put(e.getKey(), new GraphVectors(arrays(dir, e.getValue().get("inputs")),
                    arrays(dir, e.getValue().get("outputs"))));
        }
    }

    public List<Clip> clips() {
        return clips;
    }

    public Map<String, GraphVectors> graphs() {
        return graphs;
    }

    private static Map<String, Array> arrays(Path dir, JsonNode n) throws IOException {
        Map<String, Array> m = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : n.properties()) {
            m.put(e.getKey(), array(dir, e.getValue()));
        }
        return m;
    }

    private static Array array(Path dir, JsonNode n) throws IOException {
        JsonNode s = n.get("shape");
        long[] shape = new long[s.size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = s.get(i).asLong();
        }
        byte[] bytes = Files.readAllBytes(dir.resolve(n.get("file").asText()));
        ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length).order(ByteOrder.LITTLE_ENDIAN);
        direct.put(bytes).flip();
        return new Array(shape, direct);
    }

    private static float[] floats(JsonNode a) {
        float[] f = new float[a.size()];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) a.get(i).asDouble();
        }
        return f;
    }
}
