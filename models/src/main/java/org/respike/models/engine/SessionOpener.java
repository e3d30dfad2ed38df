package org.respike.models.engine;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.OrtSession.SessionOptions;
import ai.onnxruntime.providers.OrtCUDAProviderOptions;
import ai.onnxruntime.providers.OrtTensorRTProviderOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.respike.models.bundle.ModelBundle;
import org.respike.models.bundle.OrtCalls;

/**
 * Opens one session per bundle graph on the configured execution provider. AUTO tries TensorRT, CUDA,
 * then CPU; each try starts from fresh SessionOptions, because a provider that failed to attach may leave
 * the options half-configured. A provider counts as working only if every graph opens on it. An explicit
 * provider that fails is an error, never a silent CPU fallback.
 */
final class SessionOpener {
    static final System.Logger LOG = System.getLogger(SessionOpener.class.getName());

    private static final List<ExecutionProvider> AUTO_ORDER =
            List.of(ExecutionProvider.TENSORRT, ExecutionProvider.CUDA, ExecutionProvider.CPU);

    private final OrtEnvironment env;
    private final EngineConfig config;

    SessionOpener(OrtEnvironment env, EngineConfig config) {
        this.env = env;
        this.config = config;
    }

    /** Sessions keyed like the manifest's graphs, on the provider that loaded. */
    record Opened(ExecutionProvider provider, Map<String, OrtSession> sessions) {
    }

    Opened open(ModelBundle bundle) {
        if (config.provider() != ExecutionProvider.AUTO) {
            try {
                return new Opened(config.provider(), openAll(bundle, config.provider()));
            } catch (OrtException e) {
                throw new InferenceException("execution provider " + config.provider().displayName()
                        + " was requested but cannot be used: " + oneLine(e), e);
            }
        }
        List<String> failures = new ArrayList<>();
        for (ExecutionProvider p : AUTO_ORDER) {
            try {
                Map<String, OrtSession> sessions = openAll(bundle, p);
                if (!failures.isEmpty()) {
                    LOG.log(System.Logger.Level.WARNING, "execution provider auto: " + String.join("; ", failures)
                            + "; running on " + p.displayName());
                }
                return new Opened(p, sessions);
            } catch (OrtException e) {
                if (p == ExecutionProvider.CPU) {
                    throw new InferenceException("bundle " + bundle.dir() + " cannot be opened on any execution"
                            + " provider: " + String.join("; ", failures) + "; CPU failed: " + oneLine(e), e);
                }
                failures.add(p.displayName() + " unavailable (" + oneLine(e) + ")");
            }
        }
        throw new AssertionError("AUTO_ORDER ends with CPU");
    }

    private Map<String, OrtSession> openAll(ModelBundle bundle, ExecutionProvider p) throws OrtException {
        Map<String, OrtSession> sessions = new LinkedHashMap<>();
        try {
            for (String key : bundle.manifest().graphs().keySet()) {
                try (SessionOptions options = options(p)) {
                    String file = bundle.graphFile(key).toString();
                    sessions.put(key, OrtCalls.run(() -> env.createSession(file, options)));
                }
            }
            return sessions;
        } catch (OrtException | RuntimeException e) {
            for (OrtSession s : sessions.values()) {
                OrtCalls.run(() -> {
                    s.close();
                    return null;
                });
            }
            throw e;
        }
    }

    private SessionOptions options(ExecutionProvider p) throws OrtException {
        SessionOptions o = new SessionOptions();
        try {
            o.setOptimizationLevel(SessionOptions.OptLevel.ALL_OPT);
            o.setExecutionMode(SessionOptions.ExecutionMode.SEQUENTIAL);
            o.setIntraOpNumThreads(config.intraOpThreads());
            o.setInterOpNumThreads(1);
            o.addConfigEntry("session.intra_op.allow_spinning", config.intraOpSpinning() ? "1" : "0");
            switch (p) {
                case TENSORRT -> addTensorRt(o);
                case CUDA -> addCuda(o);
                case CPU -> { } // ONNX Runtime's default provider
                case AUTO -> throw new IllegalArgumentException("AUTO is resolved before opening");
            }
            return o;
        } catch (OrtException | RuntimeException e) {
            o.close();
            throw e;
        }
    }

    private void addTensorRt(SessionOptions o) throws OrtException {
        try (OrtTensorRTProviderOptions trt = new OrtTensorRTProviderOptions(config.deviceId())) {
            trt.add("trt_fp16_enable", config.tensorRtFp16() ? "1" : "0");
            if (config.tensorRtCacheDir() != null) {
                trt.add("trt_engine_cache_enable", "1");
                trt.add("trt_engine_cache_path", config.tensorRtCacheDir().toString());
            }
            if (config.tensorRtWorkspaceBytes() > 0) {
                trt.add("trt_max_workspace_size", Long.toString(config.tensorRtWorkspaceBytes()));
            }
            o.addTensorrt(trt);
        }
        // Nodes TensorRT cannot take run on CUDA rather than on the CPU.
        addCuda(o);
    }

    private void addCuda(SessionOptions o) throws OrtException {
        try (OrtCUDAProviderOptions cuda = new OrtCUDAProviderOptions(config.deviceId())) {
            o.addCUDA(cuda);
        }
    }

    private static String oneLine(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.replaceAll("\\s+", " ").trim();
    }
}
