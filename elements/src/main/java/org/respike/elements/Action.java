package org.respike.elements;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.respike.models.engine.ActionResult;
import org.respike.models.track.Box;

/**
 * A recognised action as respikeinfer publishes it, and its one codec: {@link #fields()} is what goes into
 * the {@code respike-action} element message, the GstCustomMeta of the same name on the buffer that ends
 * the clip, and each JSON line; {@link #fromFields} reads any of the three back (the class scores are a
 * nested structure, a JSON object in JSON).
 *
 * @param start running time (ns) of the clip's first frame, the clock bus messages carry
 * @param end running time (ns) of the clip's last frame plus its duration
 * @param frames frames in this clip
 * @param streamFrames frames the model has consumed on this stream so far (since start or the last flush)
 * @param spikeRate mean spike rate over the SNN's LIF layers in this clip (0..1)
 * @param energyPj estimated energy of this clip's inference in picojoules (45 nm: 4.6 pJ/MAC, 0.9 pJ/AC)
 * @param scores every class's softmax probability, in label order
 * @param trackId the track the clip was collected under (respikeinfer inference-region=roi-list), or
 *     {@link #WHOLE_FRAME} for a clip of whole frames
 * @param box the track's last box in pixels (a nested structure x, y, width, height), or null for a clip of whole frames
 */
public record Action(String streamId, String label, int labelIndex, double score, long start, long end,
        long ptsStart, long ptsEnd, int frames, long streamFrames, double spikeRate, double energyPj,
        long latencyUs, Map<String, Double> scores, long trackId, Box box) {

    /** Name of the element message structure, of the GstCustomMeta and of the ROI meta's param structure. */
    public static final String NAME = "respike-action";

    /** The track id of a clip of whole frames. */
    public static final long WHOLE_FRAME = -1;

    public Action {
        scores = Collections.unmodifiableMap(new LinkedHashMap<>(scores)); // in label order
    }

    /**
     * The engine's result, with times moved to running time by {@code runningTimeOffset} (running time minus
     * PTS in the current segment) and the stream's frame count.
     */
    public static Action of(ActionResult result, long runningTimeOffset, long streamFrames) {
        Map<String, Double> scores = new LinkedHashMap<>();
        float[] s = result.scores();
        List<String> labels = result.labels();
        for (int i = 0; i < s.length; i++) {
            scores.put(labels.get(i), (double) s[i]);
        }
        return new Action(result.streamId(), result.label(), result.labelIndex(), result.score(),
                result.clipStartPtsNanos() + runningTimeOffset, result.clipEndPtsNanos() + runningTimeOffset,
                result.clipStartPtsNanos(), result.clipEndPtsNanos(), result.frames(), streamFrames,
                result.meanSpikeRate(), result.energyPicojoules(), result.latencyNanos() / 1000L, scores, WHOLE_FRAME,
                null);
    }

    /** This action as the clip of track {@code trackId}, whose last box was {@code box}. */
    public Action ofTrack(long trackId, Box box) {
        return new Action(streamId, label, labelIndex, score, start, end, ptsStart, ptsEnd, frames, streamFrames,
                spikeRate, energyPj, latencyUs, scores, trackId, box);
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
    public static Action fromFields(Map<String, ?> f) {
        Map<String, Double> scores = new LinkedHashMap<>();
        if (!(f.get("scores") instanceof Map<?, ?> s)) {
            throw new IllegalArgumentException(NAME + " field scores is " + f.get("scores"));
        }
        s.forEach((label, score) -> scores.put(String.valueOf(label), number(s, String.valueOf(label)).doubleValue()));
        return new Action(text(f, "stream-id"), text(f, "label"), number(f, "label-index").intValue(),
                number(f, "score").doubleValue(), number(f, "start").longValue(), number(f, "end").longValue(),
                number(f, "pts-start").longValue(), number(f, "pts-end").longValue(), number(f, "frames").intValue(),
                number(f, "stream-frames").longValue(), number(f, "spike-rate").doubleValue(),
                number(f, "energy-pj").doubleValue(), number(f, "latency-us").longValue(), scores,
                f.containsKey("track-id") ? number(f, "track-id").longValue() : WHOLE_FRAME, box(f.get("box")));
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
}
