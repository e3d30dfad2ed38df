package org.respike.elements.residual;

/**
  * Position of each frame in ReSpike's groups of {@code groupSize} frames: index 0 is the key frame, the
  * others are residual frames. Starts over on flush or discontinuity so a group never spans a gap.
  */
final class GroupCounter {

    private int groupSize;
    private long group = -1;
    private int index = -1;

    GroupCounter(int groupSize) {
        setGroupSize(groupSize);
    }

    void setGroupSize(int groupSize) {
        if (groupSize < 1) {
            throw new IllegalArgumentException("group size must be at least 1, got " + groupSize);
        }
        this.groupSize = groupSize;
        reset();
    }

    /** Advances to the next frame and returns its index within its group. */
    int next() {
        index = (index + 1) % groupSize;
        if (index == 0) {
            group++;
        }
        return index;
    }

    long group() {
        return group;
    }

    void reset() {
        index = -1;
    }
}
