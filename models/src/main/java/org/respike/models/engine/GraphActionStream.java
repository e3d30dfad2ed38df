package org.respike.models.engine;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import java.util.List;
import org.respike.models.bundle.Manifest;

/**
 * What both kinds of stream share: the stream id, the engine's sessions (released on close), the labels,
 * the energy meter, the stream's own tensors, and the closed state. Subclasses allocate their tensors in
 * their constructor through {@link #tensors} and call {@link #allocationFailed} if that throws.
 */
abstract class GraphActionStream implements ActionStream {
    final String streamId;
    final SharedSessions sessions;
    final Manifest manifest;
    final List<String> labels;
    final EnergyMeter energy;
    final StreamTensors tensors = new StreamTensors(OrtEnvironment.getEnvironment());
    private boolean closed;

    GraphActionStream(String streamId, SharedSessions sessions) {
        this.streamId = streamId;
        this.sessions = sessions;
        this.manifest = sessions.bundle().manifest();
        this.labels = manifest.labels();
        this.energy = new EnergyMeter(manifest);
    }

    /** Frees what the constructor allocated so far and rethrows {@code e} (ONNX Runtime's as an InferenceException). */
    final RuntimeException allocationFailed(Exception e) {
        tensors.close();
        if (e instanceof OrtException ort) {
            throw new InferenceException("cannot allocate stream tensors", ort);
        }
        throw (RuntimeException) e;
    }

    @Override
    public final String streamId() {
        return streamId;
    }

    /** Native state beyond {@link #tensors} to free on close. */
    void closeState() {}

    @Override
    public final void close() {
        if (!closed) {
            closed = true;
            closeState();
            tensors.close();
            sessions.release();
        }
    }

    final void checkOpen() {
        if (closed) {
            throw new IllegalStateException("stream " + streamId + " is closed");
        }
    }
}
