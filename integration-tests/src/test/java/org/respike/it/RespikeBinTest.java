package org.respike.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.freedesktop.gstreamer.Bus;
import org.freedesktop.gstreamer.Element;
import org.freedesktop.gstreamer.Gst;
import org.freedesktop.gstreamer.Pipeline;
import org.freedesktop.gstreamer.State;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.respike.it.support.Repo;
import org.respike.it.support.Runs;
import org.respike.models.testing.TestBundles;
import org.respike.pipelines.catalogue.LaunchTemplate;
import org.respike.plugin.RespikePlugin;

/** respikebin as users write it: one element name, their own element name as the stream id. */
class RespikeBinTest {

    @TempDir
    Path tmp;

    private static String bin(String props) {
        return "respikebin model=" + LaunchTemplate.quote(TestBundles.hybrid().toString()) + " device=cpu " + props;
    }

    /** The annotated video goes straight into an encoder: the bin's output converts to what follows it. */
    @Test
    void theAnnotatedVideoLinksStraightToAnEncoder() {
        Runs run = Runs.of("videotestsrc num-buffers=24 ! video/x-raw,width=96,height=72,framerate=8/1 ! "
                + bin("overlay=true") + " ! x264enc ! fakesink");
        run.assertEos();
        assertEquals(3, run.events().size());
    }

    @Test
    void theBinsNameIsTheDefaultStreamId() {
        Runs run = Runs.of("videotestsrc num-buffers=16 ! video/x-raw,width=96,height=72,framerate=8/1 ! "
                + bin("name=door") + " ! fakesink").assertEos();
        assertEquals(1, run.events().size());
        assertEquals("door", run.events().get(0).streamId());
    }

    @Test
    void videoLeavesWithItsOwnSizeAndFrameRateAndAllFrames() throws Exception {
        Path out = tmp.resolve("out.rgb");
        Runs.of("filesrc location=" + LaunchTemplate.quote(Repo.sampleVideo().toString()) + " ! decodebin ! "
                + bin("overlay=true") + " ! videoconvert ! video/x-raw,format=RGB,width=320,height=240,framerate=25/1"
                + " ! filesink location=" + LaunchTemplate.quote(out.toString())).assertEos();
        assertEquals(1500L * 320 * 240 * 3, Files.size(out), "all 1500 frames of 320x240 pass the bin");
    }

    /**
     * What respikeinfer reads at start (model, device, stream id, window, fps, JSON output) is refused while the
     * bin plays, with a warning, and reads back what the element runs with; min-score, read per result, changes.
     */
    @Test
    void settingsReadAtStartAreRefusedWhilePlayingAndMinScoreChangesAtOnce() throws Exception {
        RespikePlugin.initInJvm();
        Pipeline pipeline = (Pipeline) Gst.parseLaunch("videotestsrc is-live=true ! "
                + "video/x-raw,width=96,height=72,framerate=8/1 ! " + bin("name=door") + " ! fakesink");
        List<String> warnings = new CopyOnWriteArrayList<>();
        pipeline.getBus().connect((Bus.WARNING) (source, code, message) -> warnings.add(message));
        try {
            pipeline.play();
            assertEquals(State.PLAYING, pipeline.getState(60, TimeUnit.SECONDS));
            Element bin = pipeline.getElementByName("door");
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("model", tmp.toString());
            changes.put("device", 2); // cuda
            changes.put("stream-id", "other");
            changes.put("window", 3);
            changes.put("fps", 4.0);
            changes.put("json-output", tmp.resolve("late.jsonl").toString());
            for (Map.Entry<String, Object> change : changes.entrySet()) {
                Object before = bin.get(change.getKey());
                bin.set(change.getKey(), change.getValue());
                assertEquals(before, bin.get(change.getKey()), change.getKey() + " keeps the value the element runs with");
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (warnings.size() < changes.size() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            for (String property : changes.keySet()) {
                assertTrue(warnings.stream().anyMatch(w -> w.startsWith("property '" + property
                        + "' can only change in the NULL or READY state (respikeinfer reads it at start); keeping ")),
                        property + " in " + warnings);
            }
            assertFalse(Files.exists(tmp.resolve("late.jsonl")));
            bin.set("min-score", 0.5);
            assertEquals(0.5, (Double) bin.get("min-score"), 1e-12);
        } finally {
            pipeline.stop();
            pipeline.dispose();
        }
    }
}
