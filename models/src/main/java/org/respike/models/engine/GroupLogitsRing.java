package org.respike.models.engine;

import java.nio.FloatBuffer;

/**
 * The last {@code capacity} groups of a stream: their logits plus what a result reports about them
 * (timing, frames, steps, spikes, energy). Preallocated; adding a group copies into the oldest slot, so a
 * stream's memory does not grow however long it runs.
 */
final class GroupLogitsRing {
    private final int capacity;
    private final int classes;
    private final float[][] logits;
    private final double[][] spikes;
    private final long[] startPts;
    private final long[] endPts;
    private final int[] frames;
    private final int[] steps;
    private final double[] energy;
    private final boolean[] skipped;
    private int next;
    private int size;

    GroupLogitsRing(int capacity, int classes, int lifLayers) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
        }
        this.capacity = capacity;
        this.classes = classes;
        this.logits = new float[capacity][classes];
        this.spikes = new double[capacity][lifLayers];
        this.startPts = new long[capacity];
        this.endPts = new long[capacity];
        this.frames = new int[capacity];
        this.steps = new int[capacity];
        this.energy = new double[capacity];
        this.skipped = new boolean[capacity];
    }

    /**
     * Adds a group; {@code groupLogits} is read from index 0, {@code groupSpikes} is copied. A group that
     * reused an earlier result ({@code wasSkipped}) ran no steps and cost no energy.
     */
    void add(FloatBuffer groupLogits, long start, long end, int groupFrames, int groupSteps, double[] groupSpikes,
            double groupEnergy, boolean wasSkipped) {
        for (int k = 0; k < classes; k++) {
            logits[next][k] = groupLogits.get(k);
        }
        System.arraycopy(groupSpikes, 0, spikes[next], 0, groupSpikes.length);
        startPts[next] = start;
        endPts[next] = end;
        frames[next] = groupFrames;
        steps[next] = groupSteps;
        energy[next] = groupEnergy;
        skipped[next] = wasSkipped;
        next = (next + 1) % capacity;
        size = Math.min(size + 1, capacity);
    }

    int size() {
        return size;
    }

    boolean isFull() {
        return size == capacity;
    }

    void clear() {
        size = 0;
        next = 0;
    }

    /** Slot of the i-th oldest group held. */
    private int slot(int i) {
        return (next - size + i + capacity) % capacity;
    }

    /** Mean of the held groups' logits: the clip logits. */
    float[] meanLogits() {
        // Summed in double: float sums of large finite logits (3e38 + 3e38) overflow to infinity.
        float[] mean = new float[classes];
        for (int k = 0; k < classes; k++) {
            double sum = 0;
            for (int i = 0; i < size; i++) {
                sum += logits[slot(i)][k];
            }
            mean[k] = (float) (sum / size);
        }
        return mean;
    }

    long startPts() {
        return startPts[slot(0)];
    }

    long endPts() {
        return endPts[slot(size - 1)];
    }

    int frames() {
        int n = 0;
        for (int i = 0; i < size; i++) {
            n += frames[slot(i)];
        }
        return n;
    }

    double energy() {
        double e = 0;
        for (int i = 0; i < size; i++) {
            e += energy[slot(i)];
        }
        return e;
    }

    /** Held groups that reused an earlier result. */
    int skipped() {
        int n = 0;
        for (int i = 0; i < size; i++) {
            n += skipped[slot(i)] ? 1 : 0;
        }
        return n;
    }

    /** Spikes per neuron per step for each LIF layer over the held groups. */
    float[] spikeRates(long[] neurons) {
        int totalSteps = totalSteps();
        float[] rates = new float[neurons.length];
        for (int l = 0; l < neurons.length; l++) {
            double s = 0;
            for (int i = 0; i < size; i++) {
                s += spikes[slot(i)][l];
            }
            rates[l] = totalSteps == 0 ? 0f : (float) (s / ((double) neurons[l] * totalSteps));
        }
        return rates;
    }

    /** Spikes per neuron per step over all layers together. */
    float meanSpikeRate(long[] neurons) {
        double s = 0;
        double n = 0;
        for (int l = 0; l < neurons.length; l++) {
            for (int i = 0; i < size; i++) {
                s += spikes[slot(i)][l];
            }
            n += neurons[l];
        }
        int totalSteps = totalSteps();
        return totalSteps == 0 || n == 0 ? 0f : (float) (s / (n * totalSteps));
    }

    private int totalSteps() {
        int t = 0;
        for (int i = 0; i < size; i++) {
            t += steps[slot(i)];
        }
        return t;
    }
}
