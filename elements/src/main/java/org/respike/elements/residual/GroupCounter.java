package org.respike.elements.residual;

/**
  * Position of each frame in ReSpike's groups of {@code stride} frames: index 0 is the key frame, the
  * others are residual frames. Starts over on flush or discontinuity so a group never spans a gap.
  */
final class GroupCounter {

    private int stride;
    private long group = -1;
    private int index = -1;

    GroupCounter(int stride) {
        setStride(stride);
    }

    void setStride(int stride) {
        if (stride < 2) {
            throw new IllegalArgumentException("stride must be at least 2 (one key frame and one residual), got " + stride);
        }
        this.stride = stride;
        reset();
    }

    /** Advances to the next frame and returns its index within its group. */
    int next() {
        index = (index + 1) % stride;
        if (index == 0) {
            group++;
        }
        return index;
    }

    long group() {
        return group;
    }

    int stride() {
        return stride;
    }

    void reset() {
        index = -1;
    }
}
