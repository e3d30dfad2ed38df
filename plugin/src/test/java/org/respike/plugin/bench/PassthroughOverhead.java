package org.respike.plugin.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.respike.plugin.RespikePlugin;
import org.respike.plugin.gst.Pipelines;

/**
  * Per-buffer overhead of a Java passthrough element (respiketestpass: JNA callback, buffer map, frame,
  * unmap) over GStreamer's identity, in the same JVM and run, at 320x240 RGB. Each pipeline chains K copies of
  * the element so that their cost stands out from videotestsrc's; rounds alternate between the two variants
  * and the medians are compared.
  *
  * <p>Run: {@code plugin/bench.sh} (results in plugin/target/bench/overhead.txt).
  */
public final class PassthroughOverhead {
    private static final int BUFFERS = 3000;
    private static final int CHAIN = 10;
    private static final int WARMUP_ROUNDS = 2;
    private static final int ROUNDS = 7;

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "target/bench/overhead.txt");
        RespikePlugin.initInJvm();
        List<Double> identity = new ArrayList<>();
        List<Double> java = new ArrayList<>();
        for (int round = 0; round < WARMUP_ROUNDS + ROUNDS; round++) {
            double i = nanosPerBuffer("identity");
            double j = nanosPerBuffer("respiketestpass");
            if (round >= WARMUP_ROUNDS) {
                identity.add(i);
                java.add(j);
            }
        }
        double mi = median(identity);
        double mj = median(java);
        double perElement = (mj - mi) / CHAIN / 1000.0;
        String report = String.join("\n",
                "# ReSpike plugin: per-buffer overhead of a Java passthrough element over identity",
                "date: " + Instant.now(),
                "jvm: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                "cpus: " + Runtime.getRuntime().availableProcessors(),
                "pipeline: videotestsrc num-buffers=" + BUFFERS + " pattern=solid-color ! video/x-raw,format=RGB,width=320,"
                        + "height=240 ! " + CHAIN + " x <element> ! fakesink sync=false",
                "rounds: " + ROUNDS + " (after " + WARMUP_ROUNDS + " warm-up), medians below",
                String.format("identity x%d: %.2f us/buffer (rounds %s)", CHAIN, mi / 1000, us(identity)),
                String.format("respiketestpass x%d: %.2f us/buffer (rounds %s)", CHAIN, mj / 1000, us(java)),
                String.format("overhead per Java element: %.2f us/buffer", perElement),
                "");
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, report);
        System.out.print(report);
        System.out.println("written to " + out.toAbsolutePath());
    }

    private static double nanosPerBuffer(String element) {
        StringBuilder chain = new StringBuilder();
        for (int i = 0; i < CHAIN; i++) {
            chain.append(" ! ").append(element);
        }
        String launch = "videotestsrc num-buffers=" + BUFFERS + " pattern=solid-color"
                + " ! video/x-raw,format=RGB,width=320,height=240" + chain + " ! fakesink sync=false";
        long t0 = System.nanoTime();
        Pipelines.Outcome outcome = Pipelines.run(launch, line -> {}, 120_000);
        long t1 = System.nanoTime();
        if (outcome != Pipelines.Outcome.EOS) {
            throw new IllegalStateException(launch + " ended with " + outcome);
        }
        return (t1 - t0) / (double) BUFFERS;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static String us(List<Double> values) {
        StringBuilder b = new StringBuilder();
        for (double v : values) {
            b.append(b.length() == 0 ? "" : " ").append(String.format("%.1f", v / 1000));
        }
        return b.toString();
    }
}
