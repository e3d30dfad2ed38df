package org.respike.pipelines.demo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.respike.elements.events.EventMessage;
import org.respike.elements.events.EventPolicy;
import org.respike.models.engine.ActionResult;

/**
 * Per-track events on a multi-person video against each person's own timeline. The results are replayed
 * through respikepublish's detector under a policy ({@link EventScore#replay}) (as respikepublish would publish them); each track belongs to
 * the person its results were matched to most often under {@link TrackScore}'s rules, and its ended events
 * are scored against that person's actions by {@link EventScore}'s rule (same label, temporal IoU >= 0.3,
 * one to one, the policy's ignored classes on neither side). A track that never matched a person has only
 * false events. The raw results, as runs of equal labels per track, are scored the same way beside them.
 */
public record PeopleEvents(EventScore events, EventScore raw) {

    public static PeopleEvents of(List<ActionResult> results, PeopleTruth truth, int groupFrames, EventPolicy policy) {
        Map<Long, Integer> owner = TrackScore.owners(results, truth, groupFrames);
        Map<Long, List<ActionResult>> byTrack = new LinkedHashMap<>();
        for (ActionResult r : results) {
            if (r.trackId() != ActionResult.NO_TRACK) {
                byTrack.computeIfAbsent(r.trackId(), t -> new ArrayList<>()).add(r);
            }
        }
        List<ActionResult> tracked = results.stream().filter(r -> r.trackId() != ActionResult.NO_TRACK).toList();
        Map<Long, List<EventScore.Interval>> ended = new HashMap<>();
        for (EventMessage m : EventScore.replay(policy, tracked)) {
            if (m.kind() == EventMessage.Kind.END) {
                ended.computeIfAbsent(m.trackId(), t -> new ArrayList<>()).add(EventScore.interval(m));
            }
        }
        Map<Long, List<EventScore.Interval>> runs = new HashMap<>();
        byTrack.forEach((t, rs) -> runs.put(t, EventScore.runs(rs, policy.ignored())));
        return new PeopleEvents(score(ended, owner, truth, policy.ignored()), score(runs, owner, truth, policy.ignored()));
    }

    /** Each person's actions against the intervals of the tracks they own, summed over people and orphans. */
    private static EventScore score(Map<Long, List<EventScore.Interval>> byTrack, Map<Long, Integer> owner,
            PeopleTruth truth, Set<String> ignored) {
        EventScore sum = new EventScore(0, 0, 0, 0);
        for (int p = 0; p < truth.people().size(); p++) {
            List<EventScore.Interval> detected = new ArrayList<>();
            for (Map.Entry<Long, List<EventScore.Interval>> e : byTrack.entrySet()) {
                if (Integer.valueOf(p).equals(owner.get(e.getKey()))) {
                    detected.addAll(e.getValue());
                }
            }
            sum = sum.plus(EventScore.of(detected, actions(truth.people().get(p), truth.fps(), ignored)));
        }
        for (Map.Entry<Long, List<EventScore.Interval>> e : byTrack.entrySet()) {
            if (!owner.containsKey(e.getKey())) {
                sum = sum.plus(new EventScore(e.getValue().size(), 0, 0, 0)); // followed nobody: false events
            }
        }
        return sum;
    }

    /** A person's actions: runs of one label over frames (out of the scene and ignored classes left out). */
    static List<EventScore.Interval> actions(PeopleTruth.Person person, double fps, Set<String> ignored) {
        List<EventScore.Interval> out = new ArrayList<>();
        List<String> labels = person.labels();
        int start = 0;
        for (int f = 1; f <= labels.size(); f++) {
            if (f == labels.size() || !java.util.Objects.equals(labels.get(f), labels.get(start))) {
                String label = labels.get(start);
                if (label != null && !ignored.contains(label)) {
                    out.add(new EventScore.Interval(label, start / fps, f / fps));
                }
                start = f;
            }
        }
        return out;
    }

    public Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("events", events.events());
        m.put("actions", events.actions());
        m.put("precision", events.precision());
        m.put("recall", events.recall());
        m.put("f1", events.f1());
        m.put("raw_runs", raw.events());
        m.put("raw_precision", raw.precision());
        m.put("raw_recall", raw.recall());
        m.put("raw_f1", raw.f1());
        return m;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "events %d for %d actions: precision %.3f, recall %.3f, F1 %.3f (raw runs %d: "
                + "%.3f / %.3f / %.3f)", events.events(), events.actions(), events.precision(), events.recall(),
                events.f1(), raw.events(), raw.precision(), raw.recall(), raw.f1());
    }
}
