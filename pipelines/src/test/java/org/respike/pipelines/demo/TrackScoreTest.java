package org.respike.pipelines.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.respike.models.engine.ActionResult;
import org.respike.models.frame.Box;

/** The per-person scoring rules on hand-made truth and results (8 fps, groups of 4 frames). */
class TrackScoreTest {
    private static final double FPS = 8;
    private static final int FRAMES = 64;
    private static final Box LEFT = new Box(10, 10, 40, 100);
    private static final Box RIGHT = new Box(300, 10, 40, 100);

    @TempDir
    Path tmp;

    /** A person at {@code box} in frames [from, to), walking in the first half and waving after. */
    private static PeopleTruth.Person person(long id, Box box, int from, int to) {
        List<Box> boxes = new ArrayList<>(Collections.nCopies(FRAMES, (Box) null));
        List<String> labels = new ArrayList<>();
        for (int f = 0; f < FRAMES; f++) {
            if (f >= from && f < to) {
                boxes.set(f, box);
            }
            labels.add(f < FRAMES / 2 ? "walk" : "wave");
        }
        return new PeopleTruth.Person(id, boxes, labels);
    }

    private static PeopleTruth truth(PeopleTruth.Person... people) {
        return new PeopleTruth(FPS, 640, 360, FRAMES, List.of("walk", "wave"), List.of(people));
    }

    /** Track {@code track}'s clip of 16 frames ending at frame {@code end} (exclusive), at {@code box}. */
    private static ActionResult result(long track, Box box, int end, String label) {
        long ns = (long) (1e9 / FPS);
        return new ActionResult("cam#" + track, label, 0, 0.9, (end - 16) * ns, end * ns, (end - 16) * ns, end * ns, 16,
                end, 0, 0.1, 1, 1, Map.of(label, 0.9), track, box, null);
    }

    /** A track's results every group from frame 16 to {@code to}, the label each person holds. */
    private static List<ActionResult> track(long id, Box box, int from, int to) {
        List<ActionResult> out = new ArrayList<>();
        for (int end = from; end <= to; end += 4) {
            out.add(result(id, box, end, end - 8 <= FRAMES / 2 ? "walk" : "wave")); // 8 and 8 frames: walk, the first
        }
        return out;
    }

    @Test
    void oneTrackPerPersonIsRightEverywhereWithNoSwitchOrStall() {
        List<ActionResult> results = new ArrayList<>(track(7, LEFT, 16, 64));
        results.addAll(track(9, RIGHT, 16, 64));
        TrackScore s = TrackScore.of(results, truth(person(0, LEFT, 0, 64), person(1, RIGHT, 0, 64)), 4, 8);
        assertEquals(26, s.results());
        assertEquals(26, s.matched());
        assertEquals(1.0, s.clipAccuracy());
        assertEquals(26.0 / 32, s.recognised(), "right in every group but the first clip's");
        assertEquals(0, s.idSwitches());
        assertEquals(0, s.fragmented());
        assertEquals(0, s.stalls());
        assertEquals(3, s.longestGap(), "the first clip: groups 0-2 in view before the first result");
        assertEquals(2, s.maxPeopleInView());
        assertEquals(2, s.maxTracksInGroup());
        assertEquals(List.of(7L), s.people().get(0).trackIds());
    }

    @Test
    void aNewIdOnTheSamePersonIsASwitchAndAFragmentAndTheGapAStall() {
        List<ActionResult> results = new ArrayList<>(track(1, LEFT, 16, 24));
        results.addAll(track(2, LEFT, 60, 64));
        TrackScore s = TrackScore.of(results, truth(person(0, LEFT, 0, 64)), 4, 8);
        assertEquals(1, s.idSwitches());
        assertEquals(1, s.fragmented());
        assertEquals(1, s.extraTracks());
        assertEquals(1, s.stalls(), "groups 6-13 in view without a result");
        assertEquals(8, s.longestGap());
        assertEquals(List.of(1L, 2L), s.people().get(0).trackIds());
    }

    @Test
    void aResultMatchesOnlyAnOverlappingPersonAndEachPersonOnceAGroup() {
        Box far = new Box(500, 200, 40, 100);
        Box shifted = new Box(15, 10, 40, 100); // IoU 0.78 with LEFT
        List<ActionResult> results = new ArrayList<>(List.of(result(1, far, 20, "walk"), result(2, LEFT, 20, "walk"),
                result(3, shifted, 20, "wave")));
        TrackScore s = TrackScore.of(results, truth(person(0, LEFT, 0, 64)), 4, 8);
        assertEquals(3, s.results());
        assertEquals(1, s.matched(), "the best overlap takes the person; the others are on nobody");
        assertEquals(1.0, s.clipAccuracy());
        assertEquals(List.of(2L), s.people().get(0).trackIds());
    }

    @Test
    void aWholeFrameResultIsScoredForEveryoneInView() {
        List<ActionResult> results = List.of(result(ActionResult.NO_TRACK, null, 24, "walk"),
                result(ActionResult.NO_TRACK, null, 60, "walk"));
        TrackScore s = TrackScore.of(results, truth(person(0, LEFT, 0, 64), person(1, RIGHT, 0, 30)), 4, 100);
        assertEquals(3, s.matched(), "two people at frame 24, one at 60");
        assertEquals(2, s.correct(), "walk is wrong for the wave at 60");
        assertEquals(2.0 / (16 + 8), s.recognised(), "2 right of 24 groups in view (person 1: frames 0-29)");
        assertEquals(0, s.idSwitches());
        assertEquals(0, s.maxTracksInGroup());
    }

    @Test
    void eachTracksEventsAreScoredAgainstTheTimelineOfThePersonItFollows() {
        // Person 1 walks then waves on the left; person 2 waves then walks on the right; track 9 follows nobody.
        List<Box> right = new ArrayList<>(Collections.nCopies(FRAMES, RIGHT));
        List<String> waveThenWalk = new ArrayList<>();
        for (int f = 0; f < FRAMES; f++) {
            waveThenWalk.add(f < FRAMES / 2 ? "wave" : "walk");
        }
        PeopleTruth t = truth(person(1, LEFT, 0, FRAMES), new PeopleTruth.Person(2, right, waveThenWalk));
        List<ActionResult> results = new ArrayList<>(track(7, LEFT, 16, FRAMES));
        for (int end = 16; end <= FRAMES; end += 4) {
            results.add(result(8, RIGHT, end, end - 8 <= FRAMES / 2 ? "wave" : "walk"));
            results.add(result(9, new Box(500, 250, 20, 20), end, "walk"));
        }
        assertEquals(Map.of(7L, 0, 8L, 1), TrackScore.owners(results, t, 4));
        PeopleEvents e = PeopleEvents.of(results, t, 4, org.respike.elements.events.EventPolicy.defaults());
        // Two actions each, each found by one event of the person's own track; track 9's walk is a false event.
        assertEquals(4, e.events().actions());
        assertEquals(4, e.events().matchedActions(), e.toString());
        assertEquals(5, e.events().events(), e.toString());
        assertEquals(5, e.raw().events(), e.toString());
        assertEquals(4, e.raw().matchedEvents(), e.toString());
    }

    @Test
    void theRecipesTruthFileIsRead() throws IOException {
        Path f = tmp.resolve("multi.json");
        Files.writeString(f, "{\"fps\": 8, \"width\": 640, \"height\": 360, \"frames\": 2, \"classes\": [\"walk\"],"
                + " \"people\": [{\"track_id\": 3, \"labels\": [\"walk\", \"walk\"], \"boxes\": [[640.0, 157.5, 640, 229.6], "
                + "[1, 2, 11, 22]]}]}");
        PeopleTruth t = PeopleTruth.read(f);
        assertEquals(1, t.inView(1));
        assertEquals(0, t.inView(0), "a box rounded to no width at the frame's edge is out of view");
        assertEquals(new Box(1, 2, 10, 20), t.people().get(0).boxes().get(1));
        Files.writeString(f, "{\"fps\": 8, \"width\": 640, \"height\": 360, \"frames\": 2, \"classes\": [\"walk\"],"
                + " \"people\": [{\"track_id\": 3, \"labels\": [\"walk\", \"run\"], \"boxes\": [null, [1, 2, 0, 22]]}]}");
        IOException e = assertThrows(IOException.class, () -> PeopleTruth.read(f));
        assertTrue(e.getMessage().contains("multi.json: person 3: frame 1"), e.getMessage());
        // Out of the scene (render --in-view): no box, no label; a label is still needed where a box is.
        Files.writeString(f, "{\"fps\": 8, \"width\": 640, \"height\": 360, \"frames\": 3, \"classes\": [\"walk\"],"
                + " \"people\": [{\"track_id\": 3, \"labels\": [null, \"walk\", null], \"boxes\": [null, [1, 2, 11, 22], null]}]}");
        PeopleTruth.Person p = PeopleTruth.read(f).people().get(0);
        assertEquals("walk", p.majorityLabel(0, 3));
        assertEquals(null, p.majorityLabel(2, 3));
        Files.writeString(f, "{\"fps\": 8, \"width\": 640, \"height\": 360, \"frames\": 1, \"classes\": [\"walk\"],"
                + " \"people\": [{\"track_id\": 3, \"labels\": [null], \"boxes\": [[1, 2, 11, 22]]}]}");
        assertThrows(IOException.class, () -> PeopleTruth.read(f));
    }
}
