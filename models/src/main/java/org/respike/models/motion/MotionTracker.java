package org.respike.models.motion;

import java.util.List;
import org.respike.models.frame.Frame;
import org.respike.models.track.TrackedRegion;

/**
 * Tracked people for a static camera without a detector: {@link MotionProposer} boxes fed to a
 * {@link SortTracker}, whose held boxes keep people who stop out of the background. What a respikemotion element runs per frame; its regions feed a
 * {@link org.respike.models.track.TrackRecognizer}. Owns native memory: close it.
 */
public final class MotionTracker implements AutoCloseable {
    private final MotionProposer proposer;
    private final SortTracker tracker;

    public MotionTracker(MotionOptions motion, SortOptions sort) {
        this.proposer = new MotionProposer(motion);
        this.tracker = new SortTracker(sort);
    }

    /** The tracked regions of this frame; empty while nothing moves and no track is alive. */
    public List<TrackedRegion> update(Frame frame) {
        return tracker.update(proposer.propose(frame, tracker.heldBoxes()), frame.width(), frame.height());
    }

    public int liveTracks() {
        return tracker.liveTracks();
    }

    @Override
    public void close() {
        proposer.close();
    }
}
