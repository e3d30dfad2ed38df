package org.respike.pipelines.bench;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Random;
import org.respike.models.engine.ActionStream;
import org.respike.models.engine.EngineConfig;
import org.respike.models.engine.InferenceEngine;
import org.respike.models.frame.Frame;
import org.respike.models.frame.PixelFormat;

/**
 * The model alone, without GStreamer: frames per second of one stream on one thread, and the GFLOP/s
 * that rate means given the bundle's dense operation count per clip.
 */
final class EngineThroughput {

    record Result(double framesPerSecond, double gflops, long clipMacs, int clipFrames) {}

    private EngineThroughput() {}

    static Result measure(Path bundle, int frames) {
        try (InferenceEngine engine = InferenceEngine.shared(bundle, EngineConfig.cpu());
                ActionStream stream = engine.openStream("bench")) {
            int w = engine.bundle().manifest().input().width();
            int h = engine.bundle().manifest().input().height();
            ByteBuffer pixels = ByteBuffer.allocateDirect(w * h * 3);
            new Random(1).ints(w * h * 3L, 0, 256).forEach(v -> pixels.put((byte) v));
            Frame frame = new Frame();
            long frameNanos = Math.round(1e9 / engine.bundle().manifest().fps());
            int warmup = frames / 4;
            long t0 = 0;
            for (int i = 0; i < warmup + frames; i++) {
                if (i == warmup) {
                    t0 = System.nanoTime();
                }
                stream.push(frame.set(pixels.rewind(), w, h, w * 3, PixelFormat.RGB, i * frameNanos, frameNanos));
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            long clipMacs = engine.bundle().manifest().ops().clipMacs();
            int clipFrames = engine.bundle().manifest().clipFrames();
            double fps = frames / seconds;
            return new Result(fps, 2.0 * clipMacs / clipFrames * fps / 1e9, clipMacs, clipFrames);
        }
    }
}
