package org.respike.models.engine;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.respike.models.frame.Box;

/**
 * The classification of one clip of one stream (and one tracked person, where there is a tracker): what an
 * {@link ActionStream} returns and what respikeinfer publishes, through its one codec. {@link #fields()} is
 * what goes into the {@code respike-action} element message, the GstCustomMeta of the same name on the
 * buffer that ends the clip, the region's param structure and each JSON line; {@link #fromFields} reads any
 * of them back (the class scores are a nested structure, a JSON object in JSON).
 *
 * <p>{@code score} is the softmax probability of {@code label}, computed from the clip logits (the mean of the
 * group logits, as the model was trained). Energy is the estimate of BUNDLE_FORMAT.md: dense MACs at pj_per_mac
 * plus spike-driven accumulates at pj_per_ac from the spikes measured in this clip; always read it together
 * with the spike rate.
 *
 * @param start running time (ns) of the clip's first frame, the clock bus messages carry; the PTS as the
 *     engine returns it, until {@link #at} moves it to the segment's running time
 * @param end running time (ns) of the clip's last frame plus its duration
 * @param ptsStart presentation time of the clip's first frame
 * @param ptsEnd presentation time of the clip's last frame plus its duration
 * @param frames frames in this clip
 * @param streamFrames frames the model has consumed on this stream so far (since start or the last flush), as
 *     the element that feeds the stream counts them ({@link #at}); 0 as the engine returns it
 * @param skippedGroups groups of this clip (for a clip model: 1 if the whole clip) that reused an earlier
 *     group's result because the scene was static (respikeinfer static-threshold); their steps are not in the
 *     spike rate and they add no energy
 * @param spikeRate spikes per neuron per step over the SNN's LIF layers in this clip (0..1); 0 for clip models
 * @param energyPj estimated energy of this clip's inference in picojoules (45 nm: 4.6 pJ/MAC, 0.9 pJ/AC)
 * @param latencyUs from the push of the clip's last frame to this result, in microseconds
 * @param scores every class's softmax probability, in label order
 * @param trackId the track the clip was collected under (respikeinfer inference-region=roi-list), or
 *     {@link #NO_TRACK} for a clip of whole frames
 * @param box the track's last box in pixels (a nested structure x, y, width, height), or null for a clip of
 *     whole frames
 * @param model what the networks produced beyond the published fields; null in a result read back with
 *     {@link #fromFields}, which carry no logits
 */
public record ActionResult(String streamId, String label, int labelIndex, double score, long start, long end,
        long ptsStart, long ptsEnd, int frames, long streamFrames, int skippedGroups, double spikeRate,
        double energyPj, long latencyUs, Map<String, Double> scores, long trackId, Box box, ModelOutput model) {

    /** Name of the element message structure, of the GstCustomMeta and of the ROI meta's param structure. */
    public static final String NAME = "respike-action";

    /** The track id of a clip of whole frames (a stream without a tracker). */
    public static final long NO_TRACK = -1;

    /** The engine's measurements of one clip beyond the published fields. Immutable; arrays come out as copies. */
    public static final class ModelOutput {
        private final float[] logits;
        private final int groups;
        private final float[] layerSpikeRates;

        /** Takes the arrays, which the stream has just made for this result. */
        ModelOutput(float[] logits, int groups, float[] layerSpikeRates) {
            this.logits = logits;
            this.groups = groups;
            this.layerSpikeRates = layerSpikeRates;
        }

        /** Clip logits (mean of the group logits), in label order. */
        public float[] logits() {
            return logits.clone();
        }

        /** Groups of s frames in the clip (the whole clip counts as one for a clip-architecture model). */
        public int groups() {
            return groups;
        }

        /** Fraction of neurons spiking per step, per LIF layer in manifest order (empty for clip models). */
        public float[] layerSpikeRates() {
            return layerSpikeRates.clone();
        }
    }

    public ActionResult {
        if (!(scores instanceof LabelScores)) {
            scores = Collections.unmodifiableMap(new LinkedHashMap<>(scores)); // in label order
        }
    }

    /** A stream's result: the label and scores are the softmax of the clip logits; times are PTS. */
    static ActionResult ofClip(String streamId, List<String> labels, float[] logits, long ptsStart, long ptsEnd,
            int frames, int groups, int skippedGroups, float[] layerSpikeRates, float spikeRate, double energyPj,
            long latencyNanos) {
        float[] p = softmax(logits);
        int best = argmax(logits);
        return new ActionResult(streamId, labels.get(best), best, p[best], ptsStart, ptsEnd, ptsStart, ptsEnd, frames,
                0, skippedGroups, spikeRate, energyPj, latencyNanos / 1000L, new LabelScores(labels, p), NO_TRACK, null,
                new ModelOutput(logits, groups, layerSpikeRates));
    }

    /**
     * This result with its times moved to running time by {@code runningTimeOffset} (running time minus PTS
     * in the current segment) and the stream's frame count.
     */
    public ActionResult at(long runningTimeOffset, long streamFrames) {
        return new ActionResult(streamId, label, labelIndex, score, ptsStart + runningTimeOffset,
                ptsEnd + runningTimeOffset, ptsStart, ptsEnd, frames, streamFrames, skippedGroups, spikeRate, energyPj,
                latencyUs, scores, trackId, box, model);
    }

    /** This result as the clip of track {@code trackId}, whose last box was {@code box}. */
    public ActionResult ofTrack(long trackId, Box box) {
        return new ActionResult(streamId, label, labelIndex, score, start, end, ptsStart, ptsEnd, frames, streamFrames,
                skippedGroups, spikeRate, energyPj, latencyUs, scores, trackId, box, model);
    }

    /** The fields, in the order gst-launch-1.0 -m and the JSON lines show them. */
    public Map<String, Object> fields() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("stream-id", streamId);
        f.put("label", label);
        f.put("label-index", labelIndex);
        f.put("score", score);
        f.put("start", start);
        f.put("end", end);
        f.put("pts-start", ptsStart);
        f.put("pts-end", ptsEnd);
        f.put("frames", frames);
        f.put("stream-frames", streamFrames);
        f.put("skipped-groups", skippedGroups);
        f.put("spike-rate", spikeRate);
        f.put("energy-pj", energyPj);
        f.put("latency-us", latencyUs);
        f.put("scores", scores);
        f.put("track-id", trackId);
        if (box != null) {
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("x", box.x());
            b.put("y", box.y());
            b.put("width", box.width());
            b.put("height", box.height());
            f.put("box", b);
        }
        return f;
    }

    /** Reads {@link #fields()} back from a structure, a meta or a parsed JSON line. */
    public static ActionResult fromFields(Map<String, ?> f) {
        Map<String, Double> scores = new LinkedHashMap<>();
        if (!(f.get("scores") instanceof Map<?, ?> s)) {
            throw new IllegalArgumentException(NAME + " field scores is " + f.get("scores"));
        }
        s.forEach((label, score) -> scores.put(String.valueOf(label), number(s, String.valueOf(label)).doubleValue()));
        return new ActionResult(text(f, "stream-id"), text(f, "label"), number(f, "label-index").intValue(),
                number(f, "score").doubleValue(), number(f, "start").longValue(), number(f, "end").longValue(),
                number(f, "pts-start").longValue(), number(f, "pts-end").longValue(), number(f, "frames").intValue(),
                number(f, "stream-frames").longValue(),
                f.containsKey("skipped-groups") ? number(f, "skipped-groups").intValue() : 0,
                number(f, "spike-rate").doubleValue(),
                number(f, "energy-pj").doubleValue(), number(f, "latency-us").longValue(), scores,
                f.containsKey("track-id") ? number(f, "track-id").longValue() : NO_TRACK, box(f.get("box")), null);
    }

    @Override
    public String toString() {
        String track = trackId == NO_TRACK ? "" : "#" + trackId;
        String skipped = model == null ? "" : String.format(", %d/%d groups skipped", skippedGroups, model.groups());
        return String.format("%s%s: %s %.3f [%d..%d ns, %d frames%s, %.1f nJ, %.2f ms]", streamId, track, label,
                score, ptsStart, ptsEnd, frames, skipped, energyPj / 1000, latencyUs / 1e3);
    }

    /**
     * The engine's scores as a map without copying them into one: a stream returns a result every few frames
     * and allocates nothing else in the steady state.
     */
    private static final class LabelScores extends AbstractMap<String, Double> {
        private final List<String> labels;
        private final float[] scores;

        LabelScores(List<String> labels, float[] scores) {
            this.labels = labels;
            this.scores = scores;
        }

        @Override
        public Set<Entry<String, Double>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Entry<String, Double>> iterator() {
                    return IntStream.range(0, scores.length)
                            .mapToObj(i -> Map.entry(labels.get(i), (double) scores[i])).iterator();
                }

                @Override
                public int size() {
                    return scores.length;
                }
            };
        }
    }

    private static Box box(Object fields) {
        if (fields == null) {
            return null;
        }
        if (!(fields instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException(NAME + " field box is " + fields);
        }
        return new Box(number(m, "x").doubleValue(), number(m, "y").doubleValue(), number(m, "width").doubleValue(),
                number(m, "height").doubleValue());
    }

    private static Number number(Map<?, ?> fields, String name) {
        if (!(fields.get(name) instanceof Number n)) {
            throw new IllegalArgumentException(NAME + " field " + name + " is " + fields.get(name));
        }
        return n;
    }

    private static String text(Map<?, ?> fields, String name) {
        if (!(fields.get(name) instanceof String s)) {
            throw new IllegalArgumentException(NAME + " field " + name + " is " + fields.get(name));
        }
        return s;
    }

    static float[] softmax(float[] logits) {
        float max = Float.NEGATIVE_INFINITY;
        for (float l : logits) {
            max = Math.max(max, l);
        }
        double sum = 0;
        float[] p = new float[logits.length];
        for (int i = 0; i < logits.length; i++) {
            double e = Math.exp(logits[i] - max);
            p[i] = (float) e;
            sum += e;
        }
        for (int i = 0; i < p.length; i++) {
            p[i] = (float) (p[i] / sum);
        }
        return p;
    }

    static int argmax(float[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }
}
