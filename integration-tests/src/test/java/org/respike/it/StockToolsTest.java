package org.respike.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
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
                "respikemotion")) {
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
        assertTrue(bin.matches("(?s).*\\n  roi +: [^\\n]*\\n +flags: readable, writable, changeable only in NULL or"
                + " READY state\\n +Enum \"GstRespikebinRoi\" Default: 0, \"frame\"\\n +\\(0\\): frame .*"
                + "\\(1\\): upstream .*\\(2\\): motion .*"), bin);
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
