package org.respike.models.engine;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.respike.models.bundle.Architecture;
import org.respike.models.bundle.ModelBundle;

/**
 * A user's handle on the shared ONNX Runtime sessions of one bundle. Thread-safe: any number of threads
 * may open streams on one engine. Each handle must be closed once; the sessions close when the last
 * handle and the last stream opened from them are closed.
 *
 * <pre>{@code
 * try (InferenceEngine engine = InferenceEngine.shared(bundleDir, EngineConfig.defaults());
 *      ActionStream stream = engine.openStream("cam1", StreamOptions.defaults())) {
 *     stream.push(frame).ifPresent(result -> ...);
 * }
 * }</pre>
 */
public final class InferenceEngine implements AutoCloseable {
    private final SharedSessions sessions;
    private final AtomicBoolean closed = new AtomicBoolean();

    private InferenceEngine(SharedSessions sessions) {
        this.sessions = sessions;
    }

    /**
     * The engine for {@code bundleDir} with {@code config}, sharing sessions with every other open engine
     * on the same folder and config in this process. Loads and validates the bundle on first use.
     *
     * @throws org.respike.models.bundle.BundleException if the bundle is invalid
     * @throws InferenceException if the requested execution provider cannot be used
     */
    public static InferenceEngine shared(Path bundleDir, EngineConfig config) {
        return new InferenceEngine(SharedSessions.acquire(bundleDir, config));
    }

    public ModelBundle bundle() {
        return sessions.bundle();
    }

    public EngineConfig config() {
        return sessions.config();
    }

    /** The provider that actually loaded: "TensorRT", "CUDA" or "CPU". */
    public String providerName() {
        return sessions.provider().displayName();
    }

    public ExecutionProvider provider() {
        return sessions.provider();
    }

    /** Batched graph calls so far on these sessions (zero when the config does not batch). */
    public BatchCounts batchCounts() {
        return sessions.batcher() == null ? new BatchCounts(0, 0) : sessions.batcher().counts();
    }

    /** A new stream with its own small state; close it when the video ends. */
    public ActionStream openStream(String streamId, StreamOptions options) {
        if (closed.get()) {
            throw new IllegalStateException("engine is closed");
        }
        sessions.retain();
        try {
            return bundle().manifest().architecture() == Architecture.CLIP
                    ? new ClipActionStream(streamId, sessions, options)
                    : new HybridActionStream(streamId, sessions, options);
        } catch (RuntimeException e) {
            sessions.release();
            throw e;
        }
    }

    public ActionStream openStream(String streamId) {
        return openStream(streamId, StreamOptions.defaults());
    }

    /** Releases this handle (idempotent); open streams stay usable until they are closed. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            sessions.release();
        }
    }
}
