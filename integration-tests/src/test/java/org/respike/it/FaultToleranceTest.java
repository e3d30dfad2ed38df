package org.respike.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.respike.it.support.Repo;
import org.respike.it.support.Runs;
import org.respike.models.testing.Cadence;
import org.respike.models.testing.TestBundles;
import org.respike.pipelines.catalogue.LaunchTemplate;
import org.respike.pipelines.run.PipelineRun;
import org.respike.plugin.gst.Pipelines;

/**
 * Broken input, odd streams and broken models: each has its outcome asserted (a clear error or a
 * recovery), and nothing hangs, crashes the JVM or disturbs other streams.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class FaultToleranceTest {
    private static final Cadence CADENCE = Cadence.of(TestBundles.hybrid());

    @TempDir
    Path tmp;

    private static String model() {
        return TestBundles.hybrid().toString();
    }

    private static String infer(String extra) {
        return Runs.infer(model(), extra);
    }

    /** The sample video remuxed to MPEG-TS, a format that decodes up to the point where it breaks. */
    private Path sampleTs() {
        Path ts = tmp.resolve("sample.ts");
        Runs.of("filesrc location=" + LaunchTemplate.quote(Repo.sampleVideo().toString())
                + " ! qtdemux ! h264parse ! mpegtsmux ! filesink location=" + LaunchTemplate.quote(ts.toString()))
                .assertEos();
        return ts;
    }

    private static Runs decode(Path file) {
        return Runs.of("filesrc location=" + LaunchTemplate.quote(file.toString())
                + " ! decodebin ! videoconvert ! " + infer("! fakesink sync=false"));
    }

    /** After any fault the process still runs a healthy pipeline with every expected result. */
    private static void healthyPipelineStillWorks() {
        Runs ok = Runs.of("videotestsrc num-buffers=24 ! video/x-raw,width=96,height=72,framerate=8/1 ! "
                + infer("! fakesink sync=false")).assertEos();
        assertEquals(CADENCE.results(24), ok.events().size(), "24 frames: clips end at frames 16, 20 and 24 (s=4)");
    }

    @Test
    void truncatedFileYieldsTheActionsBeforeTheCut() throws Exception {
        Path ts = sampleTs();
        Path cut = tmp.resolve("cut.ts");
        byte[] all = Files.readAllBytes(ts);
        Files.write(cut, java.util.Arrays.copyOf(all, all.length / 3));
        Runs run = decode(cut);
        assertNotEquals(Pipelines.Outcome.TIMEOUT, run.result().outcome());
        assertTrue(run.events().size() > 10, "the first third (~20 s) is classified: " + run.events().size());
        healthyPipelineStillWorks();
    }

    @Test
    void corruptBytesInTheMiddleDoNotStopTheStream() throws Exception {
        Path ts = sampleTs();
        Path bad = tmp.resolve("corrupt.ts");
        byte[] all = Files.readAllBytes(ts);
        Random random = new Random(3);
        for (int i = all.length / 3; i < all.length / 3 + 20_000; i++) {
            all[i] = (byte) random.nextInt(256);
        }
        Files.write(bad, all);
        Runs run = decode(bad);
        assertNotEquals(Pipelines.Outcome.TIMEOUT, run.result().outcome());
        assertTrue(run.events().size() > 50, "the decoder resyncs after the damage: " + run.events().size());
        healthyPipelineStillWorks();
    }

    @Test
    void zeroLengthFileIsAClearError() throws Exception {
        Path empty = Files.createFile(tmp.resolve("empty.mp4"));
        Runs run = decode(empty);
        assertEquals(Pipelines.Outcome.ERROR, run.result().outcome(), run.result().toString());
        assertTrue(run.events().isEmpty());
        healthyPipelineStillWorks();
    }

    @Test
    void resolutionAndFormatChangeMidStream() {
        Runs run = Runs.of("concat name=c ! " + infer("! fakesink sync=false")
                + " videotestsrc num-buffers=24 ! video/x-raw,format=RGB,width=320,height=240,framerate=8/1 ! c."
                + " videotestsrc num-buffers=24 ! video/x-raw,format=BGRx,width=160,height=90,framerate=8/1 ! c.")
                .assertEos();
        assertTrue(run.events().size() >= 4, "results before and after the caps change: " + run.events().size());
    }

    @Test
    void tinyAndFourKFramesAreClassified() {
        for (String size : List.of("width=2,height=2", "width=3840,height=2160")) {
            Runs run = Runs.of("videotestsrc num-buffers=16 ! video/x-raw,format=RGB," + size + ",framerate=8/1 ! "
                    + infer("! fakesink sync=false")).assertEos();
            assertEquals(1, run.events().size(), size);
        }
    }

    @Test
    void frameRatesFarFromTheModelsAreSampledByTime() {
        // 120 fps for 4 s: the model sees 8 fps, so 32 frames (clips at 16, 20, 24, 28, 32 for s=4).
        Runs fast = Runs.of("videotestsrc num-buffers=480 ! video/x-raw,width=64,height=48,framerate=120/1 ! "
                + infer("! fakesink sync=false")).assertEos();
        assertEquals(CADENCE.results(32), fast.events().size());
        // 1 fps for 24 s: every frame is used (the model sees slow motion), 24 frames.
        Runs slow = Runs.of("videotestsrc num-buffers=24 ! video/x-raw,width=64,height=48,framerate=1/1 ! "
                + infer("! fakesink sync=false")).assertEos();
        assertEquals(CADENCE.results(24), slow.events().size());
    }

    @Test
    void endOfStreamInTheMiddleOfAGroup() {
        String source = "videotestsrc num-buffers=" + CADENCE.endingInsideTheLastGroupOfAClip()
                + " ! video/x-raw,width=64,height=48,framerate=8/1 ! ";
        assertEquals(1, Runs.of(source + infer("flush-on-eos=true ! fakesink")).assertEos().events().size(),
                "the whole groups of the unfinished clip are published at EOS");
        assertEquals(0, Runs.of(source + infer("flush-on-eos=false ! fakesink")).assertEos().events().size());
    }

    @Test
    void missingCorruptAndMismatchedBundlesFailToStartWhileAnotherStreamRuns() throws Exception {
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<Runs> healthy = other.submit(() -> Runs.of(
                    "videotestsrc num-buffers=400 ! video/x-raw,width=64,height=48,framerate=8/1 ! "
                            + infer("! fakesink sync=false")));

            Runs missing = Runs.of("videotestsrc num-buffers=8 ! " + Runs.infer(tmp.resolve("nowhere").toString(),
                    "! fakesink"));
            assertEquals(Pipelines.Outcome.BAD_PIPELINE, missing.result().outcome());
            assertTrue(missing.result().message().contains("nowhere"), missing.result().message());

            Path corrupt = copyBundle("corrupt");
            Files.write(corrupt.resolve("snn_step.onnx"), new byte[] {1, 2, 3, 4});
            Runs broken = Runs.of("videotestsrc num-buffers=8 ! " + Runs.infer(corrupt.toString(), "! fakesink"));
            assertEquals(Pipelines.Outcome.BAD_PIPELINE, broken.result().outcome());
            assertTrue(broken.result().message().contains("snn_step.onnx"), broken.result().message());

            Path mismatched = copyBundle("mismatched");
            Path manifest = mismatched.resolve("manifest.json");
            Files.writeString(manifest, Files.readString(manifest).replaceFirst("\"width\": \\d+", "\"width\": 80"));
            Runs wrong = Runs.of("videotestsrc num-buffers=8 ! " + Runs.infer(mismatched.toString(), "! fakesink"));
            assertEquals(Pipelines.Outcome.BAD_PIPELINE, wrong.result().outcome());
            assertTrue(wrong.result().message().contains("manifest.json"), wrong.result().message());

            Runs done = healthy.get(120, TimeUnit.SECONDS).assertEos();
            assertEquals(CADENCE.results(400), done.events().size(),
                    "400 frames: clips at 16, 20, ..., 400 (s=4), none lost");
        } finally {
            other.shutdownNow();
        }
    }

    private Path copyBundle(String name) throws Exception {
        Path dst = tmp.resolve(name);
        try (var files = Files.walk(TestBundles.hybrid())) {
            for (Path src : files.toList()) {
                Path target = dst.resolve(TestBundles.hybrid().relativize(src).toString());
                if (Files.isDirectory(src)) {
                    Files.createDirectories(target);
                } else if (!src.toString().contains("golden")) {
                    Files.copy(src, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return dst;
    }

    @Test
    void unavailableExecutionProvider() {
        Runs cuda = Runs.of("videotestsrc num-buffers=8 ! respikeinfer device=cuda model="
                + LaunchTemplate.quote(model()) + " ! fakesink");
        assertEquals(Pipelines.Outcome.BAD_PIPELINE, cuda.result().outcome());
        assertTrue(cuda.result().message().contains("CUDA"), cuda.result().message());
        Runs auto = Runs.of("videotestsrc num-buffers=16 ! video/x-raw,width=64,height=48,framerate=8/1 ! "
                + "respikeinfer device=auto model=" + LaunchTemplate.quote(model()) + " ! fakesink").assertEos();
        assertEquals(1, auto.events().size(), "auto falls back to the CPU and runs");
    }

    @Test
    void eightStreamsInOneProcessWithOneFailing() throws Exception {
        Path garbage = tmp.resolve("garbage.mp4");
        byte[] noise = new byte[50_000];
        new Random(11).nextBytes(noise);
        Files.write(garbage, noise);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Runs>> runs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String source = i == 5
                        ? "filesrc location=" + LaunchTemplate.quote(garbage.toString()) + " ! decodebin ! videoconvert"
                        : "videotestsrc num-buffers=64 pattern=" + i + " ! video/x-raw,width=96,height=72,framerate=8/1";
                String launch = source + " ! " + infer("stream-id=cam" + i + " ! fakesink sync=false");
                runs.add(pool.submit(() -> Runs.of(launch)));
            }
            for (int i = 0; i < 8; i++) {
                Runs run = runs.get(i).get(150, TimeUnit.SECONDS);
                if (i == 5) {
                    assertEquals(Pipelines.Outcome.ERROR, run.result().outcome(), "the garbage stream fails");
                    continue;
                }
                run.assertEos();
                assertEquals(CADENCE.results(64), run.events().size(),
                        "cam" + i + ": 64 frames give clips at 16, 20, ..., 64 (s=4)");
                String id = "cam" + i;
                assertTrue(run.events().stream().allMatch(e -> e.streamId().equals(id)), id);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
