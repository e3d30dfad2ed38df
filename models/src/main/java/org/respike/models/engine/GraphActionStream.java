package org.respike.models.engine;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import java.util.List;
import org.respike.models.bundle.Manifest;

/**
 * What both kinds of stream share: the stream id, the engine's sessions (released on close), the labels,
 * the energy meter, the stream's own tensors, membership of the engine's batcher, the static-scene gate
 * and its counter, and the closed state. Subclasses allocate their tensors in their constructor through
 * {@link #tensors} and call {@link #allocationFailed} if that throws.
 */
abstract class GraphActionStream implements ActionStream {
    final String streamId;
    final SharedSessions sessions;
    final Manifest manifest;
    final List<String> labels;
    final EnergyMeter energy;
    final StaticSceneGate gate;
    final StreamTensors tensors = new StreamTensors(OrtEnvironment.getEnvironment());
    long skippedGroups;
    private boolean closed;

    GraphActionStream(String streamId, SharedSessions sessions, StreamOptions options) {
        this.streamId = streamId;
        this.sessions = sessions;
        this.manifest = sessions.bundle().manifest();
        this.labels = manifest.labels();
        this.energy = new EnergyMeter(manifest);
        this.gate = new StaticSceneGate(manifest.input(), options.staticThreshold());
        if (sessions.batcher() != null) {
            sessions.batcher().join();
        }
    }

    /** How this stream runs one of the bundle's graphs: alone, or batched when the engine batches. */
    final StreamGraph graph(String name) {
        Manifest.GraphSpec spec = manifest.graph(name);
        return new StreamGraph(sessions.graph(name), sessions.batcher(), spec.inputs(),
                spec.outputs(), tensors);
    }

    /** Frees what the constructor allocated so far and rethrows {@code e} (ONNX Runtime's as an InferenceException). */
    final RuntimeException allocationFailed(Exception e) {
        tensors.close();
        if (sessions.batcher() != null) {
            sessions.batcher().leave();
        }
        if (e instanceof OrtException ort) {
            throw new InferenceException("cannot allocate stream tensors", ort);
        }
        throw (RuntimeException) e;
    }

    @Override
    public final String streamId() {
        return streamId;
    }

    @Override
    public final long skippedGroups() {
        return skippedGroups;
    }

    @Override
    public final void close() {
        if (!closed) {
            closed = true;
            tensors.close();
            if (sessions.batcher() != null) {
                sessions.batcher().leave();
            }
            sessions.release();
        }
    }

    final void checkOpen() {
        if (closed) {
            throw new IllegalStateException("stream " + streamId + " is closed");
        }
    }
}
