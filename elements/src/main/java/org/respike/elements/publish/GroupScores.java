package org.respike.elements.publish;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.respike.elements.Action;
import org.respike.elements.events.Box;
import org.respike.elements.events.GroupScore;

/**
 * A respike-action (its message, meta or JSON fields) as the event detector's input. A tracker's
 * {@code track-id} and {@code box} are read when the action carries them; without them the whole
 * picture is one track.
 */
final class GroupScores {

    private GroupScores() {
    }

    /** {@code wallClock}: UTC at the clip's start. */
    static GroupScore fromAction(Map<String, ?> fields, Instant wallClock) {
        Action a = Action.fromFields(fields);
        long track = fields.get("track-id") instanceof Number n ? n.longValue() : GroupScore.NO_TRACK;
        return new GroupScore(a.streamId(), track, box(fields.get("box")), a.label(), a.score(), a.scores(),
                a.start(), Math.max(a.start(), a.end()), a.ptsStart(), a.ptsEnd(), wallClock);
    }

    /** A structure {x, y, width, height} or an array of those four numbers; anything else is no box. */
    private static Box box(Object value) {
        if (value instanceof Map<?, ?> m && m.get("x") instanceof Number x && m.get("y") instanceof Number y
                && m.get("width") instanceof Number w && m.get("height") instanceof Number h) {
            return new Box(x.doubleValue(), y.doubleValue(), w.doubleValue(), h.doubleValue());
        }
        if (value instanceof List<?> l && l.size() == 4 && l.stream().allMatch(Number.class::isInstance)) {
            return new Box(((Number) l.get(0)).doubleValue(), ((Number) l.get(1)).doubleValue(),
                    ((Number) l.get(2)).doubleValue(), ((Number) l.get(3)).doubleValue());
        }
        return null;
    }
}
