package org.respike.elements.residual;

import java.util.Map;
import org.respike.elements.RespikeHome;
import org.respike.elements.spi.PropertyValues;
import org.respike.elements.spi.VideoElement;
import org.respike.elements.spi.VideoFormat;
import org.respike.elements.spi.VideoFrame;
import org.respike.models.bundle.Manifest;
import org.respike.models.frame.FrameSampler;

/**
 * One respikeresidual instance: tags each frame's role in the model's groups and, in visualize mode, paints
 * residuals. The grouping (group size, frame rate) is the model bundle's, read at start, unless the
 * group-size or fps property overrides it; both are read per frame, so a change takes effect at once.
 */
final class ResidualElement implements VideoElement {

    /** Name of the GstCustomMeta that carries a frame's role in its group. */
    static final String FRAME_META = "respike-frame";

    private final PropertyValues props;
    private final GroupCounter counter = new GroupCounter(1);
    private final FrameSampler sampler = new FrameSampler(0);
    private final ResidualPainter painter = new ResidualPainter();
    private VideoFormat format;
    /** The model's grouping, read at start. */
    private Manifest model;
    /** The grouping in use: the properties' values, or the model's where they are 0. */
    private int groupSize;
    private double fps = -1;

    ResidualElement(PropertyValues props) {
        this.props = props;
    }

    @Override
    public void start() {
        model = Manifest.read(RespikeHome.model(props.string("model")).resolve(Manifest.FILE));
        followGrouping();
    }

    /** Picks up group-size and fps as they are now: a change starts the groups over. */
    private void followGrouping() {
        int g = props.integer("group-size") > 0 ? props.integer("group-size") : model.stride();
        double f = props.real("fps") > 0 ? props.real("fps") : model.fps();
        if (g != groupSize) {
            groupSize = g;
            counter.setGroupSize(g);
        }
        if (f != fps) {
            fps = f;
            sampler.setFps(f);
        }
    }

    private void restart() {
        counter.reset();
        sampler.reset();
    }

    @Override
    public void setFormat(VideoFormat format) {
        this.format = format;
        restart();
    }

    @Override
    public void process(VideoFrame frame) {
        followGrouping();
        if (frame.discont()) {
            restart();
        }
        if (!sampler.select(frame.streamTime(), frame.duration())) {
            frame.addMeta(FRAME_META, Map.of("role", "skip", "group", counter.group(), "index", -1));
            return;
        }
        int index = counter.next();
        int length = format.rowStride() * format.height();
        if (props.string("mode").equals("visualize")) {
            if (index == 0) {
                painter.takeKey(frame.data(), length);
            } else {
                painter.paintResidual(frame.data(), length, props.real("gain"));
            }
        }
        frame.addMeta(FRAME_META, Map.of(
                "role", index == 0 ? "key" : "residual",
                "group", counter.group(),
                "index", index));
    }

    @Override
    public void flush() {
        restart();
    }

    @Override
    public void stop() {
        restart();
    }
}
