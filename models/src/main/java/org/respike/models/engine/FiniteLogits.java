package org.respike.models.engine;

import java.nio.FloatBuffer;
import java.util.List;

/**
 * The guard between a graph's logits and a result: a NaN or infinite logit has no softmax (every score
 * would be NaN and argmax would name class 0), so a graph that produces one is broken and the run fails
 * with the class, the graph and the time, instead of publishing a made-up action.
 */
final class FiniteLogits {
    private FiniteLogits() {}

    static void require(FloatBuffer logits, List<String> labels, String graph, long ptsNanos) {
        for (int k = 0; k < labels.size(); k++) {
            float v = logits.get(k);
            if (!Float.isFinite(v)) {
                throw new InferenceException(String.format(java.util.Locale.ROOT,
                        "the model's %s graph gave a non-finite logit (%s) for class '%s' at %.3f s: the bundle is "
                                + "broken (no result is published from it)", graph, v, labels.get(k), ptsNanos / 1e9));
            }
        }
    }
}
