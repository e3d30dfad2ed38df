package org.respike.elements.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.respike.elements.ActionFields;
import org.respike.elements.spi.VideoFormat;
import org.respike.elements.testing.RecordingHost;
import org.respike.elements.testing.TestFrame;
import org.respike.models.bundle.BundleException;
import org.respike.models.testing.Cadence;
import org.respike.models.testing.TestBundles;

class InferElementTest {

    private static final long FRAME_NS = 125_000_000L; // 8 fps, the model's rate
    private static final VideoFormat FORMAT = TestFrame.rgb(96, 72);
    private static final Cadence CADENCE = Cadence.of(TestBundles.hybrid());

    @TempDir
    Path tmp;

    private InferElement started(RecordingHost host, Path json) throws Exception {
        InferElement e = new InferElement(host);
        e.setProperty("model", TestBundles.hybrid().toString());
        e.setProperty("device", "cpu");
        e.setProperty("json-output", json.toString());
        e.start();
        e.setFormat(FORMAT);
        return e;
    }

    private static List<TestFrame> push(InferElement e, int first, int count) {
        Random random = new Random(first);
        List<TestFrame> frames = new ArrayList<>();
        for (int i = first; i < first + count; i++) {
            TestFrame f = new TestFrame(FORMAT, i * FRAME_NS, false).withDuration(FRAME_NS);
            for (int b = 0; b < f.data().capacity(); b++) {
                f.data().put(b, (byte) random.nextInt(256));
            }
            e.process(f);
            frames.add(f);
        }
        return frames;
    }

    @Test
    void publishesEachSlidingClipAsMessageMetaAndJsonLine() throws Exception {
        RecordingHost host = new RecordingHost();
        Path json = tmp.resolve("events.jsonl");
        InferElement e = started(host, json);
        // The first clip ends after clip_frames frames, then one clip per group: three results.
        List<TestFrame> frames = push(e, 0, CADENCE.clipFrames() + 2 * CADENCE.stride());
        e.eos();
        e.stop();

        assertEquals(3, host.messages.size());
        for (int i = 0; i < frames.size(); i++) {
            assertEquals(CADENCE.endsClip(i), frames.get(i).metas.containsKey(ActionFields.NAME), "meta on frame " + i);
        }
        Map<String, Object> first = host.messages.get(0);
        assertEquals(0L, first.get(ActionFields.PTS_START));
        assertEquals(CADENCE.clipFrames() * FRAME_NS, first.get(ActionFields.PTS_END),
                "end of the last frame: [start, end)");
        assertEquals("test0", first.get(ActionFields.STREAM_ID));
        double rate = (Double) first.get(ActionFields.SPIKE_RATE);
        assertTrue(rate >= 0 && rate <= 1, "spike rate " + rate);
        assertTrue((Double) first.get(ActionFields.ENERGY_PJ) > 0);

        List<String> lines = Files.readAllLines(json);
        assertEquals(3, lines.size());
        Map<?, ?> parsed = new ObjectMapper().readValue(lines.get(0), Map.class);
        assertEquals(first.get(ActionFields.LABEL), parsed.get(ActionFields.LABEL));
        assertEquals(10, ((Map<?, ?>) parsed.get(ActionFields.SCORES)).size());
    }

    @Test
    void endOfStreamPublishesThePartialClipUnlessTold() throws Exception {
        RecordingHost host = new RecordingHost();
        InferElement e = started(host, tmp.resolve("a.jsonl"));
        push(e, 0, CADENCE.endingInsideTheLastGroupOfAClip());
        e.eos();
        assertEquals(1, host.messages.size(), "the whole groups of the unfinished clip are published at EOS");
        e.stop();

        RecordingHost quiet = new RecordingHost();
        InferElement dropping = new InferElement(quiet);
        dropping.setProperty("model", TestBundles.hybrid().toString());
        dropping.setProperty("flush-on-eos", false);
        dropping.start();
        dropping.setFormat(FORMAT);
        push(dropping, 0, CADENCE.endingInsideTheLastGroupOfAClip());
        dropping.eos();
        dropping.stop();
        assertEquals(0, quiet.messages.size());
    }

    @Test
    void framesBetweenModelFramesAreSkippedByTimestamp() throws Exception {
        RecordingHost host = new RecordingHost();
        InferElement e = started(host, tmp.resolve("b.jsonl"));
        // 24 fps, three times the model's 8: the model sees every third frame, so exactly one clip.
        for (int i = 0; i < 3 * CADENCE.clipFrames(); i++) {
            e.process(new TestFrame(FORMAT, i * 41_666_667L, false).withDuration(41_666_667L));
        }
        e.stop();
        assertEquals(1, host.messages.size());
    }

    @Test
    void minScoreFiltersEverything() throws Exception {
        RecordingHost host = new RecordingHost();
        InferElement e = started(host, tmp.resolve("c.jsonl"));
        e.setProperty("min-score", 1.0);
        push(e, 0, CADENCE.clipFrames());
        e.stop();
        assertEquals(0, host.messages.size());
    }

    @Test
    void missingModelFailsStartNamingThePath() {
        InferElement e = new InferElement(new RecordingHost());
        e.setProperty("model", tmp.resolve("nowhere").toString());
        BundleException error = assertThrows(BundleException.class, e::start);
        assertTrue(error.getMessage().contains("nowhere"), error.getMessage());
    }
}
