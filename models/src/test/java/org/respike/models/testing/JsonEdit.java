package org.respike.models.testing;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A manifest JSON tree that tests break one field at a time, addressed by JSON pointer ("/input/std/1"). */
public final class JsonEdit {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode root;

    private JsonEdit(JsonNode root) {
        this.root = root;
    }

    /** The small valid hybrid manifest of the test resources. */
    public static JsonEdit smallHybrid() {
        try (InputStream in = JsonEdit.class.getResourceAsStream("/manifests/hybrid-small.json")) {
            return new JsonEdit(JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonEdit read(Path file) throws IOException {
        return new JsonEdit(JSON.readTree(file.toFile()));
    }

    /** Sets (or, one past an array's end, appends) the value at {@code pointer}, given as JSON text. */
    public JsonEdit set(String pointer, String jsonValue) {
        JsonPointer p = JsonPointer.compile(pointer);
        JsonNode parent = root.at(p.head());
        JsonNode value;
        try {
            value = JSON.readTree(jsonValue);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (parent instanceof ArrayNode a) {
            int i = Integer.parseInt(p.last().getMatchingProperty());
            if (i == a.size()) {
                a.add(value);
            } else {
                a.set(i, value);
            }
        } else {
            ((ObjectNode) parent).set(p.last().getMatchingProperty(), value);
        }
        return this;
    }

    public JsonEdit remove(String pointer) {
        JsonPointer p = JsonPointer.compile(pointer);
        JsonNode parent = root.at(p.head());
        if (parent instanceof ArrayNode a) {
            a.remove(Integer.parseInt(p.last().getMatchingProperty()));
        } else {
            ((ObjectNode) parent).remove(p.last().getMatchingProperty());
        }
        return this;
    }

    public String json() {
        return root.toString();
    }

    public void write(Path file) throws IOException {
        Files.writeString(file, json());
    }
}
