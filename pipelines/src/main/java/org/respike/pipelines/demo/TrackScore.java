package org.respike.pipelines.demo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.respike.models.engine.ActionResult;
import org.respike.models.frame.Box;

/**
 * Per-person recognition against a multi-person video's ground truth ({@link PeopleTruth}), under stated
 * rules. The video is cut into groups of {@code groupFrames} frames (the model's stride at the video's
 * rate); a result belongs to the group holding its clip's last frame.
 *
 * <ul>
 *   <li>Matching: in each group, a track's result (its box is the track's last box) and a person match by
 *       their mean IoU over the group's frames (0 where the person is out of view), greedily, highest first,
 *       each side once, at IoU >= {@link #MIN_IOU}. A whole-frame result (no track) is everyone's: it is
 *       matched to every person in view in its group.</li>
 *   <li>Clip accuracy: a matched result is right when its label is the one its person holds for most of
 *       the clip; accuracy = right / matched.</li>
 *   <li>Tracks: per person, the track ids of their matched results in time order; an id switch is a change
 *       from one to the next; a person covered by more than one id is fragmented.</li>
 *   <li>Recognised: right results over the groups people are in view, coverage included.</li>
 *   <li>Stalls: a person is in view in a group when in view in at least half its frames; a stall is a run
 *       of at least {@code stallGroups} consecutive groups in view without a matched result (an entry's
 *       first clip takes clip frames / stride groups).</li>
 * </ul>
 */
public record TrackScore(int results, int matched, int correct, int groupFrames, int stallGroups,
        int maxPeopleInView, double meanPeopleInView, int maxTracksInGroup, List<PersonScore> people) {

    /** A track's box and a person's box must overlap at least this much, averaged over a group, to match. */
    public static final double MIN_IOU = 0.3;

    /** One person's record: what they were shown as, and how often. */
    public record PersonScore(long id, int groupsInView, int groupsWithResult, int results, int correct,
            List<Long> trackIds, int idSwitches, int longestGap, int stalls) {

        public Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("person", id);
            m.put("groups_in_view", groupsInView);
            m.put("groups_with_result", groupsWithResult);
            m.put("results", results);
            m.put("clip_accuracy", results == 0 ? null : (double) correct / results);
            m.put("track_ids", trackIds);
            m.put("id_switches", idSwitches);
            m.put("longest_gap_groups", longestGap);
            m.put("stalls", stalls);
            return m;
        }
    }

    public static TrackScore of(List<ActionResult> results, PeopleTruth truth, int groupFrames, int stallGroups) {
        if (groupFrames < 1 || stallGroups < 1) {
            throw new IllegalArgumentException("group frames " + groupFrames + " and stall groups " + stallGroups
                    + " must be at least 1");
        }
        int groups = (truth.frames() + groupFrames - 1) / groupFrames;
        Map<Integer, List<ActionResult>> byGroup = byGroup(results, truth, groupFrames);
        int n = truth.people().size();
        // Per person and group: the matched result's track id (null: none), and the tallies.
        Long[][] ids = new Long[n][groups];
        int[] matchedOf = new int[n];
        int[] correctOf = new int[n];
        int matched = 0;
        int correct = 0;
        int maxTracks = 0;
        for (Map.Entry<Integer, List<ActionResult>> e : byGroup.entrySet()) {
            int g = e.getKey();
            List<ActionResult> inGroup = e.getValue();
            maxTracks = Math.max(maxTracks, (int) inGroup.stream().filter(a -> a.trackId() != ActionResult.NO_TRACK)
                    .map(ActionResult::trackId).distinct().count());
            for (int[] pair : match(inGroup, truth, g, groupFrames)) {
                ActionResult a = inGroup.get(pair[0]);
                PeopleTruth.Person p = truth.people().get(pair[1]);
                boolean right = a.label().equals(p.majorityLabel(frame(a.ptsStart(), truth.fps()),
                        frame(a.ptsEnd(), truth.fps())));
                if (g < groups) {
                    ids[pair[1]][g] = a.trackId();
                }
                matched++;
                matchedOf[pair[1]]++;
                correct += right ? 1 : 0;
                correctOf[pair[1]] += right ? 1 : 0;
            }
        }
        List<PersonScore> people = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            people.add(person(truth.people().get(i), ids[i], matchedOf[i], correctOf[i], groupFrames, stallGroups));
        }
        int maxInView = 0;
        long sumInView = 0;
        for (int f = 0; f < truth.frames(); f++) {
            int v = truth.inView(f);
            maxInView = Math.max(maxInView, v);
            sumInView += v;
        }
        return new TrackScore(results.size(), matched, correct, groupFrames, stallGroups, maxInView,
                (double) sumInView / truth.frames(), maxTracks, people);
    }

    /**
     * The person (index in the truth) each track's results were matched to most often, by the matching rule
     * above; tracks that never matched are absent.
     */
    public static Map<Long, Integer> owners(List<ActionResult> results, PeopleTruth truth, int groupFrames) {
        Map<Integer, List<ActionResult>> byGroup = byGroup(results, truth, groupFrames);
        Map<Long, Map<Integer, Integer>> counts = new LinkedHashMap<>();
        byGroup.forEach((g, inGroup) -> {
            for (int[] pair : match(inGroup, truth, g, groupFrames)) {
                long track = inGroup.get(pair[0]).trackId();
                if (track != ActionResult.NO_TRACK) {
                    counts.computeIfAbsent(track, t -> new TreeMap<>()).merge(pair[1], 1, Integer::sum);
                }
            }
        });
        Map<Long, Integer> owners = new LinkedHashMap<>();
        counts.forEach((track, byPerson) -> owners.put(track,
                byPerson.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey()));
        return owners;
    }

    /** Results by the group that holds their clip's last frame. */
    private static Map<Integer, List<ActionResult>> byGroup(List<ActionResult> results, PeopleTruth truth,
            int groupFrames) {
        Map<Integer, List<ActionResult>> byGroup = new TreeMap<>();
        for (ActionResult a : results) {
            int end = frame(a.ptsEnd(), truth.fps());
            byGroup.computeIfAbsent(Math.max(0, end - 1) / groupFrames, g -> new ArrayList<>()).add(a);
        }
        return byGroup;
    }

    /** Pairs {result index, person index} of one group. */
    private static List<int[]> match(List<ActionResult> results, PeopleTruth truth, int group, int groupFrames) {
        int from = group * groupFrames;
        int to = Math.min(from + groupFrames, truth.frames());
        List<int[]> pairs = new ArrayList<>();
        record Candidate(int result, int person, double iou) {}
        List<Candidate> candidates = new ArrayList<>();
        for (int r = 0; r < results.size(); r++) {
            Box box = results.get(r).box();
            for (int p = 0; p < truth.people().size(); p++) {
                PeopleTruth.Person person = truth.people().get(p);
                if (results.get(r).trackId() == ActionResult.NO_TRACK || box == null) {
                    if (inView(person, from, to)) {
                        pairs.add(new int[] {r, p});
                    }
                    continue;
                }
                double iou = 0;
                for (int f = from; f < to; f++) {
                    iou += person.inView(f) ? box.iou(person.boxes().get(f)) : 0;
                }
                iou /= Math.max(1, to - from);
                if (iou >= MIN_IOU) {
                    candidates.add(new Candidate(r, p, iou));
                }
            }
        }
        candidates.sort(Comparator.comparingDouble(Candidate::iou).reversed());
        Set<Integer> usedResults = new HashSet<>();
        Set<Integer> usedPeople = new HashSet<>();
        for (Candidate c : candidates) {
            if (!usedResults.contains(c.result) && !usedPeople.contains(c.person)) {
                usedResults.add(c.result);
                usedPeople.add(c.person);
                pairs.add(new int[] {c.result, c.person});
            }
        }
        return pairs;
    }

    private static boolean inView(PeopleTruth.Person person, int from, int to) {
        int seen = 0;
        for (int f = from; f < to; f++) {
            seen += person.inView(f) ? 1 : 0;
        }
        return to > from && 2 * seen >= to - from;
    }

    private static PersonScore person(PeopleTruth.Person p, Long[] ids, int results, int correct, int groupFrames,
            int stallGroups) {
        int inView = 0;
        int withResult = 0;
        int gap = 0;
        int longest = 0;
        int stalls = 0;
        int switches = 0;
        Long last = null;
        Set<Long> trackIds = new LinkedHashSet<>();
        for (int g = 0; g < ids.length; g++) {
            if (ids[g] != null) {
                trackIds.add(ids[g]);
                switches += last != null && !last.equals(ids[g]) ? 1 : 0;
                last = ids[g];
            }
            boolean seen = inView(p, g * groupFrames, Math.min((g + 1) * groupFrames, p.boxes().size()));
            inView += seen ? 1 : 0;
            withResult += seen && ids[g] != null ? 1 : 0;
            if (seen && ids[g] == null) {
                gap++;
                longest = Math.max(longest, gap);
                stalls += gap == stallGroups ? 1 : 0;
            } else {
                gap = 0;
            }
        }
        return new PersonScore(p.id(), inView, withResult, results, correct, List.copyOf(trackIds), switches, longest,
                stalls);
    }

    /** The frame index at {@code nanos} at {@code fps}, to the nearest frame. */
    private static int frame(long nanos, double fps) {
        return (int) Math.round(nanos * fps / 1e9);
    }

    public double clipAccuracy() {
        return matched == 0 ? 0 : (double) correct / matched;
    }

    public int idSwitches() {
        return people.stream().mapToInt(PersonScore::idSwitches).sum();
    }

    /** People covered by more than one track id. */
    public int fragmented() {
        return (int) people.stream().filter(p -> p.trackIds().size() > 1).count();
    }

    /** Track ids beyond one per person that was covered. */
    public int extraTracks() {
        return people.stream().mapToInt(p -> Math.max(0, p.trackIds().size() - 1)).sum();
    }

    public int stalls() {
        return people.stream().mapToInt(PersonScore::stalls).sum();
    }

    public int longestGap() {
        return people.stream().mapToInt(PersonScore::longestGap).max().orElse(0);
    }

    /** Groups in view with a result, over groups in view, all people together. */
    public double coverage() {
        int inView = people.stream().mapToInt(PersonScore::groupsInView).sum();
        return inView == 0 ? 0 : (double) people.stream().mapToInt(PersonScore::groupsWithResult).sum() / inView;
    }

    /**
     * Right results over groups in view, all people together: what a user of each mode gets per person and
     * group, coverage included (a mode that is right on few people scores low however right it is there).
     */
    public double recognised() {
        int inView = people.stream().mapToInt(PersonScore::groupsInView).sum();
        return inView == 0 ? 0 : (double) correct / inView;
    }

    public Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("results", results);
        m.put("results_on_a_person", matched);
        m.put("clip_accuracy", clipAccuracy());
        m.put("people", people.size());
        m.put("max_people_in_view", maxPeopleInView);
        m.put("mean_people_in_view", meanPeopleInView);
        m.put("max_tracks_in_a_group", maxTracksInGroup);
        m.put("id_switches", idSwitches());
        m.put("fragmented_people", fragmented());
        m.put("extra_tracks", extraTracks());
        m.put("stalls", stalls());
        m.put("longest_gap_groups", longestGap());
        m.put("coverage", coverage());
        m.put("recognised", recognised());
        m.put("group_frames", groupFrames);
        m.put("stall_groups", stallGroups);
        m.put("per_person", people.stream().map(PersonScore::json).toList());
        m.put("rules", "a group is " + groupFrames + " frames; a track's result matches a person by mean box IoU over "
                + "its group (>= " + MIN_IOU + ", one to one, highest first), a whole-frame result matches everyone in "
                + "view; correct = the person's label for most of the clip; id switch = change of matched track id; "
                + "stall = " + stallGroups + " groups in view in a row without a matched result");
        return m;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d results, %d on a person, clip accuracy %.1f%%; %d people (up to %d in "
                        + "view), %d id switches, %d fragmented (%d extra tracks), %d stalls (longest gap %d groups), "
                        + "coverage %.1f%%, recognised %.1f%%", results, matched, 100 * clipAccuracy(), people.size(),
                maxPeopleInView, idSwitches(), fragmented(), extraTracks(), stalls(), longestGap(), 100 * coverage(),
                100 * recognised());
    }
}
