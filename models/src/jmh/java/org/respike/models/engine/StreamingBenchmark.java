package org.respike.models.engine;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;
import org.respike.models.bundle.Manifest;
import org.respike.models.bundle.TensorSpec;
import org.respike.models.frame.Frame;
import org.respike.models.frame.NativeBuffers;
import org.respike.models.frame.ResidualExtractor;
import org.respike.models.testing.ClipFrames;
import org.respike.models.testing.ClipOnlyBundle;
import org.respike.models.testing.Golden;

/**
 * Per-frame costs of the streaming path and the whole-clip baselines, on one CPU thread per session.
 * {@code streamedClip}, {@code wholeClip} and {@code baselineClip} push the same 16 real frames and
 * report per frame (gc.alloc.rate.norm included); {@code ann} and {@code head} run once per group of s
 * frames, {@code snnStep} and {@code residual} once per residual frame.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class StreamingBenchmark {
    static final int FRAMES = 16;

    static Path hybridBundle() {
        return Path.of(System.getProperty("respike.bench.bundle", "models/bundles/respike-hybrid"));
    }

    /** The first golden clip of the hybrid bundle, as reusable frames. */
    @State(Scope.Thread)
    public static class Clip {
        Frame[] frames;

        @Setup
        public void load() throws Exception {
            Golden.Array a = Golden.load(hybridBundle()).clips().get(0).frames();
            frames = new Frame[FRAMES];
            for (int t = 0; t < FRAMES; t++) {
                frames[t] = ClipFrames.frame(a, t % ClipFrames.count(a), 0);
            }
        }
    }

    /** An engine and one open stream on a bundle. */
    public abstract static class Streaming {
        InferenceEngine engine;
        ActionStream stream;

        abstract Path bundle(Path tmp) throws Exception;

        @Setup
        public void open() throws Exception {
            engine = InferenceEngine.shared(bundle(Files.createTempDirectory("bench")), EngineConfig.cpu());
            stream = engine.openStream("bench");
        }

        @TearDown
        public void close() {
            stream.close();
            engine.close();
        }
    }

    @State(Scope.Thread)
    public static class Hybrid extends Streaming {
        @Override
        Path bundle(Path tmp) {
            return hybridBundle();
        }
    }

    /** The same model's clip.onnx, as a clip-architecture bundle. */
    @State(Scope.Thread)
    public static class WholeClip extends Streaming {
        @Override
        Path bundle(Path tmp) throws Exception {
            return ClipOnlyBundle.derive(hybridBundle(), tmp.resolve("clip"));
        }
    }

    /** The 3D-CNN baseline bundle. */
    @State(Scope.Thread)
    public static class Baseline extends Streaming {
        @Override
        Path bundle(Path tmp) {
            Path p = Path.of(System.getProperty("respike.bench.clip-bundle", "models/bundles/c3d-baseline"));
            if (!Files.isDirectory(p)) {
                throw new IllegalStateException("no baseline bundle at " + p + " (-Drespike.bench.clip-bundle=DIR)");
            }
            return p;
        }
    }

    /** One graph with preallocated inputs and pinned outputs, run on the shared sessions. */
    public abstract static class GraphRun {
        SharedSessions sessions;
        StreamTensors tensors;
        Graph graph;
        Map<String, OnnxTensor> inputs = new HashMap<>();
        Map<String, OnnxTensor> outputs;

        abstract String name();

        @Setup
        public void open() throws Exception {
            sessions = SharedSessions.acquire(hybridBundle(), EngineConfig.cpu());
            tensors = new StreamTensors(OrtEnvironment.getEnvironment());
            Manifest.GraphSpec spec = sessions.bundle().manifest().graph(name());
            for (TensorSpec t : spec.inputs()) {
                inputs.put(t.name(), tensors.create(t).tensor());
            }
            outputs = tensors.pinAll(spec.outputs(), Map.of());
            graph = sessions.graph(name());
        }

        @TearDown
        public void close() {
            tensors.close();
            sessions.release();
        }
    }

    @State(Scope.Thread)
    public static class Ann extends GraphRun {
        @Override
        String name() {
            return Manifest.ANN;
        }
    }

    @State(Scope.Thread)
    public static class Step extends GraphRun {
        @Override
        String name() {
            return Manifest.SNN_STEP;
        }
    }

    @State(Scope.Thread)
    public static class Head extends GraphRun {
        @Override
        String name() {
            return Manifest.HEAD;
        }
    }

    @State(Scope.Thread)
    public static class Residual {
        ResidualExtractor extractor;
        FloatBuffer out;

        @Setup(Level.Trial)
        public void open(Clip clip) {
            Manifest m = Manifest.parse(readManifest(), "manifest.json");
            extractor = new ResidualExtractor(m.input());
            out = NativeBuffers.floats(extractor.frameElements());
            extractor.setKey(clip.frames[0]);
        }

        private static String readManifest() {
            try {
                return Files.readString(hybridBundle().resolve(Manifest.FILE));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Benchmark
    public void residual(Residual r, Clip clip) {
        r.extractor.residual(clip.frames[1], r.out);
    }

    @Benchmark
    public void snnStep(Step s) {
        s.graph.run(s.inputs, s.outputs);
    }

    @Benchmark
    public void ann(Ann a) {
        a.graph.run(a.inputs, a.outputs);
    }

    @Benchmark
    public void head(Head h) {
        h.graph.run(h.inputs, h.outputs);
    }

    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public void streamedClip(Hybrid h, Clip clip, Blackhole bh) {
        for (Frame f : clip.frames) {
            bh.consume(h.stream.push(f));
        }
    }

    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public void wholeClip(WholeClip w, Clip clip, Blackhole bh) {
        for (Frame f : clip.frames) {
            bh.consume(w.stream.push(f));
        }
    }

    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public void baselineClip(Baseline b, Clip clip, Blackhole bh) {
        for (Frame f : clip.frames) {
            bh.consume(b.stream.push(f));
        }
    }
}
