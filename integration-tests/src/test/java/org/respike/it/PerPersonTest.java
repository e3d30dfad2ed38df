package org.respike.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.respike.models.engine.ActionResult;
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
 * <p>Measured 2026-12-03 on a 2-core Intel Xeon VM (renderer r8; {@code respike tracks}), 4 people, 20 s
 * (multi_1, stick family): 201 results, 59 on a person; 1 id switch, 1 fragmented person (1 extra track),
 * 2 stalls (two people never get a result: the 34 results on them cover a piece of the body, at least half
 * inside it but at a mean IoU below 0.3; 100 of the 201 are on no person at all), coverage 36.9% of the
 * groups people are in view. Clip accuracy of the matched results: 28.8% with the committed bundle (trained
 * on whole frames), 55.9% with a proxy bundle trained with 40% person crops (renderer r8, 64 px); whole
 * frames (roi=frame) give each person 13.2% and 27.1%. The same models on 50 single-person clips of the stick
 * family (test split, 160x120): 78.0% and 70.0%. 16 people, 8 s (multi_16): all 16 in view, 16 tracks at
 * once (max-tracks' default, so the cap is hit), 169 results, 22 on a person, coverage 8.6%.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class PerPersonTest {

    /**
     * Clip accuracy of the results matched to a person on multi_1; below the committed r8 bundle's 54.2%
     * (trained on 40% person crops; the r7 bundle, whole frames only, measured 28.8%). The goal is within 5
     * points of the same model on single-person clips of the family.
     */
    static final double MIN_TRACK_ACCURACY = 0.45;

    /**
     * Tracker bounds on multi_1, a little above what was measured (1 switch, 1 extra track, 2 stalls) and below
     * (59 results on a person, coverage 36.9%). A tracker that forgets a track at the first miss (respikemotion
     * max-age=0 min-hits=1, respikeinfer track-timeout=1) measured 2, 2, 4 stalls, 45 results, 28.1%: it fails.
     */
    static final int MAX_ID_SWITCHES = 3;
    static final int MAX_EXTRA_TRACKS = 3;
    static final int MAX_STALLS = 3;
    static final int MIN_RESULTS_ON_A_PERSON = 50;
    static final double MIN_COVERAGE = 0.30;

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
