package org.respike.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.respike.plugin.testing.StockTools;

/**
  * The native loader in the stock tools: gst-inspect-1.0 and gst-launch-1.0 with GST_PLUGIN_PATH on
  * plugin/target/gst and the test elements on RESPIKE_CLASSPATH, in a registry of their own.
  */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StockToolsTest {
    private static final int STRESS_RUNS = 20;
    private static final int STRESS_BUFFERS = 2000;

    private static Path gstDir;
    private static Path testClasses;
    private static Path registry;

    @BeforeAll
    static void paths() throws IOException {
        gstDir = Path.of(System.getProperty("respike.gst.dir", "target/gst"));
        testClasses = Path.of(System.getProperty("respike.test.classes", "target/test-classes"));
        registry = Path.of(System.getProperty("respike.test.registry", "target/test-registry.bin"));
        assertTrue(Files.exists(gstDir.resolve("libgstrespike.so")), "the build makes " + gstDir + "/libgstrespike.so");
        Files.deleteIfExists(registry);
    }

    static StockTools.Result tool(long timeoutSeconds, Map<String, String> extraEnv, String... command)
            throws IOException, InterruptedException {
        return new StockTools(gstDir, testClasses.toAbsolutePath().toString(), registry)
                .run(timeoutSeconds, extraEnv, List.of(command));
    }

    @Test
    @Order(1)
    void gstInspectListsTheJavaElementsWithPropertiesBlurbsAndDefaults() throws Exception {
        StockTools.Result r = tool(120, Map.of(), "gst-inspect-1.0", "respiketestcount");
        assertEquals(0, r.exit(), r.err());
        String o = r.out();
        assertTrue(o.contains("Long-name                ReSpike test counter"), o);
        assertTrue(o.contains("Klass                    Filter/Analyzer/Video"), o);
        assertTrue(o.contains("Filename                 " + gstDir.toAbsolutePath().resolve("libgstrespike.so")), o);
        assertTrue(o.contains("+----GstRespiketestcount"), o);
        assertTrue(o.matches("(?s).*factor\\s+: An integer in \\[0, 100\\].*Integer\\. Range: 0 - 100 Default: 5.*"), o);
        assertTrue(o.matches("(?s).*gain\\s+: A real in \\[0, 10\\].*Double\\. Range:\\s+0 -\\s+10 Default:\\s+1\\.5.*"), o);
        assertTrue(o.matches("(?s).*label\\s+: Free text the test reads back.*String\\. Default: \"none\".*"), o);
        assertTrue(o.matches("(?s).*mode\\s+: A choice\\n.*changeable in NULL, READY, PAUSED or PLAYING state\\n"
                + "\\s+Enum \"GstRespiketestcountMode\" Default: 0, \"fast\"\\n\\s+\\(0\\): fast\\s+- Fast\\n"
                + "\\s+\\(1\\): slow\\s+- Slow\\n.*"), o);
        assertTrue(o.matches("(?s).*opened\\s+: Read at start[^\\n]*\\n\\s+flags: readable, writable, changeable only in"
                + " NULL or READY state\\n.*"), o);
        assertTrue(o.matches("(?s).*report\\s+: Print the buffer count at EOS.*Boolean\\. Default: false.*"), o);

        StockTools.Result plugin = tool(60, Map.of(), "gst-inspect-1.0", "respike");
        for (String factory : List.of("respiketestcount", "respiketestfail", "respiketestbadstart", "respiketestmeta",
                "respiketestinvert", "respiketestbin")) {
            assertTrue(plugin.out().contains(factory), plugin.out());
        }
    }

    @Test
    @Order(2)
    void gstLaunchReportsAJavaErrorAndExitsNonZero() throws Exception {
        StockTools.Result r = tool(60, Map.of(), "gst-launch-1.0", "videotestsrc", "num-buffers=50", "!",
                "respiketestfail", "fail-at=3", "!", "fakesink");
        assertEquals(1, r.exit(), r.out() + r.err());
        String all = r.out() + r.err();
        assertTrue(all.contains("respiketestfail failed to process a buffer: IllegalStateException: deliberate failure"),
                all);
    }

    @Test
    @Order(3)
    void gstDebugShowsTheElementsLogCategory() throws Exception {
        StockTools.Result r = tool(60, Map.of("GST_DEBUG", "respiketestcount:5", "GST_DEBUG_NO_COLOR", "1"), "gst-launch-1.0", "-q",
                "videotestsrc", "num-buffers=2", "!", "respiketestcount", "!", "fakesink");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("respiketestcount java:0:respiketestcount:<respiketestcount0> buffer pts 33333333"),
                r.err());
    }

    /**
      * The SIGSEGV regression guard: HotSpot needs its SIGSEGV handler while elements run, and GStreamer's
      * plugin loader used to restore the handler from before the JVM existed (hangs or signal deaths, 1 in 8
      * runs or worse). null-checks=1000 makes every run take thousands of implicit-null-check SIGSEGVs in
      * C2-compiled code, so a loader that loses the JVM's handler hangs ("Caught SIGSEGV ... Spinning") on
      * every run (measured: 4 of 4 with the JVM created inside plugin_init). Every run must exit 0, in time,
      * with every buffer counted.
      */
    @Test
    @Order(4)
    void gstLaunchRunsAJavaElementRepeatedlyWithoutHangOrCrash() throws Exception {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < STRESS_RUNS; i++) {
            StockTools.Result r = tool(60, Map.of(), "gst-launch-1.0", "-q", "videotestsrc", "num-buffers=" + STRESS_BUFFERS, "!",
                    "video/x-raw,format=RGB,width=160,height=120", "!", "respiketestcount", "report=true", "null-checks=1000", "!", "fakesink");
            int run = i + 1;
            assertEquals(0, r.exit(), () -> "run " + run + " exited " + r.exit() + ":\n" + r.err());
            assertTrue(r.out().contains("respiketestcount0: " + STRESS_BUFFERS + " buffers"), r.out() + r.err());
            times.add(r.millis());
        }
        System.out.println("StockToolsTest: " + STRESS_RUNS + " gst-launch runs x " + STRESS_BUFFERS + " buffers, ms: "
                + times);
    }
}
