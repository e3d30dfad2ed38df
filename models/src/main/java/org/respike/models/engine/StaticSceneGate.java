package org.respike.models.engine;

import java.nio.FloatBuffer;
import java.util.Arrays;
import org.respike.models.bundle.Manifest.InputSpec;

/**
 * Decides whether two normalised model-size frames show the same scene. Their distance is the largest
 * absolute mean difference over cells of {@value #CELL} x {@value #CELL} pixels, per channel, in 8-bit
 * levels (normalised units times std x scale). Averaging a cell divides independent sensor noise by the
 * cell side, while a moving person changes whole cells; a whole-frame mean would drown a small person in
 * noise. Preallocated: a comparison allocates nothing. Not thread-safe: one per stream.
 */
final class StaticSceneGate {
    static final int CELL = 8;

    private final float threshold;
    private final int plane;
    private final int[] cellOf;
    private final float[] inverseCount;
    private final float[] levelsPerUnit = new float[3];
    private final float[] sums;

    /** @param threshold levels below which two frames count as the same scene; 0 turns the gate off */
    StaticSceneGate(InputSpec input, float threshold) {
        this.threshold = threshold;
        int w = input.width();
        int h = input.height();
        this.plane = w * h;
        int cellsX = (w + CELL - 1) / CELL;
        int cellsY = (h + CELL - 1) / CELL;
        this.cellOf = new int[plane];
        int[] count = new int[cellsX * cellsY];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int c = (y / CELL) * cellsX + x / CELL;
                cellOf[y * w + x] = c;
                count[c]++;
            }
        }
        this.inverseCount = new float[count.length];
        for (int c = 0; c < count.length; c++) {
            inverseCount[c] = 1f / count[c];
        }
        for (int c = 0; c < 3; c++) {
            levelsPerUnit[c] = input.std()[c] * input.scale();
        }
        this.sums = new float[count.length];
    }

    boolean enabled() {
        return threshold > 0;
    }

    /** True when the gate is on and frame {@code a} at {@code aOffset} is within the threshold of {@code b}. */
    boolean same(FloatBuffer a, int aOffset, FloatBuffer b, int bOffset) {
        return enabled() && distance(a, aOffset, b, bOffset) < threshold;
    }

    /** True when the gate is on and a difference frame (a residual) is within the threshold of zero. */
    boolean still(FloatBuffer difference) {
        return enabled() && distance(difference, 0, null, 0) < threshold;
    }

    /** Largest absolute cell-mean difference of {@code a - b} (b null: zero) over channels, in levels. */
    float distance(FloatBuffer a, int aOffset, FloatBuffer b, int bOffset) {
        float largest = 0f;
        for (int ch = 0; ch < 3; ch++) {
            Arrays.fill(sums, 0f);
            int ao = aOffset + ch * plane;
            int bo = bOffset + ch * plane;
            for (int i = 0; i < plane; i++) {
                sums[cellOf[i]] += b == null ? a.get(ao + i) : a.get(ao + i) - b.get(bo + i);
            }
            for (int c = 0; c < sums.length; c++) {
                largest = Math.max(largest, Math.abs(sums[c]) * inverseCount[c] * levelsPerUnit[ch]);
            }
        }
        return largest;
    }
}
