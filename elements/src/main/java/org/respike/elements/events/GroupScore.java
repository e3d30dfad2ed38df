package org.respike.elements.events;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.respike.models.engine.ActionResult;
import org.respike.models.track.Box;

/**
 * One classifier result for one clip of one stream (and one tracked person, where there is a tracker):
 * what the event detector consumes. The clip covers running times {@code runningStart..runningEnd}
 * (PTS {@code ptsStart..ptsEnd}), nanoseconds; {@code wallClock} is the UTC time at {@code runningStart}.
 *
 * @param trackId {@link ActionResult#NO_TRACK} when the stream has no tracker (one event track per stream)
 * @param box     null without a tracker
 * @param scores  every class's score; a class missing here scores 0 (the top {@code label} falls back to
 *                {@code score})
 */
public record GroupScore(String streamId, long trackId, Box box, String label, double score,
                         Map<String, Double> scores, long runningStart, long runningEnd, long ptsStart, long ptsEnd,
                         Instant wallClock) {

    public GroupScore {
        Objects.requireNonNull(streamId, "streamId");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(wallClock, "wallClock");
        scores = scores == null ? Map.of() : Map.copyOf(scores);
        if (runningEnd < runningStart) {
            throw new IllegalArgumentException("running end " + runningEnd + " before start " + runningStart);
        }
    }

    /** The score of {@code className} in this result. */
    public double scoreOf(String className) {
        Double s = scores.get(className);
        if (s != null) {
            return s;
        }
        return className.equals(label) ? score : 0.0;
    }

    public boolean hasTrack() {
        return trackId != ActionResult.NO_TRACK;
    }

    StreamTime startTime() {
        return new StreamTime(runningStart, ptsStart, wallClock);
    }

    StreamTime endTime() {
        return new StreamTime(runningEnd, ptsEnd, wallClock.plusNanos(runningEnd - runningStart));
    }
}
