package org.respike.models.bundle;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Compares the tensors an opened ONNX graph really has with what the manifest declares for it. */
final class GraphSignature {
    private final String file;
    private final String field;

    /** {@code file} is the graph's file name, {@code field} its manifest path (e.g. graphs.ann). */
    GraphSignature(String file, String field) {
        this.file = file;
        this.field = field;
    }

    void check(Manifest.GraphSpec spec, OrtSession session) throws OrtException {
        side("inputs", spec.inputs(), session.getInputInfo());
        side("outputs", spec.outputs(), session.getOutputInfo());
    }

    private void side(String side, List<TensorSpec> declared, Map<String, NodeInfo> actual) {
        TreeSet<String> declaredNames = new TreeSet<>();
        declared.forEach(t -> declaredNames.add(t.name()));
        if (!declaredNames.equals(new TreeSet<>(actual.keySet()))) {
            throw fail(field + "." + side, "manifest declares " + declaredNames + " but the graph has "
                    + new TreeSet<>(actual.keySet()));
        }
        for (TensorSpec t : declared) {
            String where = field + "." + side + " " + t.name();
            if (!(actual.get(t.name()).getInfo() instanceof TensorInfo info)) {
                throw fail(where, "the graph's value is not a tensor");
            }
            if (info.type != OnnxJavaType.FLOAT) {
                throw fail(where + ".dtype", "manifest says " + t.dtype() + " but the graph has " + info.type);
            }
            if (!t.matches(info.getShape())) {
                throw fail(where + ".shape", "manifest says " + Arrays.toString(t.shape())
                        + " but the graph has " + Arrays.toString(info.getShape()));
            }
        }
    }

    private BundleException fail(String fieldPath, String problem) {
        return new BundleException(file + ": field '" + fieldPath + "': " + problem);
    }
}
