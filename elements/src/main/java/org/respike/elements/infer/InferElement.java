package org.respike.elements.infer;

import java.io.IOException;
import java.util.Optional;
import org.respike.elements.ActionFields;
import org.respike.elements.RespikeHome;
import org.respike.elements.spi.ElementHost;
import org.respike.elements.spi.PropertyValues;
import org.respike.elements.spi.VideoElement;
import org.respike.elements.spi.VideoFormat;
import org.respike.elements.spi.VideoFrame;
import org.respike.models.bundle.Manifest;
import org.respike.models.engine.ActionResult;
import org.respike.models.engine.ActionStream;
import org.respike.models.engine.EngineConfig;
import org.respike.models.engine.ExecutionProvider;
import org.respike.models.engine.InferenceEngine;
import org.respike.models.engine.StreamOptions;
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
    private final PropertyValues props = new PropertyValues(InferElementDefinition.PROPERTIES);
    private final FrameSampler sampler = new FrameSampler(0);
    private FrameClock clock;
    private final Frame frame = new Frame();
    private InferenceEngine engine;
    private ActionStream stream;
    private JsonLinesWriter json;
    private PixelFormat pixelFormat;
    private long runningTimeOffset;
    private long framesSeen;

    InferElement(ElementHost host) {
        this.host = host;
    }

    @Override
    public void setProperty(String name, Object value) {
        props.set(name, value);
    }

    @Override
    public Object getProperty(String name) {
        return props.get(name);
    }

    @Override
    public void start() throws IOException {
        EngineConfig config = EngineConfig.defaults()
                .withProvider(ExecutionProvider.parse(props.string("device")))
                .withDeviceId(props.integer("device-id"))
                .withIntraOpThreads(props.integer("threads"));
        engine = InferenceEngine.shared(RespikeHome.model(props.string("model")), config);
        try {
            String id = props.string("stream-id").isEmpty() ? host.name() : props.string("stream-id");
            stream = engine.openStream(id, StreamOptions.defaults()
                    .withWindow(props.integer("window"))
                    .withCompletePartialGroup(props.bool("flush-on-eos")));
            double fps = props.real("fps");
            Manifest m = engine.bundle().manifest();
            sampler.setFps(fps > 0 ? fps : m.fps());
            // A gap longer than a clip without DISCONT would make one clip of two stretches of video.
            clock = new FrameClock(fps > 0 ? fps : m.fps(), Math.round(m.clipFrames() / m.fps() * 1e9));
            json = JsonLinesWriter.open(props.string("json-output"));
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
        frame.set(video.data(), f.width(), f.height(), f.stride(), pixelFormat, tick.pts(), tick.duration());
        if (video.pts() >= 0 && video.runningTime() >= 0) {
            runningTimeOffset = video.runningTime() - video.pts();
        }
        framesSeen++;
        stream.push(frame).ifPresent(result -> publish(result, Optional.of(video)));
    }

    private void publish(ActionResult result, Optional<VideoFrame> carrier) {
        ActionRecord record = new ActionRecord(result, runningTimeOffset, framesSeen);
        if (record.score() < props.real("min-score")) {
            return;
        }
        host.postElementMessage(ActionFields.NAME, record.structureFields());
        carrier.ifPresent(v -> v.addMeta(ActionFields.NAME, record.structureFields()));
        if (json != null) {
            json.write(record.jsonFields());
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
        if (props.bool("flush-on-eos")) {
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
                host.postWarning("closing " + props.string("json-output") + ": " + e.getMessage());
            }
            json = null;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
