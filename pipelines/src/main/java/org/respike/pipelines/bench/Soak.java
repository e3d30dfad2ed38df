package org.respike.pipelines.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.respike.models.engine.ActionResult;
import org.respike.pipelines.catalogue.LaunchTemplate;
import org.respike.pipelines.run.PipelineRun;
import org.respike.plugin.gst.Pipelines;

/**
 * One stream for many frames, with the process's resident memory (RSS) sampled over time. Run it in a
 * JVM whose heap is fixed and touched up front ({@link #JVM_FLAGS}): then the heap adds nothing to RSS
 * after start, and RSS growth after warm-up is native growth (ONNX Runtime, GStreamer, JNA). A leaked
 * frame tensor (49 KB) per frame would add about 490 MB per 10,000 frames.
 */
public final class Soak {

    /** JVM flags under which RSS growth means native growth. */
    public static final List<String> JVM_FLAGS = List.of("-Xms384m", "-Xmx384m", "-XX:+AlwaysPreTouch");

    /** One memory sample: seconds since start, model frames so far (from the stream's position), MB. */
    public record Sample(double seconds, long frames, double rssMb, double heapUsedMb) {}

    private Soak() {}

    /** Runs {@code frames} synthetic frames at the model's rate through respikeinfer, sampling every progress tick. */
    public static List<Sample> run(Path bundle, long frames, double fps) {
        String launch = "videotestsrc pattern=ball num-buffers=" + frames + " ! video/x-raw,format=RGB,width=96,"
                + "height=72,framerate=" + Math.round(fps) + "/1 ! respikeinfer device=cpu model="
                + LaunchTemplate.quote(bundle.toString()) + " ! fakesink sync=false";
        List<Sample> samples = new ArrayList<>();
        long t0 = System.nanoTime();
        Pipelines.Result result = PipelineRun.run(launch, new PipelineRun.Listener() {
            @Override
            public void onAction(ActionResult event) {}

            @Override
            public void onProgress(long position, long duration) {
                if (position >= 0) {
                    samples.add(sample((System.nanoTime() - t0) / 1e9, Math.round(position / 1e9 * fps)));
                }
            }
        }, 0);
        if (!result.ok()) {
            throw new IllegalStateException("soak pipeline: " + result.message());
        }
        samples.add(sample((System.nanoTime() - t0) / 1e9, frames));
        return samples;
    }

    private static Sample sample(double seconds, long frames) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        return new Sample(seconds, frames, rssMb(), memory.getHeapMemoryUsage().getUsed() / 1048576.0);
    }

    /** VmRSS of this process from /proc (Linux). */
    public static double rssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/self/status", e);
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }

    /** RSS growth in MB per 10,000 frames after warm-up (the first quarter of the samples), by least squares. */
    public static double rssGrowthPer10kFrames(List<Sample> samples) {
        List<Sample> steady = samples.subList(samples.size() / 4, samples.size());
        double n = steady.size();
        double mx = steady.stream().mapToDouble(Sample::frames).sum() / n;
        double my = steady.stream().mapToDouble(Sample::rssMb).sum() / n;
        double sxy = 0;
        double sxx = 0;
        for (Sample s : steady) {
            sxy += (s.frames() - mx) * (s.rssMb() - my);
            sxx += (s.frames() - mx) * (s.frames() - mx);
        }
        return sxx == 0 ? 0 : sxy / sxx * 10_000;
    }

    public static String csv(List<Sample> samples) {
        StringBuilder csv = new StringBuilder("seconds,frames,rss_mb,heap_used_mb\n");
        samples.forEach(s -> csv.append(String.format(Locale.ROOT, "%.1f,%d,%.1f,%.1f%n", s.seconds(), s.frames(),
                s.rssMb(), s.heapUsedMb())));
        return csv.toString();
    }

    /** {@code Soak BUNDLE FRAMES CSV}: the soak in a JVM of its own, started with {@link #JVM_FLAGS}. */
    public static void main(String[] args) throws IOException {
        List<Sample> samples = run(Path.of(args[0]), Long.parseLong(args[1]), 8);
        Files.writeString(Path.of(args[2]), csv(samples));
        System.out.printf(Locale.ROOT, "soak: %d frames, RSS %.0f -> %.0f MB, growth after warm-up %.2f MB per 10k frames%n",
                Long.parseLong(args[1]), samples.get(0).rssMb(), samples.get(samples.size() - 1).rssMb(),
                rssGrowthPer10kFrames(samples));
    }
}
