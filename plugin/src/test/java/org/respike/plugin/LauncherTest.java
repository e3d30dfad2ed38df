package org.respike.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The in-JVM launcher's exit status and one-line message output. */
@Timeout(60)
class LauncherTest {

    private static String[] launch(String description, int expectedStatus) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status = Launcher.run(description, new PrintStream(bytes, true, StandardCharsets.UTF_8), 30_000);
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(expectedStatus, status, out);
        return out.split("\n");
    }

    @Test
    void runsToEosPrintingElementMessages() {
        String[] lines = launch("videotestsrc num-buffers=3 ! respiketestmeta ! fakesink", Launcher.OK);
        assertEquals(4, lines.length, String.join("\n", lines));
        assertTrue(lines[0].startsWith("ELEMENT from respiketestmeta0: respike-test, index=(int)0, pts=(gint64)0,"),
                lines[0]);
        assertEquals("EOS", lines[3]);
    }

    @Test
    void errorInAnElementEndsWithStatusOne() {
        String[] lines = launch("videotestsrc num-buffers=30 ! respiketestfail fail-at=0 ! fakesink", Launcher.ERROR);
        assertTrue(lines[0].startsWith("ERROR from respiketestfail0: respiketestfail failed to process a buffer:"
                + " IllegalStateException: deliberate failure in process() at pts 0 (FailElement.java("),
                lines[0]);
    }

    @Test
    void failedStartAndBadLaunchStringsEndWithStatusTwo() {
        String[] lines = launch("videotestsrc ! respiketestbadstart ! fakesink", Launcher.BAD_PIPELINE);
        assertTrue(lines[0].startsWith("ERROR from respiketestbadstart0: respiketestbadstart failed to start"), lines[0]);
        lines = launch("videotestsrc ! nosuchelement ! fakesink", Launcher.BAD_PIPELINE);
        assertTrue(lines[0].startsWith("ERROR: could not construct pipeline: no element \"nosuchelement\""), lines[0]);
    }
}
