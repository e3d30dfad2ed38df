package org.respike.elements.residual;

import java.util.Map;
import org.respike.elements.spi.PropertyValues;
import org.respike.elements.spi.VideoElement;
import org.respike.elements.spi.VideoFormat;
import org.respike.elements.spi.VideoFrame;
import org.respike.models.frame.FrameSampler;

/** One respikeresidual instance: tags each frame's role and, in visualize mode, paints residuals. */
final class ResidualElement implements VideoElement {

    /** Name of the GstCustomMeta that carries a frame's role in its group. */
    static final String FRAME_META = "respike-frame";

    private final PropertyValues props = new PropertyValues(ResidualElementDefinition.PROPERTIES);
    private final GroupCounter counter = new GroupCounter(4);
    private final FrameSampler sampler = new FrameSampler(0);
    private final ResidualPainter painter = new ResidualPainter();
    private VideoFormat format;

    @Override
    public void setProperty(String name, Object value) {
        props.set(name, value);
        switch (name) {
            case "stride" -> counter.setStride(props.integer("stride"));
            case "fps" -> sampler.setFps(props.real("fps"));
            default -> { }
        }
    }

    @Override
    public Object getProperty(String name) {
        return props.get(name);
    }

    @Override
    public void start() {
        restart();
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
        int length = format.stride() * format.height();
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
        restart();
    }

    @Override
    public void close() {}
}
