package org.respike.pipelines.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Map;

/**
 * The GFLOP/s this machine reaches in ONNX Runtime: a 1024 x 1024 x 1024 MatMul (models/bench/matmul.onnx),
 * the densest work its CPU kernels do, with the given number of intra-op threads.
 */
final class PeakProbe {

    private static final int N = 1024;

    private PeakProbe() {}

    static double gflops(Path matmul, int threads, int repeats) throws Exception {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(threads);
            try (OrtSession session = env.createSession(matmul.toString(), options);
                    OnnxTensor a = OnnxTensor.createTensor(env, FloatBuffer.wrap(filled(N * N)), new long[] {N, N});
                    OnnxTensor b = OnnxTensor.createTensor(env, FloatBuffer.wrap(filled(N * N)), new long[] {N, N})) {
                Map<String, OnnxTensor> inputs = Map.of("a", a, "b", b);
                session.run(inputs).close();
                long best = Long.MAX_VALUE;
                for (int i = 0; i < repeats; i++) {
                    long t0 = System.nanoTime();
                    session.run(inputs).close();
                    best = Math.min(best, System.nanoTime() - t0);
                }
                return 2.0 * N * N * N / best;
            }
        }
    }

    private static float[] filled(int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (i % 17) / 17f;
        }
        return v;
    }
}
