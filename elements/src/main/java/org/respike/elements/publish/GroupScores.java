package org.respike.elements.publish;

import java.time.Instant;
import java.util.Map;
import org.respike.elements.events.GroupScore;
import org.respike.models.engine.ActionResult;

/**
 * A respike-action (its message, meta or JSON fields) as the event detector's input: a tracked person's
 * action carries its track id and box, a whole-frame one is the stream's one track.
 */
final class GroupScores {

    private GroupScores() {
    }

    /** {@code wallClock}: UTC at the clip's start. */
    static GroupScore fromAction(Map<String, ?> fields, Instant wallClock) {
        ActionResult a = ActionResult.fromFields(fields);
        return new GroupScore(a.streamId(), a.trackId(), a.box(), a.label(), a.score(), a.scores(),
                a.start(), Math.max(a.start(), a.end()), a.ptsStart(), a.ptsEnd(), wallClock);
    }
}
