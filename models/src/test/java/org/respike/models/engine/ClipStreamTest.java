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

    private static List<Integer> push(ActionStream s, int frames, List<ActionResult> into) {
        List<Integer> at = new ArrayList<>();
        int n = ClipFrames.count(clip);
        for (int i = 0; i < frames; i++) {
            Optional<ActionResult> r = s.push(ClipFrames.frame(clip, i % n, (long) (i - i % n) * ClipFrames.FRAME_NANOS));
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
