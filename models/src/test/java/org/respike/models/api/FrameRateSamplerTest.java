package org.respike.models.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameRateSamplerTest {
    private static final long MS = 1_000_000;

    private static List<Long> kept(FrameRateSampler s, long from, long step, int frames) {
        List<Long> kept = new ArrayList<>();
        for (int i = 0; i < frames; i++) {
            long pts = from + i * step;
            if (s.keep(pts)) {
                kept.add(pts);
            }
        }
        return kept;
    }

    @Test
    void aFasterSourceIsThinnedToTheModelRateOnAverage() {
        // 25 fps for 10 s into an 8 fps model: 80 frames, spaced 120-160 ms.
        List<Long> kept = kept(new FrameRateSampler(8), 0, 40 * MS, 250);
        assertEquals(80, kept.size(), 1);
        for (int i = 1; i < kept.size(); i++) {
            long gap = kept.get(i) - kept.get(i - 1);
            assertTrue(gap >= 120 * MS && gap <= 160 * MS, "gap " + gap);
        }
    }

    @Test
    void aSlowerSourcePassesEveryFrame() {
        assertEquals(20, kept(new FrameRateSampler(8), 0, 200 * MS, 20).size());
    }

    @Test
    void aSeekBackwardsRestartsTheSchedule() {
        FrameRateSampler s = new FrameRateSampler(8);
        kept(s, 0, 40 * MS, 100);
        assertTrue(s.keep(0), "first frame after seeking back to 0");
        assertTrue(!s.keep(40 * MS));
    }
}
