package org.respike.elements.infer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.respike.elements.RegionTracks;
import org.respike.elements.spi.ElementHost;
import org.respike.elements.spi.PropertyValues;
import org.respike.elements.spi.Region;
import org.respike.elements.spi.VideoElement;
import org.respike.elements.spi.VideoFormat;
import org.respike.elements.spi.VideoFrame;
import org.respike.models.bundle.Manifest;
import org.respike.models.engine.ActionResult;
import org.respike.models.engine.ActionStream;
import org.respike.models.engine.InferenceEngine;
import org.respike.models.frame.Box;
import org.respike.models.frame.Frame;
import org.respike.models.frame.FrameClock;
import org.respike.models.frame.FrameSampler;
import org.respike.models.frame.PixelFormat;
import org.respike.models.track.TrackRecognizer;
import org.respike.models.track.TrackResult;
import org.respike.models.track.TrackedRegion;

/**
 * One respikeinfer instance: one recognition state (stream) over the engine shared by every instance
 * that uses the same model and provider. Frames are sampled at the model's frame rate by timestamp and
 * pass through unchanged; each result is posted on the bus, attached to the buffer that completed the
 * clip, and optionally written as a JSON line. With inference-region=roi-list a {@link TrackRecognizer}
 * replaces the one stream: each track of the frame's regions of interest has its own, and its results also
 * go onto the track's region as a respike-action param structure.
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
    /** Whole frames: the one stream; null with inference-region=roi-list. */
    private ActionStream stream;
    /** inference-region=roi-list: one stream per track; else null. */
    private TrackRecognizer tracks;
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
            if (settings.regions()) {
                tracks = new TrackRecognizer(engine, settings.streamId(), settings.tracks(), host::postWarning);
            } else {
                stream = engine.openStream(settings.streamId(), settings.stream());
            }
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
        frame.set(video.data(), f.width(), f.height(), f.rowStride(), pixelFormat, f.yuv(), tick.pts(), tick.duration());
        if (video.pts() >= 0 && video.runningTime() >= 0) {
            runningTimeOffset = video.runningTime() - video.pts();
        }
        framesSeen++;
        if (tracks == null) {
            stream.push(frame).ifPresent(result -> publish(result, Optional.of(video)));
            return;
        }
        List<Region> regions = video.regions();
        List<TrackedRegion> tracked = new ArrayList<>(regions.size());
        for (Region r : regions) {
            tracked.add(new TrackedRegion(RegionTracks.trackId(r), new Box(r.x(), r.y(), r.width(), r.height()),
                    r.type().isEmpty() ? null : r.type()));
        }
        for (TrackResult track : tracks.push(frame, tracked)) {
            Map<String, Object> fields = publish(track.result(), Optional.of(video));
            for (int i = 0; fields != null && i < tracked.size(); i++) {
                if (tracked.get(i).trackId() == track.result().trackId()) {
                    video.addRegionParam(i, ActionResult.NAME, fields);
                }
            }
        }
    }

    /**
     * The engine's result, in running time and with the stream's frame count, as published; its fields, or null
     * when it scored below min-score.
     */
    private Map<String, Object> publish(ActionResult result, Optional<VideoFrame> carrier) {
        if (result.score() < props.real("min-score")) {
            return null;
        }
        Map<String, Object> fields = result.at(runningTimeOffset, framesSeen).fields();
        host.postElementMessage(ActionResult.NAME, fields);
        carrier.ifPresent(v -> v.addMeta(ActionResult.NAME, fields));
        if (json != null) {
            json.write(fields);
        }
        return fields;
    }

    private void restart() {
        sampler.reset();
        if (clock != null) {
            clock.reset();
        }
        framesSeen = 0;
        if (stream != null) {
            stream.reset();
        }
        if (tracks != null) {
            tracks.reset();
        }
    }

    @Override
    public void flush() {
        restart();
    }

    @Override
    public void eos() {
        if (settings == null) {
            return;
        }
        if (!settings.flushOnEos()) {
            restart();
        } else if (stream != null) {
            stream.finish().ifPresent(result -> publish(result, Optional.empty()));
        } else if (tracks != null) {
            tracks.finish().forEach(track -> publish(track.result(), Optional.empty()));
        }
        clock.reset();
    }

    @Override
    public void stop() {
        if (tracks != null) {
            tracks.close();
            tracks = null;
        }
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
