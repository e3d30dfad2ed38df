package org.respike.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.respike.it.support.Cli;
import org.respike.it.support.Repo;
import org.respike.models.testing.TestBundles;
import org.respike.plugin.testing.StockTools;

/**
 * Hostile start-up conditions: a JVM that cannot start must not leave a registry entry that hides the
 * elements once the cause is gone; a signal during start-up stops the process cleanly.
 */
class HostileStartupTest {

    @TempDir
    Path tmp;

    private StockTools tools(Path registry) {
        return new StockTools(Repo.root().resolve("plugin/target/gst"), "", registry);
    }

    /**
     * The JVM cannot reserve its heap under the address-space limit (HotSpot would exit the scanner and get
     * the plugin blacklisted); the next run without the limit finds the elements. JAVA_TOOL_OPTIONS is no
     * declared dependency of the plugin, so only a rescan forced by the failed start can find them.
     */
    @Test
    void aJvmThatFailedToStartDoesNotHideTheElementsAfterwards() throws Exception {
        Path registry = tmp.resolve("registry.bin");
        StockTools.Result failed = tools(registry).run(60, Map.of("JAVA_TOOL_OPTIONS", "-Xmx100g"),
                List.of("bash", "-c", "ulimit -v 2000000 && exec gst-inspect-1.0 respikebin"));
        assertNotEquals(0, failed.exit(), failed.out());
        assertTrue(failed.err().contains("respike: no Java VM"), failed.err());
        assertTrue(Files.exists(registry));

        StockTools.Result again = tools(registry).run(60, Map.of(), List.of("gst-inspect-1.0", "respikebin"));
        assertEquals(0, again.exit(), again.err());
        assertTrue(again.out().contains("ReSpike action recognition bin"), again.out());
    }

    /** Whether {@code pid} has an ONNX file open: ONNX Runtime is creating a session from it. */
    private static boolean loadingAGraph(long pid) {
        try (var fds = Files.list(Path.of("/proc/" + pid + "/fd"))) {
            return fds.anyMatch(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString().endsWith(".onnx");
                } catch (Exception gone) {
                    return false;
                }
            });
        } catch (Exception gone) {
            return false;
        }
    }

    /**
     * Ctrl-C while the model loads: the command stops with 130 (128 + SIGINT), no JVM crash report (rc 134,
     * hs_err file). The signal is sent the moment the process has a graph file open, i.e. inside session
     * creation, where ONNX Runtime's own shutdown hook used to free its environment under the load.
     */
    @Test
    void ctrlCWhileTheModelLoadsStopsCleanly() throws Exception {
        for (int run = 0; run < 3; run++) {
            Process p = Cli.start(tmp, Map.of(), "inspect", "--device", "cpu");
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (p.isAlive() && !loadingAGraph(p.pid()) && System.nanoTime() < deadline) {
                Thread.sleep(2);
            }
            assertTrue(p.isAlive(), "the signal must come while the model loads");
            new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "hung after Ctrl-C");
            Cli.Result r = Cli.result(p);
            assertEquals(130, r.exit(), "run " + run + ":\n" + r.all());
            assertFalse(r.all().contains("fatal error") || r.all().contains("\tat "), r.all());
            try (var files = Files.list(tmp)) {
                assertTrue(files.noneMatch(f -> f.getFileName().toString().startsWith("hs_err")), "crash report left");
            }
        }
    }

    /**
     * gst-launch-1.0 -e installs its SIGINT handler only once the pipeline is PAUSED, after respikebin loaded
     * its model: a Ctrl-C during the load killed it without EOS, or, inherited as ignored (a background
     * job), was lost while a live pipeline ran on. The loader holds the signal and hands it over: both
     * times the tool forces EOS and ends with 0.
     */
    @Test
    void ctrlCWhileGstLaunchLoadsTheModelEndsWithEos() throws Exception {
        String launch = "exec gst-launch-1.0 -e videotestsrc is-live=true ! respikebin device=cpu model="
                + TestBundles.hybrid() + " ! fakesink";
        for (String disposition : List.of("env --default-signal=INT bash -c", "bash -c")) {
            String shell = disposition.startsWith("env") ? launch : "trap '' INT; " + launch;
            List<String> command = new java.util.ArrayList<>(List.of(disposition.split(" ")));
            command.add(shell);
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(tmp.resolve("gst-launch.out").toFile());
            pb.environment().put("GST_PLUGIN_PATH", Repo.root().resolve("plugin/target/gst").toString());
            pb.environment().put("GST_REGISTRY", tmp.resolve("registry.bin").toString());
            pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
            Process p = pb.start();
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (p.isAlive() && !loadingAGraph(p.pid()) && System.nanoTime() < deadline) {
                Thread.sleep(2);
            }
            assertTrue(p.isAlive(), "the signal must come while the model loads");
            new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
            boolean ended = p.waitFor(30, TimeUnit.SECONDS);
            if (!ended) {
                p.destroyForcibly().waitFor();
            }
            String out = Files.readString(tmp.resolve("gst-launch.out"));
            assertTrue(ended, disposition + ": the signal was lost, the live pipeline ran on:\n" + out);
            assertEquals(0, p.exitValue(), disposition + ":\n" + out);
            assertTrue(out.contains("Forcing EOS on the pipeline"), out);
        }
    }

    /** A bad JVM option, then the option removed: the elements are back. */
    @Test
    void aBadJvmOptionRemovedBringsTheElementsBack() throws Exception {
        Path registry = tmp.resolve("registry.bin");
        StockTools.Result failed = tools(registry).run(60, Map.of("RESPIKE_JVM_OPTS", "-XX:+NoSuchFlag"),
                List.of("gst-inspect-1.0", "respikebin"));
        assertNotEquals(0, failed.exit(), failed.out());
        StockTools.Result again = tools(registry).run(60, Map.of(), List.of("gst-inspect-1.0", "respikebin"));
        assertEquals(0, again.exit(), again.err());
    }
}
