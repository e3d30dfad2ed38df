package org.respike.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.freedesktop.gstreamer.Bus;
import org.freedesktop.gstreamer.Format;
import org.freedesktop.gstreamer.Gst;
import org.freedesktop.gstreamer.Pipeline;
import org.freedesktop.gstreamer.event.SeekFlags;
import org.freedesktop.gstreamer.message.MessageType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.respike.it.support.Repo;
import org.respike.it.support.RtspTestServer;
import org.respike.it.support.Runs;
import org.respike.models.engine.ActionResult;
import org.respike.models.testing.Cadence;
import org.respike.models.testing.TestBundles;
import org.respike.pipelines.catalogue.LaunchTemplate;
import org.respike.pipelines.run.PipelineRun;
import org.respike.pipelines.run.Reconnector;
import org.respike.plugin.RespikePlugin;
import org.respike.plugin.gst.StructureFields;
import org.respike.plugin.gst.Pipelines;

/** Streams that are controlled while they run: seeks, and a camera that goes away and comes back. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class LiveStreamTest {

    private static final long CLIP_NS = 2_000_000_000L;

    @Test
    void flushingSeekStartsTheRecognitionStateOver() throws Exception {
        RespikePlugin.initInJvm();
        Pipeline pipeline = (Pipeline) Gst.parseLaunch("filesrc location="
                + LaunchTemplate.quote(Repo.sampleVideo().toString()) + " ! decodebin ! videoconvert ! "
                + Runs.infer(TestBundles.hybrid().toString(), "! fakesink sync=false"));
        List<ActionResult> events = seekOnceThenRunToEos(pipeline, ActionResult.NAME, 20).stream().map(ActionResult::fromFields)
                .toList();
        int restart = -1;
        for (int i = 1; i < events.size(); i++) {
            if (events.get(i).ptsStart() < events.get(i - 1).ptsStart()) {
                restart = i;
            }
        }
        assertTrue(restart > 0, "results start again from the beginning after the seek");
        for (ActionResult e : events) {
            long span = e.ptsEnd() - e.ptsStart();
            assertTrue(Math.abs(span - CLIP_NS) <= 100_000_000L, "no clip mixes frames from before and after the "
                    + "seek: " + e.ptsStart() + ".." + e.ptsEnd());
        }
        assertEquals(Cadence.of(TestBundles.hybrid()).results(60 * 8), events.size() - restart,
                "after the seek the whole 60 s video is classified again");
    }

    /**
     * A flushing seek ends respikepublish's open events (stream-end) before the stream starts over. With a
     * hold of 1000 s no event ends by its score, so an end before EOS is the flush's.
     */
    @Test
    void flushingSeekEndsTheOpenEvents() throws Exception {
        RespikePlugin.initInJvm();
        Path file = Files.createTempFile("seek-events", ".jsonl");
        Pipeline pipeline = (Pipeline) Gst.parseLaunch("filesrc location="
                + LaunchTemplate.quote(Repo.sampleVideo().toString()) + " ! decodebin ! respikebin device=cpu model="
                + LaunchTemplate.quote(TestBundles.hybrid().toString()) + " ! respikepublish method=file address="
                + LaunchTemplate.quote(file.toString()) + " hold-time=1000 min-duration=0 ! fakesink sync=false");
        List<Map<String, Object>> messages;
        try {
            messages = seekOnceThenRunToEos(pipeline, "respike-event", 1);
        } finally {
            Files.deleteIfExists(file);
        }
        Object first = messages.get(0).get("event_id");
        int firstEnd = -1;
        for (int i = 0; i < messages.size(); i++) {
            if (messages.get(i).get("event_id").equals(first) && "end".equals(messages.get(i).get("kind"))) {
                firstEnd = i;
            }
        }
        assertTrue(firstEnd > 0, "the first event ends: " + messages);
        assertEquals("stream-end", messages.get(firstEnd).get("end_reason"));
        assertTrue(messages.subList(firstEnd, messages.size()).stream().anyMatch(m -> "start".equals(m.get("kind"))),
                "events start again after the flush ended the first");
        assertTrue(messages.stream().filter(m -> "end".equals(m.get("kind")))
                .allMatch(m -> "stream-end".equals(m.get("end_reason"))), "the flush and the EOS end them all");
    }

    @Test
    void pipelineReconnectsWhenTheCameraComesBack() throws Exception {
        RtspTestServer camera = new RtspTestServer(18610, RtspTestServer.testPattern(0)).start();
        ExecutorService client = Executors.newSingleThreadExecutor();
        List<ActionResult> events = Collections.synchronizedList(new ArrayList<>());
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        try {
            String launch = "rtspsrc location=" + camera.url() + " protocols=tcp latency=100 ! decodebin ! videoconvert ! "
                    + Runs.infer(TestBundles.hybrid().toString(), "stream-id=gate ! fakesink sync=false");
            Future<Pipelines.Result> run = client.submit(() ->
                    new Reconnector(500, 2_000, 8, log::add).run(launch, events::add, 0));
            waitFor(() -> events.size() >= 2, 60);
            camera.kill();
            waitFor(() -> !log.isEmpty(), 30);
            int before = events.size();
            Thread.sleep(1500);
            camera = new RtspTestServer(18610, RtspTestServer.testPattern(0)).start();
            waitFor(() -> events.size() >= before + 5, 60);
            camera.kill();
            run.get(60, TimeUnit.SECONDS);
            assertTrue(events.stream().allMatch(e -> e.streamId().equals("gate")));
            assertTrue(log.size() >= 2, "restarted while the camera was away and after it went again: " + log);
        } finally {
            client.shutdownNow();
            camera.close();
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "condition not met in " + seconds + " s");
            Thread.sleep(100);
        }
    }

    /**
     * Plays {@code pipeline}, makes a flushing seek to the start once {@code before} element messages named
     * {@code name} arrived, runs to EOS and returns the fields of every such message, in order; the
     * pipeline is disposed.
     */
    private static List<Map<String, Object>> seekOnceThenRunToEos(Pipeline pipeline, String name, int before)
            throws InterruptedException {
        List<Map<String, Object>> messages = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch some = new CountDownLatch(before);
        CountDownLatch eos = new CountDownLatch(1);
        Bus bus = pipeline.getBus();
        Bus.MESSAGE onMessage = (b, m) -> {
            if (m.getType() == MessageType.ELEMENT && m.getStructure().hasName(name)) {
                messages.add(StructureFields.of(m.getStructure()));
                some.countDown();
            }
        };
        Bus.EOS onEos = src -> eos.countDown();
        bus.connect(onMessage);
        bus.connect(onEos);
        try {
            pipeline.play();
            assertTrue(some.await(60, TimeUnit.SECONDS));
            assertTrue(pipeline.seekSimple(Format.TIME, EnumSet.of(SeekFlags.FLUSH, SeekFlags.KEY_UNIT), 0L));
            assertTrue(eos.await(120, TimeUnit.SECONDS), "EOS after the seek");
        } finally {
            pipeline.stop();
            bus.disconnect(onMessage);
            bus.disconnect(onEos);
            pipeline.dispose();
        }
        return new ArrayList<>(messages);
    }
}
