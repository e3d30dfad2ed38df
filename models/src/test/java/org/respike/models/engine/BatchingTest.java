package org.respike.models.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.respike.models.frame.Frame;
import org.respike.models.testing.Allocation;
import org.respike.models.testing.ClipFrames;
import org.respike.models.testing.Golden;
import org.respike.models.testing.TestBundles;

/**
 * Streams batched through one engine, each pushing from its own thread, against the same streams pushed
 * one by one on an engine that does not batch, on the committed hybrid and baseline bundles. Every stream
 * sees other clips, so a row copied to the wrong stream changes its results; streams out of phase put key
 * frames, residual steps and heads of different streams in flight at once.
 */
class BatchingTest {
    static final int STREAMS = 4;
    static final int CLIPS_PER_STREAM = 3;
    static final float SCORE_TOLERANCE = 1e-5f;
    static Golden golden;

    @BeforeAll
    static void load() throws IOException {
        golden = Golden.load(TestBundles.hybrid());
    }

    /** Frame k of stream i: golden clips i, i+1, ... back to back, minus the first i frames. */
    static Frame frame(int stream, int k) {
        int n = ClipFrames.count(golden.clips().get(0).frames());
        int at = k + stream;
        Golden.Array clip = golden.clips().get((stream + at / n) % golden.clips().size()).frames();
        return ClipFrames.frame(clip, at % n, (long) (at - at % n) * ClipFrames.FRAME_NANOS);
    }

    static int framesPerStream() {
        return CLIPS_PER_STREAM * ClipFrames.count(golden.clips().get(0).frames()) - STREAMS;
    }

    static List<ActionResult> push(InferenceEngine engine, int stream, StreamOptions options) {
        List<ActionResult> out = new ArrayList<>();
        try (ActionStream s = engine.openStream("cam" + stream, options)) {
            push(s, stream, 0, framesPerStream(), out);
            s.finish().ifPresent(out::add);
        }
        return out;
    }

    static void push(ActionStream s, int stream, int from, int to, List<ActionResult> out) {
        for (int k = from; k < to; k++) {
            s.push(frame(stream, k)).ifPresent(out::add);
        }
    }

    static List<List<ActionResult>> oneByOne(Path bundle, StreamOptions options) {
        List<List<ActionResult>> all = new ArrayList<>();
        try (InferenceEngine engine = InferenceEngine.shared(bundle, EngineConfig.cpu())) {
            for (int i = 0; i < STREAMS; i++) {
                all.add(push(engine, i, options));
            }
        }
        return all;
    }

    static List<List<ActionResult>> batched(InferenceEngine engine, StreamOptions options) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(STREAMS);
        try {
            List<Future<List<ActionResult>>> runs = new ArrayList<>();
            for (int i = 0; i < STREAMS; i++) {
                int stream = i;
                runs.add(pool.submit(() -> push(engine, stream, options)));
            }
            List<List<ActionResult>> all = new ArrayList<>();
            for (Future<List<ActionResult>> f : runs) {
                all.add(f.get());
            }
            return all;
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void streamsOutOfPhaseGiveTheResultsOfStreamsRunOneByOne() throws Exception {
        StreamOptions options = StreamOptions.defaults().withStaticThreshold(0);
        List<List<ActionResult>> expected = oneByOne(TestBundles.hybrid(), options);
        EngineConfig config = EngineConfig.cpu().withBatching(STREAMS, Duration.ofMillis(20));
        List<ActionStream> streams = new ArrayList<>();
        List<List<ActionResult>> actual = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(STREAMS);
        try (InferenceEngine engine = InferenceEngine.shared(TestBundles.hybrid(), config)) {
            for (int i = 0; i < STREAMS; i++) {
                streams.add(engine.openStream("cam" + i, options));
                actual.add(new ArrayList<>());
                // Stream i runs i frames ahead: its groups start at another frame than the others'.
                push(streams.get(i), i, 0, i, actual.get(i));
            }
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < STREAMS; i++) {
                int stream = i;
                runs.add(pool.submit(() -> {
                    push(streams.get(stream), stream, stream, framesPerStream(), actual.get(stream));
                    streams.get(stream).finish().ifPresent(actual.get(stream)::add);
                }));
            }
            for (Future<?> f : runs) {
                f.get();
            }
            System.out.printf("out of phase: mean batch %.2f%n", engine.batchCounts().meanBatch());
            assertSameResults(expected, actual);
        } finally {
            pool.shutdown();
            streams.forEach(ActionStream::close);
        }
    }

    static EngineConfig batchedConfig() {
        // A long wait: the streams are all in flight, so batches must start without it.
        return EngineConfig.cpu().withBatching(STREAMS, Duration.ofSeconds(2));
    }

    /** Same labels and scores within the tolerance; a spike flipped at the threshold may move one result more. */
    static void assertSameResults(List<List<ActionResult>> expected, List<List<ActionResult>> actual) {
        int results = 0;
        int beyond = 0;
        float worst = 0;
        for (int i = 0; i < STREAMS; i++) {
            assertEquals(expected.get(i).size(), actual.get(i).size(), "results of stream " + i);
            for (int r = 0; r < expected.get(i).size(); r++) {
                ActionResult e = expected.get(i).get(r);
                ActionResult a = actual.get(i).get(r);
                assertEquals(e.label(), a.label(), "stream " + i + " result " + r);
                assertEquals(e.ptsStart(), a.ptsStart());
                float d = maxDifference(e.scores(), a.scores());
                worst = Math.max(worst, d);
                beyond += d > SCORE_TOLERANCE ? 1 : 0;
                results++;
            }
        }
        System.out.printf("batched vs one by one: %d results, %d beyond %.0e, largest score difference %.2e%n",
                results, beyond, SCORE_TOLERANCE, worst);
        assertTrue(beyond <= results / 100, beyond + " of " + results + " results differ by more than " + SCORE_TOLERANCE);
    }

    static float maxDifference(Map<String, Double> a, Map<String, Double> b) {
        float d = 0;
        for (String k : a.keySet()) {
            d = Math.max(d, Math.abs(a.get(k).floatValue() - b.get(k).floatValue()));
        }
        return d;
    }

    @Test
    void batchedHybridStreamsGiveTheResultsOfStreamsRunOneByOne() throws Exception {
        assertBatchedGivesTheResultsOneByOne(TestBundles.hybrid());
    }

    @Test
    void batchedClipStreamsGiveTheResultsOfStreamsRunOneByOne() throws Exception {
        assertBatchedGivesTheResultsOneByOne(TestBundles.clip());
    }

    static void assertBatchedGivesTheResultsOneByOne(Path bundle) throws Exception {
        StreamOptions options = StreamOptions.defaults().withStaticThreshold(0);
        List<List<ActionResult>> expected = oneByOne(bundle, options);
        try (InferenceEngine engine = InferenceEngine.shared(bundle, batchedConfig())) {
            List<List<ActionResult>> actual = batched(engine, options);
            assertSameResults(expected, actual);
            BatchCounts counts = engine.batchCounts();
            System.out.printf("%s: %d batched calls, mean batch %.2f%n", engine.bundle().manifest().name(),
                    counts.calls(), counts.meanBatch());
            assertTrue(counts.meanBatch() > 1.5, "streams in flight together share calls: " + counts);
        }
    }

    @Test
    void aLoneStreamOnABatchingEngineDoesNotWaitForOthers() {
        // With a one-hour wait, a lone stream that waited for a full batch would hang the test.
        EngineConfig config = EngineConfig.cpu().withBatching(8, Duration.ofHours(1));
        try (InferenceEngine engine = InferenceEngine.shared(TestBundles.hybrid(), config)) {
            List<ActionResult> results = push(engine, 0, StreamOptions.defaults());
            assertTrue(results.size() > 1);
            assertEquals(engine.batchCounts().calls(), engine.batchCounts().rows());
        }
    }

    @Test
    void batchedSteadyStateAllocatesUnderOneKibPerFrame() {
        EngineConfig config = EngineConfig.cpu().withBatching(4, Duration.ofMillis(20));
        try (InferenceEngine engine = InferenceEngine.shared(TestBundles.hybrid(), config);
                ActionStream s = engine.openStream("alloc")) {
            int n = engine.bundle().manifest().clipFrames();
            Frame[] clip = new Frame[n];
            for (int t = 0; t < n; t++) {
                clip[t] = ClipFrames.frame(golden.clips().get(0).frames(), t, 0);
            }
            long perFrame = Allocation.bytesPerFrame(s, clip, 40 * n);
            System.out.printf("batched path: %d B per frame, results included%n", perFrame);
            assertTrue(perFrame < 1024, "batched steady state allocates " + perFrame + " B/frame");
        }
    }

    @Test
    void rowsKeepTheirOrderWhateverTheBatchSize() {
        float[] previous = null;
        for (int batch : new int[] {2, 3}) {
            EngineConfig config = EngineConfig.cpu().withBatching(batch, Duration.ofMillis(5));
            try (InferenceEngine engine = InferenceEngine.shared(TestBundles.hybrid(), config)) {
                List<ActionResult> r = push(engine, 1, StreamOptions.defaults().withStaticThreshold(0));
                float[] logits = r.get(0).model().logits();
                if (previous != null) {
                    assertArrayEquals(previous, logits, SCORE_TOLERANCE);
                }
                previous = logits;
            }
        }
    }
}
