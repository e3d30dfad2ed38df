package org.respike.models.engine;

import ai.onnxruntime.OnnxTensor;
import java.util.List;
import java.util.Map;
import org.respike.models.bundle.TensorSpec;

/**
 * One stream's way to run one graph over its own tensors: a call of its own, or, when the engine batches,
 * a row of a call shared with other streams through the {@link Batcher}. Either way the results land in
 * the stream's pinned output buffers, so the stream's code does not depend on which.
 */
final class StreamGraph {
    private final Graph graph;
    private final Batcher batcher;
    private final StreamTensors tensors;
    private final String[] inputs;
    private final String[] outputs;
    private final BatchRow row;

    /** @param batcher null to run alone */
    StreamGraph(Graph graph, Batcher batcher, List<TensorSpec> inputs, List<TensorSpec> outputs, StreamTensors tensors) {
        this.graph = graph;
        this.batcher = batcher;
        this.tensors = tensors;
        this.inputs = inputs.stream().map(TensorSpec::name).toArray(String[]::new);
        this.outputs = outputs.stream().map(TensorSpec::name).toArray(String[]::new);
        this.row = batcher == null ? null : batcher.row(graph.name());
    }

    /** Runs on {@code inputs} into {@code pinnedOutputs}: tensors of this stream's {@link StreamTensors}. */
    void run(Map<String, OnnxTensor> in, Map<String, OnnxTensor> pinnedOutputs) {
        if (batcher == null) {
            graph.run(in, pinnedOutputs);
            return;
        }
        for (int i = 0; i < inputs.length; i++) {
            row.inputs[i] = tensors.buffer(in.get(inputs[i]));
        }
        for (int o = 0; o < outputs.length; o++) {
            row.outputs[o] = tensors.buffer(pinnedOutputs.get(outputs[o]));
        }
        batcher.run(graph.name(), row);
    }
}
