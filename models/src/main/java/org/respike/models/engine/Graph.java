package org.respike.models.engine;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.util.Map;
import org.respike.models.bundle.OrtCalls;

/** One shared session run with preallocated inputs and pinned outputs, errors named by graph, timed. */
record Graph(String name, OrtSession session, GraphTimes times) {

    void run(Map<String, OnnxTensor> inputs, Map<String, OnnxTensor> pinnedOutputs) {
        // All outputs are pinned, so the Result owns no tensor; it is closed all the same.
        long t0 = System.nanoTime();
        try {
            OrtCalls.run(() -> {
                try (OrtSession.Result pinned = session.run(inputs, pinnedOutputs)) {
                    return null; // the outputs are already in the pinned tensors' buffers
                }
            });
        } catch (OrtException e) {
            throw new InferenceException("graph " + name + " failed: " + e.getMessage(), e);
        } finally {
            times.add(name, System.nanoTime() - t0);
        }
    }
}
