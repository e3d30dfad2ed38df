package org.respike.elements.overlay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.respike.elements.Action;
import org.respike.elements.spi.PropertyValues;
import org.respike.elements.spi.VideoFormat;
import org.respike.elements.testing.TestFrame;

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
        withAction.addMeta(Action.NAME, action("sit_down", 0.93, 0.05, 2.5e6).fields());
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
        frame.addMeta(Action.NAME, action("walk", 1.0, 0.1, 1e6).fields());
        overlay.process(frame);
        assertEquals(0, changedBytes(frame, 10), "the text box starts past a 2x2 frame: clipped away, no overflow");
    }

    private static Action action(String label, double score, double spikeRate, double energyPj) {
        return new Action("cam", label, 0, score, 0, 1, 0, 1, 16, 16, spikeRate, energyPj, 100, Map.of(label, score), Action.WHOLE_FRAME, null);
    }
}
