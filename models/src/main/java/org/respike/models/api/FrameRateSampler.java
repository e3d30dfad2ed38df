package org.respike.models.api;

/**
 * Keeps the frames that bring a source to the model's frame rate, by timestamp: a 25 fps camera feeds an
 * 8 fps model about every third frame, evenly spaced in time. A model sees motion at the speed it was
 * trained on only if its input has that rate. Sources slower than the model pass every frame.
 */
final class FrameRateSampler {
    private final long periodNanos;
    private long nextDue = Long.MIN_VALUE;

    FrameRateSampler(double fps) {
        this.periodNanos = Math.round(1e9 / fps);
    }

    /** True if the frame at {@code ptsNanos} is to be used. */
    boolean keep(long ptsNanos) {
        if (nextDue == Long.MIN_VALUE) {
            nextDue = ptsNanos + periodNanos;
            return true;
        }
        long late = ptsNanos - nextDue;
        if (late >= 0) {
            // Advance by whole periods so the kept frames average the model's rate; after a gap longer
            // than a period (lost frames, a seek forward) start the schedule again from this frame.
            nextDue = late > periodNanos ? ptsNanos + periodNanos : nextDue + periodNanos;
            return true;
        }
        if (-late > 2 * periodNanos) {
            // Far before the schedule: a seek backwards or a timestamp wrap.
            nextDue = ptsNanos + periodNanos;
            return true;
        }
        return false;
    }

    long periodNanos() {
        return periodNanos;
    }
}
