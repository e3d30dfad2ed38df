package org.respike.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntToLongFunction;
import org.freedesktop.gstreamer.Buffer;
import org.freedesktop.gstreamer.Bus;
import org.freedesktop.gstreamer.Caps;
import org.freedesktop.gstreamer.Gst;
import org.freedesktop.gstreamer.Pipeline;
import org.freedesktop.gstreamer.elements.AppSrc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.respike.models.testing.TestBundles;
import org.respike.pipelines.catalogue.LaunchTemplate;
import org.respike.plugin.RespikePlugin;

/**
 * Hostile timestamps from an appsrc into respikeinfer: none, going back, an hour's gap without DISCONT,
 * all zero. Every result has a real [start, end) of at most a clip's length, recognition starts over where
 * the timeline breaks, and each case is reported in a warning.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HostileTimestampsTest {

    private static final long FRAME = 125_000_000L; // 8 fps, the model's rate
    private static final int FRAMES = 120;
    private static final long CLIP = 16 * FRAME;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    record Run(List<JsonNode> results, List<String> warnings, String error) {}

    private Run run(IntToLongFunction pts, long duration) throws Exception {
        RespikePlugin.initInJvm();
        Path events = tmp.resolve("events-" + System.nanoTime() + ".jsonl");
        Pipeline pipeline = (Pipeline) Gst.parseLaunch("appsrc name=src format=time ! videoconvert ! respikeinfer "
                + "device=cpu model=" + LaunchTemplate.quote(TestBundles.hybrid().toString()) + " json-output="
                + LaunchTemplate.quote(events.toString()) + " ! fakesink sync=false");
        List<String> warnings = Collections.synchronizedList(new ArrayList<>());
        String[] error = new String[1];
        CountDownLatch done = new CountDownLatch(1);
        Bus bus = pipeline.getBus();
        bus.connect((Bus.EOS) source -> done.countDown());
        bus.connect((Bus.ERROR) (source, code, message) -> {
            error[0] = message;
            done.countDown();
        });
        bus.connect((Bus.WARNING) (source, code, message) -> warnings.add(message));
        AppSrc src = (AppSrc) pipeline.getElementByName("src");
        src.setCaps(Caps.fromString("video/x-raw,format=RGB,width=96,height=72,framerate=8/1"));
        src.set("block", true);
        pipeline.play();
        Random random = new Random(1);
        for (int i = 0; i < FRAMES; i++) {
            Buffer b = new Buffer(96 * 3 * 72);
            ByteBuffer data = b.map(true);
            for (int k = 0; k < data.capacity(); k++) {
                data.put(k, (byte) random.nextInt(256));
            }
            b.unmap();
            b.setPresentationTimestamp(pts.applyAsLong(i));
            b.setDuration(duration);
            src.pushBuffer(b);
        }
        src.endOfStream();
        assertTrue(done.await(60, TimeUnit.SECONDS), "no EOS");
        pipeline.stop();
        pipeline.dispose();
        List<JsonNode> results = new ArrayList<>();
        if (Files.exists(events)) {
            for (String line : Files.readAllLines(events)) {
                results.add(JSON.readTree(line));
            }
        }
        return new Run(results, List.copyOf(warnings), error[0]);
    }

    private static void assertSoundTimes(Run r) {
        assertEquals(null, r.error());
        assertFalse(r.results().isEmpty(), "no result from " + FRAMES + " frames; warnings " + r.warnings());
        for (JsonNode n : r.results()) {
            long start = n.get("start").asLong();
            long end = n.get("end").asLong();
            assertTrue(start >= 0 && end > start && end - start <= CLIP, "result [" + start + ", " + end + ")");
        }
    }

    private static void assertWarned(Run r, String text) {
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains(text)), "no warning '" + text + "': " + r.warnings());
    }

    @Test
    void noTimestamps() throws Exception {
        Run r = run(i -> -1L, -1L);
        assertSoundTimes(r);
        assertWarned(r, "no timestamps");
    }

    @Test
    void timestampsGoingBack() throws Exception {
        Run r = run(i -> (i % 60) * FRAME, FRAME);
        assertSoundTimes(r);
        assertWarned(r, "went back");
    }

    @Test
    void anHourGapWithoutDiscont() throws Exception {
        Run r = run(i -> i * FRAME + (i >= 60 ? 3_600_000_000_000L : 0), FRAME);
        assertSoundTimes(r);
        assertWarned(r, "a gap of 3600");
    }

    @Test
    void allZeroTimestamps() throws Exception {
        Run r = run(i -> 0L, FRAME);
        assertSoundTimes(r);
        assertWarned(r, "do not advance");
    }
}
