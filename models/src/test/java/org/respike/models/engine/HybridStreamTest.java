package org.respike.models.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import com.sun.management.ThreadMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.respike.models.bundle.Manifest;
import org.respike.models.bundle.TensorSpec;
import org.respike.models.frame.Frame;
import org.respike.models.frame.PixelFormat;
import org.respike.models.testing.ClipFrames;
import org.respike.models.testing.Golden;
import org.respike.models.testing.TestBundles;

/** Result cadence, end of stream, reset, results' fields, concurrency and allocation of the hybrid stream. */
class HybridStreamTest {
    static InferenceEngine engine;
    static Manifest m;
    static Golden.Array clipA;
    static Golden.Array clipB;

    @BeforeAll
    static void open() throws IOException {
        engine = InferenceEngine.shared(TestBundles.hybrid(), EngineConfig.cpu());
        m = engine.bundle().manifest();
        Golden g = Golden.load(engine.bundle().dir());
        clipA = g.clips().get(0).frames();
        clipB = g.clips().get(g.clips().size() - 1).frames();
    }

    @AfterAll
    static void close() {
        if (engine != null) {
            engine.close();
        }
    }

    /** Frame i of the concatenation A, B, A, B ... (pts continue across clips). */
    static Frame frame(int i) {
        int n = ClipFrames.count(clipA);
        Golden.Array c = (i / n) % 2 == 0 ? clipA : clipB;
        return ClipFrames.frame(c, i % n, (long) (i - i % n) * ClipFrames.FRAME_NANOS);
    }

    static List<Integer> resultFrames(ActionStream s, int frames, List<ActionResult> into) {
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
    void firstResultAfterOneClipThenEveryGroup() {
        int t = m.clipFrames();
        int s = m.stride();
        try (ActionStream stream = engine.openStream("cam")) {
            List<ActionResult> results = new ArrayList<>();
            List<Integer> at = resultFrames(stream, 2 * t, results);
            List<Integer> expected = new ArrayList<>();
            for (int f = t; f <= 2 * t; f += s) {
                expected.add(f);
            }
            assertEquals(expected, at);
            ActionResult last = results.get(results.size() - 1);
            assertEquals("cam", last.streamId());
            assertEquals(t, last.frames());
            assertEquals(m.groupsPerClip(), last.model().groups());
            assertEquals((long) t * ClipFrames.FRAME_NANOS, last.ptsStart());
            assertEquals(2L * t * ClipFrames.FRAME_NANOS, last.ptsEnd());
            assertEquals(m.labels(), List.copyOf(last.scores().keySet()));
            assertEquals(m.labels().get(last.labelIndex()), last.label());
            assertEquals(m.lifLayers().size(), last.model().layerSpikeRates().length);
            assertTrue(last.latencyUs() > 0 && last.latencyUs() < 5_000_000L);
        }
    }

    @Test
    void graphTimesCountEveryCallOfEachGraph() {
        int t = m.clipFrames();
        int s = m.stride();
        Map<String, GraphTime> before = engine.graphTimes();
        List<ActionResult> results = new ArrayList<>();
        try (ActionStream stream = engine.openStream("timed", StreamOptions.defaults().withStaticThreshold(0))) {
            resultFrames(stream, 2 * t, results);
        }
        Map<String, GraphTime> after = engine.graphTimes();
        int groups = 2 * t / s;
        assertEquals(groups, after.get(Manifest.ANN).since(before.get(Manifest.ANN)).calls());
        assertEquals(groups * (s - 1), after.get(Manifest.SNN_STEP).since(before.get(Manifest.SNN_STEP)).calls());
        GraphTime head = after.get(Manifest.HEAD).since(before.get(Manifest.HEAD));
        assertTrue(head.calls() >= results.size() && head.calls() <= groups, head + " for " + results.size());
        assertTrue(after.values().stream().allMatch(g -> g.nanos() > 0), after.toString());
    }

    @Test
    void energyFollowsTheFormulaFromTheMeasuredSpikes() {
        try (ActionStream stream = engine.openStream("cam")) {
            List<ActionResult> results = new ArrayList<>();
            resultFrames(stream, m.clipFrames(), results);
            ActionResult r = results.get(0);
            int groups = m.groupsPerClip();
            int steps = groups * m.stepsPerGroup();
            double pjMac = m.energy().pjPerMac();
            double expected = groups * (m.ops().annMacs() + m.ops().headMacs()) * pjMac
                    + steps * m.ops().snnStepMacs() * pjMac;
            for (Manifest.SynapticOp op : m.ops().snnStepSynaptic()) {
                // rate is per step, so the clip's accumulates are rate x steps x dense ops.
                expected += r.model().layerSpikeRates()[op.lif()] * steps * op.denseOps() * m.energy().pjPerAc();
            }
            assertEquals(expected, r.energyPj(), expected * 1e-5);
            double mean = r.spikeRate();
            assertTrue(mean >= 0 && mean <= 1, "spike rate " + mean);
        }
    }

    @Test
    void windowOfOneGroupGivesAResultPerGroup() {
        try (ActionStream stream = engine.openStream("cam", StreamOptions.defaults().withWindow(1))) {
            List<ActionResult> results = new ArrayList<>();
            int s = m.stride();
            assertEquals(List.of(s, 2 * s, 3 * s), resultFrames(stream, 3 * s, results));
            assertEquals(m.stride(), results.get(0).frames());
        }
    }

    @Test
    void finishReportsAShortWindowOfCompleteGroups() {
        // Every group of the first clip but the last, and two frames of that one.
        int whole = m.clipFrames() - m.stride();
        try (ActionStream stream = engine.openStream("cam")) {
            List<ActionResult> none = new ArrayList<>();
            resultFrames(stream, whole + 2, none);
            assertTrue(none.isEmpty());
            ActionResult r = stream.finish().orElseThrow();
            assertEquals(whole, r.frames());
            assertEquals(m.groupsPerClip() - 1, r.model().groups());
            assertFalse(stream.finish().isPresent(), "finish resets: nothing left to report");
        }
    }

    @Test
    void finishCanCompleteAPartialGroupFromItsSteps() {
        int frames = m.clipFrames() - m.stride() + 2;
        try (ActionStream stream = engine.openStream("cam", StreamOptions.defaults().withCompletePartialGroup(true))) {
            resultFrames(stream, frames, new ArrayList<>());
            ActionResult r = stream.finish().orElseThrow();
            assertEquals(frames, r.frames());
            assertEquals(m.groupsPerClip(), r.model().groups());
        }
    }

    @Test
    void finishAfterAReportedClipHasNothingNew() {
        try (ActionStream stream = engine.openStream("cam")) {
            resultFrames(stream, m.clipFrames() + 1, new ArrayList<>());
            assertFalse(stream.finish().isPresent());
        }
    }

    @Test
    void resetStartsOverAsAFreshStream() {
        try (ActionStream fresh = engine.openStream("a"); ActionStream seeked = engine.openStream("b")) {
            List<ActionResult> expected = new ArrayList<>();
            resultFrames(fresh, m.clipFrames(), expected);
            resultFrames(seeked, m.clipFrames() + 3, new ArrayList<>());
            seeked.reset();
            List<ActionResult> actual = new ArrayList<>();
            assertEquals(List.of(m.clipFrames()), resultFrames(seeked, m.clipFrames(), actual));
            assertArrayEquals(expected.get(0).model().logits(), actual.get(0).model().logits());
        }
    }

    @Test
    void streamsOnManyThreadsGiveTheSingleThreadedResults() throws Exception {
        List<ActionResult> reference = new ArrayList<>();
        try (ActionStream s = engine.openStream("ref")) {
            resultFrames(s, 2 * m.clipFrames(), reference);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<ActionResult>>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String id = "cam" + i;
                runs.add(pool.submit(() -> {
                    List<ActionResult> out = new ArrayList<>();
                    try (ActionStream s = engine.openStream(id)) {
                        resultFrames(s, 2 * m.clipFrames(), out);
                    }
                    return out;
                }));
            }
            for (Future<List<ActionResult>> f : runs) {
                List<ActionResult> out = f.get();
                assertEquals(reference.size(), out.size());
                for (int i = 0; i < out.size(); i++) {
                    assertArrayEquals(reference.get(i).model().logits(), out.get(i).model().logits());
                }
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void framesOfAnySizeAndFormatAreAccepted() {
        int w = 160;
        int h = 90;
        int stride = w * 4 + 64;
        ByteBuffer pixels = ByteBuffer.allocateDirect(stride * h);
        Frame f = new Frame();
        try (ActionStream stream = engine.openStream("hd")) {
            Optional<ActionResult> r = Optional.empty();
            for (int i = 0; i < m.clipFrames(); i++) {
                pixels.put(i * 7 % pixels.capacity(), (byte) 200);
                r = stream.push(f.set(pixels, w, h, stride, PixelFormat.BGRx, i * 1000L, 1000L));
            }
            assertTrue(r.isPresent());
        }
    }

    @Test
    void closedStreamRefusesFrames() {
        ActionStream s = engine.openStream("x");
        s.close();
        s.close();
        assertThrows(IllegalStateException.class, () -> s.push(frame(0)));
    }

    /**
     * ONNX Runtime 1.26's Java run() allocates its own bookkeeping on every call (name and handle arrays,
     * the Result's map), about 1 KB for a graph with many outputs, whatever the tensor sizes. The stream
     * must add nothing to that between results: a frame without a result may allocate no more than one
     * bare snn_step run with preallocated inputs and pinned outputs.
     */
    @Test
    void steadyStateAllocatesNothingBeyondOnnxRuntimesRunBookkeeping() throws Exception {
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long bareRun = bareStepRunAllocation(threads);
        int n = ClipFrames.count(clipA);
        int w = (int) clipA.shape()[2];
        int h = (int) clipA.shape()[1];
        int size = w * h * 3;
        ByteBuffer[] slices = new ByteBuffer[n];
        for (int t = 0; t < n; t++) {
            slices[t] = clipA.bytes().duplicate().position(t * size).limit((t + 1) * size).slice();
        }
        Frame f = new Frame();
        try (ActionStream stream = engine.openStream("alloc")) {
            long quiet = 0;
            long withResult = 0;
            int quietFrames = 0;
            int resultFrames = 0;
            for (int i = 0; i < 40 * n; i++) {
                long before = threads.getCurrentThreadAllocatedBytes();
                boolean result = stream.push(f.set(slices[i % n], w, h, w * 3, PixelFormat.RGB, i, 1)).isPresent();
                long bytes = threads.getCurrentThreadAllocatedBytes() - before;
                if (i >= 20 * n) { // after JIT warm-up
                    if (result) {
                        withResult += bytes;
                        resultFrames++;
                    } else {
                        quiet += bytes;
                        quietFrames++;
                    }
                }
            }
            System.out.printf("allocation per frame: %d B without a result, %d B with one (bare snn_step run: %d B)%n",
                    quiet / quietFrames, withResult / resultFrames, bareRun);
            assertTrue(quiet / quietFrames <= bareRun + 64,
                    "stream allocates " + quiet / quietFrames + " B/frame, ONNX Runtime's run alone " + bareRun);
            long perFrame = (quiet + withResult) / (quietFrames + resultFrames);
            assertTrue(perFrame < 1024, "steady state allocates " + perFrame + " B/frame on average, results included");
        }
    }

    private static long bareStepRunAllocation(ThreadMXBean threads) throws Exception {
        SharedSessions shared = SharedSessions.acquire(engine.bundle().dir(), EngineConfig.cpu());
        try (StreamTensors tensors = new StreamTensors(OrtEnvironment.getEnvironment())) {
            Manifest.GraphSpec spec = m.graph(Manifest.SNN_STEP);
            Map<String, OnnxTensor> in = new HashMap<>();
            for (TensorSpec t : spec.inputs()) {
                in.put(t.name(), tensors.create(t).tensor());
            }
            Map<String, OnnxTensor> out = tensors.pinAll(spec.outputs(), Map.of());
            Graph step = shared.graph(Manifest.SNN_STEP);
            long bytes = 0;
            for (int i = 0; i < 400; i++) {
                long before = threads.getCurrentThreadAllocatedBytes();
                step.run(in, out);
                if (i >= 200) {
                    bytes += threads.getCurrentThreadAllocatedBytes() - before;
                }
            }
            return bytes / 200;
        } finally {
            shared.release();
        }
    }
}
