package org.respike.elements.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.respike.elements.events.EventPolicy;
import org.respike.elements.spi.PropertyValues;
import org.respike.elements.testing.RecordingHost;
import org.respike.elements.testing.TestFrame;
import org.respike.models.engine.ActionResult;

class PublishElementTest {

    private static final long SECOND = 1_000_000_000L;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private final RecordingHost host = new RecordingHost();
    private final PropertyValues props = new PropertyValues(PublishElementDefinition.PROPERTIES);
    private PublishElement element;

    private PublishElement started(Path file) {
        props.set("method", "file");
        props.set("address", file.toString());
        element = new PublishElement(host, props);
        element.start();
        return element;
    }

    /** A buffer carrying the result of the 2 s clip that ends at {@code end} ns, {@code label} at {@code score}. */
    private static TestFrame result(long end, String label, double score, Map<String, Object> extra) {
        Map<String, Double> scores = new LinkedHashMap<>();
        scores.put("idle", 1 - score);
        scores.put(label, score);
        ActionResult a = new ActionResult("camera-3", label, 5, score, end - 2 * SECOND, end, end - 2 * SECOND, end, 16, 16, 0, 0.1,
                1e6, 1000, scores, ActionResult.NO_TRACK, null, null);
        TestFrame frame = new TestFrame(TestFrame.rgb(8, 8), end, false);
        Map<String, Object> fields = new LinkedHashMap<>(a.fields());
        fields.putAll(extra);
        frame.addMeta(ActionResult.NAME, fields);
        return frame;
    }

    private List<Map<String, Object>> events() {
        return host.messages.stream().filter(m -> m.containsKey("schema")).toList();
    }

    private Map<String, Object> stats() {
        return host.messages.stream().filter(m -> m.containsKey("delivered")).reduce((a, b) -> b).orElseThrow();
    }

    private static List<Map<String, Object>> lines(Path file) throws Exception {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            out.add(JSON.readValue(line, new TypeReference<Map<String, Object>>() {}));
        }
        return out;
    }

    @Test
    void aHeldScoreStartsAnEventThatEndsAfterTheHoldAndEveryMessageIsPostedAndWritten() throws Exception {
        Path file = tmp.resolve("events.jsonl");
        props.set("min-duration", 1.0);
        props.set("hold-time", 1.5);
        started(file);
        for (int i = 0; i < 6; i++) { // fall at 0.9 over clip ends 2.0 .. 4.5 s
            element.process(result(2 * SECOND + i * SECOND / 2, "fall", 0.9, Map.of()));
        }
        for (int i = 0; i < 5; i++) { // then 0.1 over 5.0 .. 7.0 s: 1.5 s past the last held clip end (4.5) ends it at 6.0
            element.process(result(5 * SECOND + i * SECOND / 2, "fall", 0.1, Map.of()));
        }
        element.process(new TestFrame(TestFrame.rgb(8, 8), 8 * SECOND, false)); // a buffer without a result
        element.eos();

        List<Map<String, Object>> bus = events();
        assertEquals(List.of("start", "end"), bus.stream().map(m -> m.get("kind")).toList());
        assertEquals(3 * SECOND, ((Map<?, ?>) bus.get(0).get("last")).get("running_time_ns"),
                "starts once 0.9 held over 1 s of clip ends (2.0 .. 3.0 s), at 3.0: " + bus.get(0));
        assertEquals("score", bus.get(1).get("end_reason"));
        assertEquals(bus.get(0).get("event_id"), bus.get(1).get("event_id"));
        assertNull(bus.get(0).get("track_id"), "no tracker: no track");
        List<Map<String, Object>> written = lines(file);
        assertEquals(2, written.size());
        assertEquals(List.of(bus.get(0).get("event_id"), bus.get(1).get("event_id")),
                written.stream().map(m -> m.get("event_id")).toList(), "the file holds the events of the bus");
        Map<String, Object> stats = stats();
        assertEquals(2L, stats.get("published"));
        assertEquals(2L, stats.get("delivered"));
        assertEquals(0L, stats.get("dropped"));
    }

    @Test
    void eosAndFlushEndOpenEventsAsStreamEnd() throws Exception {
        props.set("classes", "fall:min=0,alert=true");
        started(tmp.resolve("events.jsonl"));
        element.process(result(2 * SECOND, "fall", 0.9, Map.of("track-id", 7L,
                "box", Map.of("x", 70.0, "y", 20.0, "width", 64.0, "height", 128.0))));
        element.flush();
        element.process(result(3 * SECOND, "fall", 0.9, Map.of()));
        element.eos();
        List<Map<String, Object>> bus = events();
        assertEquals(List.of("start", "end", "start", "end"), bus.stream().map(m -> m.get("kind")).toList(),
                "min=0 for fall: its first result starts it; the flush and the EOS end it");
        assertEquals(7L, bus.get(0).get("track_id"));
        assertEquals(Map.of("x", 70.0, "y", 20.0, "width", 64.0, "height", 128.0), bus.get(0).get("box"));
        assertEquals(true, bus.get(0).get("alert"));
        assertEquals("stream-end", bus.get(1).get("end_reason"));
        assertEquals("stream-end", bus.get(3).get("end_reason"));
        assertEquals(4L, stats().get("delivered"));
    }

    @Test
    void ignoredClassesMakeNoEvents() {
        props.set("ignore", "idle,fall");
        props.set("min-duration", 0.0);
        started(tmp.resolve("events.jsonl"));
        element.process(result(2 * SECOND, "fall", 0.9, Map.of()));
        element.process(result(3 * SECOND, "walk", 0.9, Map.of()));
        element.stop();
        assertEquals(List.of("walk", "walk"), events().stream().map(m -> m.get("label")).toList(),
                "walk starts and ends at stop; fall and idle make none");
    }

    @Test
    void settingsThatContradictFailTheStartWithOneLine() {
        props.set("off-score", 0.7);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> started(tmp.resolve("events.jsonl")));
        assertTrue(e.getMessage().contains("off score 0.7 above on score " + EventPolicy.DEFAULT_CLASS.onScore()),
                e.getMessage());
        props.set("off-score", EventPolicy.DEFAULT_CLASS.offScore());
        props.set("classes", "fall:hold");
        e = assertThrows(IllegalArgumentException.class, () -> started(tmp.resolve("events.jsonl")));
        assertTrue(e.getMessage().contains("'hold' is not key=value"), e.getMessage());
        props.set("classes", "");
        props.set("method", "mqtt");
        props.set("address", "");
        assertEquals("mqtt 127.0.0.1:1883 topic respike/events", PublishSettings.from(props).publisher().toString());
    }
}
