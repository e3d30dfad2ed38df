package org.respike.pipelines.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.respike.elements.events.EventDetector;
import org.respike.elements.events.EventMessage;
import org.respike.elements.events.EventPolicy;
import org.respike.models.engine.ActionResult;

/**
 * Events against a ground-truth timeline, one to one: a detected event and a ground-truth action match
 * when they have the same label and their intervals (PTS, seconds) overlap with a temporal IoU of at
 * least {@link #MIN_IOU}; pairs are matched greedily, highest IoU first, each side used once. Touching
 * ground-truth segments of one label are one action (no event can tell them apart), and the classes
 * in {@code ignored} (a background class) count on neither side. Precision = matched events / events,
 * recall = matched actions / actions.
 */
public record EventScore(int events, int matchedEvents, int actions, int matchedActions) {

    public static final double MIN_IOU = 0.3;

    /** One event or action: label and [start, end) in seconds. */
    public record Interval(String label, double start, double end) {
        double iou(Interval o) {
            double inter = Math.max(0, Math.min(end, o.end) - Math.max(start, o.start));
            double union = Math.max(end, o.end) - Math.min(start, o.start);
            return union <= 0 ? 0 : inter / union;
        }
    }

    public static EventScore of(List<Interval> detected, List<Interval> truth) {
        record Pair(int d, int t, double iou) {}
        List<Pair> pairs = new ArrayList<>();
        for (int d = 0; d < detected.size(); d++) {
            for (int t = 0; t < truth.size(); t++) {
                double iou = detected.get(d).iou(truth.get(t));
                if (detected.get(d).label().equals(truth.get(t).label()) && iou >= MIN_IOU) {
                    pairs.add(new Pair(d, t, iou));
                }
            }
        }
        pairs.sort(Comparator.comparingDouble(Pair::iou).reversed());
        boolean[] usedD = new boolean[detected.size()];
        boolean[] usedT = new boolean[truth.size()];
        int matched = 0;
        for (Pair p : pairs) {
            if (!usedD[p.d] && !usedT[p.t]) {
                usedD[p.d] = true;
                usedT[p.t] = true;
                matched++;
            }
        }
        return new EventScore(detected.size(), matched, truth.size(), matched);
    }

    /** The timeline's actions, touching same-label segments joined, {@code ignored} classes left out. */
    public static List<Interval> actions(GroundTruth truth, Set<String> ignored) {
        List<Interval> out = new ArrayList<>();
        for (GroundTruth.Segment s : truth.segments()) {
            Interval last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && last.label().equals(s.label()) && s.start() - last.end() < 1e-6) {
                out.set(out.size() - 1, new Interval(s.label(), last.start(), s.end()));
            } else {
                out.add(new Interval(s.label(), s.start(), s.end()));
            }
        }
        out.removeIf(i -> ignored.contains(i.label()));
        return out;
    }

    /**
     * The messages respikepublish's detector makes of {@code results} under {@code policy}, in order, every
     * event ended at the end (wall clock: the PTS from the epoch).
     */
    public static List<EventMessage> replay(EventPolicy policy, List<ActionResult> results) {
        EventDetector detector = new EventDetector(policy, t -> Instant.EPOCH.plusNanos(t));
        List<EventMessage> messages = new ArrayList<>();
        results.forEach(r -> messages.addAll(detector.accept(r)));
        messages.addAll(detector.endAll());
        return messages;
    }

    /** An {@code end} message's event, by PTS. */
    public static Interval interval(EventMessage end) {
        return new Interval(end.label(), end.start().ptsNanos() / 1e9, end.end().ptsNanos() / 1e9);
    }

    /** Both scores' counts together (two videos, two people). */
    public EventScore plus(EventScore o) {
        return new EventScore(events + o.events, matchedEvents + o.matchedEvents, actions + o.actions,
                matchedActions + o.matchedActions);
    }

    /** The raw results as {@link DemoScore} makes events of them: runs of equal consecutive labels. */
    public static List<Interval> runs(List<ActionResult> results, Set<String> ignored) {
        return DemoScore.merge(results).stream().filter(e -> !ignored.contains(e.label()))
                .map(e -> new Interval(e.label(), e.start(), e.end())).toList();
    }

    /** The events of respike-event/1 {@code end} messages (their fields), by PTS. */
    public static List<Interval> ended(List<Map<String, Object>> messages) {
        return messages.stream().filter(m -> "end".equals(m.get("kind")))
                .map(m -> new Interval((String) m.get("label"), pts(m.get("start")), pts(m.get("end")))).toList();
    }

    private static double pts(Object time) {
        return ((Number) ((Map<?, ?>) time).get("pts_ns")).longValue() / 1e9;
    }

    public double precision() {
        return events == 0 ? 0 : (double) matchedEvents / events;
    }

    public double recall() {
        return actions == 0 ? 0 : (double) matchedActions / actions;
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%d events, %d actions, %d matched: precision %.3f, recall %.3f, "
                + "F1 %.3f", events, actions, matchedEvents, precision(), recall(), f1());
    }
}
