package org.respike.models.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;
import org.respike.models.bundle.Architecture;
import org.respike.models.bundle.ModelBundle;
import org.respike.models.frame.Frame;

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
    /** Helper threads of {@link #pushAll}, started on its first batched use. */
    private PushTogether together;

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

    /** Each graph's calls and wall time so far on these sessions, over all their streams, by graph name. */
    public Map<String, GraphTime> graphTimes() {
        return sessions.times().snapshot();
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

    /**
     * Pushes {@code frames.get(i)} to {@code streams.get(i)} for every i; their results in that order. When the
     * config batches, the pushes run at once (on this thread and helper threads of this handle), so streams
     * at the same point of their groups share one call of each graph; pushed one after another from one
     * thread, each stream's graph call would wait up to maxWait for the others. Without batching they run
     * one after another on this thread. Each stream at most once per call; one thread at a time calls this
     * (and {@link #finishAll}) on a handle. The first failure of any push is rethrown after all have ended.
     */
    public List<Optional<ActionResult>> pushAll(List<? extends ActionStream> streams, List<Frame> frames) {
        if (streams.size() != frames.size()) {
            throw new IllegalArgumentException(streams.size() + " streams but " + frames.size() + " frames");
        }
        return together(streams.size(), i -> streams.get(i).push(frames.get(i)));
    }

    /** {@link ActionStream#finish()} of every stream, together as in {@link #pushAll}. */
    public List<Optional<ActionResult>> finishAll(List<? extends ActionStream> streams) {
        return together(streams.size(), i -> streams.get(i).finish());
    }

    private List<Optional<ActionResult>> together(int n, IntFunction<Optional<ActionResult>> call) {
        if (config().batching() && n > 1) {
            PushTogether helpers;
            synchronized (this) {
                if (closed.get()) {
                    throw new IllegalStateException("engine is closed");
                }
                if (together == null) {
                    together = new PushTogether("respike-push");
                }
                helpers = together;
            }
            return helpers.run(n, call);
        }
        List<Optional<ActionResult>> results = new ArrayList<>(n);
        RuntimeException first = null;
        for (int i = 0; i < n; i++) {
            try {
                results.add(call.apply(i));
            } catch (RuntimeException e) {
                first = first == null ? e : first;
                results.add(Optional.empty());
            }
        }
        if (first != null) {
            throw first;
        }
        return results;
    }

    /** Releases this handle (idempotent); open streams stay usable until they are closed. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            synchronized (this) {
                if (together != null) {
                    together.close();
                }
            }
            sessions.release();
        }
    }
}
