package org.respike.models.engine;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.util.Map;

/** One shared session run with preallocated inputs and pinned outputs, errors named by graph. */
record Graph(String name, OrtSession session) {

    void run(Map<String, OnnxTensor> inputs, Map<String, OnnxTensor> pinnedOutputs) {
        // The Result owns nothing here (all outputs are pinned) but must still be closed.
        try (OrtSession.Result unused = session.run(inputs, pinnedOutputs)) {
            assert unused.size() == pinnedOutputs.size();
        } catch (OrtException e) {
            throw new InferenceException("graph " + name + " failed: " + e.getMessage(), e);
        }
    }
}
