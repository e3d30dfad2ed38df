package org.respike.models.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.respike.models.bundle.Manifest;
import org.respike.models.frame.Frame;
import org.respike.models.frame.FramePreprocessor;
import org.respike.models.frame.NativeBuffers;
import org.respike.models.testing.Allocation;
import org.respike.models.testing.ClipFrames;
import org.respike.models.testing.Golden;
import org.respike.models.testing.SyntheticScene;
import org.respike.models.testing.TestBundles;

/**
 * The static-scene gate on both architectures: a still camera with sensor noise at the worst sigma the
 * threshold was calibrated for reuses results after the first group (clip), one label throughout; a small
 * moving object keeps every group running; the gate turned off never skips; and a scene that starts to
 * move inside a lazy group gives exactly the ungated results from then on.
 */
class StaticSceneTest {
    static final double SIGMA = 6; // levels: the noisiest camera the default threshold was calibrated on
    static InferenceEngine hybrid;
    static InferenceEngine clip;
    static Golden.Array background;

    @BeforeAll
    static void open() throws IOException {
        hybrid = InferenceEngine.shared(TestBundles.hybrid(), EngineConfig.cpu());
        clip = InferenceEngine.shared(TestBundles.clip(), EngineConfig.cpu());
        background = Golden.load(TestBundles.hybrid()).clips().get(0).frames();
    }

    @AfterAll
    static void close() {
        hybrid.close();
        clip.close();
    }

    static SyntheticScene still(long seed) {
        return SyntheticScene.still(background, 0, SIGMA, seed);
    }

    record Run(List<ActionResult> results, long skipped) {
    }

    static Run run(InferenceEngine engine, StreamOptions options, Supplier<SyntheticScene> scene, int frames) {
        SyntheticScene s = scene.get();
        Frame f = new Frame();
        List<ActionResult> results = new ArrayList<>();
        try (ActionStream stream = engine.openStream("cam", options)) {
            for (int i = 0; i < frames; i++) {
                stream.push(s.next(f)).ifPresent(results::add);
            }
            return new Run(results, stream.skippedGroups());
        }
    }

    static int groups(InferenceEngine e, int n) {
        return n * e.bundle().manifest().stride();
    }

    @Test
    void hybridStillSceneSkipsAfterTheFirstGroupWithTheSameLabel() {
        int groups = 8;
        Run gated = run(hybrid, StreamOptions.defaults(), () -> still(1), groups(hybrid, groups));
        Run ungated = run(hybrid, StreamOptions.defaults().withStaticThreshold(0), () -> still(1), groups(hybrid, groups));
        assertEquals(groups - 1, gated.skipped());
        assertEquals(ungated.results().size(), gated.results().size());
        Manifest m = hybrid.bundle().manifest();
        for (int i = 0; i < gated.results().size(); i++) {
            ActionResult g = gated.results().get(i);
            // Not the ungated label: ungated, each group sees its own noise as residuals, and the r8 hybrid
            // calls such groups idle or wave by a small margin; gated, the scene has one label throughout.
            assertEquals(gated.results().get(0).label(), g.label(), "result " + i);
            // The first result's window holds the group that ran; later windows only reused groups.
            assertEquals(i == 0 ? m.groupsPerClip() - 1 : m.groupsPerClip(), g.skippedGroups(), "result " + i);
            assertTrue(g.energyPj() < ungated.results().get(i).energyPj());
        }
        assertEquals(0, ungated.skipped());
    }

    @Test
    void clipStillSceneSkipsAfterTheFirstClipWithTheSameLabel() {
        int clips = 3;
        int frames = clips * clip.bundle().manifest().clipFrames();
        Run gated = run(clip, StreamOptions.defaults(), () -> still(2), frames);
        Run ungated = run(clip, StreamOptions.defaults().withStaticThreshold(0), () -> still(2), frames);
        assertEquals(clips - 1, gated.skipped());
        assertEquals(List.of(0, 1, 1), gated.results().stream().map(r -> r.skippedGroups()).toList());
        for (int i = 0; i < clips; i++) {
            assertEquals(ungated.results().get(i).label(), gated.results().get(i).label());
        }
        assertEquals(0, ungated.skipped());
    }

    @Test
    void aSmallMovingObjectNeverSkips() {
        // A 10 x 10 square (1% of the frame) moving 2 px per frame.
        Supplier<SyntheticScene> moving = () -> still(3).withObject(10, 2);
        assertEquals(0, run(hybrid, StreamOptions.defaults(), moving, groups(hybrid, 12)).skipped());
        assertEquals(0, run(clip, StreamOptions.defaults(), moving, 3 * clip.bundle().manifest().clipFrames()).skipped());
    }

    /** The committed bundles' golden clips (real renders, one action each) with the default gate. */
    @Test
    void realClipsKeepTheirLabelsWithTheGateOn() throws IOException {
        for (InferenceEngine e : List.of(hybrid, clip)) {
            Golden golden = Golden.load(e.bundle().dir());
            long skipped = 0;
            int groups = 0;
            List<String> changed = new ArrayList<>();
            int rightGated = 0;
            int rightUngated = 0;
            for (Golden.Clip c : golden.clips()) {
                ActionResult gated = classify(e, c, StreamOptions.defaults());
                ActionResult ungated = classify(e, c, StreamOptions.defaults().withStaticThreshold(0));
                if (!ungated.label().equals(gated.label())) {
                    changed.add(c.name() + ": " + ungated.label() + " -> " + gated.label());
                }
                rightGated += gated.labelIndex() == c.label() ? 1 : 0;
                rightUngated += ungated.labelIndex() == c.label() ? 1 : 0;
                skipped += gated.skippedGroups();
                groups += gated.model().groups();
            }
            System.out.printf("%s golden clips with the default gate: %d of %d groups skipped, %d/%d right "
                    + "(ungated %d), labels changed: %s%n", e.bundle().manifest().name(), skipped, groups,
                    rightGated, golden.clips().size(), rightUngated, changed);
            // An idle person sways by less than the threshold: the gate may settle an idle-or-wave call, but
            // it must not cost accuracy or change more than one clip in sixteen.
            assertTrue(changed.size() <= golden.clips().size() / 16, "labels changed by the gate: " + changed);
            assertTrue(rightGated >= rightUngated, rightGated + " right with the gate, " + rightUngated + " without");
        }
    }

    static ActionResult classify(InferenceEngine e, Golden.Clip c, StreamOptions options) {
        try (ActionStream s = e.openStream(c.name(), options)) {
            ActionResult last = null;
            for (int t = 0; t < ClipFrames.count(c.frames()); t++) {
                last = s.push(ClipFrames.frame(c.frames(), t, 0)).orElse(last);
            }
            return last;
        }
    }

    @Test
    void gateOffNeverSkips() {
        StreamOptions off = StreamOptions.defaults().withStaticThreshold(0);
        assertEquals(0, run(hybrid, off, () -> still(4), groups(hybrid, 8)).skipped());
        assertEquals(0, run(clip, off, () -> still(4), 3 * clip.bundle().manifest().clipFrames()).skipped());
    }

    /**
     * Two still groups, then the object enters at the second residual of group 3: the lazy group catches
     * up (ANN, the waiting step, then the moving one) and its logits equal the ungated run's exactly.
     */
    @Test
    void sceneThatStartsMovingInALazyGroupGivesTheUngatedResults() {
        int s = hybrid.bundle().manifest().stride();
        int startsMoving = 2 * s + 2;
        Supplier<SyntheticScene> scene = () -> still(5).withObject(12, 3, startsMoving);
        StreamOptions perGroup = StreamOptions.defaults().withWindow(1);
        Run gated = run(hybrid, perGroup, scene, 5 * s);
        Run ungated = run(hybrid, perGroup.withStaticThreshold(0), scene, 5 * s);
        assertEquals(1, gated.skipped(), "group 2 only");
        assertEquals(1, gated.results().get(1).skippedGroups());
        for (int g : new int[] {0, 2, 3, 4}) {
            assertEquals(0, gated.results().get(g).skippedGroups());
            assertArrayEquals(ungated.results().get(g).model().logits(), gated.results().get(g).model().logits(), "group " + g);
        }
    }

    /** Lazy groups keep the hot path allocation-free: only results allocate. */
    @Test
    void stillSceneAllocatesUnderOneKibPerFrame() {
        Frame[] frames = still(8).frames(32);
        try (ActionStream s = hybrid.openStream("alloc")) {
            long perFrame = Allocation.bytesPerFrame(s, frames, 40 * hybrid.bundle().manifest().clipFrames());
            System.out.printf("still scene, gate on: %d B per frame, results included (%d groups skipped)%n", perFrame,
                    s.skippedGroups());
            assertTrue(s.skippedGroups() > 0);
            assertTrue(perFrame < 1024, "allocates " + perFrame + " B/frame");
        }
    }

    @Test
    void resetForgetsTheReference() {
        int s = hybrid.bundle().manifest().stride();
        SyntheticScene scene = still(6);
        Frame f = new Frame();
        try (ActionStream stream = hybrid.openStream("cam")) {
            for (int i = 0; i < 2 * s; i++) {
                stream.push(scene.next(f));
            }
            assertEquals(1, stream.skippedGroups());
            stream.reset();
            for (int i = 0; i < s; i++) {
                stream.push(scene.next(f));
            }
            assertEquals(1, stream.skippedGroups(), "the first group after a seek runs");
        }
    }

    @Test
    void distanceIsTheLargestCellMeanDifferenceInLevels() {
        Manifest.InputSpec input = hybrid.bundle().manifest().input();
        StaticSceneGate gate = new StaticSceneGate(input, StreamOptions.DEFAULT_STATIC_THRESHOLD);
        FramePreprocessor pre = new FramePreprocessor(input);
        int n = pre.frameElements();
        java.nio.FloatBuffer a = NativeBuffers.floats(n);
        java.nio.FloatBuffer b = NativeBuffers.floats(n);
        Frame f = new Frame();
        SyntheticScene noiseless = SyntheticScene.still(background, 0, 0, 7);
        pre.normalise(noiseless.next(f), a, 0);
        pre.normalise(noiseless.next(f), b, 0);
        assertEquals(0f, gate.distance(a, 0, b, 0));
        // 20 levels more in one 8 x 8 cell of the green plane.
        int w = input.width();
        float delta = 20f / (input.std()[1] * input.scale());
        for (int y = 16; y < 24; y++) {
            for (int x = 40; x < 48; x++) {
                int i = input.width() * input.height() + y * w + x;
                b.put(i, b.get(i) + delta);
            }
        }
        assertEquals(20f, gate.distance(b, 0, a, 0), 1e-3f);
        assertFalse(gate.same(b, 0, a, 0));
        assertTrue(gate.same(a, 0, a, 0));
        assertNotEquals(0f, gate.distance(b, 0, a, 0));
        assertFalse(new StaticSceneGate(input, 0).same(a, 0, a, 0), "a gate that is off matches nothing");
    }
}
