package org.respike.elements.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.respike.elements.events.EventMessage;
import org.respike.elements.events.Events;

class PublisherTest {

    @Test
    void theFileMethodWritesOneEventALineInOrder(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("sub/events.jsonl");
        List<EventMessage> events = Events.falls("camera-3", 50);
        List<String> warnings = new CopyOnWriteArrayList<>();
        try (Publisher p = Publisher.open(PublisherSettings.of(PublishMethod.FILE, file.toString(), null), warnings::add)) {
            events.forEach(p::publish);
            p.close();
            assertEquals(new PublisherStats(50, 50, 0, 0, 0, 0, 0), p.stats());
            p.publish(events.get(0));
            assertEquals(new PublisherStats(51, 50, 1, 0, 0, 0, 0), p.stats());
        }
        assertEquals(List.of("file " + file + ": event published after close, dropped"), warnings);
        List<String> lines = Files.readAllLines(file);
        assertEquals(50, lines.size());
        ObjectMapper json = new ObjectMapper();
        for (int i = 0; i < lines.size(); i++) {
            JsonNode n = json.readTree(lines.get(i));
            assertEquals(events.get(i).eventId().toString(), n.get("event_id").asText());
            assertEquals(i + 1, n.get("sequence").asLong());
        }
    }

    /**
     * Nothing listens on the port: every connect fails, the sender backs off, and the pushes must not
     * notice. The queue keeps exactly the newest {@code capacity} events (none is in flight while the
     * sink is down), and close gives up on them after its timeout.
     */
    @ParameterizedTest
    @EnumSource(value = PublishMethod.class, names = {"MQTT", "KAFKA"})
    void pushesNeverWaitForAnUnreachableBroker(PublishMethod method) throws IOException {
        int capacity = 100;
        List<String> warnings = new CopyOnWriteArrayList<>();
        PublisherSettings settings = PublisherSettings.of(method, "127.0.0.1:" + closedPort(), "respike/events")
                .withQueueCapacity(capacity).withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(1500))
                .withBackoff(Duration.ofMillis(50), Duration.ofMillis(500));
        List<EventMessage> events = Events.falls("camera-3", PushTiming.ROUNDS * 5000);
        Publisher p = Publisher.open(settings, warnings::add);
        PushTiming.Result timing = PushTiming.measure(p, events, 0, 5000);
        long closeStart = System.nanoTime();
        p.close();
        long closeNanos = System.nanoTime() - closeStart;
        System.out.printf("%s unreachable: %s; close %.0f ms%n", method.nick(), timing, closeNanos / 1e6);
        assertTrue(timing.withinBound(), timing.toString());
        PublisherStats s = p.stats();
        assertEquals(timing.pushes() - capacity, s.dropped(), s.toString());
        assertEquals(capacity, s.unsent(), s.toString());
        assertEquals(0, s.delivered());
        assertTrue(s.failures() > 0, s.toString());
        assertTrue(closeNanos < Duration.ofMillis(1500 + 3000).toNanos(), "close took " + closeNanos / 1e6 + " ms");
        long dropWarnings = warnings.stream().filter(w -> w.contains("dropped")).count();
        assertEquals(1, dropWarnings, "all drops within 10 s make one warning: " + warnings);
        assertTrue(warnings.contains(settings + ": closed with 100 events not delivered"), warnings.toString());
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
