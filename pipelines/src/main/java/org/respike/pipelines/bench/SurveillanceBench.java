package org.respike.pipelines.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The surveillance workload of `respike bench --workload surveillance`: eight static cameras, each seeing
 * people a fifth of the time (one stretch of each video, at a different time per camera, so the busy
 * cameras change during a trial) and its empty scene, sensor noise and light drift the rest. Stream i
 * decodes camera i mod 8. Measured in one run: real-time streams for decode alone, and for each model with
 * the static-scene gate on and off, with the share of groups the gate skipped.
 */
public final class SurveillanceBench {

    /** One camera: the renderer's seed, people in its scene, and when they are in view. */
    record Camera(int seed, int people, double inViewStart, double inViewSeconds) {
        String stem() {
            return "multi_" + seed;
        }
    }

    static final int CAMERAS = 8;
    static final int SECONDS = 30;
    /** A fifth of each video. */
    static final double IN_VIEW_SECONDS = SECONDS / 5.0;
    /** What the recipe renders (the bench scales it to 640x360 like the sample video). */
    static final int RENDER_WIDTH = 320;
    static final int RENDER_HEIGHT = 180;
    private static final int FPS = 25;

    /** The cameras: one or two people each, in view from 1.5 s + 3 s x camera, for 6 s. */
    static List<Camera> cameras() {
        List<Camera> cameras = new ArrayList<>();
        for (int k = 0; k < CAMERAS; k++) {
            cameras.add(new Camera(300 + k, 1 + k % 2, 1.5 + 3.0 * k, IN_VIEW_SECONDS));
        }
        return cameras;
    }

    /** The recipe's command that renders {@code camera} into {@code dir}. */
    static List<String> renderCommand(Camera camera, Path dir) {
        String python = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
        return List.of(python, "-m", "respike_recipe.render", "--out", dir.toString(), "--multi",
                Integer.toString(camera.people()), "--in-view", String.format(Locale.ROOT, "%.1f,%.1f",
                        camera.inViewStart(), camera.inViewSeconds()), "--duration-s", Integer.toString(SECONDS),
                "--width", Integer.toString(RENDER_WIDTH), "--height", Integer.toString(RENDER_HEIGHT), "--fps",
                Integer.toString(FPS), "--seed", Integer.toString(camera.seed()));
    }

    private final Path root;
    private final List<Path> bundles;
    private final Path out;
    private final int maxStreams;

    public SurveillanceBench(Path root, List<Path> bundles, Path out, int maxStreams) {
        this.root = root;
        this.bundles = List.copyOf(bundles);
        this.out = out;
        this.maxStreams = maxStreams;
    }

    public Benchmark.Report run() throws Exception {
        Path dir = out.resolve("surveillance");
        Files.createDirectories(dir);
        List<Path> inputs = new ArrayList<>();
        for (Camera c : cameras()) {
            inputs.add(Benchmark.scaled(rendered(c, dir), dir, SECONDS));
        }
        StreamLoad load = new StreamLoad(inputs, SECONDS, (long) SECONDS * FPS);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("date", Instant.now().toString());
        json.put("machine", Benchmark.machine());
        json.put("workload", String.format(Locale.ROOT, "%d static cameras, 640x360 H.264 at %d fps, %d s each; people "
                + "in view %.0f s of each (at a different time per camera), the empty scene the rest", CAMERAS, FPS,
                SECONDS, IN_VIEW_SECONDS));
        Benchmark.progress("surveillance: decode only");
        load.run("identity", CAMERAS);
        List<StreamLoad.Trial> decodeTrials = new ArrayList<>();
        json.put("decode_only_realtime_streams", load.capacity("identity", maxStreams, decodeTrials));
        json.put("decode_only_capacity_trials", Benchmark.describe(decodeTrials, SECONDS));
        List<Map<String, Object>> models = new ArrayList<>();
        int groupFrames = Benchmark.manifest(bundles.get(0)).path("stride").asInt();
        for (Path bundle : bundles) {
            models.add(model(load, bundle, groupFrames));
        }
        json.put("models", models);
        return new Benchmark.Report(json, markdown(json));
    }

    /**
     * A clip model is also run at the first (hybrid) bundle's result rate, a clip every {@code groupFrames}
     * frames: the same service as the hybrid's.
     */
    private Map<String, Object> model(StreamLoad load, Path bundle, int groupFrames) throws Exception {
        JsonNode manifest = Benchmark.manifest(bundle);
        String name = manifest.path("name").asText();
        String stage = Benchmark.stage(bundle);
        Map<String, Object> m = Benchmark.entry(manifest);
        Benchmark.progress("surveillance: " + name + ", one stream per camera");
        StreamLoad.Trial each = load.run(stage, CAMERAS);
        m.put("gate_skipped_share", Benchmark.skippedShare(each.events(), manifest));
        List<Benchmark.Variant> variants = new ArrayList<>(Benchmark.GATE_ON_OFF);
        if (manifest.path("architecture").asText().equals("clip")) {
            m.put("hybrid_rate_clip_stride", groupFrames);
            Benchmark.GATE_ON_OFF.forEach(v -> variants.add(v.atClipStride(groupFrames)));
        }
        for (Benchmark.Variant v : variants) {
            Benchmark.progress("surveillance: " + name + ", real-time capacity, respikebin" + v.properties());
            load.run(stage + v.properties(), 1);
            List<StreamLoad.Trial> tried = new ArrayList<>();
            m.put(v.key(), load.capacity(stage + v.properties(), maxStreams, tried));
            m.put(v.key() + "_trials", Benchmark.describe(tried, SECONDS));
        }
        return m;
    }

    /** The camera's video, rendered by the recipe unless it is there already. */
    private Path rendered(Camera camera, Path dir) throws IOException, InterruptedException {
        Path video = dir.resolve(camera.stem() + ".mp4");
        if (Files.exists(video)) {
            return video;
        }
        Benchmark.progress("rendering camera " + camera.stem() + " with the recipe");
        ProcessBuilder pb = new ProcessBuilder(renderCommand(camera, dir.toAbsolutePath()))
                .directory(root.resolve("models/recipe").toFile()).redirectErrorStream(true);
        pb.environment().put("PYTHONPATH", ".");
        Process p = pb.start();
        String log = new String(p.getInputStream().readAllBytes()).strip();
        if (p.waitFor() != 0 || !Files.exists(video)) {
            String last = log.isEmpty() ? "" : log.substring(log.lastIndexOf('\n') + 1);
            throw new IllegalStateException("rendering the surveillance camera " + camera.stem() + " failed (the recipe "
                    + "needs Debian's python3-numpy and python3-pil; scripts/test installs them): " + last);
        }
        return video;
    }

    @SuppressWarnings("unchecked")
    static String markdown(Map<String, Object> j) {
        StringBuilder md = new StringBuilder();
        Map<String, Object> machine = (Map<String, Object>) j.get("machine");
        md.append(String.format(Locale.ROOT, "Measured %s on %s (%s cores), %s; %s.%n%n", j.get("date"),
                machine.get("cpu"), machine.get("cores"), machine.get("java"), j.get("workload")));
        List<Map<String, Object>> models = (List<Map<String, Object>>) j.get("models");
        double decode = ((Number) j.get("decode_only_realtime_streams")).doubleValue();
        md.append("| | real-time streams, gate on (share of decode alone) | gate off | groups the gate skipped |\n")
                .append("|---|---|---|---|\n");
        md.append(String.format(Locale.ROOT, "| decode alone | %.0f | | |%n", decode));
        for (Map<String, Object> m : models) {
            md.append(String.format(Locale.ROOT, "| %s | %s (%.0f%%) | %s | %.1f%% |%n", m.get("name"),
                    m.get("realtime_streams"), 100 * ((Number) m.get("realtime_streams")).doubleValue() / decode,
                    m.get("realtime_streams_ungated"), 100 * ((Number) m.get("gate_skipped_share")).doubleValue()));
            if (m.containsKey("realtime_streams_at_hybrid_rate")) {
                md.append(String.format(Locale.ROOT, "| %s, a clip every %s frames (the hybrid's result rate) | %s (%.0f%%) "
                        + "| %s | |%n", m.get("name"), m.get("hybrid_rate_clip_stride"),
                        m.get("realtime_streams_at_hybrid_rate"),
                        100 * ((Number) m.get("realtime_streams_at_hybrid_rate")).doubleValue() / decode,
                        m.get("realtime_streams_ungated_at_hybrid_rate")));
            }
        }
        if (models.size() == 2) {
            double gated = ((Number) models.get(0).get("realtime_streams")).doubleValue();
            for (String key : List.of("realtime_streams_ungated", "realtime_streams_ungated_at_hybrid_rate")) {
                if (models.get(1).containsKey(key)) {
                    double ungated = ((Number) models.get(1).get(key)).doubleValue();
                    md.append(String.format(Locale.ROOT, "%n%s gated against %s ungated%s: %.2fx.", models.get(0).get("name"),
                            models.get(1).get("name"), key.endsWith("rate") ? " at the hybrid's result rate" : "",
                            ungated > 0 ? gated / ungated : Double.NaN));
                }
            }
            md.append('\n');
        }
        md.append("\nDecode-only capacity trials: ").append(j.get("decode_only_capacity_trials")).append('\n');
        for (Map<String, Object> m : models) {
            md.append(m.get("name")).append(" trials, gate on: ").append(m.get("realtime_streams_trials"))
                    .append("; gate off: ").append(m.get("realtime_streams_ungated_trials"));
            if (m.containsKey("realtime_streams_at_hybrid_rate_trials")) {
                md.append("; at the hybrid's rate, gate on: ").append(m.get("realtime_streams_at_hybrid_rate_trials"))
                        .append("; gate off: ").append(m.get("realtime_streams_ungated_at_hybrid_rate_trials"));
            }
            md.append('\n');
        }
        return md.toString();
    }
}
