package org.respike.models.api;

import jakarta.inject.Inject;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;
import org.respike.models.engine.ActionStream;
import org.respike.models.engine.InferenceEngine;
import org.respike.models.engine.StreamOptions;
import org.respike.models.frame.Frame;
import org.respike.models.frame.FrameSampler;
import org.respike.models.frame.PixelFormat;

/**
 * Classifies a video file or a network stream (RTSP, HTTP) for an application without GStreamer, through
 * FFmpeg (JavaCV). Frames are decoded to BGR at the source size, sampled down to the model's frame rate
 * by timestamp, and resized by the engine's own preprocessor (the same path the GStreamer elements use).
 *
 * <pre>{@code
 * try (InferenceEngine engine = InferenceEngine.shared(bundle, EngineConfig.defaults())) {
 *     new VideoClassifier(engine).classify(URI.create("rtsp://camera/stream"), r -> log(r));
 * }
 * }</pre>
 *
 * Needs the optional JavaCV/FFmpeg dependencies of respike-models on the class path.
 */
public final class VideoClassifier {
    private static final long RTSP_TIMEOUT_MICROS = TimeUnit.SECONDS.toMicros(10);

    private final InferenceEngine engine;
    private final StreamOptions options;

    @Inject
    public VideoClassifier(InferenceEngine engine) {
        this(engine, StreamOptions.defaults());
    }

    public VideoClassifier(InferenceEngine engine, StreamOptions options) {
        this.engine = engine;
        this.options = options;
    }

    /** Classifies a video file to its end; returns the number of frames given to the model. */
    public long classify(Path file, ResultSink sink) throws FrameGrabber.Exception {
        return classify(file.toString(), file.getFileName().toString(), sink);
    }

    /** Classifies a stream (rtsp://, http://, file:) until it ends or the thread is interrupted. */
    public long classify(URI uri, ResultSink sink) throws FrameGrabber.Exception {
        return classify("file".equals(uri.getScheme()) ? Path.of(uri).toString() : uri.toString(), uri.toString(),
                sink);
    }

    private long classify(String source, String streamId, ResultSink sink) throws FrameGrabber.Exception {
        double fps = engine.bundle().manifest().fps();
        FrameSampler sampler = new FrameSampler(fps);
        Frame frame = new Frame();
        long used = 0;
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(source);
                ActionStream stream = engine.openStream(streamId, options)) {
            grabber.setPixelFormat(avutil.AV_PIX_FMT_BGR24);
            if (source.startsWith("rtsp:")) {
                grabber.setOption("rtsp_transport", "tcp");
                grabber.setOption("timeout", Long.toString(RTSP_TIMEOUT_MICROS));
            }
            grabber.start();
            long sourceFrameNanos = grabber.getFrameRate() > 0 ? Math.round(1e9 / grabber.getFrameRate()) : -1;
            org.bytedeco.javacv.Frame image;
            while (!Thread.currentThread().isInterrupted() && (image = grabber.grabImage()) != null) {
                long pts = TimeUnit.MICROSECONDS.toNanos(image.timestamp);
                if (!sampler.select(pts, sourceFrameNanos)) {
                    continue;
                }
                // JavaCV derives imageChannels from the row stride, which FFmpeg pads: a 96-pixel-wide
                // BGR24 frame has 384-byte rows and reads as 4 channels. The pixel format is the truth.
                if (grabber.getPixelFormat() != avutil.AV_PIX_FMT_BGR24
                        || image.imageDepth != org.bytedeco.javacv.Frame.DEPTH_UBYTE) {
                    throw new FrameGrabber.Exception(source + ": FFmpeg did not convert frames to BGR24");
                }
                ByteBuffer pixels = (ByteBuffer) image.image[0];
                frame.set(pixels, image.imageWidth, image.imageHeight, image.imageStride, PixelFormat.BGR, pts,
                        Math.round(1e9 / fps));
                stream.push(frame).ifPresent(sink::accept);
                used++;
            }
            stream.finish().ifPresent(sink::accept);
            grabber.stop();
        }
        return used;
    }
}
