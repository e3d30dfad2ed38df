package org.respike.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.freedesktop.gstreamer.Bus;
import org.freedesktop.gstreamer.Element;
import org.freedesktop.gstreamer.Gst;
import org.freedesktop.gstreamer.message.MessageType;
import org.freedesktop.gstreamer.PadProbeReturn;
import org.freedesktop.gstreamer.PadProbeType;
import org.freedesktop.gstreamer.Pipeline;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.respike.it.support.EventRun;
import org.respike.it.support.Mosquitto;
import org.respike.it.support.MqttCollector;
import org.respike.it.support.Repo;
import org.respike.models.testing.TestBundles;
import org.respike.pipelines.catalogue.LaunchTemplate;
import org.respike.plugin.RespikePlugin;

/**
 * respikepublish in a real pipeline (the 60 s sample video through respikebin) against this test's own
 * Mosquitto on loopback: every event of the bus arrives, across a broker restart mid-stream; and a hung
 * broker never makes the element hold a video buffer longer than a queue push.
 */
class RespikePublishTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    /** Far below the 5 s a send waits for a hung broker; far above a push (microseconds) plus a bus post. */
    private static final long TRANSFORM_BOUND_NANOS = 250_000_000L;

    @TempDir
    Path dir;
    private Mosquitto broker;

    @BeforeEach
    void configure() throws Exception {
        broker = Mosquitto.configure(dir).start();
    }

    @AfterEach
    void stop() throws Exception {
        broker.close();
    }

    private String launch(String publishOptions) {
        return "filesrc location=" + LaunchTemplate.quote(Repo.sampleVideo().toString()) + " ! decodebin ! respikebin model="
                + LaunchTemplate.quote(TestBundles.hybrid().toString()) + " device=cpu ! respikepublish name=pub method=mqtt"
                + " address=" + broker.address() + " topic=" + Mosquitto.TOPIC + " username=camera password="
                + Mosquitto.PASSWORD + " " + publishOptions + " ! fakesink sync=false";
    }

    @Test
    void everyEventOfTheBusArrivesAcrossABrokerRestartMidStream() throws Exception {
        EventRun run;
        try (MqttCollector collector = new MqttCollector(broker.address(), Mosquitto.TOPIC)) {
            run = EventRun.of(launch("close-timeout=10"), events -> {
                try {
                    if (events.size() == 1) { // the first has arrived: the broker goes down
                        collector.await(r -> r.size() >= 1, WAIT);
                        broker.kill();
                    } else if (events.size() == 8) {
                        broker.start();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertTrue(run.result().ok(), run.result().toString());
            assertTrue(run.events().size() > 8, "the sample makes more than 8 event messages: " + run.events().size());
            List<JsonNode> got = collector.await(r -> EventRun.keys(r).containsAll(run.keys()), WAIT);
            assertEquals(run.keys(), EventRun.keys(got), "every event of the bus, once or more");
        }
        System.out.println("respikepublish across a broker restart: " + run.events().size() + " events, " + run.stats());
        assertEquals(1, run.stats().size(), run.stats().toString());
        Map<String, Object> s = run.stats().get(0);
        assertEquals((long) run.events().size(), s.get("published"));
        assertEquals((long) run.events().size(), s.get("delivered"));
        assertEquals(0L, s.get("dropped"));
        assertTrue((Long) s.get("failures") > 0, "the broker was down while events came: " + s);
    }

    /**
     * The broker hangs (SIGSTOP) once the first event is out: a send then waits up to 5 s for its
     * acknowledgement, and the queue of 4 overflows (a warning on the bus, rate-limited). Each buffer's time inside respikepublish (sink pad to src pad, one streaming thread)
     * must stay far below that. A blocking check, not a speed benchmark.
     */
    @Test
    void aHungBrokerNeverHoldsAVideoBuffer() throws Exception {
        RespikePlugin.initInJvm();
        Pipeline pipeline = (Pipeline) Gst.parseLaunch(launch("close-timeout=1 update-interval=1 queue-size=4"));
        Element pub = pipeline.getElementByName("pub");
        AtomicLong entered = new AtomicLong();
        List<Long> took = new CopyOnWriteArrayList<>();
        pub.getStaticPad("sink").addProbe(PadProbeType.BUFFER, (pad, info) -> {
            entered.set(System.nanoTime());
            return PadProbeReturn.OK;
        });
        pub.getStaticPad("src").addProbe(PadProbeType.BUFFER, (pad, info) -> {
            took.add(System.nanoTime() - entered.get());
            return PadProbeReturn.OK;
        });
        CountDownLatch firstEvent = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        List<String> errors = new CopyOnWriteArrayList<>();
        List<String> warnings = new CopyOnWriteArrayList<>();
        AtomicLong eventMessages = new AtomicLong();
        Bus bus = pipeline.getBus();
        bus.connect((Bus.EOS) src -> done.countDown());
        bus.connect((Bus.ERROR) (src, code, message) -> {
            errors.add(src.getName() + ": " + message);
            done.countDown();
        });
        bus.connect((Bus.WARNING) (src, code, message) -> warnings.add(message));
        bus.connect((Bus.MESSAGE) (b, message) -> {
            if (message.getType() == MessageType.ELEMENT && message.getStructure().hasName("respike-event")) {
                eventMessages.incrementAndGet();
                firstEvent.countDown();
            }
        });
        try (MqttCollector collector = new MqttCollector(broker.address(), Mosquitto.TOPIC)) {
            pipeline.play();
            assertTrue(firstEvent.await(60, TimeUnit.SECONDS), "an event within 60 s");
            collector.await(r -> r.size() >= 1, WAIT);
            broker.freeze(true);
            assertTrue(done.await(120, TimeUnit.SECONDS), "EOS within 120 s");
        } finally {
            broker.freeze(false);
            pipeline.stop();
            pipeline.dispose();
        }
        assertEquals(List.of(), errors);
        long[] t = took.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("respikepublish, hung broker: %d buffers, %d event messages, transform median %.1f us, "
                        + "p99 %.1f us, max %.1f us%n", t.length, eventMessages.get(), t[t.length / 2] / 1e3,
                t[(int) (t.length * 0.99)] / 1e3, t[t.length - 1] / 1e3);
        assertTrue(t.length >= 1000, "the 60 s video's frames passed: " + t.length);
        assertTrue(eventMessages.get() > 2, "events came while the broker hung: " + eventMessages.get());
        assertTrue(t[t.length - 1] < TRANSFORM_BOUND_NANOS, "slowest buffer " + t[t.length - 1] / 1e6 + " ms: "
                + Arrays.toString(Arrays.copyOfRange(t, Math.max(0, t.length - 5), t.length)));
        assertTrue(warnings.stream().anyMatch(w -> w.contains("not delivered")), "the close says what was left: " + warnings);
        long dropWarnings = warnings.stream().filter(w -> w.contains("dropped the oldest event")).count();
        assertTrue(dropWarnings >= 1 && dropWarnings <= 2, "a full queue of 4 warns, at most every 10 s: " + warnings);
    }
}
