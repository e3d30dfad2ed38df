package org.respike.pipelines.run;

import java.util.LinkedHashMap;
import java.util.Map;
import org.freedesktop.gstreamer.Structure;
import org.respike.elements.ActionFields;

/** One respike-action element message, as the CLI reads it off the bus. */
public record ActionEvent(String streamId, String label, double score, long start, long end, long ptsStart,
        long ptsEnd, long streamFrames, double spikeRate, double energyPj, long latencyUs,
        Map<String, Double> scores) {

    public static boolean isAction(Structure s) {
        return s != null && s.hasName(ActionFields.NAME);
    }

    public static ActionEvent from(Structure s) {
        return new ActionEvent(s.getString(ActionFields.STREAM_ID), s.getString(ActionFields.LABEL),
                s.getDouble(ActionFields.SCORE), asLong(s, ActionFields.START), asLong(s, ActionFields.END),
                asLong(s, ActionFields.PTS_START), asLong(s, ActionFields.PTS_END),
                asLong(s, ActionFields.STREAM_FRAMES), s.getDouble(ActionFields.SPIKE_RATE),
                s.getDouble(ActionFields.ENERGY_PJ), asLong(s, ActionFields.LATENCY_US),
                parseScores(s.getString(ActionFields.SCORES)));
    }

    private static long asLong(Structure s, String field) {
        return ((Number) s.getValue(field)).longValue();
    }

    /** Reads the "label=score;..." form that respikeinfer puts in structures. */
    static Map<String, Double> parseScores(String text) {
        Map<String, Double> scores = new LinkedHashMap<>();
        for (String pair : text.split(";")) {
            int eq = pair.indexOf('=');
            scores.put(pair.substring(0, eq), Double.parseDouble(pair.substring(eq + 1)));
        }
        return scores;
    }
}
