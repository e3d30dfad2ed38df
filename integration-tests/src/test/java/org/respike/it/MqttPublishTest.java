package org.respike.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.respike.elements.events.EventJson;
import org.respike.elements.events.EventMessage;
import org.respike.elements.events.Events;
import org.respike.elements.publish.EventsTail;
import org.respike.elements.publish.PublishMethod;
import org.respike.elements.publish.Publisher;
import org.respike.elements.publish.PublisherSettings;
import org.respike.elements.publish.PublisherStats;
import org.respike.elements.publish.PushTiming;
import org.respike.it.support.Mosquitto;
import org.respike.it.support.MqttCollector;
import org.respike.pipelines.cli.RespikeCli;
import picocli.CommandLine;

/**
 * Events to a real Mosquitto (Debian's, on a free 127.0.0.1 port) through the publisher, received by a
 * persistent subscriber: the broker away at start, killed and restarted mid-stream, hung, and refusing
 * a topic by its ACL. Delivery is at least once, so the checks are on the set of sequences received.
 */
class MqttPublishTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;
    private Mosquitto broker;
    private final List<String> warnings = new CopyOnWriteArrayList<>();

    @BeforeEach
    void configure() throws Exception {
        broker = Mosquitto.configure(dir);
    }

    @AfterEach
    void stop() throws Exception {
        broker.close();
    }

    @Test
    void eventsQueuedWhileTheBrokerIsAwayAtStartAreDeliveredWhenItComesUp() throws Exception {
        registerCollectorThenKillBroker();
        int capacity = 50;
        List<EventMessage> events = Events.falls("camera-3", 120);
        try (Publisher p = Publisher.open(settings().withQueueCapacity(capacity), warnings::add)) {
            events.forEach(p::publish);
            Thread.sleep(300);
            assertEquals(new PublisherStats(120, 0, 70, 0, 0, 50, p.stats().failures()), p.stats(),
                    "the newest 50 wait, the 70 before them are dropped");
            broker.start();
            try (MqttCollector collector = collector()) {
                Set<Long> got = sequences(collector.await(r -> sequences(r).size() >= capacity, WAIT));
                assertEquals(range(71, 120), got);
            }
            assertEquals(50, p.stats().delivered());
        }
        assertTrue(warnings.stream().anyMatch(w -> w.contains("connect failed")), warnings.toString());
    }

    @Test
    void theBrokerKilledMidStreamAndRestartedLosesNothingThatFitsTheQueue() throws Exception {
        broker.start();
        List<EventMessage> events = Events.falls("camera-3", 300);
        try (MqttCollector collector = collector();
             Publisher p = Publisher.open(settings().withQueueCapacity(200), warnings::add)) {
            events.subList(0, 100).forEach(p::publish);
            collector.await(r -> sequences(r).size() >= 100, WAIT);
            broker.kill();
            events.subList(100, 250).forEach(p::publish);
            Thread.sleep(500);
            broker.start();
            events.subList(250, 300).forEach(p::publish);
            Set<Long> got = sequences(collector.await(r -> sequences(r).size() >= 300, WAIT));
            assertEquals(range(1, 300), got);
            PublisherStats s = p.stats();
            assertEquals(0, s.dropped(), s.toString());
            assertTrue(s.failures() > 0, s.toString());
        }
    }

    /**
     * A hung broker (SIGSTOP) takes the bytes and answers nothing: the sender waits for the
     * acknowledgement of the event in flight, the pushes do not. That event stays first in line; the
     * rest of the queue is the newest events.
     */
    @Test
    void aHungBrokerNeverMakesAPushWaitAndLosesExactlyWhatTheQueueCannotHold() throws Exception {
        broker.start();
        int capacity = 100;
        List<EventMessage> events = Events.falls("camera-3", 2 + PushTiming.ROUNDS * 5000);
        try (MqttCollector collector = collector();
             Publisher p = Publisher.open(settings().withQueueCapacity(capacity)
                     .withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(10)), warnings::add)) {
            p.publish(events.get(0));
            collector.await(r -> r.size() == 1, WAIT);
            broker.freeze(true);
            p.publish(events.get(1));
            Thread.sleep(300);
            PushTiming.Result timing = PushTiming.measure(p, events, 2, 5000);
            System.out.println("mqtt hung broker: " + timing);
            assertTrue(timing.withinBound(), timing.toString());
            int pushed = 2 + timing.pushes();
            assertEquals(pushed - 1 - capacity, p.stats().dropped(), p.stats().toString());
            broker.freeze(false);
            Set<Long> expected = new TreeSet<>(range(pushed - capacity + 2, pushed));
            expected.addAll(List.of(1L, 2L));
            Set<Long> got = sequences(collector.await(r -> sequences(r).containsAll(expected), WAIT));
            assertEquals(expected, got);
        }
    }

    @Test
    void aTopicTheAclForbidsIsRefusedCountedAndWarnedAboutAndNothingArrives() throws Exception {
        broker.start();
        try (MqttCollector collector = new MqttCollector(broker.address(), Mosquitto.FORBIDDEN_TOPIC);
             Publisher p = Publisher.open(PublisherSettings.of(PublishMethod.MQTT, broker.address(),
                     Mosquitto.FORBIDDEN_TOPIC).withCredentials("camera", Mosquitto.PASSWORD), warnings::add)) {
            Events.falls("camera-3", 20).forEach(p::publish);
            p.close();
            PublisherStats s = p.stats();
            assertEquals(new PublisherStats(20, 0, 0, 20, 0, 0, 0), s);
            assertTrue(warnings.stream().anyMatch(w -> w.contains("refused") && w.contains("0x87")), warnings.toString());
            Thread.sleep(300);
            assertEquals(List.of(), collector.received());
        }
    }

    @Test
    void theEventsTailShowsWhatIsPublished() throws Exception {
        broker.start();
        List<EventMessage> events = Events.falls("camera-3", 10);
        List<String> lines = new ArrayList<>();
        try (EventsTail tail = EventsTail.open(PublisherSettings.of(PublishMethod.MQTT, broker.address(), Mosquitto.TOPIC)
                .withCredentials("viewer", Mosquitto.PASSWORD), false);
             Publisher p = Publisher.open(settings(), warnings::add)) {
            events.forEach(p::publish);
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (lines.size() < 10 && System.nanoTime() < deadline) {
                lines.addAll(tail.poll(Duration.ofMillis(200)));
            }
        }
        assertEquals(events.stream().map(EventJson::toJson).toList(), lines);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, EventsTail.run(new String[] {"--method", "mqtt"}, System.out, new PrintStream(err, true)));
        assertTrue(err.toString().startsWith("events: --method and --address are required\nusage: events"),
                err.toString());
    }

    /** {@code respike events}: an MQTT broker keeps no history, so the command prints what comes once it listens. */
    @Test
    void theEventsCommandPrintsWhatArrivesUntilItsCount() throws Exception {
        broker.start();
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int[] exit = {-1};
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (Publisher p = Publisher.open(settings(), warnings::add)) {
            Thread cli = new Thread(() -> exit[0] = new CommandLine(new RespikeCli()).execute("events", "--address",
                    broker.address(), "--topic", Mosquitto.TOPIC, "--user", "viewer", "--password", Mosquitto.PASSWORD,
                    "--count", "3"));
            cli.start();
            List<EventMessage> events = Events.falls("camera-3", 200);
            for (int i = 0; i < events.size() && cli.isAlive(); i++) {
                p.publish(events.get(i));
                Thread.sleep(50);
            }
            cli.join(WAIT.toMillis());
        } finally {
            System.setOut(original);
        }
        assertEquals(0, exit[0]);
        List<Long> sequences = new ArrayList<>();
        for (String line : captured.toString(StandardCharsets.UTF_8).split("\n")) {
            JsonNode event = new ObjectMapper().readTree(line);
            assertEquals("respike-event/1", event.get("schema").asText());
            sequences.add(event.get("sequence").asLong());
        }
        assertEquals(3, sequences.size(), captured.toString());
        assertEquals(List.of(sequences.get(0), sequences.get(0) + 1, sequences.get(0) + 2), sequences);
    }

    @Test
    void tlsDeliversWithTheBrokersCaAndNothingWithoutIt() throws Exception {
        broker.start();
        PublisherSettings tls = PublisherSettings.of(PublishMethod.MQTT, broker.tlsAddress(), Mosquitto.TOPIC)
                .withCredentials("camera", Mosquitto.PASSWORD).withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(1));
        List<String> untrusted = new CopyOnWriteArrayList<>();
        try (MqttCollector collector = collector();
             Publisher trusting = Publisher.open(tls.withTls(broker.caFile()), warnings::add);
             Publisher doubting = Publisher.open(tls.withTls(null), untrusted::add)) {
            Events.falls("camera-3", 5).forEach(trusting::publish);
            Events.falls("camera-4", 5).forEach(doubting::publish);
            assertEquals(range(1, 5), sequences(collector.await(r -> r.size() >= 5, WAIT)));
            doubting.close();
            assertEquals(0, doubting.stats().delivered());
            assertTrue(untrusted.stream().anyMatch(w -> w.contains("connect failed") && w.contains("SSL")), untrusted.toString());
            Thread.sleep(200);
            assertTrue(collector.received().stream().allMatch(m -> m.get("stream_id").asText().equals("camera-3")));
        }
    }

    private PublisherSettings settings() {
        return PublisherSettings.of(PublishMethod.MQTT, broker.address(), Mosquitto.TOPIC)
                .withCredentials("camera", Mosquitto.PASSWORD).withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5))
                .withBackoff(Duration.ofMillis(50), Duration.ofMillis(200));
    }

    private MqttCollector collector() throws Exception {
        return new MqttCollector(broker.address(), Mosquitto.TOPIC);
    }

    /** The collector's session outlives the broker: it gets what is published before it reconnects. */
    private void registerCollectorThenKillBroker() throws Exception {
        broker.start();
        collector().close();
        broker.kill();
    }

    private static Set<Long> sequences(List<JsonNode> messages) {
        return messages.stream().map(m -> m.get("sequence").asLong()).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<Long> range(long from, long to) {
        return LongStream.rangeClosed(from, to).boxed().collect(Collectors.toCollection(TreeSet::new));
    }
}
