package org.respike.models.engine;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.respike.models.bundle.Manifest.StateSpec;
import org.respike.models.engine.StreamTensors.Pinned;
import org.respike.models.frame.NativeBuffers;

/**
 * The LIF membranes of one stream, carried from one SNN step to the next. Two preallocated tensor sets
 * swap roles each step: one is fed as the step's state inputs while ONNX Runtime writes the new state
 * into the other, pinned as outputs. The input and output maps of both parities are built once, so a step
 * allocates no tensors and no maps. The tensors belong to the stream's {@link StreamTensors}.
 */
final class SnnState {
    private final List<List<FloatBuffer>> sets = new ArrayList<>();
    private final List<Map<String, OnnxTensor>> inputs = new ArrayList<>();
    private final List<Map<String, OnnxTensor>> outputs = new ArrayList<>();
    private final FloatBuffer zeros;
    private int current;

    /**
     * @param fixedInputs the step's other inputs (residual, ANN context), added to both parities' maps
     * @param fixedOutputs the step's other pinned outputs (snn_feature, spike_counts)
     */
    SnnState(StreamTensors tensors, List<StateSpec> states, Map<String, OnnxTensor> fixedInputs,
            Map<String, OnnxTensor> fixedOutputs) throws OrtException {
        List<List<OnnxTensor>> tensorSets = List.of(new ArrayList<>(), new ArrayList<>());
        long largest = 1;
        for (StateSpec s : states) {
            largest = Math.max(largest, s.tensor().elementsPerItem());
        }
        this.zeros = NativeBuffers.floats(largest);
        for (int parity = 0; parity < 2; parity++) {
            List<FloatBuffer> set = new ArrayList<>();
            for (StateSpec s : states) {
                Pinned p = tensors.create(s.tensor());
                tensorSets.get(parity).add(p.tensor());
                set.add(p.buffer());
            }
            sets.add(set);
        }
        for (int parity = 0; parity < 2; parity++) {
            Map<String, OnnxTensor> in = new HashMap<>(fixedInputs);
            Map<String, OnnxTensor> out = new HashMap<>(fixedOutputs);
            for (int i = 0; i < states.size(); i++) {
                in.put(states.get(i).input(), tensorSets.get(parity).get(i));
                out.put(states.get(i).output(), tensorSets.get(1 - parity).get(i));
            }
            inputs.add(in);
            outputs.add(out);
        }
    }

    /** Zero membranes: the state at the start of every group. */
    void reset() {
        for (FloatBuffer b : sets.get(current)) {
            // Bulk copy from a zero buffer is a memcpy; the tensors hold the native address, so the
            // buffer positions moved here do not matter to ONNX Runtime but are rewound anyway.
            zeros.clear().limit(b.capacity());
            b.clear();
            b.put(zeros);
            b.clear();
        }
    }

    /** Inputs of the next step: fixed inputs plus the current membranes. */
    Map<String, OnnxTensor> stepInputs() {
        return inputs.get(current);
    }

    /** Pinned outputs of the next step: fixed outputs plus the other membrane set. */
    Map<String, OnnxTensor> stepOutputs() {
        return outputs.get(current);
    }

    /** After a step: the membranes it wrote become the current ones. */
    void swap() {
        current = 1 - current;
    }
}
