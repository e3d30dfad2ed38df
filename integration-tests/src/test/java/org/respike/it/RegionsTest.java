package org.respike.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.respike.elements.RegionTracks;
import org.respike.elements.spi.Region;
import org.respike.it.support.Runs;
import org.respike.models.engine.ActionResult;
import org.respike.models.testing.TestBundles;
import org.respike.pipelines.catalogue.LaunchTemplate;
import org.respike.plugin.testelements.Recorder;

/**
 * Per-person recognition in real pipelines: respikemotion's regions of interest recognised track by track by
 * respikeinfer inference-region=roi-list, and regions from upstream, malformed ones included.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class RegionsTest {

    /** Two bouncing balls on black, one in each half of a 640x360 frame, 8 fps. */
    private static String twoBalls(int frames) {
        String ball = "videotestsrc pattern=ball num-buffers=" + frames
                + " ! video/x-raw,width=320,height=360,framerate=8/1 ! ";
        return "compositor name=c background=black sink_1::xpos=320 ! video/x-raw,width=640,height=360 ! videoconvert"
                + " ! %s " + ball + "c.sink_0 " + ball.replace("ball ", "ball motion=sweep ") + "c.sink_1";
    }

    private static String infer(String extra) {
        return Runs.infer(TestBundles.hybrid().toString(), "inference-region=roi-list " + extra);
    }

    @Test
    void movingBallsBecomeTracksWithTheirOwnActionsOnTheBusAndOnTheirRegions() {
        Recorder.reset("after");
        Runs run = Runs.of(String.format(twoBalls(64), "respikemotion ! " + infer("name=people")
                + " ! respiketestregions name=after ! fakesink")).assertEos();

        Set<Long> tracks = new TreeSet<>();
        for (ActionResult a : run.events()) {
            assertTrue(a.trackId() >= 0, "a track's clip: " + a);
            assertEquals("people#" + a.trackId(), a.streamId());
            assertNotNull(a.box(), "the track's box: " + a);
            assertTrue(a.box().x() >= 0 && a.box().y() >= 0 && a.box().width() > 0 && a.box().height() > 0
                    && a.box().x() + a.box().width() <= 640 && a.box().y() + a.box().height() <= 360, a.box().toString());
            tracks.add(a.trackId());
        }
        assertTrue(tracks.size() >= 2, "one track per ball at least, got " + tracks + " from " + run.events().size());

        List<List<Region>> seen = Recorder.of("after").regions;
        assertEquals(64, seen.size(), "every frame passes");
        int withAction = 0;
        for (List<Region> regions : seen) {
            for (Region r : regions) {
                assertEquals("person", r.type());
                assertEquals((long) r.id(), r.params().get(RegionTracks.TRACKING).get(RegionTracks.TRACK_ID));
                Map<String, Object> action = r.params().get(ActionResult.NAME);
                if (action != null) {
                    withAction++;
                    assertEquals((long) r.id(), ActionResult.fromFields(action).trackId(), "on its own track's region");
                }
            }
        }
        assertTrue(withAction > 0 && withAction <= run.events().size(),
                withAction + " regions carry one of the " + run.events().size() + " actions (those ended at EOS have none)");
        assertTrue(seen.stream().anyMatch(regions -> regions.size() >= 2), "two tracks on one frame");
    }

    @Test
    void wholeFrameActionsHaveNoTrack() {
        Runs run = Runs.of(String.format(twoBalls(16), Runs.infer(TestBundles.hybrid().toString(), "") + " ! fakesink"))
                .assertEos();
        assertEquals(1, run.events().size());
        assertEquals(ActionResult.NO_TRACK, run.events().get(0).trackId());
        assertEquals(null, run.events().get(0).box());
    }

    /**
     * Boxes of zero or negative size, or outside the frame, from a detector upstream are dropped with a warning
     * and the stream goes on; a good box among them is recognised under its meta id (no tracking param).
     */
    @Test
    void malformedRegionsAreDroppedWithAWarningAndTheStreamGoesOn() {
        Runs run = Runs.of("videotestsrc num-buffers=48 ! video/x-raw,width=96,height=72,framerate=8/1 ! videoconvert"
                + " ! respiketestregions boxes=\"0,0,0,10;10,10,-5,20;500,500,10,10;-40,-40,10,10;20,10,40,50\" ! "
                + infer("") + " ! fakesink").assertEos();
        List<ActionResult> actions = run.events();
        List<String> warnings = run.warnings();
        assertTrue(warnings.stream().anyMatch(w -> w.contains("dropped") && w.contains("96x72")), warnings.toString());
        assertTrue(warnings.size() <= 8, "warned at the 1st, 10th, 100th ... only: " + warnings);
        assertTrue(!actions.isEmpty(), "the good box is recognised");
        for (ActionResult a : actions) {
            assertEquals(5, a.trackId(), "the fifth box, meta id 5: " + a);
            assertEquals(new org.respike.models.frame.Box(20, 10, 40, 50), a.box());
        }
    }

    @Test
    void respikebinRoiMotionRecognisesEachTrack() {
        Runs run = Runs.of(String.format(twoBalls(48), "respikebin roi=motion device=cpu model="
                + LaunchTemplate.quote(TestBundles.hybrid().toString()) + " name=cam ! fakesink")).assertEos();
        assertTrue(!run.events().isEmpty());
        assertTrue(run.events().stream().allMatch(a -> a.trackId() >= 0 && a.streamId().equals("cam#" + a.trackId())),
                run.events().toString());
    }
}
