package org.respike.models.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.respike.models.bundle.Architecture;
import org.respike.models.bundle.Manifest;
import org.respike.models.testing.ClipFrames;
import org.respike.models.testing.ClipOnlyBundle;
import org.respike.models.testing.Golden;
import org.respike.models.testing.TestBundles;

/** Architecture "clip": non-overlapping clips of T frames through clip.onnx. */
class ClipStreamTest {
    static InferenceEngine engine;
    static Manifest m;
    static Golden.Array clip;

    @BeforeAll
    static void open(@TempDir Path tmp) throws IOException {
        Path hybrid = TestBundles.hybrid();
        engine = InferenceEngine.shared(ClipOnlyBundle.derive(hybrid, tmp.resolve("clip")), EngineConfig.cpu());
        m = engine.bundle().manifest();
        clip = Golden.load(hybrid).clips().get(0).frames();
    }

    @AfterAll
    static void close() {
        if (engine != null) {
            engine.close();
        }
    }

    /** Frame {@code i} of the golden clip repeated. */
    private static org.respike.models.frame.Frame frame(int i) {
        int n = ClipFrames.count(clip);
        return ClipFrames.frame(clip, i % n, (long) (i - i % n) * ClipFrames.FRAME_NANOS);
    }

    private static List<Integer> push(ActionStream s, int frames, List<ActionResult> into) {
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < frames; i++) {
            Optional<ActionResult> r = s.push(frame(i));
            if (r.isPresent()) {
                at.add(i + 1);
                into.add(r.get());
            }
        }
        return at;
    }

    @Test
    void oneResultPerClipOfTFrames() {
        assertEquals(Architecture.CLIP, m.architecture());
        int t = m.clipFrames();
        try (ActionStream s = engine.openStream("cam")) {
            List<ActionResult> results = new ArrayList<>();
            assertEquals(List.of(t, 2 * t), push(s, 2 * t + 3, results));
            ActionResult r = results.get(1);
            assertEquals(t, r.frames());
            assertEquals((long) t * ClipFrames.FRAME_NANOS, r.ptsStart());
            assertEquals(0, r.model().layerSpikeRates().length);
            assertEquals(m.ops().clipMacs() * m.energy().pjPerMac(), r.energyPj(), 1e-6);
            assertTrue(r.score() > 0 && r.score() <= 1);
        }
    }

    @Test
    void aClipStrideOfOneGroupGivesAResultEveryGroupOverTheLastTFrames() {
        int t = m.clipFrames();
        int s = m.stride();
        StreamOptions ungated = StreamOptions.defaults().withStaticThreshold(0);
        List<ActionResult> sliding = new ArrayList<>();
        try (ActionStream a = engine.openStream("slide", ungated.withClipStride(s))) {
            List<Integer> expected = new ArrayList<>();
            for (int f = t; f <= 2 * t; f += s) {
                expected.add(f);
            }
            assertEquals(expected, push(a, 2 * t, sliding));
            assertEquals(t, sliding.get(1).frames());
            assertEquals(frame(s).ptsNanos(), sliding.get(1).ptsStart());
            assertFalse(a.finish().isPresent(), "nothing new since the last clip");
        }
        // The second clip is frames s .. t+s-1, exactly as a fresh stream of non-overlapping clips sees them.
        try (ActionStream b = engine.openStream("fresh", ungated)) {
            ActionResult r = null;
            for (int i = s; i < t + s; i++) {
                r = b.push(frame(i)).orElse(r);
            }
            assertEquals(r.scores(), sliding.get(1).scores());
        }
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> engine.openStream("long", ungated.withClipStride(t + 1)));
        assertTrue(e.getMessage().contains("longer than the " + t + "-frame clip"), e.getMessage());
    }

    @Test
    void finishPadsAPartialClipOfAtLeastOneGroup() {
        try (ActionStream s = engine.openStream("cam")) {
            push(s, m.stride() + 1, new ArrayList<>());
            ActionResult r = s.finish().orElseThrow();
            assertEquals(m.stride() + 1, r.frames());
            push(s, m.stride() - 1, new ArrayList<>());
            assertFalse(s.finish().isPresent(), "less than one group is not classified");
        }
    }

    @Test
    void resetDropsBufferedFrames() {
        try (ActionStream s = engine.openStream("cam")) {
            push(s, 5, new ArrayList<>());
            s.reset();
            assertEquals(List.of(m.clipFrames()), push(s, m.clipFrames(), new ArrayList<>()));
        }
    }
}
