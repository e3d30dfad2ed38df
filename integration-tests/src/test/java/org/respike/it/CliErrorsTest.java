package org.respike.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.respike.it.support.Cli;
import org.respike.it.support.Repo;
import org.respike.it.support.Runs;
import org.respike.models.testing.TestBundles;
import org.respike.pipelines.catalogue.LaunchTemplate;
import org.respike.plugin.testing.StockTools;

/**
 * The respike command and gst-launch-1.0 given bad input as a new user gives it: every failure is one
 * line naming what is wrong, never a Java stack trace; relative paths mean the caller's directory.
 */
class CliErrorsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private static String model() {
        return TestBundles.hybrid().toString();
    }

    private static void assertNoTrace(String text) {
        assertFalse(text.contains("\tat ") || text.contains("Exception in thread"), "a Java stack trace:\n" + text);
    }

    private static List<JsonNode> jsonLines(String out) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.isBlank()) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }

    @Test
    void relativePathsMeanTheCallersDirectory() throws Exception {
        Files.copy(Repo.clip("wave"), tmp.resolve("a.mp4"));
        Cli.Result c = Cli.run(tmp, 120, Map.of(), "classify", "--json", "--device", "cpu", "--model", model(), "a.mp4");
        assertEquals(0, c.exit(), c.all());
        assertEquals("a.mp4", jsonLines(c.out()).get(0).get("file").asText());

        Cli.Result l = Cli.run(tmp, 120, Map.of(), "launch", "videotestsrc num-buffers=24 ! "
                + "video/x-raw,width=96,height=72,framerate=8/1 ! respikeinfer device=cpu model=" + model()
                + " json-output=events.jsonl ! fakesink");
        assertEquals(0, l.exit(), l.all());
        assertTrue(Files.size(tmp.resolve("events.jsonl")) > 0, "json-output=events.jsonl lands in the caller's folder");
    }

    @Test
    void aBadModelOrDeviceIsOneLineAndStillOneJsonObjectPerFile() throws Exception {
        Cli.Result inspect = Cli.run(tmp, 60, Map.of(), "inspect", "--model", tmp.resolve("nothing").toString());
        assertNotEquals(0, inspect.exit());
        assertNoTrace(inspect.all());
        assertTrue(inspect.err().startsWith("respike inspect: ") && inspect.err().contains("not a bundle folder")
                && inspect.err().strip().lines().count() == 1, inspect.err());

        Cli.Result bad = Cli.run(tmp, 60, Map.of(), "classify", "--json", "--model", tmp.resolve("nothing").toString(),
                "a.mp4", "b.mp4");
        assertEquals(1, bad.exit(), bad.all());
        assertNoTrace(bad.all());
        List<JsonNode> lines = jsonLines(bad.out());
        assertEquals(2, lines.size(), bad.out());
        assertEquals("b.mp4", lines.get(1).get("file").asText());
        assertTrue(lines.get(1).get("error").asText().contains("not a bundle folder"), bad.out());

        Cli.Result device = Cli.run(tmp, 60, Map.of(), "classify", "--json", "--device", "bogus", "a.mp4");
        assertEquals(1, device.exit(), device.all());
        assertNoTrace(device.all());
        assertTrue(jsonLines(device.out()).get(0).get("error").asText().contains("'bogus' is not one of"),
                device.out());
    }

    @Test
    void launchAndDemoMistakesAreOneLine() throws Exception {
        Cli.Result unknown = Cli.run(tmp, 60, Map.of(), "launch", "--pipeline", "no-such-pipeline");
        Cli.Result missing = Cli.run(tmp, 60, Map.of(), "launch", "--pipeline", "file-events");
        Files.writeString(tmp.resolve("bad.json"), "{ not json");
        Cli.Result truth = Cli.run(tmp, 60, Map.of(), "demo", "--truth", "bad.json");
        Cli.Result noTruth = Cli.run(tmp, 60, Map.of(), "demo", "--truth", "missing.json");
        for (Cli.Result r : List.of(unknown, missing, truth, noTruth)) {
            assertNotEquals(0, r.exit(), r.all());
            assertNoTrace(r.all());
            assertEquals(1, r.err().strip().lines().count(), r.err());
        }
        assertTrue(unknown.err().contains("no pipeline 'no-such-pipeline'"), unknown.err());
        assertTrue(missing.err().contains("file-events needs"), missing.err());
        assertTrue(truth.err().contains("bad.json"), truth.err());
        assertTrue(noTruth.err().contains("missing.json"), noTruth.err());
    }

    /** Directory, FIFO, device, audio-only file, missing file: each says what it is. */
    @Test
    void classifyNamesWhatIsWrongWithEachFile() throws Exception {
        Path fifo = tmp.resolve("pipe");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        Path audio = tmp.resolve("audio.ogg");
        Runs.of("audiotestsrc num-buffers=40 ! audioconvert ! vorbisenc ! oggmux ! filesink location="
                + LaunchTemplate.quote(audio.toString())).assertEos();
        Cli.Result c = Cli.run(tmp, 120, Map.of(), "classify", "--json", "--device", "cpu", "--model", model(),
                tmp.toString(), fifo.toString(), "/dev/null", audio.toString(), "missing.mp4");
        assertEquals(1, c.exit(), c.all());
        List<JsonNode> lines = jsonLines(c.out());
        assertEquals(5, lines.size(), c.out());
        List<String> expected = List.of("is a directory", "not a regular file", "not a regular file",
                "no video stream", "no such file");
        for (int i = 0; i < 5; i++) {
            assertTrue(lines.get(i).get("error").asText().contains(expected.get(i)), lines.get(i).toString());
        }
    }

    @Test
    void gstLaunchErrorsCarryNoJavaTrace() throws Exception {
        StockTools tools = new StockTools(Repo.root().resolve("plugin/target/gst"), "", tmp.resolve("registry.bin"));
        StockTools.Result r = tools.run(60, Map.of(), List.of("gst-launch-1.0", "videotestsrc", "num-buffers=8", "!",
                "respikeinfer", "model=" + tmp.resolve("nothing"), "!", "fakesink"));
        assertNotEquals(0, r.exit());
        assertTrue(r.err().contains("not a bundle folder"), r.err());
        assertTrue(r.err().contains("Additional debug info"), r.err());
        assertNoTrace(r.out() + r.err());
    }
}
