package org.respike.models.engine;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import java.nio.FloatBuffer;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.respike.models.bundle.TensorSpec;
import org.respike.models.frame.NativeBuffers;

/**
 * Owner of one stream's native tensors. Each wraps a direct buffer that the stream reads and writes in
 * place (ONNX Runtime neither copies inputs nor allocates pinned outputs), and all close together.
 * The buffer behind any owned tensor can be looked up, which is how a batched call finds a stream's rows.
 */
final class StreamTensors implements AutoCloseable {
    /** A tensor and the buffer behind it. */
    record Pinned(FloatBuffer buffer, OnnxTensor tensor) {
    }

    private final OrtEnvironment env;
    private final Map<OnnxTensor, FloatBuffer> owned = new IdentityHashMap<>();

    StreamTensors(OrtEnvironment env) {
        this.env = env;
    }

    /** A zeroed batch-1 tensor of the spec's shape. */
    Pinned create(TensorSpec spec) throws OrtException {
        return wrap(NativeBuffers.floats(spec.elementsPerItem()), spec);
    }

    /** A batch-1 tensor over an existing direct buffer. */
    Pinned wrap(FloatBuffer buffer, TensorSpec spec) throws OrtException {
        OnnxTensor t = OnnxTensor.createTensor(env, buffer, spec.withBatch(1));
        owned.put(t, buffer);
        return new Pinned(buffer, t);
    }

    /** Pinned tensors for every declared output, reusing those given in {@code preset} by name. */
    Map<String, OnnxTensor> pinAll(List<TensorSpec> outputs, Map<String, Pinned> preset) throws OrtException {
        Map<String, OnnxTensor> map = new LinkedHashMap<>();
        for (TensorSpec o : outputs) {
            Pinned p = preset.get(o.name());
            map.put(o.name(), p != null ? p.tensor() : create(o).tensor());
        }
        return map;
    }

    /** The buffer behind an owned tensor. */
    FloatBuffer buffer(OnnxTensor tensor) {
        FloatBuffer b = owned.get(tensor);
        if (b == null) {
            throw new IllegalArgumentException("tensor not owned by this stream");
        }
        return b;
    }

    @Override
    public void close() {
        owned.keySet().forEach(OnnxTensor::close);
        owned.clear();
    }
}
