package org.respike.pipelines.bench;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.respike.models.engine.ActionStream;
import org.respike.models.engine.EngineConfig;
import org.respike.models.engine.GraphTime;
import org.respike.models.engine.InferenceEngine;
import org.respike.models.engine.StreamOptions;
import org.respike.models.frame.Frame;
import org.respike.models.frame.PixelFormat;
import org.respike.models.frame.YuvLayout;

/**
 * The model alone, without GStreamer: frames per second of one stream on one thread, its process CPU time
 * per frame, and the GFLOP/s that rate means given the bundle's dense operation count per clip; with
 * several streams pushed together, the engine batches their graph calls (one call carries a row per
 * stream). The static-scene gate is off: the frame is the same every time, so the gate would skip nearly
 * every group.
 */
final class EngineThroughput {

    /**
     * @param gflops the model's dense operations per frame times the frames per second, over everything the
     *     engine does (resizing, residuals, state, glue between the calls)
     * @param graphGflops the same operations over the graphs' own wall time: the model compute, on the session's
     *     one intra-op thread, that the MatMul peak probe is compared with
     * @param graphMillisPerFrame wall time of each graph's calls per frame, by graph name
     */
    record Result(int streams, double framesPerSecond, double cpuMillisPerFrame, double gflops, double graphGflops,
            long clipMacs, int clipFrames, Map<String, Double> graphMillisPerFrame) {}

    private EngineThroughput() {}

    /** One stream fed {@code frames} RGB noise frames of the model's input size. */
    static Result measure(Path bundle, int frames) {
        return measure(bundle, frames, 0, 0, PixelFormat.RGB, 1);
    }

    /**
     * {@code streams} streams, each fed {@code frames} noise frames of {@code width} x {@code height} (0: the
     * model's input size) in {@code format} (RGB or GStreamer's default I420 layout), resized and converted by
     * the engine as in a pipeline; more than one stream are pushed together and batched up to all of them.
     */
    static Result measure(Path bundle, int frames, int width, int height, PixelFormat format, int streams) {
        EngineConfig config = EngineConfig.cpu().withBatching(streams, EngineConfig.DEFAULT_MAX_WAIT);
        List<ActionStream> open = new ArrayList<>();
        try (InferenceEngine engine = InferenceEngine.shared(bundle, config)) {
            for (int i = 0; i < streams; i++) {
                open.add(engine.openStream("bench-" + i, StreamOptions.defaults().withStaticThreshold(0)));
            }
            int w = width > 0 ? width : engine.bundle().manifest().input().width();
            int h = height > 0 ? height : engine.bundle().manifest().input().height();
            YuvLayout yuv = format.isYuv() ? YuvLayout.i420(w, h) : null;
            int stride = yuv != null ? YuvLayout.i420Stride(w) : w * 3;
            int bytes = yuv != null ? yuv.bufferBytes(h) : stride * h;
            ByteBuffer pixels = ByteBuffer.allocateDirect(bytes);
            new Random(1).ints(bytes, 0, 256).forEach(v -> pixels.put((byte) v));
            // A frame per stream: the pushes run at once on the engine's helper threads.
            List<Frame> frameOf = new ArrayList<>();
            for (int i = 0; i < streams; i++) {
                frameOf.add(new Frame());
            }
            long frameNanos = Math.round(1e9 / engine.bundle().manifest().fps());
            int warmup = frames / 4;
            long t0 = 0;
            long cpu0 = 0;
            Map<String, GraphTime> graphs0 = Map.of();
            for (int i = 0; i < warmup + frames; i++) {
                if (i == warmup) {
                    t0 = System.nanoTime();
                    cpu0 = ProcessCpu.nanos();
                    graphs0 = engine.graphTimes();
                }
                for (Frame f : frameOf) {
                    f.set(pixels.duplicate(), w, h, stride, format, yuv, i * frameNanos, frameNanos);
                }
                engine.pushAll(open, frameOf);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            long pushed = (long) frames * streams;
            double cpuMillis = (ProcessCpu.nanos() - cpu0) / 1e6 / pushed;
            long clipMacs = engine.bundle().manifest().ops().clipMacs();
            int clipFrames = engine.bundle().manifest().clipFrames();
            double flopsPerFrame = 2.0 * clipMacs / clipFrames;
            Map<String, Double> graphs = new TreeMap<>();
            long graphNanos = 0;
            for (Map.Entry<String, GraphTime> g : engine.graphTimes().entrySet()) {
                long nanos = g.getValue().since(graphs0.get(g.getKey())).nanos();
                graphs.put(g.getKey(), nanos / 1e6 / pushed);
                graphNanos += nanos;
            }
            return new Result(streams, pushed / seconds, cpuMillis, flopsPerFrame * pushed / seconds / 1e9,
                    flopsPerFrame * pushed / (graphNanos / 1e9) / 1e9, clipMacs, clipFrames, graphs);
        } finally {
            open.forEach(ActionStream::close);
        }
    }
}
