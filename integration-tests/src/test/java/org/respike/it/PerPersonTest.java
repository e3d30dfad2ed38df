package org.respike.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.respike.models.engine.ActionResult;
import org.respike.models.frame.Box;
import org.respike.it.support.Repo;
import org.respike.it.support.Runs;
import org.respike.models.testing.Cadence;
import org.respike.models.testing.TestBundles;
import org.respike.pipelines.catalogue.LaunchTemplate;
import org.respike.pipelines.demo.PeopleTruth;
import org.respike.pipelines.demo.TrackScore;

/**
 * Per-person recognition through the real pipeline (respikebin roi=motion, the committed bundle on the CPU)
 * on the committed multi-person videos, scored against their per-person truth by {@link TrackScore}'s rules
 * (what {@code respike tracks} reports). The tracker's bounds hold whatever the model says; the accuracy
 * bound is the model's.
 *
 * <p>Measured 2026-12-03 on a 2-core Intel Xeon VM (renderer r8 videos, the r8 bundle after its warm restart;
 * {@code respike tracks}) with respikemotion's options chosen on six other multi-person videos (seeds
 * 101-106): its warm-up, no opening, and since session 15 min-hits 4 and coasting no longer than a track was
 * seen. multi_1 (4 people, 20 s, stick family): 200 results, 76 on a person; 3 id switches, 2 fragmented
 * people (3 extra tracks; two people stand side by side for 4 s, and the ids of a merged blob can swap when
 * it splits), 3 stalls, coverage 47.5% of the groups people are in view, clip accuracy 53.9% (74.0% on 50
 * single-person clips of the stick family at 160x120). With min-hits 3 and coasting up to max-age: 194
 * results, 79 on a person, 4 switches, 4 extra tracks, 2 stalls, coverage 49.4%, clip accuracy 59.5%; before
 * the warm-up: 201 results, 59 on a person, coverage 36.9% (two of the four people, in view from the first
 * frame, never got a result). multi_16 (16 people, 8 s): 111 results, 33 on a person, coverage 12.9% (143,
 * 36 and 14.1% before; 16 tracks at once: max-tracks' default, so the cap is hit).
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class PerPersonTest {

    /**
     * Clip accuracy of the results matched to a person on multi_1; below the committed bundle's 53.9% (the r7
     * bundle, whole frames only, measured 28.8%). The goal is within 5 points of the same model on
     * single-person clips of the family (74.0%).
     */
    static final double MIN_TRACK_ACCURACY = 0.52;

    /**
     * Tracker bounds on multi_1, a little above what was measured (3 switches, 3 extra tracks, 3 stalls) and
     * below (76 results on a person, coverage 47.5%). The proposer before its warm-up (the ghosts of whoever
     * stood in the first frame, two people never tracked) measured 59 results and 36.9%: it fails.
     */
    static final int MAX_ID_SWITCHES = 6;
    /** Clip accuracy with the true boxes, a little below the committed bundle's. */
    static final double MIN_TRUTH_BOX_ACCURACY = 0.47;
    static final int MAX_EXTRA_TRACKS = 6;
    static final int MAX_STALLS = 4;
    static final int MIN_RESULTS_ON_A_PERSON = 68;
    static final double MIN_COVERAGE = 0.43;

    private static Runs run(Path video) {
        return Runs.of("filesrc location=" + LaunchTemplate.quote(video.toString()) + " ! decodebin ! respikebin "
                + "roi=motion device=cpu model=" + LaunchTemplate.quote(TestBundles.hybrid().toString())
                + " ! fakesink sync=false").assertEos();
    }

    private static TrackScore score(String name) throws Exception {
        Path video = Repo.root().resolve("pipelines/samples/" + name + ".mp4");
        PeopleTruth truth = PeopleTruth.read(video.resolveSibling(name + ".json"));
        Cadence cadence = Cadence.of(TestBundles.hybrid());
        TrackScore score = TrackScore.of(run(video).events(), truth, cadence.stride(), 2 * cadence.clipFrames()
                / cadence.stride());
        System.out.println(name + " roi=motion: " + score);
        return score;
    }

    /**
     * multi_1 with each person's true box as an upstream ROI meta (respikebin roi=upstream, the person's id as
     * the meta id): perfect tracking, so what is left is the model's on person crops. Every person gets
     * results under their own id, no stall; measured 148 results, 137 on a person, coverage 85.6%, clip
     * accuracy 52.6% (the tracked run: 59.5%): the loss against single-person clips (74.0%) is the model's,
     * not the tracker's.
     */
    @Test
    void truthBoxesSplitTrackerFromModel() throws Exception {
        Path video = Repo.root().resolve("pipelines/samples/multi_1.mp4");
        PeopleTruth truth = PeopleTruth.read(video.resolveSibling("multi_1.json"));
        List<String> lines = new ArrayList<>();
        for (int f = 0; f < truth.frames(); f++) {
            List<String> boxes = new ArrayList<>();
            for (PeopleTruth.Person p : truth.people()) {
                if (p.inView(f)) {
                    Box b = p.boxes().get(f);
                    boxes.add(String.format(Locale.ROOT, "%d:%d,%d,%d,%d", p.id(), Math.round(b.x()), Math.round(b.y()),
                            Math.round(b.width()), Math.round(b.height())));
                }
            }
            lines.add(String.join(";", boxes));
        }
        Path file = Files.createTempFile("multi_1-boxes", ".txt");
        try {
            Files.write(file, lines);
            Cadence cadence = Cadence.of(TestBundles.hybrid());
            Runs run = Runs.of("filesrc location=" + LaunchTemplate.quote(video.toString()) + " ! decodebin ! "
                    + "respiketestregions boxes-file=" + LaunchTemplate.quote(file.toString()) + " ! respikebin "
                    + "roi=upstream device=cpu model=" + LaunchTemplate.quote(TestBundles.hybrid().toString())
                    + " ! fakesink sync=false").assertEos();
            TrackScore s = TrackScore.of(run.events(), truth, cadence.stride(), 2 * cadence.clipFrames()
                    / cadence.stride());
            System.out.println("multi_1 truth boxes: " + s);
            assertEquals(0, s.idSwitches(), s.toString());
            assertEquals(0, s.extraTracks(), s.toString());
            assertEquals(0, s.stalls(), s.toString());
            assertTrue(s.coverage() >= 0.8, s.toString());
            assertTrue(s.clipAccuracy() >= MIN_TRUTH_BOX_ACCURACY, s.toString());
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void fourPeopleKeepTheirTracks() throws Exception {
        TrackScore s = score("multi_1");
        assertEquals(4, s.maxPeopleInView());
        assertTrue(s.idSwitches() <= MAX_ID_SWITCHES, s.toString());
        assertTrue(s.extraTracks() <= MAX_EXTRA_TRACKS, s.toString());
        assertTrue(s.stalls() <= MAX_STALLS, s.toString());
        assertTrue(s.matched() >= MIN_RESULTS_ON_A_PERSON, s.toString());
        assertTrue(s.coverage() >= MIN_COVERAGE, s.toString());
        assertTrue(s.clipAccuracy() >= MIN_TRACK_ACCURACY, s.toString());
    }

    /**
     * Sixteen people in view at once: the run reaches EOS, results come in every group once the first clips
     * are complete, with many tracks at once, and the cap on live tracks (max-tracks, 16) is warned about at
     * most once.
     */
    @Test
    void sixteenPeopleInViewKeepRunning() throws Exception {
        Path video = Repo.root().resolve("pipelines/samples/multi_16.mp4");
        PeopleTruth truth = PeopleTruth.read(video.resolveSibling("multi_16.json"));
        Cadence cadence = Cadence.of(TestBundles.hybrid());
        Runs run = run(video);
        TrackScore s = TrackScore.of(run.events(), truth, cadence.stride(), 2 * cadence.clipFrames() / cadence.stride());
        System.out.println("multi_16 roi=motion: " + s + "; warnings " + run.warnings());
        assertEquals(16, s.maxPeopleInView());
        assertTrue(s.maxTracksInGroup() >= 8, "tracks at once: " + s.maxTracksInGroup());
        Set<Long> groupsWithResults = new TreeSet<>();
        for (ActionResult a : run.events()) {
            groupsWithResults.add(Math.round(a.ptsEnd() * truth.fps() / 1e9 - 1) / cadence.stride());
        }
        int groups = truth.frames() / cadence.stride();
        for (long g = cadence.clipFrames() / cadence.stride() + 1; g < groups; g++) {
            assertTrue(groupsWithResults.contains(g), "a result in group " + g + " of " + groups + ": " + groupsWithResults);
        }
        assertTrue(run.warnings().stream().filter(w -> w.contains("tracks live")).count()
                <= 1, run.warnings().toString());
    }
}
