package org.respike.models.engine;

import java.nio.FloatBuffer;

/**
 * One stream's item in a batched call of one graph: its batch-1 buffers, in the graph's declared input and
 * output order. The stream may point a slot at another buffer between calls (the SNN state swaps sets).
 * Preallocated per stream and graph, so a batched call allocates no rows.
 */
final class BatchRow {
    final FloatBuffer[] inputs;
    final FloatBuffer[] outputs;
    boolean done;
    RuntimeException failure;

    BatchRow(int inputs, int outputs) {
        this.inputs = new FloatBuffer[inputs];
        this.outputs = new FloatBuffer[outputs];
    }
}
