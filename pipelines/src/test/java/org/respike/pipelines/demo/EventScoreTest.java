package org.respike.pipelines.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.respike.pipelines.demo.EventScore.Interval;

class EventScoreTest {

    @Test
    void matchesOneToOneBySameLabelAndTemporalIouOfAtLeastAThird() {
        List<Interval> truth = List.of(new Interval("walk", 0, 4), new Interval("fall", 4, 6), new Interval("walk", 6, 10));
        List<Interval> detected = List.of(
                new Interval("walk", 1, 4),    // IoU 0.75 with the first walk
                new Interval("walk", 1.5, 3),  // IoU 0.375, but that walk is taken
                new Interval("fall", 5.5, 8),  // IoU 0.5 / 4 = 0.125: too little
                new Interval("run", 6, 10));   // another label
        EventScore s = EventScore.of(detected, truth);
        assertEquals(new EventScore(4, 1, 3, 1), s);
        assertEquals(0.25, s.precision());
        assertEquals(1.0 / 3, s.recall());
        assertEquals(2 * 0.25 / 3 / (0.25 + 1.0 / 3), s.f1(), 1e-12);
    }

    @Test
    void touchingSegmentsOfOneLabelAreOneActionAndIgnoredClassesCountNowhere() {
        GroundTruth truth = new GroundTruth(List.of("idle", "wave"), List.of(
                new GroundTruth.Segment("wave", 0, 2), new GroundTruth.Segment("wave", 2, 5),
                new GroundTruth.Segment("idle", 5, 7), new GroundTruth.Segment("wave", 7, 8)));
        assertEquals(List.of(new Interval("wave", 0, 5), new Interval("wave", 7, 8)),
                EventScore.actions(truth, Set.of("idle")));
    }
}
