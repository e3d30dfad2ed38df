package org.respike.models.bundle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.respike.models.bundle.Manifest.EnergySpec;
import org.respike.models.bundle.Manifest.GraphSpec;
import org.respike.models.bundle.Manifest.InputSpec;
import org.respike.models.bundle.Manifest.LifLayer;
import org.respike.models.bundle.Manifest.Ops;
import org.respike.models.bundle.Manifest.StateSpec;
import org.respike.models.bundle.Manifest.SynapticOp;

/**
 * Turns manifest JSON into a {@link Manifest}, checking each field's presence, type and range as it goes.
 * Reading the tree by hand (rather than data binding) is what lets every error name the exact field path.
 */
final class ManifestReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String file;

    ManifestReader(String file) {
        this.file = file;
    }

    Manifest read(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new BundleException(file + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new BundleException(file + ": not a JSON object");
        }
        String format = text(root, "format");
        if (!Manifest.FORMAT.equals(format)) {
            throw fail("format", "expected \"" + Manifest.FORMAT + "\", got \"" + format + "\"");
        }
        int version = integer(root, "format_version");
        if (version != Manifest.FORMAT_VERSION) {
            throw fail("format_version", "unsupported version " + version + " (this engine reads version "
                    + Manifest.FORMAT_VERSION + ")");
        }
        String archId = text(root, "architecture");
        Architecture arch = Architecture.fromId(archId);
        if (arch == null) {
            throw fail("architecture", "unknown architecture \"" + archId + "\"");
        }
        List<String> labels = texts(root, "labels");
        if (labels.isEmpty()) {
            throw fail("labels", "must not be empty");
        }
        // Results key the class scores by label: two classes with one name would collapse into one.
        for (int i = 0; i < labels.size(); i++) {
            int first = labels.indexOf(labels.get(i));
            if (first != i) {
                throw fail("labels", "\"" + labels.get(i) + "\" appears twice (at " + first + " and " + i + ")");
            }
            if (labels.get(i).isBlank()) {
                throw fail("labels", "label " + i + " is empty");
            }
        }
        int stride = positive(root, "stride");
        int clipFrames = positive(root, "clip_frames");
        if (clipFrames % stride != 0) {
            throw fail("clip_frames", clipFrames + " is not a multiple of stride " + stride);
        }
        if (arch == Architecture.RESPIKE_HYBRID && stride < 2) {
            throw fail("stride", "a hybrid needs at least one residual per group (stride >= 2), got " + stride);
        }
        double fps = number(root, "fps", "fps");
        if (!(fps > 0)) {
            throw fail("fps", "must be > 0, got " + fps);
        }
        boolean hybrid = arch == Architecture.RESPIKE_HYBRID;
        return new Manifest(version, text(root, "name"), arch, labels, input(node(root, "input", "input")), stride,
                clipFrames, fps, graphs(node(root, "graphs", "graphs")),
                hybrid ? states(root) : List.of(),
                hybrid ? texts(root, "context") : List.of(),
                hybrid ? lifLayers(root) : List.of(),
                ops(node(root, "ops", "ops"), hybrid), energy(node(root, "energy", "energy")));
    }

    private InputSpec input(JsonNode n) {
        int width = positive(n, "input.width", "width");
        int height = positive(n, "input.height", "height");
        int channels = integer(n, "input.channels", "channels");
        if (channels != 3) {
            throw fail("input.channels", "must be 3, got " + channels);
        }
        String order = text(n, "input.color_order", "color_order");
        ColorOrder colorOrder;
        try {
            colorOrder = ColorOrder.valueOf(order);
        } catch (IllegalArgumentException e) {
            throw fail("input.color_order", "must be RGB or BGR, got \"" + order + "\"");
        }
        String resize = text(n, "input.resize", "resize");
        if (!"stretch".equals(resize)) {
            throw fail("input.resize", "only \"stretch\" is supported, got \"" + resize + "\"");
        }
        float scale = (float) number(n, "input.scale", "scale");
        if (!(scale > 0)) {
            throw fail("input.scale", "must be > 0, got " + scale);
        }
        float[] mean = triple(n, "input.mean", "mean");
        float[] std = triple(n, "input.std", "std");
        for (int c = 0; c < 3; c++) {
            if (!(std[c] > 0)) {
                throw fail("input.std[" + c + "]", "must be > 0, got " + std[c]);
            }
        }
        return new InputSpec(width, height, channels, colorOrder, scale, mean, std);
    }

    private float[] triple(JsonNode parent, String path, String key) {
        JsonNode a = node(parent, path, key);
        if (!a.isArray() || a.size() != 3) {
            throw fail(path, "must be an array of 3 numbers");
        }
        float[] v = new float[3];
        for (int i = 0; i < 3; i++) {
            v[i] = (float) toNumber(a.get(i), path + "[" + i + "]");
        }
        return v;
    }

    private Map<String, GraphSpec> graphs(JsonNode n) {
        if (!n.isObject()) {
            throw fail("graphs", "must be an object");
        }
        Map<String, GraphSpec> graphs = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : n.properties()) {
            String path = "graphs." + e.getKey();
            JsonNode g = e.getValue();
            graphs.put(e.getKey(), new GraphSpec(text(g, path + ".file", "file"),
                    tensors(g, path + ".inputs", "inputs"), tensors(g, path + ".outputs", "outputs")));
        }
        return graphs;
    }

    private List<TensorSpec> tensors(JsonNode parent, String path, String key) {
        JsonNode a = array(parent, path, key);
        List<TensorSpec> list = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            String p = path + "[" + i + "]";
            JsonNode t = a.get(i);
            String dtype = text(t, p + ".dtype", "dtype");
            if (!TensorSpec.FLOAT32.equals(dtype)) {
                throw fail(p + ".dtype", "only float32 is supported, got \"" + dtype + "\"");
            }
            list.add(new TensorSpec(text(t, p + ".name", "name"), shape(t, p + ".shape", "shape"), dtype));
        }
        return list;
    }

    private long[] shape(JsonNode parent, String path, String key) {
        JsonNode a = array(parent, path, key);
        if (a.isEmpty()) {
            throw fail(path, "must have at least the batch axis");
        }
        long[] s = new long[a.size()];
        for (int i = 0; i < s.length; i++) {
            JsonNode d = a.get(i);
            if (!d.canConvertToLong() || !d.isIntegralNumber() || d.asLong() == 0 || d.asLong() < -1) {
                throw fail(path + "[" + i + "]", "must be a positive integer or -1, got " + d);
            }
            s[i] = d.asLong();
        }
        return s;
    }

    private List<StateSpec> states(JsonNode root) {
        return items(root, "state", (s, p) -> new StateSpec(text(s, p + ".input", "input"),
                text(s, p + ".output", "output"), shape(s, p + ".shape", "shape")));
    }

    private List<LifLayer> lifLayers(JsonNode root) {
        return items(root, "lif_layers", (l, p) -> new LifLayer(text(l, p + ".name", "name"),
                longPositive(l, p + ".neurons", "neurons")));
    }

    /** Each element of the array {@code field}, read by {@code item} (element, its path in the manifest). */
    private <T> List<T> items(JsonNode root, String field, BiFunction<JsonNode, String, T> item) {
        JsonNode a = array(root, field, field);
        List<T> list = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            list.add(item.apply(a.get(i), field + "[" + i + "]"));
        }
        return list;
    }

    private Ops ops(JsonNode n, boolean hybrid) {
        long clip = nonNegative(n, "ops.clip_macs", "clip_macs");
        if (!hybrid) {
            return new Ops(0, 0, 0, List.of(), clip);
        }
        JsonNode a = array(n, "ops.snn_step_synaptic", "snn_step_synaptic");
        List<SynapticOp> syn = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            String p = "ops.snn_step_synaptic[" + i + "]";
            JsonNode s = a.get(i);
            syn.add(new SynapticOp(text(s, p + ".layer", "layer"), integer(s, p + ".lif", "lif"),
                    nonNegative(s, p + ".dense_ops", "dense_ops")));
        }
        return new Ops(nonNegative(n, "ops.ann_macs", "ann_macs"), nonNegative(n, "ops.head_macs", "head_macs"),
                nonNegative(n, "ops.snn_step_macs", "snn_step_macs"), syn, clip);
    }

    private EnergySpec energy(JsonNode n) {
        double mac = number(n, "energy.pj_per_mac", "pj_per_mac");
        double ac = number(n, "energy.pj_per_ac", "pj_per_ac");
        if (mac < 0 || ac < 0) {
            throw fail("energy", "energies per operation must be >= 0");
        }
        return new EnergySpec(mac, ac);
    }

    // ---- typed field access; every failure names the field path ----

    private JsonNode node(JsonNode parent, String path, String key) {
        JsonNode n = parent.isObject() ? parent.get(key) : null;
        if (n == null || n.isNull()) {
            throw fail(path, "missing");
        }
        return n;
    }

    private JsonNode array(JsonNode parent, String path, String key) {
        JsonNode n = node(parent, path, key);
        if (!n.isArray()) {
            throw fail(path, "must be an array");
        }
        return n;
    }

    private String text(JsonNode parent, String key) {
        return text(parent, key, key);
    }

    private String text(JsonNode parent, String path, String key) {
        JsonNode n = node(parent, path, key);
        if (!n.isTextual() || n.asText().isEmpty()) {
            throw fail(path, "must be a non-empty string");
        }
        return n.asText();
    }

    private List<String> texts(JsonNode parent, String key) {
        JsonNode a = array(parent, key, key);
        List<String> list = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            JsonNode n = a.get(i);
            if (!n.isTextual() || n.asText().isEmpty()) {
                throw fail(key + "[" + i + "]", "must be a non-empty string");
            }
            list.add(n.asText());
        }
        return list;
    }

    private int integer(JsonNode parent, String key) {
        return integer(parent, key, key);
    }

    private int integer(JsonNode parent, String path, String key) {
        JsonNode n = node(parent, path, key);
        if (!n.isIntegralNumber() || !n.canConvertToInt()) {
            throw fail(path, "must be an integer, got " + n);
        }
        return n.asInt();
    }

    private int positive(JsonNode parent, String key) {
        return positive(parent, key, key);
    }

    private int positive(JsonNode parent, String path, String key) {
        int v = integer(parent, path, key);
        if (v <= 0) {
            throw fail(path, "must be > 0, got " + v);
        }
        return v;
    }

    private long nonNegative(JsonNode parent, String path, String key) {
        JsonNode n = node(parent, path, key);
        if (!n.isIntegralNumber() || !n.canConvertToLong() || n.asLong() < 0) {
            throw fail(path, "must be an integer >= 0, got " + n);
        }
        return n.asLong();
    }

    private long longPositive(JsonNode parent, String path, String key) {
        long v = nonNegative(parent, path, key);
        if (v == 0) {
            throw fail(path, "must be > 0");
        }
        return v;
    }

    private double number(JsonNode parent, String path, String key) {
        return toNumber(node(parent, path, key), path);
    }

    private double toNumber(JsonNode n, String path) {
        if (n == null || !n.isNumber()) {
            throw fail(path, "must be a number, got " + n);
        }
        return n.asDouble();
    }

    private BundleException fail(String field, String problem) {
        return BundleException.field(file, field, problem);
    }
}
