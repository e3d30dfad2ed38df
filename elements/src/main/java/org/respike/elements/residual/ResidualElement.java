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
 * group-size or fps property overrides it; either may change while playing and takes effect at once.
 */
final class ResidualElement implements VideoElement {

    /** Name of the GstCustomMeta that carries a frame's role in its group. */
    static final String FRAME_META = "respike-frame";

    private final PropertyValues props = new PropertyValues(ResidualElementDefinition.PROPERTIES);
    private final GroupCounter counter = new GroupCounter(2);
    private final FrameSampler sampler = new FrameSampler(0);
    private final ResidualPainter painter = new ResidualPainter();
    private VideoFormat format;
    /** The model's grouping, read at start; null while stopped. */
    private volatile Manifest model;

    @Override
    public synchronized void setProperty(String name, Object value) {
        if (name.equals("group-size") && value instanceof Number n && n.intValue() == 1) {
            throw new IllegalArgumentException("group-size: 1 leaves no residual frame; use 2 or more, or 0 for the"
                    + " model's");
        }
        props.set(name, value);
        if (model != null && (name.equals("group-size") || name.equals("fps"))) {
            applyGrouping();
        }
    }

    @Override
    public Object getProperty(String name) {
        return props.get(name);
    }

    @Override
    public synchronized void start() {
        model = Manifest.read(RespikeHome.model(props.string("model")).resolve(Manifest.FILE));
        applyGrouping();
    }

    private void applyGrouping() {
        int groupSize = props.integer("group-size");
        double fps = props.real("fps");
        counter.setGroupSize(groupSize > 0 ? groupSize : model.stride());
        sampler.setFps(fps > 0 ? fps : model.fps());
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
    public void eos() {}

    @Override
    public void stop() {
        model = null;
        restart();
    }

    @Override
    public void close() {}
}
