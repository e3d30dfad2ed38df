package org.respike.models.track;

import java.util.Optional;
import org.respike.models.engine.ActionResult;
import org.respike.models.engine.ActionStream;
import org.respike.models.frame.Box;
import org.respike.models.frame.Frame;

/** One live track: its stream, its smoothed box and the crop held for the current group. */
final class TrackState implements AutoCloseable {
    final long trackId;
    private final ActionStream stream;
    private final BoxFilter filter;
    private final CropPlanner planner;
    private final int groupFrames;
    private final Frame view = new Frame();

    private int position;
    private CropRect crop;
    private Box box;
    private String label;
    private long lastSeen;

    TrackState(long trackId, ActionStream stream, BoxFilter filter, CropPlanner planner, int groupFrames) {
        this.trackId = trackId;
        this.stream = stream;
        this.filter = filter;
        this.planner = planner;
        this.groupFrames = groupFrames;
    }

    long lastSeen() {
        return lastSeen;
    }

    CropRect crop() {
        return crop;
    }

    ActionStream stream() {
        return stream;
    }

    /** The track's box in this frame; returns the frame cut to the group's crop, for the track's stream. */
    Frame observe(Frame frame, Box seen, String seenLabel, long frameIndex) {
        filter.observe(seen, frameIndex);
        box = seen;
        label = seenLabel;
        lastSeen = frameIndex;
        if (position == 0 || !crop.fits(frame.width(), frame.height())) {
            crop = planner.plan(filter, frameIndex, groupFrames, frame.width(), frame.height());
        }
        position = (position + 1) % groupFrames;
        return frame.crop(crop.x(), crop.y(), crop.width(), crop.height(), view);
    }

    /** What the stream returned for the crop or at finish, as this track's. */
    Optional<TrackResult> result(Optional<ActionResult> r) {
        return r.map(this::result);
    }

    private TrackResult result(ActionResult r) {
        return new TrackResult(crop, label, r.ofTrack(trackId, box));
    }

    @Override
    public void close() {
        stream.close();
    }
}
