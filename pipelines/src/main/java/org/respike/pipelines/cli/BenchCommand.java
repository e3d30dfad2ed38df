package org.respike.pipelines.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.respike.elements.RespikeHome;
import org.respike.pipelines.bench.Benchmark;
import org.respike.pipelines.bench.SurveillanceBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** respike bench: throughput, real-time capacity, overhead and efficiency, hybrid beside the 3D-CNN baseline. */
@Command(name = "bench", description = {
        "Measures on this machine, in one run: frames/s of one stream and real-time streams sustained (640x360",
        "25 fps H.264 in) for the hybrid and the 3D-CNN baseline with the static-scene gate on, off, and on with",
        "batching; the same for decode alone; the model's CPU per model frame in the pipeline against the engine",
        "alone; the Java element overhead over identity; the model's achieved GFLOP/s against a MatMul peak",
        "probe; latency p50/p99; accuracy and energy from the bundles. Optionally a soak run. Writes bench.json",
        "and bench.md. With --workload surveillance, instead: real-time streams of eight static cameras that see",
        "people a fifth of the time, decode alone and each model with the gate on and off (surveillance.json/.md).",
        "With --workload engine: only the MatMul peak probe and each model alone, one stream and 2-16 streams",
        "batched, in about a minute (engine.json/.md)."})
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--hybrid", paramLabel = "DIR", defaultValue = "", description = "Hybrid bundle (default: the bundled one).")
    String hybrid;

    @Option(names = "--baseline", paramLabel = "DIR", defaultValue = "",
            description = "Baseline bundle (default: the bundled models/bundles/c3d-baseline).")
    String baseline;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "out/bench", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--workload", defaultValue = "sample", description = "sample: the sample video (people always "
            + "in view) and everything above; surveillance: the eight-camera workload only; engine: the models alone "
            + "against the MatMul peak (default: ${DEFAULT-VALUE}).")
    String workload;

    @Option(names = "--seconds", defaultValue = "60", description = "Seconds of input each trial decodes, 1-60 "
            + "(default: ${DEFAULT-VALUE}, the whole sample video; fewer for a quick look).")
    int seconds;

    @Option(names = "--max-streams", defaultValue = "128", description = "Upper bound of each real-time capacity "
            + "search (default: ${DEFAULT-VALUE}).")
    int maxStreams;

    @Option(names = "--soak-frames", defaultValue = "0", description = "Also run one stream this many frames and "
            + "record memory over time (e.g. 100000); 0 skips it.")
    long soakFrames;

    @Option(names = "--state-cycles", defaultValue = "0", description = "Instead, only take one pipeline NULL -> "
            + "PLAYING -> NULL this many times (e.g. 1000) and record memory over the cycles.")
    int stateCycles;

    @Override
    public Integer call() throws Exception {
        Path root = RespikeHome.root();
        if (stateCycles > 0) {
            System.out.println(Benchmark.stateCycles(root, RespikeHome.model(hybrid), stateCycles, out));
            return 0;
        }
        Path baselineBundle = baseline.isEmpty() ? root.resolve("models/bundles/c3d-baseline") : Path.of(baseline);
        if (workload.equals("surveillance")) {
            Benchmark.Report report = new SurveillanceBench(root, List.of(RespikeHome.model(hybrid), baselineBundle), out,
                    maxStreams).run();
            write(report, "surveillance");
            return 0;
        }
        if (!workload.equals("sample") && !workload.equals("engine")) {
            throw new IllegalArgumentException("--workload " + workload + ": not one of sample, surveillance, engine");
        }
        Benchmark bench = new Benchmark(root, RespikeHome.model(hybrid), baselineBundle, out, seconds, maxStreams);
        if (workload.equals("engine")) {
            java.nio.file.Files.createDirectories(out);
            write(bench.engineOnly(), "engine");
            return 0;
        }
        write(bench.run(soakFrames), "bench");
        return 0;
    }

    private void write(Benchmark.Report report, String stem) throws java.io.IOException {
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.resolve(stem + ".json").toFile(),
                report.json());
        java.nio.file.Files.writeString(out.resolve(stem + ".md"), report.markdown());
        System.out.println(report.markdown());
        System.out.println("wrote " + out.resolve(stem + ".json") + " and " + out.resolve(stem + ".md"));
    }
}
