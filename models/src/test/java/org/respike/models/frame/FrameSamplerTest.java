package org.respike.models.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameSamplerTest {

    private static List<Long> selected(FrameSampler sampler, double sourceFps, int frames) {
        long duration = Math.round(1e9 / sourceFps);
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < frames; i++) {
            long pts = Math.round(i * 1e9 / sourceFps);
            if (sampler.select(pts, duration)) {
                out.add(pts);
            }
        }
        return out;
    }

    @Test
    void twentyFiveFpsSourceGivesExactlyEightFpsWithoutDrift() {
        List<Long> picked = selected(new FrameSampler(8), 25, 25 * 60);
        assertEquals(8 * 60, picked.size());
        for (int k = 0; k < picked.size(); k++) {
            long grid = k * 125_000_000L;
            assertTrue(Math.abs(picked.get(k) - grid) <= 20_000_000L, "frame " + k + " near its grid point");
        }
    }

    @Test
    void sourceAtTheModelRateKeepsEveryFrame() {
        assertEquals(80, selected(new FrameSampler(8), 8, 80).size());
    }

    @Test
    void slowerSourceKeepsEveryFrameWithoutBursts() {
        assertEquals(50, selected(new FrameSampler(8), 5, 50).size());
    }

    @Test
    void resetRestartsTheGridAtTheNextFrame() {
        FrameSampler sampler = new FrameSampler(8);
        assertTrue(sampler.select(0, 40_000_000L));
        assertTrue(!sampler.select(40_000_000L, 40_000_000L));
        sampler.reset();
        assertTrue(sampler.select(40_000_000L, 40_000_000L));
    }

    @Test
    void aJumpBackwardsRestartsTheGrid() {
        FrameSampler sampler = new FrameSampler(8);
        selected(sampler, 25, 100);
        assertTrue(sampler.select(0, 40_000_000L), "first frame after seeking back to 0");
        assertTrue(!sampler.select(40_000_000L, 40_000_000L));
    }

    @Test
    void zeroFpsOrMissingTimestampsSelectEverything() {
        assertEquals(30, selected(new FrameSampler(0), 30, 30).size());
        FrameSampler sampler = new FrameSampler(8);
        assertTrue(sampler.select(-1, -1) && sampler.select(-1, -1));
    }
}
