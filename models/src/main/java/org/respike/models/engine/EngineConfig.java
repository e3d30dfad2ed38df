package org.respike.models.engine;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How the engine opens and runs its ONNX Runtime sessions. A value type: two equal configs on the same
 * bundle share one set of sessions in the process ({@link InferenceEngine#shared}), and with them one
 * batcher per graph.
 *
 * @param provider execution provider (AUTO falls back TensorRT -> CUDA -> CPU)
 * @param deviceId GPU ordinal for CUDA and TensorRT
 * @param intraOpThreads threads per session; 1 by default because several small sessions with their own
 *     pools contend on few cores (see shared/notes/model-toolchain.md)
 * @param intraOpSpinning let idle intra-op threads spin for work (ONNX Runtime's default) instead of
 *     sleeping; off by default: with more than one intra-op thread, spinning threads take cores from the
 *     decoders and from the other sessions. Irrelevant with one thread (there is no pool).
 * @param maxBatch most streams run together in one call of a graph (1: every stream runs its own calls,
 *     no waiting). Streams of these sessions that reach the same graph within {@code maxWait} share a call.
 * @param maxWait longest a stream's request waits for others to join a batch; a batch runs as soon as it
 *     is full or every open stream of these sessions has a request waiting or running, so streams pushed
 *     in step never wait this long. Keep it well under a group period (stride / fps).
 * @param tensorRtFp16 let TensorRT build fp16 engines
 * @param tensorRtCacheDir folder for TensorRT engine caches (null: no cache, rebuilt at each start)
 * @param tensorRtWorkspaceBytes TensorRT workspace limit (0: TensorRT's default)
 */
public record EngineConfig(ExecutionProvider provider, int deviceId, int intraOpThreads, boolean intraOpSpinning,
        int maxBatch, Duration maxWait, boolean tensorRtFp16, Path tensorRtCacheDir, long tensorRtWorkspaceBytes) {

    /** Default {@link #maxWait}: a few frames' decode time, far under the 500 ms group period at 8 fps, s = 4. */
    public static final Duration DEFAULT_MAX_WAIT = Duration.ofMillis(20);

    public EngineConfig {
        if (provider == null) {
            throw new IllegalArgumentException("provider must not be null");
        }
        if (deviceId < 0) {
            throw new IllegalArgumentException("deviceId must be >= 0, got " + deviceId);
        }
        if (intraOpThreads < 1) {
            throw new IllegalArgumentException("intraOpThreads must be >= 1, got " + intraOpThreads);
        }
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be >= 1, got " + maxBatch);
        }
        if (maxWait == null || maxWait.isNegative()) {
            throw new IllegalArgumentException("maxWait must be >= 0, got " + maxWait);
        }
        if (tensorRtWorkspaceBytes < 0) {
            throw new IllegalArgumentException("tensorRtWorkspaceBytes must be >= 0");
        }
        tensorRtCacheDir = tensorRtCacheDir == null ? null : tensorRtCacheDir.toAbsolutePath().normalize();
    }

    /** AUTO provider, device 0, one thread without spinning, no batching, fp32 TensorRT without cache. */
    public static EngineConfig defaults() {
        return new EngineConfig(ExecutionProvider.AUTO, 0, 1, false, 1, DEFAULT_MAX_WAIT, false, null, 0);
    }

    public static EngineConfig cpu() {
        return defaults().withProvider(ExecutionProvider.CPU);
    }

    /** Whether streams share graph calls ({@link #maxBatch} above 1). */
    public boolean batching() {
        return maxBatch > 1;
    }

    public EngineConfig withProvider(ExecutionProvider p) {
        return new EngineConfig(p, deviceId, intraOpThreads, intraOpSpinning, maxBatch, maxWait, tensorRtFp16,
                tensorRtCacheDir, tensorRtWorkspaceBytes);
    }

    public EngineConfig withDeviceId(int id) {
        return new EngineConfig(provider, id, intraOpThreads, intraOpSpinning, maxBatch, maxWait, tensorRtFp16,
                tensorRtCacheDir, tensorRtWorkspaceBytes);
    }

    public EngineConfig withIntraOpThreads(int n) {
        return new EngineConfig(provider, deviceId, n, intraOpSpinning, maxBatch, maxWait, tensorRtFp16,
                tensorRtCacheDir, tensorRtWorkspaceBytes);
    }

    public EngineConfig withIntraOpSpinning(boolean spin) {
        return new EngineConfig(provider, deviceId, intraOpThreads, spin, maxBatch, maxWait, tensorRtFp16,
                tensorRtCacheDir, tensorRtWorkspaceBytes);
    }

    public EngineConfig withBatching(int batch, Duration wait) {
        return new EngineConfig(provider, deviceId, intraOpThreads, intraOpSpinning, batch, wait, tensorRtFp16,
                tensorRtCacheDir, tensorRtWorkspaceBytes);
    }

    public EngineConfig withTensorRt(boolean fp16, Path cacheDir, long workspaceBytes) {
        return new EngineConfig(provider, deviceId, intraOpThreads, intraOpSpinning, maxBatch, maxWait, fp16,
                cacheDir, workspaceBytes);
    }
}
