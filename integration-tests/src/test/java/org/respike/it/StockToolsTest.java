package org.respike.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.respike.it.support.Repo;
import org.respike.models.testing.TestBundles;
import org.respike.plugin.testing.StockTools;

/** The real elements in the stock tools, as users run them with GST_PLUGIN_PATH. */
class StockToolsTest {

    private static final int RUNS = 20;
    private static final int FRAMES = 2000;

    private static StockTools tools() {
        return new StockTools(Repo.root().resolve("plugin/target/gst"), "",
                Repo.root().resolve("integration-tests/target/stock-registry.bin"));
    }

    @Test
    void gstInspectListsAllFiveElementsWithTheirProperties() throws Exception {
        StockTools.Result plugin = tools().run(120, Map.of(), List.of("gst-inspect-1.0", "respike"));
        assertEquals(0, plugin.exit(), plugin.err());
        for (String element : List.of("respikebin", "respikeinfer", "respikeresidual", "respikeoverlay",
                "respikepublish", "respikemotion")) {
            assertTrue(plugin.out().contains(element), plugin.out());
        }
        StockTools.Result infer = tools().run(60, Map.of(), List.of("gst-inspect-1.0", "respikeinfer"));
        for (String property : List.of("model", "device", "device-id", "window", "min-score", "json-output",
                "stream-id", "flush-on-eos", "inference-region", "max-tracks", "track-timeout")) {
            assertTrue(infer.out().matches("(?s).*\\n  " + property + " +: .*"), property + " in:\n" + infer.out());
        }
        StockTools.Result motion = tools().run(60, Map.of(), List.of("gst-inspect-1.0", "respikemotion"));
        assertTrue(motion.out().contains("Long-name                ReSpike motion tracker"), motion.out());
        for (String property : List.of("fps", "min-area", "history", "threshold", "process-width", "min-hits",
                "max-age", "hold-frames", "roi-type", "active")) {
            assertTrue(motion.out().matches("(?s).*\\n  " + property + " +: .*"), property + " in:\n" + motion.out());
        }
    }

    @Test
    void gstInspectShowsChoicesAsEnumsAndWhatIsReadAtStartAsChangeableInReadyOnly() throws Exception {
        String infer = tools().run(60, Map.of(), List.of("gst-inspect-1.0", "respikeinfer")).out();
        assertTrue(infer.matches("(?s).*\\n  device +: [^\\n]*\\n +flags: readable, writable, changeable only in NULL or"
                + " READY state\\n +Enum \"GstRespikeinferDevice\" Default: 0, \"auto\"\\n +\\(0\\): auto .*"
                + "\\(1\\): cpu .*\\(2\\): cuda .*\\(3\\): tensorrt .*"), infer);
        assertTrue(infer.matches("(?s).*\\n  min-score +: [^\\n]*\\n +flags: readable, writable, changeable in NULL,"
                + " READY, PAUSED or PLAYING state\\n.*"), infer);
        String bin = tools().run(60, Map.of(), List.of("gst-inspect-1.0", "respikebin")).out();
        assertTrue(bin.contains("Enum \"GstRespikeinferDevice\""), "the bin forwards respikeinfer's own property:\n" + bin);
        assertTrue(infer.matches("(?s).*\\n  inference-region +: [^\\n]*\\n +flags: readable, writable, changeable only in"
                + " NULL or READY state\\n +Enum \"GstRespikeinferInferenceRegion\" Default: 0, \"full-frame\"\\n"
                + " +\\(0\\): full-frame .*\\(1\\): roi-list .*"), infer);
        for (String property : List.of("max-batch", "max-wait", "static-threshold")) {
            String readyOnly = "(?s).*\\n  " + property + " +: [^\\n]*\\n +flags: readable, writable, changeable only in"
                    + " NULL or READY state\\n.*";
            assertTrue(infer.matches(readyOnly), property + " in:\n" + infer);
            assertTrue(bin.matches(readyOnly), "the bin forwards " + property + ":\n" + bin);
        }
        assertTrue(infer.matches("(?s).*\\n  max-batch +: .*?Integer\\. Range: 1 - 64 Default: 1 .*"), infer);
        assertTrue(infer.matches("(?s).*\\n  max-wait +: .*?Integer\\. Range: 0 - 1000 Default: 20 .*"), infer);
        assertTrue(infer.matches("(?s).*\\n  static-threshold +: .*?Double\\. Range: +0 - +255 Default: +6 .*"), infer);
        assertTrue(bin.matches("(?s).*\\n  roi +: [^\\n]*\\n +flags: readable, writable, changeable only in NULL or"
                + " READY state\\n +Enum \"GstRespikebinRoi\" Default: 0, \"frame\"\\n +\\(0\\): frame .*"
                + "\\(1\\): upstream .*\\(2\\): motion .*"), bin);
    }

    @Test
    void gstInspectDocumentsRespikepublishWithItsMethodEnumAndConnectionSettingsReadyOnly() throws Exception {
        String publish = tools().run(60, Map.of(), List.of("gst-inspect-1.0", "respikepublish")).out();
        assertTrue(publish.contains("Example: gst-launch-1.0 -m filesrc location=clip.mp4 ! decodebin ! respikebin ! "
                + "respikepublish method=mqtt"), publish);
        assertTrue(publish.matches("(?s).*\\n  method +: [^\\n]*\\n +flags: readable, writable, changeable only in NULL or"
                + " READY state\\n +Enum \"GstRespikepublishMethod\" Default: 0, \"file\"\\n +\\(0\\): file .*"
                + "\\(1\\): mqtt .*\\(2\\): kafka .*"), publish);
        for (String property : List.of("address", "topic", "client-id", "qos", "tls", "ca-file", "username", "password",
                "queue-size", "close-timeout", "on-score", "off-score", "min-duration", "hold-time", "update-interval",
                "classes", "ignore")) {
            assertTrue(publish.matches("(?s).*\\n  " + property + " +: [^\\n]*\\n +flags: readable, writable, changeable "
                    + "only in NULL or READY state\\n.*"), property + " in:\n" + publish);
        }
    }

    /** The element's documented use through the stock tool: events on the bus (-m) and in the file, then the counts. */
    @Test
    void gstLaunchRunsRespikepublishToAFileAndPrintsEventsAndCounts(@TempDir Path tmp) throws Exception {
        Path events = tmp.resolve("events.jsonl");
        StockTools.Result r = tools().run(120, Map.of(), List.of("gst-launch-1.0", "-m", "filesrc",
                "location=" + Repo.clip("wave"), "!", "decodebin", "!", "respikebin", "device=cpu",
                "model=" + TestBundles.hybrid(), "!", "respikepublish", "method=file", "address=" + events,
                "min-duration=0", "on-score=0.05", "off-score=0.05", "ignore=\"\"", "!", "fakesink"));
        assertEquals(0, r.exit(), r.err());
        long onBus = r.out().lines().filter(l -> l.contains("respike-event, schema=(string)respike-event/1")).count();
        assertTrue(onBus >= 2, "the top class (softmax over 10: at least 0.1) starts an event, EOS ends it:\n" + r.out());
        assertEquals(onBus, Files.readAllLines(events).size());
        assertTrue(r.out().contains("respike-publish-stats, starts=(gint64)" + onBus / 2), r.out());
        assertTrue(r.out().contains("delivered=(gint64)" + onBus + ", dropped=(gint64)0"), r.out());
        StockTools.Result bad = tools().run(60, Map.of(), List.of("gst-launch-1.0", "videotestsrc", "num-buffers=1",
                "!", "respikepublish", "method=amqp", "!", "fakesink"));
        assertEquals(1, bad.exit(), bad.out() + bad.err());
        assertTrue((bad.out() + bad.err()).contains("could not set property \"method\" in element \"respikepublish"),
                bad.out() + bad.err());
    }

    /** A value outside a choice is GLib's enum error: gst-launch names the element, property and value, exits 1. */
    @Test
    void gstLaunchRefusesAnUnknownDevice() throws Exception {
        for (String element : List.of("respikeinfer", "respikebin")) {
            StockTools.Result r = tools().run(60, Map.of(), List.of("gst-launch-1.0", "videotestsrc", "num-buffers=1",
                    "!", element, "device=bogus", "!", "fakesink"));
            assertEquals(1, r.exit(), r.out() + r.err());
            assertTrue((r.out() + r.err()).contains("erroneous pipeline: could not set property \"device\" in element \""
                    + element), r.out() + r.err());
        }
    }

    /** Batching and the gate set from launch strings: per-track batches in respikeinfer, the bin forwarding them. */
    @Test
    void gstLaunchRunsWithBatchingAndGateProperties() throws Exception {
        StockTools.Result tracks = tools().run(120, Map.of(), List.of("gst-launch-1.0", "-m", "videotestsrc",
                "pattern=ball", "num-buffers=80", "!", "videoconvert", "!", "respikemotion", "!", "respikeinfer",
                "inference-region=roi-list", "max-batch=4", "max-wait=50", "static-threshold=0", "device=cpu",
                "model=" + TestBundles.hybrid(), "!", "fakesink"));
        assertEquals(0, tracks.exit(), tracks.err());
        assertTrue(tracks.out().contains("track-id=(gint64)"), tracks.out());
        StockTools.Result bin = tools().run(120, Map.of(), List.of("gst-launch-1.0", "-m", "filesrc",
                "location=" + Repo.clip("wave"), "!", "decodebin", "!", "respikebin", "name=door", "max-batch=2",
                "max-wait=5", "static-threshold=12.5", "device=cpu", "model=" + TestBundles.hybrid(), "!", "fakesink"));
        assertEquals(0, bin.exit(), bin.err());
        assertTrue(bin.out().contains("respike-action, stream-id=(string)door, label=(string)"), bin.out());
    }

    /**
     * A value that is not a number is the parser's one-line error (element, property, value; exit 1); one out
     * of range is GLib's one-line warning (property, value) and the default stays, as for any element.
     */
    @Test
    void gstLaunchNamesBadBatchingAndGateValues() throws Exception {
        StockTools.Result word = tools().run(60, Map.of(), List.of("gst-launch-1.0", "videotestsrc", "num-buffers=1",
                "!", "respikebin", "max-batch=many", "!", "fakesink"));
        assertEquals(1, word.exit(), word.out() + word.err());
        assertTrue((word.out() + word.err()).contains("erroneous pipeline: could not set property \"max-batch\" in"
                + " element \"respikebin"), word.out() + word.err());
        StockTools.Result negative = tools().run(60, Map.of(), List.of("gst-launch-1.0", "videotestsrc",
                "num-buffers=1", "!", "respikeinfer", "static-threshold=-1", "device=cpu",
                "model=" + TestBundles.hybrid(), "!", "fakesink"));
        assertEquals(0, negative.exit(), negative.out() + negative.err());
        assertTrue((negative.out() + negative.err()).contains("value \"-1.000000\" of type 'gdouble' is invalid or out of"
                + " range for property 'static-threshold'"), negative.out() + negative.err());
    }

    @Test
    void gstLaunchRunsRespikebinOnAnEncodedClipAndPrintsTheAction() throws Exception {
        StockTools.Result r = tools().run(120, Map.of(), List.of("gst-launch-1.0", "-m", "filesrc",
                "location=" + Repo.clip("wave"), "!", "decodebin", "!", "respikebin", "name=door", "device=cpu",
                "model=" + TestBundles.hybrid(), "!", "fakesink"));
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("respike-action, stream-id=(string)door, label=(string)"), r.out());
    }

    /** respikemotion's documented launch line (on the test bundle): per-track actions printed by gst-launch -m. */
    @Test
    void gstLaunchRunsRespikemotionsDocLineAndPrintsTrackActions() throws Exception {
        StockTools.Result r = tools().run(120, Map.of(), List.of("gst-launch-1.0", "-m", "videotestsrc", "pattern=ball",
                "num-buffers=80", "!", "videoconvert", "!", "respikemotion", "!", "respikeinfer",
                "inference-region=roi-list", "device=cpu", "model=" + TestBundles.hybrid(), "!", "fakesink"));
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().matches("(?s).*respike-action, stream-id=\\(string\\)\"respikeinfer0\\\\#[0-9]+\".*"
                + "track-id=\\(gint64\\)[0-9]+, box=\\(structure\\).*"), r.out());
    }

    /**
     * gst-launch -m prints a bus message in pieces from its main thread; JSON lines on the same stdout are
     * written by that thread too (between its messages), so none is glued into a message line (1-4 of 117
     * were, on a loaded machine). The debug log says which thread wrote each line.
     */
    @Test
    void jsonLinesOnStdoutAreWrittenByGstLaunchsMainThread() throws Exception {
        StockTools.Result r = tools().run(120, Map.of("GST_DEBUG", "respike:5", "GST_DEBUG_NO_COLOR", "1"),
                List.of("gst-launch-1.0", "-m", "videotestsrc", "num-buffers=48", "!",
                        "video/x-raw,width=96,height=72,framerate=8/1", "!", "videoanalyse", "!", "respikebin",
                        "device=cpu", "model=" + TestBundles.hybrid(), "json-output=-", "!", "fakesink"));
        assertEquals(0, r.exit(), r.err());
        long json = r.out().lines().filter(l -> l.contains("{\"stream-id\"")).count();
        long whole = r.out().lines().filter(l -> l.startsWith("{\"stream-id\"") && l.endsWith("}")).count();
        assertEquals(9, json, "48 frames: clips end at 16, 20, ..., 48");
        assertEquals(json, whole, "a JSON line glued to a message line:\n" + r.out());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("stdout: (\\d+) line\\(s\\) written by the host's "
                + "main thread").matcher(r.err());
        long byMain = 0;
        while (m.find()) {
            byMain += Long.parseLong(m.group(1));
        }
        assertEquals(json, byMain, "every JSON line written by gst-launch's main thread");
    }

    /**
     * The JVM's SIGSEGV handler survives GStreamer's plugin loading: twenty runs of 2,000 frames of the real
     * bin through the stock tool all end cleanly (no hang, no signal death).
     */
    @Test
    void twentyLongRunsThroughTheStockToolEndCleanly() throws Exception {
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            StockTools.Result r = tools().run(120, Map.of(), List.of("gst-launch-1.0", "-q", "videotestsrc",
                    "num-buffers=" + FRAMES, "pattern=ball", "!", "video/x-raw,width=160,height=120,framerate=25/1", "!",
                    "respikebin", "device=cpu", "model=" + TestBundles.hybrid(), "!", "fakesink"));
            if (r.exit() != 0) {
                failures.add("run " + i + ": exit " + r.exit() + "\n" + r.err());
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }
}
