package org.respike.models.engine;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How the engine opens its ONNX Runtime sessions. A value type: two equal configs on the same bundle
 * share one set of sessions in the process ({@link InferenceEngine#shared}).
 *
 * @param provider execution provider (AUTO falls back TensorRT -> CUDA -> CPU)
 * @param deviceId GPU ordinal for CUDA and TensorRT
 * @param intraOpThreads threads per session; 1 by default because several small sessions with their own
 *     pools contend on few cores (see shared/notes/model-toolchain.md)
 * @param tensorRtFp16 let TensorRT build fp16 engines
 * @param tensorRtCacheDir folder for TensorRT engine caches (null: no cache, rebuilt at each start)
 * @param tensorRtWorkspaceBytes TensorRT workspace limit (0: TensorRT's default)
 */
public record EngineConfig(ExecutionProvider provider, int deviceId, int intraOpThreads, boolean tensorRtFp16,
        Path tensorRtCacheDir, long tensorRtWorkspaceBytes) {

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
        if (tensorRtWorkspaceBytes < 0) {
            throw new IllegalArgumentException("tensorRtWorkspaceBytes must be >= 0");
        }
        tensorRtCacheDir = tensorRtCacheDir == null ? null : tensorRtCacheDir.toAbsolutePath().normalize();
    }

    /** AUTO provider, device 0, one thread, fp32 TensorRT without cache. */
    public static EngineConfig defaults() {
        return new EngineConfig(ExecutionProvider.AUTO, 0, 1, false, null, 0);
    }

    public static EngineConfig cpu() {
        return defaults().withProvider(ExecutionProvider.CPU);
    }

    public EngineConfig withProvider(ExecutionProvider p) {
        return new EngineConfig(p, deviceId, intraOpThreads, tensorRtFp16, tensorRtCacheDir, tensorRtWorkspaceBytes);
    }

    public EngineConfig withDeviceId(int id) {
        return new EngineConfig(provider, id, intraOpThreads, tensorRtFp16, tensorRtCacheDir, tensorRtWorkspaceBytes);
    }

    public EngineConfig withIntraOpThreads(int n) {
        return new EngineConfig(provider, deviceId, n, tensorRtFp16, tensorRtCacheDir, tensorRtWorkspaceBytes);
    }

    public EngineConfig withTensorRt(boolean fp16, Path cacheDir, long workspaceBytes) {
        return new EngineConfig(provider, deviceId, intraOpThreads, fp16, cacheDir, workspaceBytes);
    }

    public Optional<Path> tensorRtCache() {
        return Optional.ofNullable(tensorRtCacheDir);
    }
}
