package org.respike.pipelines.bench;

import java.nio.ByteBuffer;
import java.nio.file.Path;
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
 * per frame, and the GFLOP/s that rate means given the bundle's dense operation count per clip. The
 * static-scene gate is off: the frame is the same every time, so the gate would skip nearly every group.
 */
final class EngineThroughput {

    /** @param graphMillisPerFrame wall time of each graph's calls per frame, by graph name */
    record Result(double framesPerSecond, double cpuMillisPerFrame, double gflops, long clipMacs, int clipFrames,
            Map<String, Double> graphMillisPerFrame) {}

    private EngineThroughput() {}

    /** One stream fed {@code frames} RGB noise frames of the model's input size. */
    static Result measure(Path bundle, int frames) {
        return measure(bundle, frames, 0, 0, PixelFormat.RGB);
    }

    /**
     * Noise frames of {@code width} x {@code height} (0: the model's input size) in {@code format} (RGB or
     * GStreamer's default I420 layout), resized and converted by the engine as in a pipeline.
     */
    static Result measure(Path bundle, int frames, int width, int height, PixelFormat format) {
        try (InferenceEngine engine = InferenceEngine.shared(bundle, EngineConfig.cpu());
                ActionStream stream = engine.openStream("bench", StreamOptions.defaults().withStaticThreshold(0))) {
            int w = width > 0 ? width : engine.bundle().manifest().input().width();
            int h = height > 0 ? height : engine.bundle().manifest().input().height();
            YuvLayout yuv = format.isYuv() ? YuvLayout.i420(w, h) : null;
            int stride = yuv != null ? (w + 3) & ~3 : w * 3;
            int bytes = yuv != null ? yuv.vOffset() + yuv.chromaStride() * ((h + 1) / 2) : stride * h;
            ByteBuffer pixels = ByteBuffer.allocateDirect(bytes);
            new Random(1).ints(bytes, 0, 256).forEach(v -> pixels.put((byte) v));
            Frame frame = new Frame();
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
                stream.push(frame.set(pixels.rewind(), w, h, stride, format, yuv, i * frameNanos, frameNanos));
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpuMillis = (ProcessCpu.nanos() - cpu0) / 1e6 / frames;
            long clipMacs = engine.bundle().manifest().ops().clipMacs();
            int clipFrames = engine.bundle().manifest().clipFrames();
            double fps = frames / seconds;
            Map<String, Double> graphs = new TreeMap<>();
            for (Map.Entry<String, GraphTime> g : engine.graphTimes().entrySet()) {
                graphs.put(g.getKey(), g.getValue().since(graphs0.get(g.getKey())).nanos() / 1e6 / frames);
            }
            return new Result(fps, cpuMillis, 2.0 * clipMacs / clipFrames * fps / 1e9, clipMacs, clipFrames, graphs);
        }
    }
}
