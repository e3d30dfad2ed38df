package org.respike.elements.overlay;

import java.util.Locale;
import java.util.Map;
import org.respike.elements.Action;
import org.respike.elements.spi.PropertyValues;
import org.respike.elements.spi.VideoElement;
import org.respike.elements.spi.VideoFormat;
import org.respike.elements.spi.VideoFrame;

/**
  * One respikeoverlay instance: remembers the latest respike-action meta seen on the stream and draws it
  * on every frame until the next one arrives.
  */
final class OverlayElement implements VideoElement {

    private static final int LABEL_COLOR = 0xFFFFFF;
    private static final int READOUT_COLOR = 0x7FE0FF;

    private final PropertyValues props;
    private TextPainter painter;
    private String[] lines;
    private int[] colors;

    OverlayElement(PropertyValues props) {
        this.props = props;
    }

    @Override
    public void start() {
        lines = null;
    }

    @Override
    public void setFormat(VideoFormat format) {
        painter = new TextPainter(format);
    }

    @Override
    public void process(VideoFrame frame) {
        frame.meta(Action.NAME).ifPresent(this::show);
        if (lines != null && !props.bool("silent")) {
            int scale = props.integer("scale");
            if (scale == 0) {
                scale = Math.max(1, frame.format().height() / 120);
            }
            painter.draw(frame.data(), 2 * scale, 2 * scale, scale, lines, colors);
        }
    }

    private void show(Map<String, Object> fields) {
        Action action = Action.fromFields(fields);
        String head = String.format(Locale.ROOT, "%s %.0f%%", action.label().replace('_', ' '), 100 * action.score());
        if (props.bool("show-energy")) {
            String readout = String.format(Locale.ROOT, "SPIKES %.1f%% %.2f UJ", 100 * action.spikeRate(),
                    action.energyPj() / 1e6);
            lines = new String[] {head, readout};
            colors = new int[] {LABEL_COLOR, READOUT_COLOR};
        } else {
            lines = new String[] {head};
            colors = new int[] {LABEL_COLOR};
        }
    }

    @Override
    public void flush() {
        lines = null;
    }

    @Override
    public void eos() {}

    @Override
    public void stop() {
        lines = null;
    }

    @Override
    public void close() {}
}
