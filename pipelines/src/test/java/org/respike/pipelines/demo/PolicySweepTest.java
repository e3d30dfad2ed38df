package org.respike.pipelines.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.respike.elements.events.ClassPolicy;
import org.respike.models.engine.ActionResult;

class PolicySweepTest {
    private static final long SECOND = 1_000_000_000L;

    /** A wave scored {@code score} over clip ends 2.0 .. 5.0 s, then idle to 10 s; the truth: wave 0 .. 5 s. */
    private static List<ActionResult> waveThenIdle(double score) {
        List<ActionResult> out = new ArrayList<>();
        for (long end = 2 * SECOND; end <= 10 * SECOND; end += SECOND / 2) {
            String label = end <= 5 * SECOND ? "wave" : "idle";
            double s = label.equals("wave") ? score : 0.9;
            out.add(new ActionResult("cam", label, 0, s, end - 2 * SECOND, end, end - 2 * SECOND, end, 16, 0, 0, 0, 0,
                    0, Map.of(label, s), ActionResult.NO_TRACK, null, null));
        }
        return out;
    }

    private static final GroundTruth TRUTH = new GroundTruth(List.of("idle", "wave"), List.of(
            new GroundTruth.Segment("wave", 0, 5), new GroundTruth.Segment("idle", 5, 10)));

    @Test
    void aPolicyThatAWeakScoreReachesFindsTheActionAndOneAboveItFindsNothing() {
        ClassPolicy low = new ClassPolicy(0.35, 0.25, Duration.ZERO, Duration.ofSeconds(1), false);
        ClassPolicy high = new ClassPolicy(0.6, 0.4, Duration.ZERO, Duration.ofSeconds(1), false);
        List<List<ActionResult>> videos = List.of(waveThenIdle(0.45));
        assertEquals(new EventScore(1, 1, 1, 1), PolicySweep.score(low, videos, List.of(TRUTH)));
        assertEquals(new EventScore(0, 0, 1, 0), PolicySweep.score(high, videos, List.of(TRUTH)));
    }

    @Test
    void theSweepRanksByTheSmallerOfPrecisionAndRecall() {
        List<PolicySweep.Row> rows = PolicySweep.sweep(List.of(waveThenIdle(0.45)), List.of(TRUTH));
        EventScore best = rows.get(0).score();
        assertEquals(1.0, Math.min(best.precision(), best.recall()));
        assertTrue(rows.get(0).policy().onScore() <= 0.45, rows.get(0).toString());
        assertEquals(0.0, rows.get(rows.size() - 1).score().recall(), "policies above the score find nothing");
    }
}
