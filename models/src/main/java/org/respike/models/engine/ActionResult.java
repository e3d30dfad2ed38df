package org.respike.models.engine;

import java.util.List;

/**
 * The classification of one clip of one stream. Immutable; array accessors return copies.
 *
 * <p>{@code score} is the softmax probability of {@code label}, computed from the clip logits (the
 * mean of the group logits, as the model was trained). Energy is the estimate of BUNDLE_FORMAT.md: dense
 * MACs at pj_per_mac plus spike-driven accumulates at pj_per_ac from the spikes measured in this clip;
 * always read it together with the spike rates.
 */
public final class ActionResult {
    private final String streamId;
    private final List<String> labels;
    private final float[] logits;
    private final float[] scores;
    private final int labelIndex;
    private final long clipStartPtsNanos;
    private final long clipEndPtsNanos;
    private final int frames;
    private final int groups;
    private final float[] spikeRates;
    private final float meanSpikeRate;
    private final double energyPicojoules;
    private final long latencyNanos;
    private final int skippedGroups;

    ActionResult(String streamId, List<String> labels, float[] logits, long clipStartPtsNanos, long clipEndPtsNanos,
            int frames, int groups, int skippedGroups, float[] spikeRates, float meanSpikeRate,
            double energyPicojoules, long latencyNanos) {
        this.streamId = streamId;
        this.labels = labels;
        this.logits = logits;
        this.scores = softmax(logits);
        this.labelIndex = argmax(logits);
        this.clipStartPtsNanos = clipStartPtsNanos;
        this.clipEndPtsNanos = clipEndPtsNanos;
        this.frames = frames;
        this.groups = groups;
        this.skippedGroups = skippedGroups;
        this.spikeRates = spikeRates;
        this.meanSpikeRate = meanSpikeRate;
        this.energyPicojoules = energyPicojoules;
        this.latencyNanos = latencyNanos;
    }

    public String streamId() {
        return streamId;
    }

    /** The winning class. */
    public String label() {
        return labels.get(labelIndex);
    }

    public int labelIndex() {
        return labelIndex;
    }

    /** Softmax probability of the winning class. */
    public float score() {
        return scores[labelIndex];
    }

    /** Softmax probability of every class, in label order. */
    public float[] scores() {
        return scores.clone();
    }

    /** Clip logits (mean of the group logits), in label order. */
    public float[] logits() {
        return logits.clone();
    }

    public List<String> labels() {
        return labels;
    }

    /** Presentation time of the clip's first frame. */
    public long clipStartPtsNanos() {
        return clipStartPtsNanos;
    }

    /** Presentation time of the clip's last frame plus its duration. */
    public long clipEndPtsNanos() {
        return clipEndPtsNanos;
    }

    /** Frames the clip covers. */
    public int frames() {
        return frames;
    }

    /** Groups of s frames in the clip (the whole clip counts as one for a clip-architecture model). */
    public int groups() {
        return groups;
    }

    /**
     * Groups of this clip (for a clip model: 1 if the whole clip) that reused an earlier group's result because
     * the scene was static; their steps are not in the spike rates and they add no energy.
     */
    public int skippedGroups() {
        return skippedGroups;
    }

    /** Fraction of neurons spiking per step, per LIF layer in manifest order (empty for clip models). */
    public float[] spikeRates() {
        return spikeRates.clone();
    }

    /** Spikes per neuron per step over all LIF layers together; 0 for clip models. */
    public float meanSpikeRate() {
        return meanSpikeRate;
    }

    /** Estimated energy of this clip's inference, in picojoules. */
    public double energyPicojoules() {
        return energyPicojoules;
    }

    /** From the push of the clip's last frame to this result, in nanoseconds. */
    public long latencyNanos() {
        return latencyNanos;
    }

    @Override
    public String toString() {
        return String.format("%s: %s %.3f [%d..%d ns, %d frames, %d/%d groups skipped, %.1f nJ, %.2f ms]", streamId,
                label(), score(), clipStartPtsNanos, clipEndPtsNanos, frames, skippedGroups, groups,
                energyPicojoules / 1000, latencyNanos / 1e6);
    }

    static float[] softmax(float[] logits) {
        float max = Float.NEGATIVE_INFINITY;
        for (float l : logits) {
            max = Math.max(max, l);
        }
        double sum = 0;
        float[] p = new float[logits.length];
        for (int i = 0; i < logits.length; i++) {
            double e = Math.exp(logits[i] - max);
            p[i] = (float) e;
            sum += e;
        }
        for (int i = 0; i < p.length; i++) {
            p[i] = (float) (p[i] / sum);
        }
        return p;
    }

    static int argmax(float[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }
}
