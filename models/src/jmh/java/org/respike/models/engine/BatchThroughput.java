package org.respike.models.engine;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;
import org.respike.models.bundle.Manifest;
import org.respike.models.frame.Frame;
import org.respike.models.testing.ClipFrames;
import org.respike.models.testing.Golden;
import org.respike.models.testing.SyntheticScene;

/**
 * Engine-alone throughput of N streams, each pushing from its own thread as fast as it can (a GStreamer
 * streaming thread per camera), batched or not: model frames/s, CPU time per frame (the whole process:
 * pushing threads and ONNX Runtime) and achieved GFLOP/s, per wall second and per CPU second (the bench's
 * convention: clip_macs / clip_frames dense MACs per frame, 2 FLOP per MAC). On a shared machine the CPU
 * columns move far less than the wall ones. One line per configuration, as a Markdown table row.
 *
 * <pre>
 * java -cp ... org.respike.models.engine.BatchThroughput BUNDLE SCENE SECONDS CONFIG...
 *   SCENE: golden (each stream its own real clips) or still (a still camera, sigma 6 noise)
 *   CONFIG: streams:maxBatch:intraOpThreads:spin:gate, e.g. 4:4:1:0:0 (gate 1 = default threshold)
 * </pre>
 */
public final class BatchThroughput {
    private BatchThroughput() {}

    public static void main(String[] args) throws Exception {
        Path bundle = Path.of(args[0]);
        String scene = args[1];
        double seconds = Double.parseDouble(args[2]);
        System.out.println("| streams | max batch | intra-op threads | spinning | gate | frames/s | CPU ms/frame"
                + " | GFLOP/s | GFLOP per CPU-s | mean batch | skipped groups |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        for (int i = 3; i < args.length; i++) {
            String[] c = args[i].split(":");
            run(bundle, scene, seconds, Integer.parseInt(c[0]), Integer.parseInt(c[1]), Integer.parseInt(c[2]),
                    c[3].equals("1"), c[4].equals("1"));
        }
    }

    /** A stream's frames, made before the clock starts: its golden clip, or 32 frames of a still camera. */
    static Frame[] frames(Golden golden, String scene, int stream) {
        if (scene.equals("golden")) {
            Golden.Array clip = golden.clips().get(stream % golden.clips().size()).frames();
            Frame[] f = new Frame[ClipFrames.count(clip)];
            for (int t = 0; t < f.length; t++) {
                f[t] = ClipFrames.frame(clip, t, 0);
            }
            return f;
        }
        return SyntheticScene.still(golden.clips().get(0).frames(), 0, 6, stream).frames(32);
    }

    static void run(Path bundle, String scene, double seconds, int streams, int maxBatch, int intra, boolean spin,
            boolean gate) throws Exception {
        EngineConfig config = EngineConfig.cpu().withIntraOpThreads(intra).withIntraOpSpinning(spin)
                .withBatching(maxBatch, EngineConfig.DEFAULT_MAX_WAIT);
        StreamOptions options = gate ? StreamOptions.defaults() : StreamOptions.defaults().withStaticThreshold(0);
        Golden golden = Golden.load(bundle);
        try (InferenceEngine engine = InferenceEngine.shared(bundle, config)) {
            Manifest m = engine.bundle().manifest();
            AtomicBoolean measuring = new AtomicBoolean();
            AtomicBoolean stop = new AtomicBoolean();
            AtomicLongArray frames = new AtomicLongArray(streams);
            AtomicLongArray skipped = new AtomicLongArray(streams);
            CyclicBarrier ready = new CyclicBarrier(streams + 1);
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < streams; i++) {
                int id = i;
                Thread t = new Thread(() -> {
                    try (ActionStream s = engine.openStream("cam" + id, options)) {
                        Frame[] input = frames(golden, scene, id);
                        ready.await();
                        long skippedBefore = 0;
                        boolean counting = false;
                        for (long k = 0; !stop.get(); k++) {
                            if (!counting && measuring.get()) {
                                counting = true;
                                skippedBefore = s.skippedGroups();
                            }
                            s.push(input[(int) (k % input.length)]);
                            if (counting) {
                                frames.incrementAndGet(id);
                            }
                        }
                        skipped.set(id, s.skippedGroups() - skippedBefore);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, "stream-" + i);
                t.start();
                threads.add(t);
            }
            ready.await();
            Thread.sleep((long) (seconds * 500)); // warm-up: half the measured time
            com.sun.management.OperatingSystemMXBean os =
                    (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            BatchCounts before = engine.batchCounts();
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            measuring.set(true);
            Thread.sleep((long) (seconds * 1000));
            long counted = 0;
            for (int i = 0; i < streams; i++) {
                counted += frames.get(i);
            }
            long t1 = System.nanoTime();
            long cpu1 = os.getProcessCpuTime();
            BatchCounts after = engine.batchCounts();
            stop.set(true);
            for (Thread t : threads) {
                t.join();
            }
            long skippedGroups = 0;
            for (int i = 0; i < streams; i++) {
                skippedGroups += skipped.get(i);
            }
            double fps = counted / ((t1 - t0) / 1e9);
            double macsPerFrame = (double) m.ops().clipMacs() / m.clipFrames();
            BatchCounts window = new BatchCounts(after.calls() - before.calls(), after.rows() - before.rows());
            double cpuMsPerFrame = (cpu1 - cpu0) / 1e6 / counted;
            System.out.printf("| %d | %d | %d | %s | %s | %.0f | %.3f | %.1f | %.1f | %.2f | %d |%n", streams, maxBatch,
                    intra, spin ? "on" : "off", gate ? "on" : "off", fps, cpuMsPerFrame, fps * 2 * macsPerFrame / 1e9,
                    2 * macsPerFrame / (cpuMsPerFrame * 1e6), window.meanBatch(), skippedGroups);
        }
    }
}
