package org.respike.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.respike.it.support.Repo;
import org.respike.plugin.testing.StockTools;

/**
 * Hostile start-up conditions for the stock tools: a JVM that cannot start must not leave a registry
 * entry that hides the elements once the cause is gone.
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
