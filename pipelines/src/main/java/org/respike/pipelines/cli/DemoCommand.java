package org.respike.pipelines.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.respike.elements.RespikeHome;
import org.respike.models.bundle.Manifest;
import org.respike.models.engine.ActionResult;
import org.respike.pipelines.catalogue.PipelineCatalogue;
import org.respike.pipelines.demo.DemoScore;
import org.respike.pipelines.demo.GroundTruth;
import org.respike.pipelines.demo.TimelinePlot;
import org.respike.pipelines.run.Latency;
import org.respike.pipelines.run.PipelineRun;
import org.respike.plugin.gst.Pipelines;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** respike demo: the bundled sample video through the file-annotated pipeline, scored against its truth. */
@Command(name = "demo", description = {
        "Runs the sample video through a real GStreamer pipeline (catalogue entry file-annotated) with the",
        "default model: prints actions live, then writes the annotated MP4, the events as JSON lines, a summary",
        "against the ground truth and a timeline plot."})
final class DemoCommand implements Callable<Integer> {

    @Mixin
    ModelOptions options;

    @Option(names = "--video", paramLabel = "FILE", description = "Video (default: pipelines/samples/long_57.mp4).")
    Path video;

    @Option(names = "--truth", paramLabel = "FILE", description = "Its ground-truth timeline JSON "
            + "(default: the video's name with .json).")
    Path truthFile;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "out/demo", description = "Output folder "
            + "(default: ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() throws Exception {
        Path root = RespikeHome.root();
        Path videoFile = (video != null ? video : root.resolve("pipelines/samples/long_57.mp4")).toAbsolutePath();
        Path truthPath = truthFile != null ? truthFile
                : GroundTruth.besideVideo(videoFile);
        Path modelDir = RespikeHome.model(options.model);
        GroundTruth truth = GroundTruth.read(truthPath, Manifest.read(modelDir.resolve(Manifest.FILE)).labels());
        Files.createDirectories(out);
        Path events = out.resolve("events.jsonl");
        Path annotated = out.resolve("annotated.mp4");
        Files.deleteIfExists(events);
        String model = modelDir.toString();
        String launch = PipelineCatalogue.load(root.resolve("pipelines/catalogue")).get("file-annotated")
                .render(Map.of("URI", videoFile.toUri().toString(), "MODEL", model, "DEVICE", options.device,
                        "EVENTS", events.toString(), "OUTPUT", annotated.toString()));
        System.out.println("demo: " + videoFile + " (" + truth.segments().size() + " actions, "
                + String.format(Locale.ROOT, "%.0f s", truth.duration()) + ") with " + model);

        List<ActionResult> results = Collections.synchronizedList(new ArrayList<>());
        long started = System.nanoTime();
        LivePrinter printer = new LivePrinter(results);
        Pipelines.Result result = PipelineRun.run(launch, printer, 0);
        double wall = (System.nanoTime() - started) / 1e9;
        System.err.println();
        if (!result.ok()) {
            System.err.println("demo failed: " + result.message());
            return 1;
        }
        DemoScore score = DemoScore.of(results, truth);
        Path plot = out.resolve("timeline.png");
        new TimelinePlot(truth, videoFile.getFileName().toString()).write(results, score, plot);
        Map<String, Object> summary = summary(results, score, printer.videoSeconds(), wall);
        Path summaryFile = out.resolve("summary.json");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(summaryFile.toFile(), summary);
        printSummary(summary);
        System.out.println("wrote " + annotated + ", " + events + ", " + summaryFile + ", " + plot);
        return 0;
    }

    /** Prints each change of the recognised action as it happens, and a progress line on stderr. */
    private static final class LivePrinter implements PipelineRun.Listener {
        private final List<ActionResult> results;
        private String current = "";
        private long lastProgress;
        private volatile long videoNanos = -1;

        /** The video's length as the pipeline reported it; else the end of its last result. */
        double videoSeconds() {
            if (videoNanos > 0) {
                return videoNanos / 1e9;
            }
            return results.stream().mapToLong(ActionResult::ptsEnd).max().orElse(0) / 1e9;
        }

        LivePrinter(List<ActionResult> results) {
            this.results = results;
        }

        @Override
        public void onAction(ActionResult e) {
            results.add(e);
            if (!e.label().equals(current)) {
                current = e.label();
                System.err.print("\r" + " ".repeat(60) + "\r");
                System.err.flush();
                System.out.printf(Locale.ROOT, "%7.1f s  %-11s %.2f%n", e.ptsStart() / 1e9, e.label(), e.score());
            }
        }

        @Override
        public void onWarning(String text) {
            System.err.println("\rwarning: " + text);
        }

        @Override
        public void onProgress(long position, long duration) {
            if (duration > 0) {
                videoNanos = duration;
            }
            if (position < 0 || duration <= 0 || System.nanoTime() - lastProgress < 1_000_000_000L) {
                return;
            }
            lastProgress = System.nanoTime();
            int width = 30;
            int done = (int) (width * Math.min(1.0, (double) position / duration));
            System.err.printf(Locale.ROOT, "\r[%s%s] %5.1f / %.1f s", "#".repeat(done), " ".repeat(width - done),
                    position / 1e9, duration / 1e9);
        }
    }

    private static Map<String, Object> summary(List<ActionResult> results, DemoScore score, double videoSeconds,
            double wall) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("results", results.size());
        s.put("clip_accuracy", score.clipAccuracy());
        s.put("events_recognised", score.events().size());
        s.put("event_precision", score.eventPrecision());
        s.put("ground_truth_segments", score.segments());
        s.put("event_recall", score.eventRecall());
        s.put("rules", "clip correct = label covering most of the clip; event = run of equal labels, correct if a "
                + "same-label segment overlaps it; segment found if a same-label clip lies at least half inside it");
        // Speed from the video itself, not from the truth file (which may cover only part of it).
        s.put("video_seconds", videoSeconds);
        s.put("wall_seconds", wall);
        s.put("model_frames_per_second", results.stream().mapToLong(ActionResult::streamFrames).max().orElse(0) / wall);
        s.put("realtime_factor", videoSeconds / wall);
        Latency latency = Latency.of(results);
        s.put("latency_us_p50", latency.p50Us());
        s.put("latency_us_p99", latency.p99Us());
        s.put("mean_spike_rate", results.stream().mapToDouble(ActionResult::spikeRate).average().orElse(0));
        s.put("mean_energy_uj_per_clip", results.stream().mapToDouble(ActionResult::energyPj).average().orElse(0) / 1e6);
        return s;
    }


    private static void printSummary(Map<String, Object> s) {
        System.out.printf(Locale.ROOT, "%nsummary: %d clip results, clip accuracy %.1f%%; %d events, precision %.1f%%;"
                        + " %d true actions, recall %.1f%%%n", s.get("results"),
                100 * (Double) s.get("clip_accuracy"), s.get("events_recognised"), 100 * (Double) s.get("event_precision"),
                s.get("ground_truth_segments"), 100 * (Double) s.get("event_recall"));
        System.out.printf(Locale.ROOT, "speed: %.0f model frames/s (%.1fx real time); latency p50 %d us, p99 %d us; "
                        + "spike rate %.1f%%; energy %.1f uJ per clip%n", s.get("model_frames_per_second"),
                s.get("realtime_factor"), s.get("latency_us_p50"), s.get("latency_us_p99"),
                100 * (Double) s.get("mean_spike_rate"), s.get("mean_energy_uj_per_clip"));
    }
}
