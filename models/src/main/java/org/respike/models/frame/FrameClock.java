package org.respike.models.frame;

import java.util.Locale;

/**
 * The timeline a stream's frames are recognised on, made sound whatever the buffers carry. Without
 * timestamps (or with timestamps that do not advance, e.g. all zero) frames are timed by their durations,
 * else at the model's rate, so that results get real [start, end) times and sampling still works; going
 * back in time, or a gap longer than {@code maxGapNanos} without a DISCONT flag, starts the recognition
 * over, as a DISCONT would, so that no clip mixes two stretches of video. Each case is reported once in a
 * warning (going back and gaps each time they happen: they are events of the stream).
 */
public final class FrameClock {

    /** What to do with one frame. */
    public record Tick(long time, long pts, long duration, boolean restart, String warning) {}

    private final long modelPeriod;
    private final long maxGap;
    /** The last stream time a buffer carried, and the last time given out (they differ while timing by count). */
    private long lastInput = Long.MIN_VALUE;
    private long last = Long.MIN_VALUE;
    private long lastDuration;
    private boolean warnedMissing;
    private boolean warnedStuck;

    /** {@code modelFps}: the rate frames are counted at when nothing else tells; {@code maxGapNanos}: see above. */
    public FrameClock(double modelFps, long maxGapNanos) {
        this.modelPeriod = Math.round(1e9 / modelFps);
        this.maxGap = maxGapNanos;
    }

    /**
     * The frame with stream time {@code time} (running time, or PTS; -1 when none), PTS {@code pts} and
     * duration {@code duration} (-1 when unknown), as the model should see it.
     */
    public Tick next(long time, long pts, long duration) {
        long period = duration > 0 ? duration : lastDuration > 0 ? lastDuration : modelPeriod;
        if (time < 0 || (lastInput != Long.MIN_VALUE && time == lastInput)) {
            String warning = null;
            if (time < 0 && !warnedMissing) {
                warnedMissing = true;
                warning = "buffers carry no timestamps: frames are timed by their durations (or at the model's "
                        + rate(period) + "), every one of them sampled; give the source timestamps (do-timestamp=true)";
            } else if (time >= 0 && !warnedStuck) {
                warnedStuck = true;
                warning = String.format(Locale.ROOT, "timestamps do not advance (two frames at %.3f s): frames are "
                        + "timed by their durations (or at the model's %s) from there", time / 1e9, rate(period));
            }
            long t = last == Long.MIN_VALUE ? Math.max(0, time) : last + period;
            return advance(t, t, period, false, warning);
        }
        long previous = lastInput;
        lastInput = time;
        boolean restart = false;
        String warning = null;
        if (previous != Long.MIN_VALUE && time < previous) {
            restart = true;
            warning = String.format(Locale.ROOT, "timestamps went back from %.3f s to %.3f s without a DISCONT flag: "
                    + "recognition starts over", previous / 1e9, time / 1e9);
        } else if (previous != Long.MIN_VALUE && time - previous > maxGap) {
            restart = true;
            warning = String.format(Locale.ROOT, "a gap of %.3f s in the timestamps (at %.3f s) without a DISCONT flag: "
                    + "recognition starts over", (time - previous) / 1e9, time / 1e9);
        }
        return advance(time, pts >= 0 ? pts : time, period, restart, warning);
    }

    /** Forgets the times seen: after a flush, a seek or EOS a stream's times start afresh without a warning. */
    public void reset() {
        lastInput = Long.MIN_VALUE;
        last = Long.MIN_VALUE;
        lastDuration = 0;
    }

    private Tick advance(long time, long pts, long period, boolean restart, String warning) {
        last = time;
        lastDuration = period;
        return new Tick(time, pts, period, restart, warning);
    }

    private static String rate(long period) {
        return String.format(Locale.ROOT, "%.3g fps", 1e9 / period);
    }
}
