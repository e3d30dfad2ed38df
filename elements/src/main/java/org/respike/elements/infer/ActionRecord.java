package org.respike.elements.infer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.respike.elements.ActionFields;
import org.respike.models.engine.ActionResult;

/**
 * An engine result in the three shapes respikeinfer publishes: structure fields for the bus message
 * and the buffer meta, and a JSON object for the JSON lines output.
 */
final class ActionRecord {

    private final ActionResult result;
    private final long runningTimeOffset;
    private final long streamFrames;

    /**
     * {@code runningTimeOffset}: running time minus PTS in the current segment; {@code streamFrames}:
     * frames the model consumed on this stream so far.
     */
    ActionRecord(ActionResult result, long runningTimeOffset, long streamFrames) {
        this.result = result;
        this.runningTimeOffset = runningTimeOffset;
        this.streamFrames = streamFrames;
    }

    float score() {
        return result.score();
    }

    /** Scalars only: a GstStructure field holds no map, so the class scores become "label=score;...". */
    Map<String, Object> structureFields() {
        Map<String, Object> f = common();
        StringBuilder scores = new StringBuilder();
        List<String> labels = result.labels();
        float[] s = result.scores();
        for (int i = 0; i < s.length; i++) {
            scores.append(i == 0 ? "" : ";").append(labels.get(i)).append('=').append(String.format("%.4f", s[i]));
        }
        f.put(ActionFields.SCORES, scores.toString());
        return f;
    }

    Map<String, Object> jsonFields() {
        Map<String, Object> f = common();
        Map<String, Double> scores = new LinkedHashMap<>();
        float[] s = result.scores();
        for (int i = 0; i < s.length; i++) {
            scores.put(result.labels().get(i), (double) s[i]);
        }
        f.put(ActionFields.SCORES, scores);
        return f;
    }

    private Map<String, Object> common() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put(ActionFields.STREAM_ID, result.streamId());
        f.put(ActionFields.LABEL, result.label());
        f.put(ActionFields.LABEL_INDEX, result.labelIndex());
        f.put(ActionFields.SCORE, (double) result.score());
        f.put(ActionFields.START, result.clipStartPtsNanos() + runningTimeOffset);
        f.put(ActionFields.END, result.clipEndPtsNanos() + runningTimeOffset);
        f.put(ActionFields.PTS_START, result.clipStartPtsNanos());
        f.put(ActionFields.PTS_END, result.clipEndPtsNanos());
        f.put(ActionFields.FRAMES, result.frames());
        f.put(ActionFields.STREAM_FRAMES, streamFrames);
        f.put(ActionFields.SPIKE_RATE, (double) result.meanSpikeRate());
        f.put(ActionFields.ENERGY_PJ, result.energyPicojoules());
        f.put(ActionFields.LATENCY_US, result.latencyNanos() / 1000L);
        return f;
    }
}
