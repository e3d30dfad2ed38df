package org.respike.models.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.FloatBuffer;
import org.junit.jupiter.api.Test;

class GroupLogitsRingTest {
    private static void add(GroupLogitsRing r, float a, float b, long start, double spikes, double energy) {
        r.add(FloatBuffer.wrap(new float[] {a, b}), start, start + 40, 4, 3, new double[] {spikes}, energy, false);
    }

    @Test
    void keepsTheLastGroupsAndAveragesTheirLogits() {
        GroupLogitsRing r = new GroupLogitsRing(3, 2, 1);
        add(r, 1, 0, 0, 3, 10);
        add(r, 2, 0, 40, 3, 10);
        assertFalse(r.isFull());
        assertArrayEquals(new float[] {1.5f, 0}, r.meanLogits());
        add(r, 3, 0, 80, 3, 10);
        add(r, 4, 6, 120, 30, 20); // evicts the first group
        assertTrue(r.isFull());
        assertEquals(3, r.size());
        assertArrayEquals(new float[] {3, 2}, r.meanLogits());
        assertEquals(40, r.startPts());
        assertEquals(160, r.endPts());
        assertEquals(12, r.frames());
        assertEquals(40, r.energy(), 1e-9);
        // 36 spikes over 9 steps of a 2-neuron layer.
        assertArrayEquals(new float[] {2f}, r.spikeRates(new long[] {2}));
        assertEquals(2f, r.meanSpikeRate(new long[] {2}));
    }

    @Test
    void clearForgetsEverything() {
        GroupLogitsRing r = new GroupLogitsRing(2, 2, 1);
        add(r, 1, 1, 0, 0, 0);
        r.clear();
        assertEquals(0, r.size());
        add(r, 5, 7, 99, 0, 0);
        assertArrayEquals(new float[] {5, 7}, r.meanLogits());
        assertEquals(99, r.startPts());
    }
}
