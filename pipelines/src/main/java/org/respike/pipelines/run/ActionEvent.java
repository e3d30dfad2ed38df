package org.respike.pipelines.run;

import java.util.LinkedHashMap;
import java.util.Map;
import org.respike.elements.ActionFields;

/** One respike-action element message, as the CLI reads it off the bus. */
public record ActionEvent(String streamId, String label, double score, long start, long end, long ptsStart,
        long ptsEnd, long streamFrames, double spikeRate, double energyPj, long latencyUs,
        Map<String, Double> scores) {

    /** From the fields of the message's structure. */
    public static ActionEvent from(Map<String, Object> f) {
        return new ActionEvent((String) f.get(ActionFields.STREAM_ID), (String) f.get(ActionFields.LABEL),
                number(f, ActionFields.SCORE).doubleValue(), number(f, ActionFields.START).longValue(),
                number(f, ActionFields.END).longValue(), number(f, ActionFields.PTS_START).longValue(),
                number(f, ActionFields.PTS_END).longValue(), number(f, ActionFields.STREAM_FRAMES).longValue(),
                number(f, ActionFields.SPIKE_RATE).doubleValue(), number(f, ActionFields.ENERGY_PJ).doubleValue(),
                number(f, ActionFields.LATENCY_US).longValue(), parseScores((String) f.get(ActionFields.SCORES)));
    }

    private static Number number(Map<String, Object> fields, String name) {
        Object v = fields.get(name);
        if (!(v instanceof Number n)) {
            throw new IllegalArgumentException("respike-action field " + name + " is " + v);
        }
        return n;
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
