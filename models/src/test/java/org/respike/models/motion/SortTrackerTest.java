package org.respike.models.motion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.respike.models.frame.Box;
import org.respike.models.track.TrackedRegion;

/** The tracker alone, on box lists: no OpenCV. */
class SortTrackerTest {

    @Test
    void aBoxSeenForFewerThanMinHitsFramesIsNeverReported() {
        SortTracker t = new SortTracker(SortOptions.defaults());
        for (int f = 0; f < 30; f++) {
            List<Box> boxes = f % 3 == 0 ? List.of(new Box(10 + 40 * (f % 5), 10, 10, 30)) : List.of();
            assertEquals(List.of(), t.update(boxes, 320, 240), "frame " + f);
        }
        assertEquals(0, t.liveTracks());
    }

    /** Two boxes meet head-on and their detections merge into one box for 4 frames (as blobs do). */
    @Test
    void aMergeWhileCrossingDoesNotSwapIds() {
        SortTracker t = new SortTracker(SortOptions.defaults());
        long left = -1;
        long right = -1;
        for (int f = 0; f < 40; f++) {
            Box a = new Box(40 + 6 * f, 100, 12, 36);
            Box b = new Box(268 - 6 * f, 104, 12, 36);
            boolean merged = Math.abs(a.x() - b.x()) < 24;
            List<Box> boxes = merged ? List.of(union(a, b)) : List.of(a, b);
            List<TrackedRegion> regions = t.update(boxes, 320, 240);
            if (f >= SortOptions.defaults().minHits() - 1 && !merged) {
                long ia = nearest(regions, a);
                long ib = nearest(regions, b);
                if (left < 0) {
                    left = ia;
                    right = ib;
                }
                assertEquals(left, ia, "left-to-right mover at frame " + f);
                assertEquals(right, ib, "right-to-left mover at frame " + f);
            }
        }
        assertTrue(left != right);
    }

    @Test
    void tracksThatComeAndGoLeaveNoStateBehind() {
        SortTracker t = new SortTracker(SortOptions.defaults().withMaxAge(8));
        for (int round = 0; round < 20; round++) {
            for (int f = 0; f < 6; f++) {
                List<Box> boxes = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    boxes.add(new Box(5 + 19 * i + f, 50, 10, 30));
                }
                assertEquals(f >= SortOptions.defaults().minHits() - 1 ? 16 : 0, t.update(boxes, 320, 240).size());
            }
            for (int f = 0; f < 9; f++) {
                t.update(List.of(), 320, 240);
            }
            assertEquals(0, t.liveTracks(), "round " + round);
        }
    }

    /** A track coasts (is reported at its prediction while unmatched) for as many frames as it was matched. */
    @Test
    void aTrackCoastsAsLongAsItWasSeenUpToMaxAge() {
        assertEquals(6, framesReportedUnmatched(6));
        assertEquals(30, framesReportedUnmatched(30));
        assertEquals(SortOptions.defaults().maxAge(), framesReportedUnmatched(200));
    }

    private static int framesReportedUnmatched(int seen) {
        SortTracker t = new SortTracker(SortOptions.defaults());
        for (int f = 0; f < seen; f++) {
            t.update(List.of(new Box(150, 100, 10, 30)), 320, 240);
        }
        int coasted = 0;
        while (!t.update(List.of(), 320, 240).isEmpty()) {
            coasted++;
        }
        assertEquals(0, t.liveTracks());
        return coasted;
    }

    @Test
    void onlyTracksThatMovedAreHeld() {
        SortTracker t = new SortTracker(SortOptions.defaults());
        for (int f = 0; f < 12; f++) {
            t.update(List.of(new Box(20 + 5 * f, 40, 10, 30), new Box(200, 100, 10, 30)), 320, 240);
        }
        List<Box> held = t.heldBoxes();
        assertEquals(1, held.size(), held.toString());
        assertTrue(held.get(0).centreX() > 70 && held.get(0).centreX() < 100, held.toString());
    }

    static Box union(Box a, Box b) {
        double x = Math.min(a.x(), b.x());
        double y = Math.min(a.y(), b.y());
        return new Box(x, y, Math.max(a.x() + a.width(), b.x() + b.width()) - x,
                Math.max(a.y() + a.height(), b.y() + b.height()) - y);
    }

    static long nearest(List<TrackedRegion> regions, Box b) {
        return regions.stream().filter(r -> r.box().iou(b) > 0.3)
                .max((p, q) -> Double.compare(p.box().iou(b), q.box().iou(b)))
                .orElseThrow(() -> new AssertionError("no region for " + b + " in " + regions)).trackId();
    }
}
