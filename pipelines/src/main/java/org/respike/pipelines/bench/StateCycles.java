package org.respike.pipelines.bench;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import org.freedesktop.gstreamer.Bus;
import org.freedesktop.gstreamer.Gst;
import org.freedesktop.gstreamer.Pipeline;
import org.freedesktop.gstreamer.State;
import org.respike.pipelines.catalogue.LaunchTemplate;
import org.respike.plugin.RespikePlugin;

/**
 * One pipeline taken NULL -> PLAYING (to EOS) -> NULL many times in one process, as an application that
 * restarts its pipeline (a reconnecting camera) does, with the process's resident memory sampled. Run it
 * in a JVM with {@link Soak#JVM_FLAGS}: then RSS growth is native growth. Without a GC before each sample
 * RSS climbs for ~400 cycles (536 -> 745 MB) to a plateau (748 MB at 1000 cycles): garbage awaiting
 * collection, not kept memory.
 */
public final class StateCycles {

    /** RSS after a number of cycles. */
    public record Sample(int cycle, double seconds, double rssMb) {}

    private StateCycles() {}

    private interface CLib extends Library {
        CLib INSTANCE = Native.load("c", CLib.class);

        int malloc_trim(long pad);
    }

    /** Runs {@code cycles} cycles of respikebin on 20 frames, sampling every {@code every} cycles. */
    public static List<Sample> run(Path bundle, int cycles, int every) throws InterruptedException {
        RespikePlugin.initInJvm();
        Pipeline pipeline = (Pipeline) Gst.parseLaunch("videotestsrc pattern=ball num-buffers=20 ! "
                + "video/x-raw,format=RGB,width=96,height=72,framerate=8/1 ! respikebin device=cpu model="
                + LaunchTemplate.quote(bundle.toString()) + " ! fakesink sync=false");
        Semaphore ended = new Semaphore(0);
        String[] error = new String[1];
        Bus bus = pipeline.getBus();
        bus.connect((Bus.EOS) source -> ended.release());
        bus.connect((Bus.ERROR) (source, code, message) -> {
            error[0] = message;
            ended.release();
        });
        List<Sample> samples = new ArrayList<>();
        long t0 = System.nanoTime();
        try {
            for (int i = 1; i <= cycles; i++) {
                pipeline.setState(State.PLAYING);
                if (!ended.tryAcquire(60, TimeUnit.SECONDS) || error[0] != null) {
                    throw new IllegalStateException("cycle " + i + ": " + (error[0] != null ? error[0] : "no EOS"));
                }
                pipeline.setState(State.NULL);
                if (i % every == 0) {
                    // Native memory held by garbage (JNA and GStreamer wrappers) goes at the next GC, which a
                    // 384 MB heap reaches only every few hundred cycles, and freed native memory stays in the
                    // allocator until trimmed: collect, let the cleaners run, trim, so that RSS shows what the
                    // cycles keep.
                    System.gc();
                    System.runFinalization();
                    Thread.sleep(100);
                    CLib.INSTANCE.malloc_trim(0);
                    samples.add(new Sample(i, (System.nanoTime() - t0) / 1e9, Soak.rssMb()));
                }
            }
        } finally {
            pipeline.setState(State.NULL);
            pipeline.dispose();
        }
        return samples;
    }

    /**
     * RSS growth in MB per 100 cycles after warm-up: the median of the last five samples against the median
     * of the five after the first quarter. Medians, not a fitted slope: RSS of a flat process moves by several
     * MB from one sample to the next, and a least-squares slope over 150 cycles read 3.8 to 5.8 MB per 100
     * cycles on one.
     */
    public static double growthPer100Cycles(List<Sample> samples) {
        int from = samples.size() / 4;
        List<Sample> early = samples.subList(from, from + 5);
        List<Sample> late = samples.subList(samples.size() - 5, samples.size());
        double cycles = median(late, Sample::cycle) - median(early, Sample::cycle);
        return (median(late, Sample::rssMb) - median(early, Sample::rssMb)) / cycles * 100;
    }

    private static double median(List<Sample> samples, ToDoubleFunction<Sample> value) {
        double[] sorted = samples.stream().mapToDouble(value).sorted().toArray();
        return sorted[sorted.length / 2];
    }

    public static String summary(List<Sample> samples) {
        Sample first = samples.get(0);
        Sample last = samples.get(samples.size() - 1);
        return String.format(Locale.ROOT, "state cycles: %d NULL->PLAYING->NULL cycles in %.0f s, RSS %.0f MB after %d "
                        + "-> %.0f MB, growth after warm-up %.2f MB per 100 cycles", last.cycle(), last.seconds(),
                first.rssMb(), first.cycle(), last.rssMb(), growthPer100Cycles(samples));
    }

    /** {@code StateCycles BUNDLE CYCLES CSV}: in a JVM of its own, started with {@link Soak#JVM_FLAGS}. */
    public static void main(String[] args) throws IOException, InterruptedException {
        List<Sample> samples = run(Path.of(args[0]), Integer.parseInt(args[1]), 10);
        StringBuilder csv = new StringBuilder("cycle,seconds,rss_mb\n");
        samples.forEach(s -> csv.append(String.format(Locale.ROOT, "%d,%.1f,%.1f%n", s.cycle(), s.seconds(), s.rssMb())));
        Files.writeString(Path.of(args[2]), csv);
        System.out.println(summary(samples));
        System.exit(0);
    }
}
