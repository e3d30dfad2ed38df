package org.respike.models.engine;

/**
 * Per-stream choices.
 *
 * @param window groups per result (0: the model's T/s, the clip length it was trained on). A result is
 *     emitted at every group end once this many groups are buffered: a clip sliding by s frames.
 * @param completePartialGroup at {@link ActionStream#finish()}, classify a group cut short by the end of
 *     stream from the residual steps it did see (at least one), instead of dropping it
 */
public record StreamOptions(int window, boolean completePartialGroup) {
    public StreamOptions {
        if (window < 0) {
            throw new IllegalArgumentException("window must be >= 0, got " + window);
        }
    }

    public static StreamOptions defaults() {
        return new StreamOptions(0, false);
    }

    public StreamOptions withWindow(int groups) {
        return new StreamOptions(groups, completePartialGroup);
    }

    public StreamOptions withCompletePartialGroup(boolean complete) {
        return new StreamOptions(window, complete);
    }
}
