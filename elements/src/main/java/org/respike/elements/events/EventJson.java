package org.respike.elements.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.respike.models.engine.ActionResult;
import org.respike.models.frame.Box;

/**
 * The wire form of an {@link EventMessage}: one JSON object, schema {@value #SCHEMA}, documented in
 * docs/events-schema.md and checked by docs/events.schema.json. Every field is always present (null
 * where it does not apply), so consumers need no defaults.
 */
public final class EventJson {

    /**
     * Name and major version. Fields are only ever added within a major version; renaming, removing or
     * changing the meaning of one makes version 2.
     */
    public static final String SCHEMA = "respike-event/1";

    private static final ObjectMapper JSON = new ObjectMapper();

    private EventJson() {
    }

    public static Map<String, Object> fields(EventMessage m) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("schema", SCHEMA);
        f.put("kind", m.kind().jsonName());
        f.put("event_id", m.eventId().toString());
        f.put("sequence", m.sequence());
        f.put("stream_id", m.streamId());
        f.put("track_id", m.trackId() == ActionResult.NO_TRACK ? null : m.trackId());
        f.put("box", m.box() == null ? null : box(m.box()));
        f.put("label", m.label());
        f.put("alert", m.alert());
        f.put("start", time(m.start()));
        f.put("last", time(m.last()));
        f.put("end", m.end() == null ? null : time(m.end()));
        f.put("duration_ns", m.last().runningTimeNanos() - m.start().runningTimeNanos());
        f.put("peak_score", m.peakScore());
        f.put("mean_score", m.meanScore());
        f.put("results", m.results());
        f.put("end_reason", m.endReason() == null ? null : m.endReason().jsonName());
        f.put("snapshot_jpeg", m.snapshot() == null ? null : Base64.getEncoder().encodeToString(m.snapshot()));
        return f;
    }

    public static String toJson(EventMessage m) {
        try {
            return JSON.writeValueAsString(fields(m));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event not serialisable", e);
        }
    }

    public static byte[] toBytes(EventMessage m) {
        return toJson(m).getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, Object> time(StreamTime t) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("running_time_ns", t.runningTimeNanos());
        f.put("pts_ns", t.ptsNanos());
        f.put("utc", t.utc().toString());
        return f;
    }

    private static Map<String, Object> box(Box b) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("x", b.x());
        f.put("y", b.y());
        f.put("width", b.width());
        f.put("height", b.height());
        return f;
    }
}
