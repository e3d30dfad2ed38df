package org.respike.elements.motion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.respike.elements.RegionTracks;
import org.respike.elements.spi.PropertyValues;
import org.respike.elements.spi.Region;
import org.respike.elements.spi.VideoFormat;
import org.respike.elements.testing.RecordingHost;
import org.respike.elements.testing.TestFrame;
import org.respike.models.frame.Frame;
import org.respike.models.testing.Scene;
import org.respike.models.testing.Scene.Blob;

/** respikemotion on a rendered static scene with one person walking across, at 8 fps. */
class MotionElementTest {
    private static final VideoFormat FORMAT = new VideoFormat("BGRx", 320, 180, 320 * 4, null, 8, 1);

    private static TestFrame frame(Scene scene, int index, double x) {
        Frame f = scene.render(index, new Blob(x, 60, 12, 40, 230, 40, 40));
        TestFrame t = new TestFrame(FORMAT, f.ptsNanos(), false).withDuration(f.durationNanos());
        t.data().put(f.data().duplicate().rewind());
        return t;
    }

    private static List<List<Region>> run(MotionElement e, Scene scene, int frames) {
        List<List<Region>> out = new java.util.ArrayList<>();
        for (int i = 0; i < frames; i++) {
            TestFrame t = frame(scene, i, 20 + 6 * i);
            e.process(t);
            out.add(t.regions);
        }
        return out;
    }

    @Test
    void aWalkerBecomesOneTrackedRegionOnEveryFrameAfterMinHits() {
        PropertyValues props = new PropertyValues(MotionElementDefinition.PROPERTIES);
        MotionElement e = new MotionElement(new RecordingHost(), props);
        e.start();
        e.setFormat(FORMAT);
        // The walker is there from the first frame: the background model needs about 2 s to tell them apart.
        List<List<Region>> regions = run(e, new Scene(320, 180, 4, 1), 36);
        List<Region> late = regions.subList(20, 36).stream().flatMap(List::stream).toList();
        assertEquals(16, late.size(), "one region per frame once tracked: " + regions);
        Region first = late.get(0);
        assertTrue(late.stream().allMatch(r -> r.id() == first.id() && r.type().equals("person")), late.toString());
        assertEquals(Map.of(RegionTracks.TRACKING, Map.of(RegionTracks.TRACK_ID, (long) first.id())), first.params());
        Region last = late.get(late.size() - 1);
        assertTrue(Math.abs(last.x() - (20 + 6 * 35)) <= 6 && last.width() >= 8, "follows the walker: " + last);
        e.stop();

        props.set("active", false);
        e.start();
        assertTrue(run(e, new Scene(320, 180, 4, 1), 30).stream().allMatch(List::isEmpty), "inactive: no regions");
        e.close();
    }
}
