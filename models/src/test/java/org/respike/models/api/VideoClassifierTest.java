package org.respike.models.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.inject.Guice;
import com.google.inject.Injector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.respike.models.engine.ActionResult;
import org.respike.models.engine.EngineConfig;
import org.respike.models.engine.InferenceEngine;
import org.respike.models.testing.Cadence;
import org.respike.models.testing.TestBundles;

/** The embedding API on a real H.264 MP4 encoded by GStreamer for the test: 4 s at 24 fps, 320x240. */
class VideoClassifierTest {
    static Path mp4;
    static Path bundle;

    @BeforeAll
    static void encode(@TempDir Path tmp) throws Exception {
        bundle = TestBundles.hybrid();
        mp4 = encode(tmp.resolve("testsrc.mp4"), 320, 240);
    }

    private static Path encode(Path mp4, int width, int height) throws Exception {
        Process p = new ProcessBuilder("gst-launch-1.0", "-q", "videotestsrc", "num-buffers=96", "pattern=ball", "!",
                "video/x-raw,width=" + width + ",height=" + height + ",framerate=24/1", "!", "x264enc", "!", "mp4mux",
                "!", "filesink", "location=" + mp4).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assumeTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0 && Files.size(mp4) > 0,
                "gst-launch-1.0 with x264enc could not encode the test video: " + out);
        return mp4;
    }

    @Test
    void classifiesAFileAtTheModelFrameRate() throws Exception {
        List<ActionResult> results = new ArrayList<>();
        try (InferenceEngine engine = InferenceEngine.shared(bundle, EngineConfig.cpu())) {
            long used = new VideoClassifier(engine).classify(mp4, results::add);
            // 4 s at the model's 8 fps.
            assertEquals(32, used, 1);
            int t = engine.bundle().manifest().clipFrames();
            int s = engine.bundle().manifest().stride();
            assertEquals((32 - t) / s + 1, results.size(), 1);
            ActionResult first = results.get(0);
            assertEquals("testsrc.mp4", first.streamId());
            assertEquals(t, first.frames());
            assertTrue(first.ptsEnd() - first.ptsStart() >= 1_900_000_000L,
                    "16 frames at 8 fps span 2 s of video");
            assertTrue(engine.bundle().labels().contains(first.label()));
        }
    }

    @Test
    void readsFramesWhoseRowsFFmpegPads(@TempDir Path tmp) throws Exception {
        // 96 BGR pixels are 288 bytes, which FFmpeg pads to 384: JavaCV then reports 4 channels.
        Path narrow = encode(tmp.resolve("narrow.mp4"), 96, 72);
        List<ActionResult> results = new ArrayList<>();
        try (InferenceEngine engine = InferenceEngine.shared(bundle, EngineConfig.cpu())) {
            assertEquals(32, new VideoClassifier(engine).classify(narrow, results::add), 1);
        }
        assertEquals(Cadence.of(bundle).results(32), results.size(), 1);
    }

    @Test
    void guiceModuleWiresTheClassifierToTheSink() throws Exception {
        List<ActionResult> results = new ArrayList<>();
        Injector injector = Guice.createInjector(new RespikeModule(bundle, EngineConfig.cpu(), results::add));
        try (InferenceEngine engine = injector.getInstance(InferenceEngine.class)) {
            assertEquals(engine.bundle(), injector.getInstance(InferenceEngine.class).bundle());
            injector.getInstance(VideoClassifier.class).classify(mp4.toUri(), injector.getInstance(ResultSink.class));
        }
        assertEquals(Cadence.of(bundle).results(32), results.size(), 1, "4 s of video at the model's 8 fps");
    }
}
