package org.respike.models.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtProvider;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.respike.models.testing.BundleCopy;
import org.respike.models.testing.TestBundles;

/**
 * Execution providers with the CPU build of ONNX Runtime (the default artifact): AUTO falls back to the
 * CPU with exactly one warning; an explicitly requested GPU provider fails with the reason.
 */
class ProviderSelectionTest {
    @TempDir
    Path tmp;
    Path bundle;

    @BeforeEach
    void freshBundleFolder() throws IOException {
        // A folder of its own, so that no other test's shared sessions are reused and selection really runs.
        bundle = BundleCopy.of(TestBundles.hybrid(), tmp.resolve("b"));
    }

    private static void assumeCpuBuild() {
        assumeFalse(OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA),
                "this ONNX Runtime build has CUDA; the CPU-build behaviour is not testable here");
    }

    @Test
    void autoFallsBackToCpuWithOneWarning() {
        assumeCpuBuild();
        Logger logger = Logger.getLogger(SessionOpener.class.getName());
        List<LogRecord> records = new ArrayList<>();
        Handler h = new Handler() {
            @Override
            public void publish(LogRecord r) {
                records.add(r);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(h);
        try (InferenceEngine engine = InferenceEngine.shared(bundle, EngineConfig.defaults())) {
            assertEquals("CPU", engine.providerName());
            assertEquals(ExecutionProvider.CPU, engine.provider());
        } finally {
            logger.removeHandler(h);
        }
        List<LogRecord> warnings = records.stream().filter(r -> r.getLevel() == Level.WARNING).toList();
        assertEquals(1, warnings.size(), "exactly one warning: " + warnings);
        String m = warnings.get(0).getMessage();
        assertTrue(m.contains("TensorRT unavailable") && m.contains("CUDA unavailable") && m.contains("running on CPU")
                && !m.contains("\n"), m);
        System.out.println("auto fallback warning: " + m);
    }

    @Test
    void explicitCudaFailsWithTheReason() {
        assumeCpuBuild();
        InferenceException e = assertThrows(InferenceException.class,
                () -> InferenceEngine.shared(bundle, EngineConfig.cpu().withProvider(ExecutionProvider.CUDA)));
        assertTrue(e.getMessage().startsWith("execution provider CUDA was requested but cannot be used: ")
                && e.getMessage().contains("CUDA"), e.getMessage());
    }

    @Test
    void explicitTensorRtFailsWithTheReason() {
        assumeCpuBuild();
        InferenceException e = assertThrows(InferenceException.class,
                () -> InferenceEngine.shared(bundle, EngineConfig.cpu().withProvider(ExecutionProvider.TENSORRT)));
        assertTrue(e.getMessage().startsWith("execution provider TensorRT was requested but cannot be used: "),
                e.getMessage());
    }

    @Test
    void explicitCpuLoadsWithoutWarning() {
        try (InferenceEngine engine = InferenceEngine.shared(bundle, EngineConfig.cpu())) {
            assertEquals("CPU", engine.providerName());
        }
    }
}
