package org.respike.elements.infer;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.respike.elements.Action;
import org.respike.elements.spi.ElementHost;
import org.respike.elements.spi.PropertyValues;
import org.respike.elements.spi.VideoElement;
import org.respike.elements.spi.VideoFormat;
import org.respike.elements.spi.VideoFrame;
import org.respike.models.bundle.Manifest;
import org.respike.models.engine.ActionResult;
import org.respike.models.engine.ActionStream;
import org.respike.models.engine.InferenceEngine;
import org.respike.models.frame.Frame;
import org.respike.models.frame.FrameClock;
import org.respike.models.frame.FrameSampler;
import org.respike.models.frame.PixelFormat;

/**
 * One respikeinfer instance: one recognition state (stream) over the engine shared by every instance
 * that uses the same model and provider. Frames are sampled at the model's frame rate by timestamp and
 * pass through unchanged; each result is posted on the bus, attached to the buffer that completed the
 * clip, and optionally written as a JSON line.
 */
final class InferElement implements VideoElement {

    private final ElementHost host;
    private final PropertyValues props;
    private final FrameSampler sampler = new FrameSampler(0);
    private FrameClock clock;
    private final Frame frame = new Frame();
    /** Built at start from the properties read there. */
    private InferSettings settings;
    private InferenceEngine engine;
    private ActionStream stream;
    private JsonLinesWriter json;
    private PixelFormat pixelFormat;
    private long runningTimeOffset;
    private long framesSeen;

    InferElement(ElementHost host, PropertyValues props) {
        this.host = host;
        this.props = props;
    }

    @Override
    public void start() throws IOException {
        settings = InferSettings.from(props, host.name());
        engine = settings.openEngine();
        try {
            stream = engine.openStream(settings.streamId(), settings.stream());
            Manifest m = engine.bundle().manifest();
            double fps = settings.fps() > 0 ? settings.fps() : m.fps();
            sampler.setFps(fps);
            // A gap longer than a clip without DISCONT would make one clip of two stretches of video.
            clock = new FrameClock(fps, Math.round(m.clipFrames() / m.fps() * 1e9));
            json = JsonLinesWriter.open(settings.jsonOutput());
        } catch (IOException | RuntimeException e) {
            stop();
            throw e;
        }
        host.log(ElementHost.LogLevel.INFO, "model " + engine.bundle().dir() + " on " + engine.providerName());
    }

    @Override
    public void setFormat(VideoFormat format) {
        pixelFormat = PixelFormat.fromGstFormat(format.format());
        restart();
    }

    @Override
    public void process(VideoFrame video) {
        FrameClock.Tick tick = clock.next(video.streamTime(), video.pts(), video.duration());
        if (tick.warning() != null) {
            host.postWarning(tick.warning());
        }
        if (video.discont() || tick.restart()) {
            restart();
        }
        if (!sampler.select(tick.time(), tick.duration())) {
            return;
        }
        VideoFormat f = video.format();
        frame.set(video.data(), f.width(), f.height(), f.rowStride(), pixelFormat, tick.pts(), tick.duration());
        if (video.pts() >= 0 && video.runningTime() >= 0) {
            runningTimeOffset = video.runningTime() - video.pts();
        }
        framesSeen++;
        stream.push(frame).ifPresent(result -> publish(result, Optional.of(video)));
    }

    private void publish(ActionResult result, Optional<VideoFrame> carrier) {
        Action action = Action.of(result, runningTimeOffset, framesSeen);
        if (action.score() < props.real("min-score")) {
            return;
        }
        Map<String, Object> fields = action.fields();
        host.postElementMessage(Action.NAME, fields);
        carrier.ifPresent(v -> v.addMeta(Action.NAME, fields));
        if (json != null) {
            json.write(fields);
        }
    }

    private void restart() {
        sampler.reset();
        framesSeen = 0;
        if (stream != null) {
            stream.reset();
        }
    }

    @Override
    public void flush() {
        restart();
    }

    @Override
    public void eos() {
        if (stream == null) {
            return;
        }
        if (settings.flushOnEos()) {
            stream.finish().ifPresent(result -> publish(result, Optional.empty()));
        } else {
            stream.reset();
        }
    }

    @Override
    public void stop() {
        if (stream != null) {
            stream.close();
            stream = null;
        }
        if (engine != null) {
            engine.close();
            engine = null;
        }
        if (json != null) {
            try {
                json.close();
            } catch (IOException e) {
                host.postWarning("closing " + settings.jsonOutput() + ": " + e.getMessage());
            }
            json = null;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
