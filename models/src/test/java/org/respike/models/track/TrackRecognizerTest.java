package org.respike.models.track;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.respike.models.engine.ActionResult;
import org.respike.models.engine.ActionStream;
import org.respike.models.engine.BatchCounts;
import org.respike.models.engine.EngineConfig;
import org.respike.models.engine.InferenceEngine;
import org.respike.models.engine.StreamOptions;
import org.respike.models.frame.Box;
import org.respike.models.frame.Frame;
import org.respike.models.motion.MotionOptions;
import org.respike.models.motion.MotionTracker;
import org.respike.models.motion.SortOptions;
import org.respike.models.testing.ClipFrames;
import org.respike.models.testing.Golden;
import org.respike.models.testing.Parity;
import org.respike.models.testing.Scene;
import org.respike.models.testing.Scene.Blob;
import org.respike.models.testing.TestBundles;

/** Per-track clips on the committed hybrid bundle (s = 4, T = 16, 96x96) over rendered 640x360 frames. */
class TrackRecognizerTest {
    static InferenceEngine engine;

    @BeforeAll
    static void open() {
        engine = InferenceEngine.shared(TestBundles.hybrid(), EngineConfig.cpu());
    }

    @AfterAll
    static void close() {
        if (engine != null) {
            engine.close();
        }
    }

    /**
     * Four golden clips (one each of sit_down, walk, wave, squat_down: the first of its class that PyTorch
     * classifies right, since this test is about the crops, not the model's accuracy) pasted 1:1 into a
     * 640x360 scene, each tracked by a box 2/3 of its side: every track's crop is exactly its clip, so every
     * track must get the logits of its clip pushed alone, and its label. The whole frame shrunk to the
     * model's input (respikebin roi=frame) gets one label for everyone: printed.
     */
    @Test
    void peopleInAWideSceneAreClassifiedAsInTheirOwnClips() throws IOException {
        Golden golden = Golden.load(engine.bundle().dir());
        List<String> labels = engine.bundle().labels();
        List<Golden.Clip> clips = new ArrayList<>();
        for (String label : List.of("sit_down", "walk", "wave", "squat_down")) {
            clips.add(golden.clips().stream().filter(c -> labels.get(c.label()).equals(label)
                    && Parity.argmax(c.logits()) == c.label()).findFirst().orElseThrow());
        }
        int side = (int) clips.get(0).frames().shape()[1];
        int[][] at = {{30, 40}, {200, 220}, {360, 60}, {520, 250}};
        Scene scene = new Scene(640, 360, 4, 15);
        float[][] alone = new float[clips.size()][];
        for (int i = 0; i < clips.size(); i++) {
            try (ActionStream s = engine.openStream("alone")) {
                for (int t = 0; t < 16; t++) {
                    Optional<ActionResult> r = s.push(ClipFrames.frame(clips.get(i).frames(), t, 0));
                    if (r.isPresent()) {
                        alone[i] = r.get().model().logits();
                    }
                }
            }
        }
        List<TrackedRegion> regions = new ArrayList<>();
        for (int i = 0; i < clips.size(); i++) {
            regions.add(new TrackedRegion(i, new Box(at[i][0] + side / 6.0, at[i][1] + side / 6.0, side * 2 / 3.0, side * 2 / 3.0), "person"));
        }
        List<TrackResult> results = new ArrayList<>();
        ActionResult whole = null;
        try (TrackRecognizer rec = new TrackRecognizer(engine, "cam", TrackOptions.defaults(), w -> { });
                ActionStream wholeFrame = engine.openStream("whole")) {
            for (int t = 0; t < 16; t++) {
                Frame frame = scene.render(t);
                for (int i = 0; i < clips.size(); i++) {
                    paste(ClipFrames.frame(clips.get(i).frames(), t, 0), frame, at[i][0], at[i][1]);
                }
                results.addAll(rec.push(frame, regions));
                whole = wholeFrame.push(frame).orElse(whole);
            }
        }
        assertEquals(clips.size(), results.size());
        Set<String> trackLabels = new HashSet<>();
        for (TrackResult r : results) {
            int i = (int) r.result().trackId();
            assertEquals(new CropRect(at[i][0], at[i][1], side, side), r.crop());
            assertArrayEquals(alone[i], r.result().model().logits(), "track " + i);
            assertEquals(clips.get(i).label(), r.result().labelIndex(), "track " + i + " " + clips.get(i).name());
            trackLabels.add(r.result().label());
            System.out.printf("track %d (%s): %s %.3f; whole frame: %s %.3f%n", i, clips.get(i).name(),
                    r.result().label(), r.result().score(), whole.label(), whole.score());
        }
        assertEquals(4, trackLabels.size(), "four people, four actions: " + trackLabels);
    }

    /**
     * The four people of {@link #peopleInAWideSceneAreClassifiedAsInTheirOwnClips}, in step, on an engine that
     * batches four: each graph call carries all four tracks (16 frames: 4 groups x (1 ANN + 3 SNN steps + 1
     * head); 2 more frames and the end of stream: 1 ANN, 1 step and the partial group's head, 23 calls of 4
     * rows), and every track gets the logits it gets on an engine that does not batch, its clip's and at the
     * end its partial clip's. The wait is an hour: given one by one, the first track's call would wait it out
     * for the other three.
     */
    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void theTracksOfAFrameRunAsOneBatchedCallPerGraphWithTheirUnbatchedResults() throws IOException {
        Golden golden = Golden.load(engine.bundle().dir());
        List<Golden.Clip> clips = golden.clips().subList(0, 4);
        int[][] at = {{30, 40}, {200, 220}, {360, 60}, {520, 250}};
        List<TrackedRegion> regions = new ArrayList<>();
        for (int i = 0; i < clips.size(); i++) {
            regions.add(new TrackedRegion(i, new Box(at[i][0] + 16, at[i][1] + 16, 64, 64), "person"));
        }
        TrackOptions ungated = TrackOptions.defaults()
                .withStream(StreamOptions.defaults().withStaticThreshold(0).withCompletePartialGroup(true));
        List<TrackResult> expected = recognise(engine, ungated, clips, at, regions);
        EngineConfig batching = EngineConfig.cpu().withBatching(clips.size(), Duration.ofHours(1));
        try (InferenceEngine batched = InferenceEngine.shared(TestBundles.hybrid(), batching)) {
            List<TrackResult> actual = recognise(batched, ungated, clips, at, regions);
            assertEquals(2 * clips.size(), expected.size());
            assertEquals(expected.size(), actual.size());
            for (int r = 0; r < expected.size(); r++) {
                assertEquals(expected.get(r).result().trackId(), actual.get(r).result().trackId());
                assertArrayEquals(expected.get(r).result().model().logits(), actual.get(r).result().model().logits(),
                        1e-5f, "track " + actual.get(r).result().trackId());
            }
            int stride = engine.bundle().manifest().stride();
            long callsPerTrack = 16 / stride * (1 + (stride - 1) + 1) + 3;
            assertEquals(new BatchCounts(callsPerTrack, callsPerTrack * clips.size()), batched.batchCounts());
        }
    }

    /**
     * 18 frames of the clips (from frame 16 on, their first frames again) pasted at {@code at} into a scene
     * whose noise is the same at every call, then the end of stream.
     */
    static List<TrackResult> recognise(InferenceEngine on, TrackOptions options, List<Golden.Clip> clips, int[][] at,
            List<TrackedRegion> regions) {
        Scene scene = new Scene(640, 360, 4, 15);
        List<TrackResult> results = new ArrayList<>();
        try (TrackRecognizer rec = new TrackRecognizer(on, "cam", options, w -> { })) {
            for (int t = 0; t < 18; t++) {
                Frame frame = scene.render(t);
                for (int i = 0; i < clips.size(); i++) {
                    paste(ClipFrames.frame(clips.get(i).frames(), t % 16, 0), frame, at[i][0], at[i][1]);
                }
                results.addAll(rec.push(frame, regions));
            }
            results.addAll(rec.finish());
        }
        return results;
    }

    /** Copies an RGB frame into the BGRx scene frame at (x, y). */
    static void paste(Frame rgb, Frame scene, int x, int y) {
        for (int r = 0; r < rgb.height(); r++) {
            for (int c = 0; c < rgb.width(); c++) {
                int from = r * rgb.rowStride() + c * 3;
                int to = (y + r) * scene.rowStride() + (x + c) * 4;
                scene.data().put(to + 2, rgb.data().get(from));
                scene.data().put(to + 1, rgb.data().get(from + 1));
                scene.data().put(to, rgb.data().get(from + 2));
            }
        }
    }

    static boolean contains(CropRect c, Box b) {
        return b.x() >= c.x() && b.y() >= c.y() && b.x() + b.width() <= c.x() + c.width()
                && b.y() + b.height() <= c.y() + c.height();
    }

    /**
     * A walker crossing the frame at 9 px per frame (0.9 body heights per second at 8 fps) whose boxes
     * jitter by up to 3 px in position and size, as detector boxes do.
     */
    @Test
    void aWalkerAcrossTheFrameGetsAResultEveryGroupFromACropHeldForEachGroup() {
        Scene scene = new Scene(640, 360, 4, 11);
        Random jitter = new Random(3);
        int frames = 64;
        CropRect[] crops = new CropRect[frames];
        double[] seenX = new double[frames];
        List<Integer> resultFrames = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        try (TrackRecognizer rec = new TrackRecognizer(engine, "cam", TrackOptions.defaults(), warnings::add)) {
            for (int f = 0; f < frames; f++) {
                Blob walker = new Blob(20 + 9 * f, 150, 30, 80, 200, 40, 40);
                Box seen = new Box(walker.x() + j(jitter), walker.y() + j(jitter), walker.width() + j(jitter),
                        walker.height() + j(jitter));
                seenX[f] = seen.centreX();
                List<TrackResult> results = rec.push(scene.render(f, walker),
                        List.of(new TrackedRegion(7, seen, "person")));
                crops[f] = rec.crop(7).orElseThrow();
                assertTrue(contains(crops[f], new Box(walker.x(), walker.y(), walker.width(), walker.height())),
                        "walker outside its crop " + crops[f] + " at frame " + f);
                for (TrackResult r : results) {
                    assertEquals(7, r.result().trackId());
                    assertEquals("person", r.label());
                    assertEquals(crops[f], r.crop());
                    assertEquals("cam#7", r.result().streamId());
                    assertEquals(16, r.result().frames());
                    resultFrames.add(f);
                }
            }
            assertEquals(List.of(), rec.finish(), "every frame was reported already");
            assertEquals(0, rec.liveTracks());
        }
        List<Integer> expected = new ArrayList<>();
        for (int f = 15; f < frames; f += 4) {
            expected.add(f);
        }
        assertEquals(expected, resultFrames, "a result at every group end once 16 frames are in");
        for (int g = 0; g < frames / 4; g++) {
            for (int k = 1; k < 4; k++) {
                assertEquals(crops[4 * g], crops[4 * g + k], "crop changed inside group " + g);
            }
        }
        double cropWobble = 0;
        double boxWobble = 0;
        for (int g = 2; g < frames / 4; g++) {
            CropRect a = crops[4 * (g - 1)];
            CropRect b = crops[4 * g];
            double step = (b.x() + b.width() / 2.0) - (a.x() + a.width() / 2.0);
            // The walker moves 36 px per group.
            if (b.x() + b.width() < 640 && a.x() > 0) {
                cropWobble = Math.max(cropWobble, Math.abs(step - 36));
                boxWobble = Math.max(boxWobble, Math.abs(seenX[4 * g] - seenX[4 * (g - 1)] - 36));
            }
            assertEquals(a.height(), b.height(), 0.03 * a.height(), "crop size from group " + (g - 1) + " to " + g);
        }
        assertTrue(cropWobble <= 4.5 && cropWobble < boxWobble, "the crop's centre wobbles by " + cropWobble
                + " px from group to group, the boxes' by " + boxWobble);
        assertEquals(List.of(), warnings);
    }

    private static double j(Random r) {
        return r.nextInt(7) - 3;
    }

    /** The motion element's chain: rendered frames -> MotionTracker -> TrackRecognizer, for a walker. */
    @Test
    void motionTracksFeedTheRecognizerWithoutStalling() {
        Scene scene = new Scene(640, 360, 5, 16);
        List<Integer> resultFrames = new ArrayList<>();
        Set<Long> ids = new HashSet<>();
        try (MotionTracker motion = new MotionTracker(MotionOptions.defaults(), SortOptions.defaults());
                TrackRecognizer rec = new TrackRecognizer(engine, "cam", TrackOptions.defaults(), w -> { })) {
            for (int f = -8; f < 56; f++) {
                Frame frame = f < 0 ? scene.render(f) : scene.render(f, new Blob(30 + 10 * f, 140, 24, 72, 240, 230, 60));
                for (TrackResult r : rec.push(frame, motion.update(frame))) {
                    resultFrames.add(f);
                    ids.add(r.result().trackId());
                }
            }
        }
        assertEquals(1, ids.size(), "one walker, one track: " + ids);
        // Reported from its min-hits-th frame, so its first clip ends 15 frames later, then one every group.
        List<Integer> expected = new ArrayList<>();
        for (int f = SortOptions.defaults().minHits() - 1 + 15; f < 56; f += 4) {
            expected.add(f);
        }
        assertEquals(expected, resultFrames);
    }

    /** 16 people at a time, three times over, each seen for 10 frames and then never again. */
    @Test
    void tracksThatComeAndGoArePublishedAndFreed() {
        Scene scene = new Scene(640, 360, 4, 12);
        List<String> warnings = new ArrayList<>();
        try (TrackRecognizer rec = new TrackRecognizer(engine, "cam", TrackOptions.defaults(), warnings::add)) {
            long frame = 0;
            for (int round = 0; round < 3; round++) {
                List<TrackedRegion> regions = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    regions.add(new TrackedRegion(100L * round + i, new Box(20 + (i % 8) * 75, 40 + (i / 8) * 150,
                            24, 70), null));
                }
                for (int f = 0; f < 10; f++) {
                    assertEquals(List.of(), rec.push(scene.render(frame++), regions));
                    assertEquals(16, rec.liveTracks());
                }
                Set<Long> published = new HashSet<>();
                for (int f = 1; f <= 16; f++) {
                    List<TrackResult> results = rec.push(scene.render(frame++), List.of());
                    assertEquals(f == 16 ? 16 : 0, results.size(), "results " + f + " frames after the last sighting");
                    for (TrackResult r : results) {
                        assertEquals(8, r.result().frames(), "the two complete groups of the 10 frames");
                        published.add(r.result().trackId());
                    }
                }
                assertEquals(16, published.size());
                assertTrue(published.stream().allMatch(id -> id / 100 == published.iterator().next() / 100));
                assertEquals(0, rec.liveTracks());
            }
            assertEquals(48, rec.counters().finishedTracks());
        }
        assertEquals(List.of(), warnings);
    }

    @Test
    void aShorterMissLimitAndCompletedPartialGroupsPublishEveryFrameSeen() {
        Scene scene = new Scene(320, 240, 4, 17);
        TrackOptions options = TrackOptions.defaults().withMaxMissedFrames(4)
                .withStream(StreamOptions.defaults().withCompletePartialGroup(true));
        try (TrackRecognizer rec = new TrackRecognizer(engine, "cam", options, w -> { })) {
            List<TrackedRegion> person = List.of(new TrackedRegion(5, new Box(100, 60, 30, 90), null));
            for (int f = 0; f < 10; f++) {
                assertEquals(List.of(), rec.push(scene.render(f), person));
            }
            for (int f = 10; f < 13; f++) {
                assertEquals(List.of(), rec.push(scene.render(f), List.of()));
            }
            List<TrackResult> last = rec.push(scene.render(13), List.of());
            assertEquals(1, last.size());
            assertEquals(10, last.get(0).result().frames(), "two groups and the two frames of the third");
            assertEquals(0, rec.liveTracks());
        }
    }

    @Test
    void liveTracksAreCappedWithOneWarning() {
        Scene scene = new Scene(320, 240, 4, 13);
        List<String> warnings = new ArrayList<>();
        try (TrackRecognizer rec = new TrackRecognizer(engine, "cam", TrackOptions.defaults().withMaxTracks(4),
                warnings::add)) {
            List<TrackedRegion> regions = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                regions.add(new TrackedRegion(i, new Box(10 + 50 * i, 60, 20, 60), null));
            }
            for (int f = 0; f < 8; f++) {
                rec.push(scene.render(f), regions);
            }
            assertEquals(4, rec.liveTracks());
            assertEquals(2 * 8, rec.counters().refusedRegions());
        }
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("4 tracks live"), warnings.get(0));
    }

    @Test
    void malformedBoxesAreDroppedOrClippedAndNeverThrow() {
        Scene scene = new Scene(320, 240, 4, 14);
        List<String> warnings = new ArrayList<>();
        List<TrackedRegion> regions = List.of(
                new TrackedRegion(1, new Box(100, 50, 30, 80), "person"),
                new TrackedRegion(1, new Box(10, 10, 30, 80), "person"),
                new TrackedRegion(2, new Box(-20, 150, 40, 120), "person"),
                new TrackedRegion(3, new Box(Double.NaN, 10, 30, 80), null),
                new TrackedRegion(4, new Box(50, 10, -30, 80), null),
                new TrackedRegion(5, new Box(50, 10, 30, 0), null),
                new TrackedRegion(6, new Box(400, 300, 30, 80), null),
                new TrackedRegion(7, new Box(50, 10, Double.POSITIVE_INFINITY, 80), null),
                new TrackedRegion(8, null, null));
        try (TrackRecognizer rec = new TrackRecognizer(engine, "cam", TrackOptions.defaults(), warnings::add)) {
            for (int f = 0; f < 12; f++) {
                Frame frame = scene.render(f);
                rec.push(frame, regions);
                for (long id : new long[] {1, 2}) {
                    assertTrue(rec.crop(id).orElseThrow().fits(320, 240), "crop of track " + id);
                }
            }
            assertEquals(2, rec.liveTracks());
            assertEquals(7 * 12, rec.counters().droppedRegions());
            assertEquals(12, rec.counters().clippedRegions());
        }
        assertEquals(2, warnings.size(), "a warning at the 1st and the 10th: " + warnings);
    }
}
