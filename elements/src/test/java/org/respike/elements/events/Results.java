package org.respike.elements.events;

import java.time.Instant;
import java.util.Map;
import org.respike.models.engine.ActionResult;
import org.respike.models.track.Box;

/** Classifier results as respikeinfer makes them: 2 s clips, one every 0.5 s, PTS 10 s behind running time. */
final class Results {

    static final long SECOND = 1_000_000_000L;
    static final long CLIP = 2 * SECOND;
    static final long PTS_OFFSET = -10 * SECOND;
    static final Instant EPOCH = Instant.parse("2026-12-03T14:02:00Z");

    private Results() {
    }

    /** The result whose clip ends at {@code endHalfSeconds} x 0.5 s, {@code label} scoring {@code score}. */
    static GroupScore at(String stream, long track, int endHalfSeconds, String label, double score) {
        long end = CLIP + endHalfSeconds * SECOND / 2;
        long start = end - CLIP;
        Box box = track == ActionResult.NO_TRACK ? null : new Box(10 * track, 20, 64, 128);
        return new GroupScore(stream, track, box, label, score, Map.of(label, score, "idle", 1 - score), start + 20 * SECOND,
                end + 20 * SECOND, start + 20 * SECOND + PTS_OFFSET, end + 20 * SECOND + PTS_OFFSET,
                EPOCH.plusNanos(start));
    }

    static GroupScore at(int endHalfSeconds, String label, double score) {
        return at("camera-3", ActionResult.NO_TRACK, endHalfSeconds, label, score);
    }
}
