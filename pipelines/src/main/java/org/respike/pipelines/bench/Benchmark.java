package org.respike.pipelines.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.respike.models.engine.ActionResult;
import org.respike.models.frame.PixelFormat;
import org.respike.pipelines.catalogue.LaunchTemplate;
import org.respike.pipelines.run.Latency;
import org.respike.pipelines.run.PipelineRun;
import org.respike.plugin.bench.ElementOverhead;
import org.respike.plugin.gst.Pipelines;

/** Everything `respike bench` measures, in one run on this machine, with the baseline beside the hybrid. */
public final class Benchmark {

    private static final int INPUT_WIDTH = 640;
    private static final int INPUT_HEIGHT = 360;
    private static final int INPUT_FPS = 25;
    /** Alternating rounds of the in-pipeline model cost. */
    private static final int COST_ROUNDS = 3;
    /** max-batch of the batched variant: streams beyond it fill further batches. */
    private static final int BATCH = 8;
    /** Streams the engine alone is measured with, pushed together (batch 1 is the single stream's run). */
    private static final int[] ENGINE_BATCHES = {2, 4, 8, 16};
    /** Model frames of each batched engine run, all streams together. */
    private static final int ENGINE_BATCH_FRAMES = 1600;

    /**
     * A respikebin setting whose real-time capacity is searched for each model, under {@code key} in the JSON:
     * as respikebin starts by default (static-scene gate on, no batching), with the gate off, and with the
     * gate on and the streams batched.
     */
    record Variant(String key, String properties) {
        /** This setting with a clip model's clip sliding by {@code frames} (the hybrid's stride: its result rate). */
        Variant atClipStride(int frames) {
            return new Variant(key + "_at_hybrid_rate", properties + " clip-stride=" + frames);
        }
    }

    /** respikebin as it starts, and with the static-scene gate off. */
    static final List<Variant> GATE_ON_OFF = List.of(new Variant("realtime_streams", ""),
            new Variant("realtime_streams_ungated", " static-threshold=0"));

    private static final List<Variant> VARIANTS = Stream.concat(GATE_ON_OFF.stream(),
            Stream.of(new Variant("realtime_streams_gated_batched", " max-batch=" + BATCH))).toList();

    private final Path root;
    private final Path hybrid;
    private final Path baseline;
    private final Path out;
    private final int seconds;
    private final int maxStreams;

    /**
     * @param seconds of the 640x360 25 fps input (the sample video, up to its 60 s): each trial decodes it
     * @param maxStreams upper bound of every capacity search
     */
    public Benchmark(Path root, Path hybrid, Path baseline, Path out, int seconds, int maxStreams) {
        if (seconds < 1 || seconds > 60) {
            throw new IllegalArgumentException("seconds must be in [1, 60] (the sample video's length), got " + seconds);
        }
        if (maxStreams < 1) {
            throw new IllegalArgumentException("maxStreams must be >= 1, got " + maxStreams);
        }
        this.root = root;
        this.hybrid = hybrid;
        this.baseline = baseline;
        this.out = out;
        this.seconds = seconds;
        this.maxStreams = maxStreams;
    }

    /** What was measured, as JSON fields and as a Markdown table. */
    public record Report(Map<String, Object> json, String markdown) {}

    public Report run(long soakFrames) throws Exception {
        Files.createDirectories(out);
        Path input = scaled(root.resolve("pipelines/samples/long_57.mp4"), out, seconds);
        StreamLoad load = new StreamLoad(List.of(input), seconds, (long) seconds * INPUT_FPS);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("date", Instant.now().toString());
        json.put("machine", machine());
        json.put("input", INPUT_WIDTH + "x" + INPUT_HEIGHT + " H.264, " + INPUT_FPS + " fps, " + seconds
                + " s (the sample video, scaled)");

        progress("decode only");
        load.run("identity", 1);
        StreamLoad.Trial decode = load.run("identity", 1);
        json.put("decode_only_fps", decode.framesPerSecond());
        progress("decode only: real-time capacity");
        List<StreamLoad.Trial> decodeTrials = new ArrayList<>();
        json.put("decode_only_realtime_streams", load.capacity("identity", maxStreams, decodeTrials));
        json.put("decode_only_capacity_trials", describe(decodeTrials));
        List<Map<String, Object>> models = new ArrayList<>();
        for (Path bundle : List.of(hybrid, baseline)) {
            models.add(model(load, bundle));
        }
        json.put("models", models);

        peakProbe(json);

        progress("element overhead");
        ElementOverhead.Result overhead = ElementOverhead.measure("respikeresidual mode=mark", 3000, 10, 2, 5);
        json.put("element_overhead_us", overhead.overheadMicros());
        json.put("element_overhead", overhead.describe());
        // A Java transform that returns at once: what the glue alone costs per buffer.
        ElementOverhead.Result glue = ElementOverhead.measure("respikemotion active=false", 3000, 10, 2, 5);
        json.put("glue_overhead_us", glue.overheadMicros());
        json.put("glue_overhead", glue.describe());

        if (soakFrames > 0) {
            progress("soak, " + soakFrames + " frames, in a JVM with a pre-touched heap");
            json.put("soak", soak(soakFrames));
        }
        return new Report(json, markdown(json));
    }

    static JsonNode manifest(Path bundle) throws java.io.IOException {
        return new ObjectMapper().readTree(bundle.resolve("manifest.json").toFile());
    }

    /** What every trial of {@code bundle} runs after the decoder. */
    static String stage(Path bundle) {
        return "respikebin device=cpu model=" + LaunchTemplate.quote(bundle.toString());
    }

    /** A model's entry in the report, starting with its name and architecture. */
    static Map<String, Object> entry(JsonNode manifest) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", manifest.path("name").asText());
        m.put("architecture", manifest.path("architecture").asText());
        return m;
    }

    private Map<String, Object> model(StreamLoad load, Path bundle) throws Exception {
        JsonNode manifest = manifest(bundle);
        String name = manifest.path("name").asText();
        String stage = stage(bundle);
        Map<String, Object> m = entry(manifest);
        // An exported but untrained graph still times the model's compute; its accuracy means nothing.
        boolean trained = manifest.path("recipe").path("config").has("train");
        m.put("trained", trained);
        if (trained) {
            m.put("test_accuracy", manifest.path("metrics").path("test_accuracy").asDouble());
            m.put("mean_spike_rate", manifest.path("metrics").path("mean_spike_rate").asDouble());
        }
        m.put("energy_uj_per_clip", manifest.path("metrics").path("energy_uj_per_clip").asDouble());
        m.put("dense_macs_per_clip", manifest.path("ops").path("clip_macs").asLong());

        progress(name + ": warm-up, then one stream");
        load.run(stage, 1); // JIT, sessions and decoders warm, so neither model pays for the other's cold start
        StreamLoad.Trial one = load.run(stage, 1);
        m.put("one_stream_fps", one.framesPerSecond());
        Latency latency = Latency.of(one.events());
        m.put("latency_us_p50", latency.p50Us());
        m.put("latency_us_p99", latency.p99Us());
        m.put("gate_skipped_share", skippedShare(one.events(), manifest));

        Map<String, Object> trials = new LinkedHashMap<>();
        List<Variant> variants = new ArrayList<>(VARIANTS);
        if (manifest.path("architecture").asText().equals("clip")) {
            // The same service as the hybrid's: a result every group, the clip sliding by one group.
            variants.add(VARIANTS.get(0).atClipStride(manifest(hybrid).path("stride").asInt()));
        }
        for (Variant v : variants) {
            progress(name + ": real-time capacity, respikebin" + v.properties());
            // Another engine config opens its own sessions: loaded here, not in the search's first trial.
            load.run(stage + v.properties(), 1);
            List<StreamLoad.Trial> tried = new ArrayList<>();
            int capacity = load.capacity(stage + v.properties(), maxStreams, tried);
            m.put(v.key(), capacity);
            // Latency while that many streams share the machine (max-wait included where batching).
            tried.stream().filter(t -> t.streams() == capacity && t.realTime()).reduce((a, b) -> b)
                    .ifPresent(t -> m.put(v.key() + "_latency_us_p99", Latency.of(t.events()).p99Us()));
            trials.put(v.key(), describe(tried));
        }
        m.put("capacity_trials", trials);

        progress(name + ": model cost in the pipeline and alone");
        long modelFrames = Math.round(seconds * manifest.path("fps").asDouble());
        ModelCost.Result cost = ModelCost.measure(load, bundle, modelFrames, INPUT_WIDTH, INPUT_HEIGHT, COST_ROUNDS);
        m.put("pipeline_cpu_ms_per_model_frame", cost.pipelineCpuMillisPerModelFrame());
        m.put("engine_cpu_ms_per_model_frame", cost.engineCpuMillisPerModelFrame());
        m.put("model_cost", cost.describe());
        m.put("stages_ms", cost.stages());

        engineAlone(bundle, m);
        return m;
    }

    /** The model alone into {@code m}: one stream, then streams pushed together and batched. */
    private static void engineAlone(Path bundle, Map<String, Object> m) {
        progress(m.get("name") + ": engine alone");
        EngineThroughput.Result engine = EngineThroughput.measure(bundle, 800);
        m.put("engine_fps_1_thread", engine.framesPerSecond());
        m.put("engine_gflops_1_thread", engine.gflops());
        progress(m.get("name") + ": engine alone, streams batched");
        Map<String, Double> byBatch = new LinkedHashMap<>();
        byBatch.put("1", engine.graphGflops());
        for (int batch : ENGINE_BATCHES) {
            byBatch.put(String.valueOf(batch), EngineThroughput.measure(bundle, ENGINE_BATCH_FRAMES / batch, 0, 0,
                    PixelFormat.RGB, batch).graphGflops());
        }
        m.put("engine_graph_gflops_by_batch", byBatch);
    }

    /**
     * Only the MatMul peak probe and each model alone (one stream, then batched): the model compute against
     * the peak in about a minute, without the capacity searches.
     */
    public Report engineOnly() throws Exception {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("date", Instant.now().toString());
        json.put("machine", machine());
        List<Map<String, Object>> models = new ArrayList<>();
        for (Path bundle : List.of(hybrid, baseline)) {
            Map<String, Object> m = entry(manifest(bundle));
            engineAlone(bundle, m);
            models.add(m);
        }
        json.put("models", models);
        peakProbe(json);
        StringBuilder md = heading(json, "input: noise frames at the model's size");
        engineRows(md, json);
        return new Report(json, md.toString());
    }

    private void peakProbe(Map<String, Object> json) throws Exception {
        progress("MatMul peak probe");
        Path matmul = root.resolve("models/bench/matmul.onnx");
        json.put("peak_gflops_1_thread", PeakProbe.gflops(matmul, 1, 10));
        json.put("peak_gflops_all_threads", PeakProbe.gflops(matmul, Runtime.getRuntime().availableProcessors(), 10));
    }

    /**
     * Share of the groups that the static-scene gate answered with an earlier result in these results: a clip
     * model's result counts one skipped group for a skipped clip, the hybrid's one per skipped group of its clip.
     */
    static double skippedShare(List<ActionResult> results, JsonNode manifest) {
        int groupsPerClip = manifest.path("architecture").asText().equals("clip") ? 1
                : manifest.path("clip_frames").asInt() / manifest.path("stride").asInt();
        long skipped = results.stream().mapToLong(ActionResult::skippedGroups).sum();
        return results.isEmpty() ? 0 : (double) skipped / ((long) results.size() * groupsPerClip);
    }

    private List<String> describe(List<StreamLoad.Trial> trials) {
        return describe(trials, seconds);
    }

    static List<String> describe(List<StreamLoad.Trial> trials, int seconds) {
        List<String> tried = new ArrayList<>();
        trials.forEach(t -> tried.add(String.format(Locale.ROOT, "%d streams: %.1f s for %d s of video (%.0f frames/s, "
                + "%.1f CPU s)", t.streams(), t.wallSeconds(), seconds, t.framesPerSecond(), t.cpuSeconds())));
        return tried;
    }

    /** Runs {@link Soak} in a child JVM with {@link Soak#JVM_FLAGS}, so its RSS growth is native growth. */
    private String soak(long frames) throws Exception {
        Path csv = out.resolve("soak.csv");
        return inChildJvm(root, Soak.class, hybrid.toString(), Long.toString(frames), csv.toString())
                + " (samples in " + csv + ")";
    }

    /** {@link StateCycles} of the hybrid bundle in a child JVM with {@link Soak#JVM_FLAGS}. */
    public static String stateCycles(Path root, Path bundle, int cycles, Path out) throws Exception {
        Files.createDirectories(out);
        Path csv = out.resolve("state-cycles.csv");
        return inChildJvm(root, StateCycles.class, bundle.toString(), Integer.toString(cycles), csv.toString())
                + " (samples in " + csv + ")";
    }

    /** Runs {@code main} with {@code args} in a JVM with {@link Soak#JVM_FLAGS}; returns what it printed. */
    private static String inChildJvm(Path root, Class<?> main, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(Soak.JVM_FLAGS);
        command.addAll(List.of("-Drespike.root=" + root, "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String summary = new String(p.getInputStream().readAllBytes()).strip();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(main.getSimpleName() + " failed: " + summary);
        }
        return summary;
    }

    /**
     * The first {@code seconds} of {@code source}, scaled to 640x360 at 25 fps and encoded as a camera streams:
     * the stream a trial decodes (made once, kept in {@code dir}).
     */
    static Path scaled(Path source, Path dir, int seconds) {
        String stem = source.getFileName().toString().replaceFirst("\\.mp4$", "");
        Path input = dir.resolve(stem + "-" + INPUT_WIDTH + "x" + INPUT_HEIGHT + "-" + INPUT_FPS + "fps-" + seconds + "s.mp4");
        if (Files.exists(input)) {
            return input;
        }
        progress("making " + input);
        Pipelines.Result made = PipelineRun.run("filesrc location=" + LaunchTemplate.quote(source.toString())
                + " ! decodebin ! videoconvert ! videoscale ! videorate ! video/x-raw,width=" + INPUT_WIDTH + ",height="
                + INPUT_HEIGHT + ",framerate=" + INPUT_FPS + "/1 ! identity eos-after=" + seconds * INPUT_FPS
                + " ! x264enc speed-preset=fast key-int-max=50 ! mp4mux ! filesink location="
                + LaunchTemplate.quote(input.toString()), e -> {}, 300_000);
        if (!made.ok()) {
            throw new IllegalStateException("making the benchmark input: " + made.message());
        }
        return input;
    }

    static Map<String, Object> machine() throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown");
        m.put("cpu", cpu);
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        return m;
    }


    static void progress(String step) {
        System.err.println("bench: " + step + " ...");
    }

    /** The date, the machine, what was fed, and the head of the two models' table. */
    @SuppressWarnings("unchecked")
    private static StringBuilder heading(Map<String, Object> j, String input) {
        StringBuilder md = new StringBuilder();
        Map<String, Object> machine = (Map<String, Object>) j.get("machine");
        md.append(String.format(Locale.ROOT, "Measured %s on %s (%s cores), %s; %s.%n%n", j.get("date"),
                machine.get("cpu"), machine.get("cores"), machine.get("java"), input));
        md.append("| | hybrid (ReSpike) | 3D-CNN baseline |\n|---|---|---|\n");
        return md;
    }

    /** The model alone: one stream, its achieved GFLOP/s, and the graphs' compute by batch against the peak. */
    @SuppressWarnings("unchecked")
    private static void engineRows(StringBuilder md, Map<String, Object> j) {
        List<Map<String, Object>> models = (List<Map<String, Object>>) j.get("models");
        row(md, "model alone, 1 thread (frames/s)", models, m -> fmt("%.0f", m.get("engine_fps_1_thread")));
        row(md, "model alone, achieved GFLOP/s (1 thread)", models, m -> fmt("%.2f", m.get("engine_gflops_1_thread")));
        double peak = ((Number) j.get("peak_gflops_1_thread")).doubleValue();
        row(md, "model compute in its graphs, GFLOP/s at batch " + String.join(" / ", ((Map<String, Double>)
                models.get(0).get("engine_graph_gflops_by_batch")).keySet()) + " (1 thread; best, share of the MatMul peak)",
                models, m -> graphGflops((Map<String, Double>) m.get("engine_graph_gflops_by_batch"), peak));
        md.append(String.format(Locale.ROOT, "%nMatMul peak probe: %.1f GFLOP/s on 1 thread, %.1f on all.%n",
                j.get("peak_gflops_1_thread"), j.get("peak_gflops_all_threads")));
    }

    @SuppressWarnings("unchecked")
    private static String markdown(Map<String, Object> j) {
        StringBuilder md = heading(j, "input " + j.get("input"));
        List<Map<String, Object>> models = (List<Map<String, Object>>) j.get("models");
        row(md, "bundle", models, m -> m.get("name").toString());
        row(md, "test accuracy (benchmark)", models,
                m -> m.containsKey("test_accuracy") ? pct(m.get("test_accuracy")) : "untrained graph: speed only");
        row(md, "estimated energy per clip", models, m -> m.get("architecture").equals("clip") || m.containsKey("test_accuracy")
                ? fmt("%.1f uJ", m.get("energy_uj_per_clip")) : "-");
        row(md, "mean spike rate", models,
                m -> m.containsKey("mean_spike_rate") && m.get("architecture").equals("respike-hybrid")
                        ? pct(m.get("mean_spike_rate")) : "-");
        row(md, "dense MACs per clip", models, m -> fmt("%.1f M", ((Number) m.get("dense_macs_per_clip")).doubleValue() / 1e6));
        row(md, "one stream, decode + model (frames/s)", models, m -> fmt("%.0f", m.get("one_stream_fps")));
        double decodeLimit = ((Number) j.get("decode_only_realtime_streams")).doubleValue();
        row(md, "real-time streams, static-scene gate on (default; share of the decode-only limit)", models,
                m -> streams(m.get("realtime_streams"), decodeLimit));
        row(md, "real-time streams, gate off (static-threshold=0)", models,
                m -> streams(m.get("realtime_streams_ungated"), decodeLimit));
        row(md, "real-time streams, gate on, max-batch=" + BATCH, models,
                m -> streams(m.get("realtime_streams_gated_batched"), decodeLimit));
        row(md, "real-time streams, gate on, a clip every group (clip-stride: the hybrid's result rate)", models,
                m -> m.containsKey("realtime_streams_at_hybrid_rate")
                        ? streams(m.get("realtime_streams_at_hybrid_rate"), decodeLimit) : "-");
        row(md, "latency p99 at those three capacities (us)", models, m -> VARIANTS.stream()
                .map(v -> String.valueOf(m.getOrDefault(v.key() + "_latency_us_p99", "-")))
                .collect(Collectors.joining(" / ")));
        row(md, "groups the static-scene gate skipped (one stream, default settings)", models,
                m -> pct(m.get("gate_skipped_share")));
        row(md, "latency p50 / p99 (last frame of a clip to its result)", models,
                m -> m.get("latency_us_p50") + " / " + m.get("latency_us_p99") + " us");
        row(md, "model CPU per model frame, in the pipeline / engine alone (640x360 in, gate off)", models,
                m -> fmt("%.2f", m.get("pipeline_cpu_ms_per_model_frame")) + " / "
                        + fmt("%.2f ms", m.get("engine_cpu_ms_per_model_frame")));
        engineRows(md, j);
        md.append(String.format(Locale.ROOT, "Decode alone (640x360 H.264): %.0f frames/s on one stream, %s real-time "
                        + "streams. Java element over identity: %.2f us/buffer for respikeresidual (mark), %.2f us/buffer "
                        + "for the bare glue (respikemotion active=false).%n",
                j.get("decode_only_fps"), j.get("decode_only_realtime_streams"), j.get("element_overhead_us"),
                j.get("glue_overhead_us")));
        if (j.containsKey("soak")) {
            md.append("Soak (heap fixed and pre-touched, so RSS growth is native): ").append(j.get("soak")).append('\n');
        }
        md.append("\nDecode-only capacity trials: ").append(j.get("decode_only_capacity_trials")).append('\n');
        for (Map<String, Object> m : models) {
            md.append("\n").append(m.get("name")).append(" per stage (ms; decode per input frame, the rest per model "
                    + "frame): ").append(stages((Map<String, Double>) m.get("stages_ms"))).append('\n');
            md.append(m.get("name")).append(" capacity trials: ").append(m.get("capacity_trials")).append('\n');
            md.append(m.get("name")).append(" model cost: ").append(m.get("model_cost")).append('\n');
        }
        return md.toString();
    }

    private static String graphGflops(Map<String, Double> byBatch, double peak) {
        double best = byBatch.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        return byBatch.values().stream().map(g -> fmt("%.1f", g)).collect(Collectors.joining(" / "))
                + fmt(" (%.1f, ", best) + fmt("%.0f%%)", peak > 0 ? best / peak * 100 : 0);
    }

    private static String stages(Map<String, Double> stages) {
        return stages.entrySet().stream().map(e -> e.getKey() + " " + fmt("%.3f", e.getValue()))
                .collect(Collectors.joining(", "));
    }

    private static void row(StringBuilder md, String label, List<Map<String, Object>> models,
            java.util.function.Function<Map<String, Object>, String> cell) {
        md.append("| ").append(label);
        for (Map<String, Object> m : models) {
            md.append(" | ").append(cell.apply(m));
        }
        md.append(" |\n");
    }

    private static String streams(Object n, double decodeLimit) {
        return decodeLimit > 0 ? n + fmt(" (%.0f%%)", ((Number) n).doubleValue() / decodeLimit * 100) : n.toString();
    }

    private static String pct(Object v) {
        return fmt("%.1f%%", ((Number) v).doubleValue() * 100);
    }

    private static String fmt(String format, Object v) {
        return String.format(Locale.ROOT, format, v);
    }
}
