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

    /** On I420 a track's box and text change luma and chroma inside the box and nothing in the corner. */
    @Test
    void drawsIntoTheLumaAndChromaOfI420() {
        VideoFormat i420 = TestFrame.i420(161, 120);
        OverlayElement overlay = new OverlayElement(new PropertyValues(OverlayElementDefinition.PROPERTIES));
        overlay.setFormat(i420);
        overlay.start();
        ActionResult walk = action("walk", 0.8, 0.1, 1e6).ofTrack(7, new Box(40, 30, 50, 60));
        TestFrame frame = new TestFrame(i420, 1, false).fill(128);
        frame.regions.add(new Region(7, "person", 40, 30, 50, 60,
                Map.of(RegionTracks.TRACKING, Map.of(RegionTracks.TRACK_ID, 7L))));
        frame.addRegionParam(0, ActionResult.NAME, walk.fields());
        overlay.process(frame);
        int lumaInBox = 0;
        int lumaInCorner = 0;
        for (int y = 0; y < 120; y++) {
            for (int x = 0; x < 161; x++) {
                boolean changed = frame.byteAt(y * i420.rowStride() + x) != 128;
                lumaInBox += changed && x >= 40 && x < 90 && y >= 30 && y < 90 ? 1 : 0;
                lumaInCorner += changed && x < 40 && y < 30 ? 1 : 0;
            }
        }
        int chromaInBox = 0;
        int chromaOutside = 0;
        for (int y = 0; y < 60; y++) {
            for (int x = 0; x < 81; x++) {
                int at = y * i420.yuv().chromaStride() + x;
                boolean changed = frame.byteAt(i420.yuv().uOffset() + at) != 128 || frame.byteAt(i420.yuv().vOffset() + at) != 128;
                boolean inBox = x >= 20 && x < 45 && y >= 15 && y < 45;
                chromaInBox += changed && inBox ? 1 : 0;
                // The text runs on to the right of a narrow box; left of and below it nothing is drawn.
                chromaOutside += changed && (x < 20 || y >= 45) ? 1 : 0;
            }
        }
        assertTrue(lumaInBox > 2 * (50 + 60), "outline and text in luma: " + lumaInBox);
        assertEquals(0, lumaInCorner);
        // A 1-pixel line colours the chroma of the blocks whose top-left pixel it covers: the top and left edges.
        assertTrue(chromaInBox >= 25 + 30, "the box's colour in chroma: " + chromaInBox);
        assertEquals(0, chromaOutside, "chroma left of and below the box untouched");
    }

    private static ActionResult action(String label, double score, double spikeRate, double energyPj) {
        return new ActionResult("cam", label, 0, score, 0, 1, 0, 1, 16, 16, 0, spikeRate, energyPj, 100, Map.of(label, score), ActionResult.NO_TRACK, null, null);
    }
}
