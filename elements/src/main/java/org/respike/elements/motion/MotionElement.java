package org.respike.elements.motion;

import java.util.List;
import java.util.Map;
import org.respike.elements.RegionTracks;
import org.respike.elements.spi.ElementHost;
import org.respike.elements.spi.PropertyValues;
import org.respike.elements.spi.Region;
import org.respike.elements.spi.VideoElement;
import org.respike.elements.spi.VideoFormat;
import org.respike.elements.spi.VideoFrame;
import org.respike.models.frame.Box;
import org.respike.models.frame.Frame;
import org.respike.models.frame.FrameSampler;
import org.respike.models.frame.PixelFormat;
import org.respike.models.motion.MotionTracker;
import org.respike.models.track.TrackedRegion;

/**
 * One respikemotion instance: a {@link MotionTracker} (native memory: OpenCV's MOG2) fed the frames the
 * sampler picks; the latest tracks go onto every frame, so frames between tracked ones (drawn by an
 * overlay) keep their boxes. A flush or discontinuity starts a new tracker: the background is relearnt.
 */
final class MotionElement implements VideoElement {

    private final ElementHost host;
    private final PropertyValues props;
    private final FrameSampler sampler = new FrameSampler(0);
    private final Frame frame = new Frame();
    private MotionTracker tracker;
    private PixelFormat pixelFormat;
    private List<TrackedRegion> latest = List.of();

    MotionElement(ElementHost host, PropertyValues props) {
        this.host = host;
        this.props = props;
    }

    @Override
    public void start() {
        sampler.setFps(props.real("fps"));
        restart();
    }

    @Override
    public void setFormat(VideoFormat format) {
        pixelFormat = PixelFormat.fromGstFormat(format.format());
        restart();
    }

    @Override
    public void process(VideoFrame video) {
        if (!props.bool("active")) {
            stop();
            return;
        }
        if (video.discont()) {
            restart();
        }
        if (sampler.select(video.streamTime(), video.duration())) {
            VideoFormat f = video.format();
            frame.set(video.data(), f.width(), f.height(), f.rowStride(), pixelFormat, f.yuv(), video.pts(), video.duration());
            if (tracker == null) {
                tracker = new MotionTracker(MotionElementDefinition.motion(props), MotionElementDefinition.sort(props));
            }
            latest = tracker.update(frame);
            host.log(ElementHost.LogLevel.DEBUG, latest.size() + " tracks at " + video.pts());
        }
        String type = props.string("roi-type");
        for (TrackedRegion r : latest) {
            Box b = r.box();
            int x = (int) Math.round(b.x());
            int y = (int) Math.round(b.y());
            video.addRegion(new Region((int) r.trackId(), type, x, y, (int) Math.round(b.x() + b.width()) - x,
                    (int) Math.round(b.y() + b.height()) - y,
                    Map.of(RegionTracks.TRACKING, Map.of(RegionTracks.TRACK_ID, r.trackId()))));
        }
    }

    /** A new tracker (at the next frame) and sampler grid: what was learnt of the scene no longer holds. */
    private void restart() {
        stop();
        sampler.reset();
    }

    @Override
    public void flush() {
        restart();
    }

    @Override
    public void stop() {
        if (tracker != null) {
            tracker.close();
            tracker = null;
        }
        latest = List.of();
    }

    @Override
    public void close() {
        stop();
    }
}
