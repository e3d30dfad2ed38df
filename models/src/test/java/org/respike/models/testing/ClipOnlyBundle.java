package org.respike.models.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Derives a bundle of architecture "clip" from a hybrid bundle: the same labels and input, only its
 * clip.onnx. It exercises the baseline code path (and Java's clip.onnx against streaming) on the very
 * graphs whose parity the golden vectors pin.
 */
public final class ClipOnlyBundle {
    private ClipOnlyBundle() {
    }

    public static Path derive(Path hybrid, Path target) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode m = (ObjectNode) json.readTree(hybrid.resolve("manifest.json").toFile());
        m.put("architecture", "clip");
        ObjectNode graphs = (ObjectNode) m.get("graphs");
        graphs.retain("clip");
        m.remove("state");
        m.remove("context");
        m.remove("lif_layers");
        Files.createDirectories(target);
        Files.copy(hybrid.resolve(graphs.get("clip").get("file").asText()), target.resolve("clip.onnx"));
        graphs.with("clip").put("file", "clip.onnx");
        json.writerWithDefaultPrettyPrinter().writeValue(target.resolve("manifest.json").toFile(), m);
        return target;
    }
}
