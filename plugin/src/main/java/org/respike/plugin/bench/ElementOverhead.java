package org.respike.plugin.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.respike.plugin.RespikePlugin;
import org.respike.plugin.gst.Pipelines;

/**
 * Per-buffer cost of an element over GStreamer's identity, measured in the same JVM and run at 320x240
 * RGB. Each pipeline chains {@code chain} copies so their cost stands out from videotestsrc's; rounds
 * alternate between the two variants and the medians are compared.
 */
public final class ElementOverhead {

    /** Medians in ns per buffer of the identity chain and of the element chain, and the rounds behind them. */
    public record Result(String element, int buffers, int chain, double identityNanos, double elementNanos,
            List<Double> identityRounds, List<Double> elementRounds) {

        /** Extra cost of one element over one identity, in microseconds per buffer. */
        public double overheadMicros() {
            return (elementNanos - identityNanos) / chain / 1000.0;
        }

        public String describe() {
            return String.join("\n",
                    "pipeline: videotestsrc num-buffers=" + buffers + " pattern=solid-color ! video/x-raw,format=RGB,"
                            + "width=320,height=240 ! " + chain + " x <element> ! fakesink sync=false",
                    String.format(Locale.ROOT, "identity x%d: %.2f us/buffer (rounds %s)", chain, identityNanos / 1000,
                            micros(identityRounds)),
                    String.format(Locale.ROOT, "%s x%d: %.2f us/buffer (rounds %s)", element, chain,
                            elementNanos / 1000, micros(elementRounds)),
                    String.format(Locale.ROOT, "overhead per %s: %.2f us/buffer", element, overheadMicros()));
        }
    }

    private ElementOverhead() {}

    /** {@code element} may carry properties, e.g. "respikeresidual mode=mark". */
    public static Result measure(String element, int buffers, int chain, int warmupRounds, int rounds) {
        RespikePlugin.initInJvm();
        List<Double> identity = new ArrayList<>();
        List<Double> tested = new ArrayList<>();
        for (int round = 0; round < warmupRounds + rounds; round++) {
            double i = nanosPerBuffer("identity", buffers, chain);
            double e = nanosPerBuffer(element, buffers, chain);
            if (round >= warmupRounds) {
                identity.add(i);
                tested.add(e);
            }
        }
        return new Result(element, buffers, chain, median(identity), median(tested), identity, tested);
    }

    private static double nanosPerBuffer(String element, int buffers, int chain) {
        StringBuilder elements = new StringBuilder();
        for (int i = 0; i < chain; i++) {
            elements.append(" ! ").append(element);
        }
        String launch = "videotestsrc num-buffers=" + buffers + " pattern=solid-color"
                + " ! video/x-raw,format=RGB,width=320,height=240" + elements + " ! fakesink sync=false";
        long t0 = System.nanoTime();
        Pipelines.Result result = Pipelines.run(launch, message -> {}, 120_000);
        long t1 = System.nanoTime();
        if (!result.ok()) {
            throw new IllegalStateException(launch + " ended with " + result);
        }
        return (t1 - t0) / (double) buffers;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static String micros(List<Double> values) {
        StringBuilder b = new StringBuilder();
        for (double v : values) {
            b.append(b.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.1f", v / 1000));
        }
        return b.toString();
    }
}
