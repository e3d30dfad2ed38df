package org.respike.models.frame;

/**
  * Picks, by timestamp, the frames a model trained at {@code fps} should see, while every frame still
  * flows through the pipeline. This replaces a videorate in front of the model: the annotated output
  * keeps the source's frame rate and size. Selection follows a fixed time grid, so the average rate is
  * exact without drift; a slower source is sampled at its own rate (every frame).
  */
public final class FrameSampler {

    private long periodNs;
    private long nextDue = Long.MIN_VALUE;

    /** {@code fps <= 0} selects every frame. */
    public FrameSampler(double fps) {
        setFps(fps);
    }

    public void setFps(double fps) {
        periodNs = fps <= 0 ? 0 : Math.round(1e9 / fps);
        reset();
    }

    /**
      * True when the frame at {@code pts} is one the model should see. {@code duration} (ns, -1 when
      * unknown) sets the tolerance: a frame within half its own duration before the grid point is taken.
      * Frames without a timestamp are all selected.
      */
    public boolean select(long pts, long duration) {
        if (periodNs == 0 || pts < 0) {
            return true;
        }
        long tolerance = duration > 0 ? duration / 2 : 0;
        if (nextDue == Long.MIN_VALUE || pts >= nextDue + periodNs || pts < nextDue - 2 * periodNs) {
            nextDue = pts + periodNs;
            return true;
        }
        if (pts >= nextDue - tolerance) {
            nextDue += periodNs;
            return true;
        }
        return false;
    }

    /** After a flush, seek or discontinuity the grid starts again at the next frame. */
    public void reset() {
        nextDue = Long.MIN_VALUE;
    }
}
