package org.respike.models.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.respike.models.testing.BundleCopy;
import org.respike.models.testing.JsonEdit;
import org.respike.models.testing.TestBundles;

/**
 * Loading a real bundle, and a copy of it broken in each way a bundle can break on disk: every defect is
 * a BundleException naming the file and the field, never a native crash or a NullPointerException.
 */
class ModelBundleTest {
    @TempDir
    Path tmp;
    Path copy;
    Path manifest;

    @BeforeEach
    void copyBundle() throws IOException {
        copy = BundleCopy.of(TestBundles.hybrid(), tmp.resolve("bundle"));
        manifest = copy.resolve(Manifest.FILE);
    }

    private BundleException loadFails(String... mentions) {
        BundleException e = assertThrows(BundleException.class, () -> ModelBundle.load(copy));
        for (String m : mentions) {
            assertTrue(e.getMessage().contains(m), "message should mention " + m + ": " + e.getMessage());
        }
        return e;
    }

    private void edit(String pointer, String value) throws IOException {
        JsonEdit.read(manifest).set(pointer, value).write(manifest);
    }

    @Test
    void validBundleLoads() {
        ModelBundle b = ModelBundle.load(copy);
        assertEquals(copy.toAbsolutePath().normalize(), b.dir());
        assertFalse(b.labels().isEmpty());
        assertTrue(Files.isRegularFile(b.graphFile(Manifest.CLIP)));
    }

    @Test
    void notAFolder() {
        BundleException e = assertThrows(BundleException.class, () -> ModelBundle.load(tmp.resolve("nothing")));
        assertTrue(e.getMessage().contains("nothing") && e.getMessage().contains("not a bundle folder"));
    }

    @Test
    void missingManifest() throws IOException {
        Files.delete(manifest);
        loadFails(manifest.toString(), "cannot be read");
    }

    @Test
    void missingGraphFile() throws IOException {
        Files.delete(copy.resolve("snn_step.onnx"));
        loadFails("snn_step.onnx", "missing", "graphs.snn_step.file");
    }

    @Test
    void corruptGraph() throws IOException {
        Files.writeString(copy.resolve("head.onnx"), "this is not a protobuf");
        loadFails("head.onnx", "cannot be opened as an ONNX graph", "graphs.head.file");
    }

    @Test
    void truncatedGraph() throws IOException {
        Path ann = copy.resolve("ann_key.onnx");
        byte[] bytes = Files.readAllBytes(ann);
        Files.write(ann, Arrays.copyOf(bytes, bytes.length / 2));
        loadFails("ann_key.onnx", "graphs.ann.file");
    }

    @Test
    void emptyGraphFile() throws IOException {
        Files.write(copy.resolve("clip.onnx"), new byte[0]);
        loadFails("clip.onnx", "graphs.clip.file");
    }

    @Test
    void graphFileOutsideTheBundle() throws IOException {
        edit("/graphs/head/file", "\"../head.onnx\"");
        loadFails(manifest.toString(), "graphs.head.file", "inside the bundle");
    }

    @Test
    void manifestNamesAnotherGraph() throws IOException {
        edit("/graphs/head/file", "\"ann_key.onnx\"");
        loadFails("ann_key.onnx", "graphs.head.inputs", "but the graph has [key_frame]");
    }

    @Test
    void shapeDisagreesWithGraph() throws IOException {
        edit("/graphs/ann/outputs/0/shape/1", "7");
        edit("/graphs/head/inputs/0/shape/1", "7");
        loadFails("ann_key.onnx", "graphs.ann.outputs ann_pooled.shape", "manifest says [-1, 7]");
    }

    @Test
    void tensorNameNotInGraph() throws IOException {
        edit("/graphs/head/inputs/1/name", "\"snn_average\"");
        loadFails(manifest.toString(), "graphs.head.inputs", "expected exactly [ann_pooled, snn_mean]");
    }

    @Test
    void unknownFormatVersion() throws IOException {
        edit("/format_version", "99");
        loadFails(manifest.toString(), "format_version", "unsupported version 99");
    }

    @Test
    void emptyLabels() throws IOException {
        edit("/labels", "[]");
        loadFails(manifest.toString(), "labels", "must not be empty");
    }

    @Test
    void missingField() throws IOException {
        JsonEdit.read(manifest).remove("/input/std").write(manifest);
        loadFails(manifest.toString(), "input.std", "missing");
    }

    @Test
    void truncatedManifest() throws IOException {
        String json = Files.readString(manifest);
        Files.writeString(manifest, json.substring(0, json.length() / 2));
        loadFails(manifest.toString(), "not valid JSON");
    }
}
