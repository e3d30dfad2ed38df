package org.respike.models.engine;

/**
 * Per-stream choices.
 *
 * @param window groups per result (0: the model's T/s, the clip length it was trained on). A result is
 *     emitted at every group end once this many groups are buffered: a clip sliding by s frames. Not used
 *     by clip models, which classify non-overlapping clips.
 * @param completePartialGroup at {@link ActionStream#finish()}, classify a group cut short by the end of
 *     stream from the residual steps it did see (at least one), instead of dropping it
 * @param staticThreshold static-scene gate, in 8-bit levels (0: off). A group whose frames all stay within
 *     this of its key frame, and whose key frame is within this of the key frame of the last group that was
 *     run and was itself static, reuses that group's result instead of running the networks (a clip model:
 *     the same with whole clips and their first frames). The distance of two frames is the largest
 *     absolute mean difference over 8 x 8-pixel cells of the model-size input, per channel: averaging a
 *     cell cancels sensor noise while a person's motion moves whole cells.
 * @param clipStride a clip model's frames from one clip's start to the next (0: its clip length, clips that
 *     do not overlap; its stride: a result every group, at the hybrid's result rate, for clip length / stride
 *     times the compute). Not used by the hybrid, which reports every group over its window.
 */
public record StreamOptions(int window, boolean completePartialGroup, float staticThreshold, int clipStride) {
    /**
     * Default gate threshold in 8-bit levels: above the noise floor measured for sigma 6 sensor noise, raw
     * and through H.264 at 1 Mb/s, and low enough to keep slow, distant motion (models/README.md,
     * "Static-scene gate").
     */
    public static final float DEFAULT_STATIC_THRESHOLD = 6f;

    public StreamOptions {
        if (window < 0) {
            throw new IllegalArgumentException("window must be >= 0, got " + window);
        }
        if (!(staticThreshold >= 0 && staticThreshold <= 255)) {
            throw new IllegalArgumentException("staticThreshold must be in [0, 255], got " + staticThreshold);
        }
        if (clipStride < 0) {
            throw new IllegalArgumentException("clipStride must be >= 0, got " + clipStride);
        }
    }

    public static StreamOptions defaults() {
        return new StreamOptions(0, false, DEFAULT_STATIC_THRESHOLD, 0);
    }

    public StreamOptions withWindow(int groups) {
        return new StreamOptions(groups, completePartialGroup, staticThreshold, clipStride);
    }

    public StreamOptions withCompletePartialGroup(boolean complete) {
        return new StreamOptions(window, complete, staticThreshold, clipStride);
    }

    /** Levels for the static-scene gate; 0 turns it off. */
    public StreamOptions withStaticThreshold(float levels) {
        return new StreamOptions(window, completePartialGroup, levels, clipStride);
    }

    /** A clip model's frames between clip starts; 0: its clip length. */
    public StreamOptions withClipStride(int frames) {
        return new StreamOptions(window, completePartialGroup, staticThreshold, frames);
    }
}
