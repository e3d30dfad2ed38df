package org.respike.elements.events;

import java.time.Instant;
import java.util.Map;
import java.util.function.LongFunction;
import org.respike.models.engine.ActionResult;
import org.respike.models.frame.Box;

/** Classifier results as respikeinfer makes them: 2 s clips, one every 0.5 s, PTS 10 s behind running time. */
final class Results {

    static final long SECOND = 1_000_000_000L;
    static final long CLIP = 2 * SECOND;
    static final long PTS_OFFSET = -10 * SECOND;
    static final Instant EPOCH = Instant.parse("2026-12-03T14:02:00Z");

    /** The wall clock of these results: running time 20 s is {@link #EPOCH}. */
    static final LongFunction<Instant> CLOCK = running -> EPOCH.plusNanos(running - 20 * SECOND);

    private Results() {
    }

    /** The result whose clip ends at {@code endHalfSeconds} x 0.5 s, {@code label} scoring {@code score}. */
    static ActionResult at(String stream, long track, int endHalfSeconds, String label, double score) {
        long end = CLIP + endHalfSeconds * SECOND / 2;
        long start = end - CLIP;
        Box box = track == ActionResult.NO_TRACK ? null : new Box(10 * track, 20, 64, 128);
        return new ActionResult(stream, label, 0, score, start + 20 * SECOND, end + 20 * SECOND,
                start + 20 * SECOND + PTS_OFFSET, end + 20 * SECOND + PTS_OFFSET, 16, 16, 0, 0.1, 1e6, 1000,
                Map.of(label, score, "idle", 1 - score), track, box, null);
    }

    static ActionResult at(int endHalfSeconds, String label, double score) {
        return at("camera-3", ActionResult.NO_TRACK, endHalfSeconds, label, score);
    }
}
