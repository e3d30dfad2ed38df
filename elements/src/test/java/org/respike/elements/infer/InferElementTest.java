package org.respike.elements.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.respike.elements.RegionTracks;
import org.respike.elements.spi.PropertyValues;
import org.respike.elements.spi.Region;
import org.respike.elements.spi.VideoFormat;
import org.respike.elements.testing.RecordingHost;
import org.respike.elements.testing.TestFrame;
import org.respike.models.bundle.BundleException;
import org.respike.models.engine.ActionResult;
import org.respike.models.engine.BatchCounts;
import org.respike.models.engine.InferenceEngine;
import org.respike.models.frame.Box;
import org.respike.models.testing.Cadence;
import org.respike.models.testing.TestBundles;

class InferElementTest {

    private static final long FRAME_NS = 125_000_000L; // 8 fps, the model's rate
    private static final VideoFormat FORMAT = TestFrame.rgb(96, 72);
    private static final Cadence CADENCE = Cadence.of(TestBundles.hybrid());

    @TempDir
    Path tmp;

    /** The test bundle on the CPU. */
    private static PropertyValues props() {
        PropertyValues props = new PropertyValues(InferElementDefinition.PROPERTIES);
        props.set("model", TestBundles.hybrid().toString());
        props.set("device", "cpu");
        return props;
    }

    private InferElement started(RecordingHost host, Path json) throws Exception {
        return started(host, props(), json);
    }

    private InferElement started(RecordingHost host, PropertyValues props, Path json) throws Exception {
        props.set("json-output", json.toString());
        InferElement e = new InferElement(host, props);
        e.start();
        e.setFormat(FORMAT);
        return e;
    }

    private static List<TestFrame> push(InferElement e, int first, int count) {
        return push(e, first, count, 256);
    }

    /** Frames of uniform noise in [128 - spread/2, 128 + spread/2). */
    private static List<TestFrame> push(InferElement e, int first, int count, int spread) {
        Random random = new Random(first);
        List<TestFrame> frames = new ArrayList<>();
        for (int i = first; i < first + count; i++) {
            TestFrame f = new TestFrame(FORMAT, i * FRAME_NS, false).withDuration(FRAME_NS);
            for (int b = 0; b < f.data().capacity(); b++) {
                f.data().put(b, (byte) (128 - spread / 2 + random.nextInt(spread)));
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
            assertEquals(CADENCE.endsClip(i), frames.get(i).metas.containsKey(ActionResult.NAME), "meta on frame " + i);
        }
        ActionResult first = ActionResult.fromFields(host.messages.get(0));
        assertEquals(0L, first.ptsStart());
        assertEquals(CADENCE.clipFrames() * FRAME_NS, first.ptsEnd(), "end of the last frame: [start, end)");
        assertEquals("test0", first.streamId());
        assertTrue(first.spikeRate() >= 0 && first.spikeRate() <= 1, "spike rate " + first.spikeRate());
        assertTrue(first.energyPj() > 0);
        assertEquals(10, first.scores().size());
        assertEquals(first, ActionResult.fromFields(frames.get(CADENCE.clipFrames() - 1).metas.get(ActionResult.NAME)),
                "the meta holds the message's action");

        List<String> lines = Files.readAllLines(json);
        assertEquals(3, lines.size());
        Map<String, Object> parsed = new ObjectMapper().readValue(lines.get(0), new TypeReference<>() {});
        assertEquals(first, ActionResult.fromFields(parsed), "the JSON line holds the message's action");
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
        PropertyValues props = props();
        props.set("flush-on-eos", false);
        InferElement dropping = new InferElement(quiet, props);
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
    void minScoreDropsTheResultsBelowIt() throws Exception {
        int frames = CADENCE.clipFrames() + 4 * CADENCE.stride();
        RecordingHost all = new RecordingHost();
        InferElement open = started(all, tmp.resolve("c.jsonl"));
        // Faint noise: full-range noise is so far from any scene that the model saturates on it.
        push(open, 0, frames, 24);
        open.stop();
        List<Double> scores = all.messages.stream().map(m -> ActionResult.fromFields(m).score()).sorted().toList();
        assertEquals(CADENCE.results(frames), scores.size());
        // A threshold just above the lowest score: a confident model can reach a float score of 1.0, which
        // min-score (at most 1.0) lets through, so a fixed threshold of 1.0 would not test the filter.
        double threshold = Math.nextUp(scores.get(0).floatValue());
        assertTrue(threshold <= 1.0, "the model scored every clip 1.0: " + scores);
        long above = scores.stream().filter(s -> s >= threshold).count();

        RecordingHost host = new RecordingHost();
        PropertyValues props = props();
        InferElement e = started(host, props, tmp.resolve("d.jsonl"));
        props.set("min-score", threshold); // read per result: takes effect while running
        push(e, 0, frames, 24);
        e.stop();
        assertEquals(above, host.messages.size(), "scores " + scores + ", min-score " + threshold);
        assertTrue(above < scores.size());
    }

    /** Track 7 by its tracking param, track 9 by its meta id (no param), in a 96x72 frame. */
    private static List<Region> twoPeople() {
        return List.of(
                new Region(1, "person", 0, 0, 40, 60, Map.of(RegionTracks.TRACKING, Map.of(RegionTracks.TRACK_ID, 7L))),
                new Region(9, "person", 50, 10, 40, 50, Map.of()));
    }

    private static List<TestFrame> pushRegions(InferElement e, int count, List<Region> regions) {
        return pushRegions(e, 0, count, regions);
    }

    /** {@code count} frames from frame {@code first} of the stream on. */
    private static List<TestFrame> pushRegions(InferElement e, int first, int count, List<Region> regions) {
        List<TestFrame> frames = new ArrayList<>();
        Random random = new Random(count);
        for (int i = first; i < first + count; i++) {
            TestFrame f = new TestFrame(FORMAT, i * FRAME_NS, false).withDuration(FRAME_NS);
            for (int b = 0; b < f.data().capacity(); b++) {
                f.data().put(b, (byte) random.nextInt(256));
            }
            f.regions.addAll(regions);
            e.process(f);
            frames.add(f);
        }
        return frames;
    }

    @Test
    void roiListGivesEachTrackItsOwnClipsWithTrackIdAndBoxOnItsRegionAndFinishesThemAtEos() throws Exception {
        RecordingHost host = new RecordingHost();
        PropertyValues props = props();
        props.set("inference-region", "roi-list");
        Path json = tmp.resolve("tracks.jsonl");
        InferElement e = started(host, props, json);
        List<TestFrame> frames = pushRegions(e, CADENCE.clipFrames() + CADENCE.stride(), twoPeople());
        assertEquals(4, host.messages.size(), "two clips per track");
        for (Map<String, Object> m : host.messages) {
            ActionResult a = ActionResult.fromFields(m);
            assertEquals("test0#" + a.trackId(), a.streamId());
            assertEquals(a.trackId() == 7 ? new Box(0, 0, 40, 60) : new Box(50, 10, 40, 50), a.box());
        }
        for (int i = 0; i < frames.size(); i++) {
            List<Region> regions = frames.get(i).regions;
            for (int r = 0; r < 2; r++) {
                Map<String, Object> action = regions.get(r).params().get(ActionResult.NAME);
                assertEquals(CADENCE.endsClip(i), action != null, "region " + r + " of frame " + i);
                if (action != null) {
                    assertEquals(r == 0 ? 7L : 9L, ActionResult.fromFields(action).trackId(), "on its own region");
                }
            }
        }
        List<String> lines = Files.readAllLines(json);
        assertEquals(ActionResult.fromFields(host.messages.get(0)),
                ActionResult.fromFields(new ObjectMapper().readValue(lines.get(0), new TypeReference<Map<String, Object>>() {})),
                "track-id and box survive JSON");

        pushRegions(e, CADENCE.clipFrames() + CADENCE.stride(), 2, twoPeople()); // into a new group of each track
        host.messages.clear();
        e.eos();
        assertEquals(2, host.messages.size(), "each live track's partial clip at EOS");

        pushRegions(e, CADENCE.clipFrames() - 1, twoPeople());
        e.flush(); // a seek: every track starts over, nothing of before it is published
        e.eos();
        assertEquals(2, host.messages.size());
        e.stop();
        assertTrue(host.warnings.isEmpty(), host.warnings.toString());
    }

    @Test
    void roiListDropsMalformedRegionsWithAWarningAndKeepsGoodOnes() throws Exception {
        RecordingHost host = new RecordingHost();
        PropertyValues props = props();
        props.set("inference-region", "roi-list");
        InferElement e = started(host, props, tmp.resolve("bad.jsonl"));
        List<Region> regions = List.of(new Region(1, "person", 0, 0, 0, 10, Map.of()),
                new Region(2, "person", 10, 10, -5, 20, Map.of()), new Region(3, "person", 200, 200, 10, 10, Map.of()),
                new Region(4, "person", 20, 10, 40, 50, Map.of()));
        pushRegions(e, CADENCE.clipFrames(), regions);
        e.stop();
        assertEquals(1, host.messages.size(), "the good region's clip");
        assertEquals(4, ActionResult.fromFields(host.messages.get(0)).trackId());
        assertTrue(host.warnings.size() >= 1 && host.warnings.get(0).contains("dropped"), host.warnings.toString());
    }

    /** max-batch reaches the engine: the two tracks of every frame share each graph call. */
    @Test
    void maxBatchRunsTheTracksOfAFrameInSharedCalls() throws Exception {
        RecordingHost host = new RecordingHost();
        PropertyValues props = props();
        props.set("inference-region", "roi-list");
        props.set("max-batch", 2);
        props.set("max-wait", 1000);
        InferElement e = started(host, props, tmp.resolve("batched.jsonl"));
        try (InferenceEngine same = InferSettings.from(props, "").openEngine()) {
            pushRegions(e, CADENCE.clipFrames(), twoPeople());
            BatchCounts counts = same.batchCounts();
            assertTrue(counts.calls() > 0 && counts.rows() == 2 * counts.calls(), counts.toString());
        } finally {
            e.stop();
        }
        assertEquals(2, host.messages.size(), "one clip per track");
    }

    /** static-threshold reaches the stream: on a still scene the gate skips groups, and their energy, unless 0. */
    @Test
    void staticThresholdZeroRunsEveryGroupOfAStillScene() throws Exception {
        double[] energy = new double[2];
        for (int run = 0; run < 2; run++) {
            RecordingHost host = new RecordingHost();
            PropertyValues props = props();
            if (run == 1) {
                props.set("static-threshold", 0.0);
            }
            InferElement e = started(host, props, tmp.resolve("still" + run + ".jsonl"));
            push(e, 0, CADENCE.clipFrames(), 1); // every pixel 128
            e.stop();
            assertEquals(1, host.messages.size());
            energy[run] = ActionResult.fromFields(host.messages.get(0)).energyPj();
        }
        assertTrue(energy[0] < energy[1] / 2, "gated " + energy[0] + " pJ, ungated " + energy[1] + " pJ");
    }

    @Test
    void missingModelFailsStartNamingThePath() {
        PropertyValues props = props();
        props.set("model", tmp.resolve("nowhere").toString());
        InferElement e = new InferElement(new RecordingHost(), props);
        BundleException error = assertThrows(BundleException.class, e::start);
        assertTrue(error.getMessage().contains("nowhere"), error.getMessage());
    }
}
