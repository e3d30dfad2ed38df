package org.respike.pipelines.demo;

import java.util.ArrayList;
import java.util.List;
import org.respike.models.engine.ActionResult;

/**
 * How recognised actions compare with a ground-truth timeline, under stated rules.
 *
 * <ul>
 *   <li>Clip accuracy: a result is right when its label is the ground-truth label covering most of its
 *       clip interval.</li>
 *   <li>Events: consecutive results with the same label form one recognised event spanning their clips.
 *       A recognised event is correct (precision) when a ground-truth segment of its label overlaps it;
 *       a ground-truth segment is found (recall) when at least one result of its label has at least half
 *       of its clip inside the segment.</li>
 * </ul>
 */
public record DemoScore(int results, int correctResults, List<Event> events, int correctEvents, int segments,
        int foundSegments) {

    /** A run of consecutive results with one label, in seconds. */
    public record Event(String label, double start, double end, double meanScore) {}

    public static DemoScore of(List<ActionResult> results, GroundTruth truth) {
        int correct = 0;
        for (ActionResult r : results) {
            correct += r.label().equals(truth.majorityLabel(seconds(r.ptsStart()), seconds(r.ptsEnd()))) ? 1 : 0;
        }
        List<Event> events = merge(results);
        int correctEvents = 0;
        for (Event e : events) {
            boolean hit = truth.segments().stream()
                    .anyMatch(s -> s.label().equals(e.label()) && s.overlap(e.start(), e.end()) > 0);
            correctEvents += hit ? 1 : 0;
        }
        int found = 0;
        for (GroundTruth.Segment s : truth.segments()) {
            boolean hit = results.stream().anyMatch(r -> r.label().equals(s.label())
                    && s.overlap(seconds(r.ptsStart()), seconds(r.ptsEnd()))
                            >= 0.5 * (seconds(r.ptsEnd()) - seconds(r.ptsStart())));
            found += hit ? 1 : 0;
        }
        return new DemoScore(results.size(), correct, events, correctEvents, truth.segments().size(), found);
    }

    static List<Event> merge(List<ActionResult> results) {
        List<Event> events = new ArrayList<>();
        int i = 0;
        while (i < results.size()) {
            int j = i;
            double scoreSum = 0;
            while (j < results.size() && results.get(j).label().equals(results.get(i).label())) {
                scoreSum += results.get(j).score();
                j++;
            }
            events.add(new Event(results.get(i).label(), seconds(results.get(i).ptsStart()),
                    seconds(results.get(j - 1).ptsEnd()), scoreSum / (j - i)));
            i = j;
        }
        return events;
    }

    static double seconds(long nanos) {
        return nanos / 1e9;
    }

    public double clipAccuracy() {
        return results == 0 ? 0 : (double) correctResults / results;
    }

    public double eventPrecision() {
        return events.isEmpty() ? 0 : (double) correctEvents / events.size();
    }

    public double eventRecall() {
        return segments == 0 ? 0 : (double) foundSegments / segments;
    }
}
