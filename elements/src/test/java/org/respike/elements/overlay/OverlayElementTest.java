package org.respike.elements.overlay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.respike.elements.RegionTracks;
import org.respike.elements.spi.PropertyValues;
import org.respike.elements.spi.Region;
import org.respike.elements.spi.VideoFormat;
import org.respike.elements.testing.TestFrame;
import org.respike.models.engine.ActionResult;
import org.respike.models.frame.Box;

class OverlayElementTest {

    private static final VideoFormat FORMAT = TestFrame.rgb(161, 120);

    private static int changedBytes(TestFrame frame, int background) {
        int changed = 0;
        for (int i = 0; i < frame.data().capacity(); i++) {
            changed += frame.byteAt(i) != background ? 1 : 0;
        }
        return changed;
    }

    @Test
    void drawsNothingBeforeTheFirstActionThenKeepsDrawingIt() {
        OverlayElement overlay = new OverlayElement(new PropertyValues(OverlayElementDefinition.PROPERTIES));
        overlay.setFormat(FORMAT);
        overlay.start();
        TestFrame before = new TestFrame(FORMAT, 0, false).fill(200);
        overlay.process(before);
        assertEquals(0, changedBytes(before, 200));

        TestFrame withAction = new TestFrame(FORMAT, 1, false).fill(200);
        withAction.addMeta(ActionResult.NAME, action("sit_down", 0.93, 0.05, 2.5e6).fields());
        overlay.process(withAction);
        int drawn = changedBytes(withAction, 200);
        assertTrue(drawn > 500, "label and readout drawn, changed " + drawn);

        TestFrame after = new TestFrame(FORMAT, 2, false).fill(200);
        overlay.process(after);
        assertEquals(drawn, changedBytes(after, 200), "the same text is held on later frames");
    }

    @Test
    void textStaysInsideTinyFrames() {
        VideoFormat tiny = TestFrame.rgb(2, 2);
        OverlayElement overlay = new OverlayElement(new PropertyValues(OverlayElementDefinition.PROPERTIES));
        overlay.setFormat(tiny);
        TestFrame frame = new TestFrame(tiny, 0, false).fill(10);
        frame.addMeta(ActionResult.NAME, action("walk", 1.0, 0.1, 1e6).fields());
        overlay.process(frame);
        assertEquals(0, changedBytes(frame, 10), "the text box starts past a 2x2 frame: clipped away, no overflow");
    }

    /** Pixels changed in the whole-frame caption's corner (left of and above the box) / inside the box (40, 30, 50, 60). */
    private static int[] changedCornerAndBox(TestFrame frame, int background) {
        int[] n = new int[2];
        for (int y = 0; y < FORMAT.height(); y++) {
            for (int x = 0; x < FORMAT.width(); x++) {
                boolean changed = frame.byteAt(y * FORMAT.rowStride() + x * 3) != background;
                if (x < 40 && y < 30) {
                    n[0] += changed ? 1 : 0;
                } else if (x >= 40 && x < 90 && y >= 30 && y < 90) {
                    n[1] += changed ? 1 : 0;
                }
            }
        }
        return n;
    }

    @Test
    void drawsEachTracksBoxAndActionAtItsRegionOnceTheTrackHasOne() {
        OverlayElement overlay = new OverlayElement(new PropertyValues(OverlayElementDefinition.PROPERTIES));
        overlay.setFormat(FORMAT);
        overlay.start();
        Region person = new Region(7, "person", 40, 30, 50, 60,
                Map.of(RegionTracks.TRACKING, Map.of(RegionTracks.TRACK_ID, 7L)));
        TestFrame before = new TestFrame(FORMAT, 0, false).fill(200);
        before.regions.add(person);
        overlay.process(before);
        assertEquals(0, changedBytes(before, 200), "no action for the track yet");

        ActionResult walk = action("walk", 0.8, 0.1, 1e6).ofTrack(7, new Box(40, 30, 50, 60));
        TestFrame withAction = new TestFrame(FORMAT, 1, false).fill(200);
        withAction.regions.add(person);
        withAction.addRegionParam(0, ActionResult.NAME, walk.fields());
        withAction.addMeta(ActionResult.NAME, walk.fields());
        overlay.process(withAction);
        int[] drawn = changedCornerAndBox(withAction, 200);
        assertEquals(0, drawn[0], "a track's action is drawn at its region only, not as a whole-frame caption");
        assertTrue(drawn[1] > 2 * (50 + 60), "outline and text inside the box: " + drawn[1]);

        TestFrame later = new TestFrame(FORMAT, 2, false).fill(200);
        later.regions.add(person);
        overlay.process(later);
        assertEquals(drawn[1], changedCornerAndBox(later, 200)[1], "held on the track's later frames");
    }

    private static ActionResult action(String label, double score, double spikeRate, double energyPj) {
        return new ActionResult("cam", label, 0, score, 0, 1, 0, 1, 16, 16, 0, spikeRate, energyPj, 100, Map.of(label, score), ActionResult.NO_TRACK, null, null);
    }
}
