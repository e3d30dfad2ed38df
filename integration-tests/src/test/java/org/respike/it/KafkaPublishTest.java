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
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.respike.elements.events.EventMessage;
import org.respike.elements.events.Events;
import org.respike.elements.publish.EventsTail;
import org.respike.elements.publish.PublishMethod;
import org.respike.elements.publish.Publisher;
import org.respike.elements.publish.PublisherSettings;
import org.respike.elements.publish.PublisherStats;
import org.respike.it.support.EventRun;
import org.respike.it.support.KafkaBroker;
import org.respike.it.support.Repo;
import org.respike.models.testing.TestBundles;
import org.respike.pipelines.catalogue.LaunchTemplate;

/**
 * Events of two cameras to a real Kafka broker (KRaft, its own JVM, 127.0.0.1), which is away when the
 * publisher starts and killed and restarted mid-stream; then read back with the events command. One
 * broker for the class: its start-up is the expensive part.
 */
class KafkaPublishTest {

    private static final String TOPIC = "respike-events";
    private static final int PER_CAMERA = 150;

    @TempDir
    static Path dir;
    private static KafkaBroker broker;

    @BeforeAll
    static void configure() throws Exception {
        broker = KafkaBroker.configure(dir.resolve("kafka"));
    }

    @AfterAll
    static void stop() throws Exception {
        broker.close();
    }

    @Test
    void eventsSurviveABrokerAwayAtStartAndKilledMidStreamInOrderPerCamera() throws Exception {
        List<EventMessage> one = Events.falls("camera-1", PER_CAMERA);
        List<EventMessage> two = Events.falls("camera-2", PER_CAMERA);
        List<String> warnings = new CopyOnWriteArrayList<>();
        PublisherSettings settings = PublisherSettings.of(PublishMethod.KAFKA, broker.address(), TOPIC)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(30))
                .withBackoff(Duration.ofMillis(50), Duration.ofMillis(500));
        try (Publisher p = Publisher.open(settings, warnings::add)) {
            publish(p, one, two, 0, 50);
            Thread.sleep(300);
            assertEquals(100, p.stats().queued(), p.stats().toString());
            long t0 = System.nanoTime();
            broker.start();
            System.out.printf("kafka broker started in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            await(() -> p.stats().delivered() == 100, Duration.ofSeconds(60));
            broker.kill();
            publish(p, one, two, 50, 100);
            Thread.sleep(300);
            t0 = System.nanoTime();
            broker.start();
            System.out.printf("kafka broker restarted in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            publish(p, one, two, 100, PER_CAMERA);
            p.close();
            PublisherStats s = p.stats();
            assertEquals(new PublisherStats(300, 300, 0, 0, 0, 0, s.failures()), s);
            assertTrue(s.failures() > 0, "the broker was away twice");
        }
        assertTrue(warnings.stream().anyMatch(w -> w.contains("failed, retrying")), warnings.toString());

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = EventsTail.run(new String[] {"--method", "kafka", "--address", broker.address(), "--topic", TOPIC,
                "--from-beginning", "--count", "300"}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertEquals(0, status);
        Map<String, List<Long>> sequences = new HashMap<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            JsonNode n = json.readTree(line);
            sequences.computeIfAbsent(n.get("stream_id").asText(), k -> new ArrayList<>()).add(n.get("sequence").asLong());
        }
        for (String camera : List.of("camera-1", "camera-2")) {
            List<Long> firstSeen = new ArrayList<>(new LinkedHashSet<>(sequences.get(camera)));
            assertEquals(PER_CAMERA, firstSeen.size(), camera + ": every event once at least");
            assertEquals(firstSeen.stream().sorted().toList(), firstSeen, camera + ": in order (keyed by stream id)");
        }
    }

    /**
     * respikepublish method=kafka on the 60 s sample (stream id camera-3, the record key): every event of the
     * bus is in the topic, across a broker kill at the first event and a restart at the eighth.
     */
    @Test
    void respikepublishDeliversEveryEventOfTheBusAcrossABrokerRestart() throws Exception {
        String topic = "respike-events-element";
        broker.kill();
        broker.start();
        EventRun run;
        try {
            run = EventRun.of("filesrc location=" + LaunchTemplate.quote(Repo.sampleVideo().toString())
                    + " ! decodebin ! respikebin name=camera-3 model=" + LaunchTemplate.quote(TestBundles.hybrid().toString())
                    + " device=cpu ! respikepublish method=kafka address=" + broker.address() + " topic=" + topic
                    + " close-timeout=60 ! fakesink sync=false", events -> {
                        try {
                            if (events.size() == 1) {
                                broker.kill();
                            } else if (events.size() == 8) {
                                broker.start();
                            }
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    });
            assertTrue(run.result().ok(), run.result().toString());
            System.out.println("respikepublish to kafka across a broker restart: " + run.events().size() + " events, "
                    + run.stats());
            Map<String, Object> s = run.stats().get(0);
            assertEquals((long) run.events().size(), s.get("delivered"), s.toString());
            assertTrue((Long) s.get("failures") > 0, "the broker was down while events came: " + s);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertEquals(0, EventsTail.run(new String[] {"--method", "kafka", "--address", broker.address(), "--topic",
                    topic, "--from-beginning", "--count", Integer.toString(run.events().size())},
                    new PrintStream(out, true, StandardCharsets.UTF_8), System.err));
            List<JsonNode> got = new ArrayList<>();
            ObjectMapper json = new ObjectMapper();
            for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
                got.add(json.readTree(line));
            }
            assertEquals(run.keys(), EventRun.keys(got));
            assertTrue(got.stream().allMatch(m -> m.get("stream_id").asText().equals("camera-3")));
        } finally {
            broker.kill();
        }
    }

    private static void publish(Publisher p, List<EventMessage> one, List<EventMessage> two, int from, int to) {
        for (int i = from; i < to; i++) {
            p.publish(one.get(i));
            p.publish(two.get(i));
        }
    }

    private static void await(BooleanSupplier done, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "not done after " + timeout);
            Thread.sleep(20);
        }
    }
}
