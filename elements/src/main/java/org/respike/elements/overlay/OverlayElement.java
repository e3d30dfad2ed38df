package org.respike.elements.overlay;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.respike.elements.RegionTracks;
import org.respike.elements.spi.PropertyValues;
import org.respike.elements.spi.Region;
import org.respike.elements.spi.VideoElement;
import org.respike.elements.spi.VideoFormat;
import org.respike.elements.spi.VideoFrame;
import org.respike.models.engine.ActionResult;

/**
  * One respikeoverlay instance: remembers the latest whole-frame respike-action meta seen on the stream and
  * draws it on every frame until the next one arrives; and, for each region of interest on a frame, the
  * region's box and the latest action of its track (from the respike-action param structures that
  * respikeinfer inference-region=roi-list adds to the regions).
  */
final class OverlayElement implements VideoElement {

    private static final int LABEL_COLOR = 0xFFFFFF;
    private static final int READOUT_COLOR = 0x7FE0FF;
    private static final int BOX_COLOR = 0x40FF40;
    /** Tracks whose latest action is remembered; the oldest is forgotten past this. */
    private static final int REMEMBERED_TRACKS = 256;

    private final PropertyValues props;
    private TextPainter painter;
    private String[] lines;
    private int[] colors;
    /** Latest action text of each track, oldest first. */
    private final Map<Long, String> trackLines = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, String> eldest) {
            return size() > REMEMBERED_TRACKS;
        }
    };

    OverlayElement(PropertyValues props) {
        this.props = props;
    }

    @Override
    public void start() {
        stop();
    }

    @Override
    public void setFormat(VideoFormat format) {
        painter = new TextPainter(format);
    }

    @Override
    public void process(VideoFrame frame) {
        frame.meta(ActionResult.NAME).ifPresent(this::show);
        int scale = props.integer("scale");
        if (scale == 0) {
            scale = Math.max(1, frame.format().height() / 120);
        }
        for (Region region : frame.regions()) {
            long track = RegionTracks.trackId(region);
            Map<String, Object> action = region.params().get(ActionResult.NAME);
            if (action != null) {
                String head = head(ActionResult.fromFields(action));
                trackLines.put(track, "ID" + track + " " + head);
            }
            String line = trackLines.get(track);
            if (line != null && !props.bool("silent")) {
                painter.outline(frame.data(), region.x(), region.y(), region.width(), region.height(), scale, BOX_COLOR);
                painter.draw(frame.data(), region.x(), region.y(), scale, new String[] {line}, new int[] {BOX_COLOR});
            }
        }
        if (lines != null && !props.bool("silent")) {
            painter.draw(frame.data(), 2 * scale, 2 * scale, scale, lines, colors);
        }
    }

    private static String head(ActionResult action) {
        return String.format(Locale.ROOT, "%s %.0f%%", action.label().replace('_', ' '), 100 * action.score());
    }

    /** A whole-frame action; a track's (respikeinfer roi-list also attaches those) is drawn at its region. */
    private void show(Map<String, Object> fields) {
        ActionResult action = ActionResult.fromFields(fields);
        if (action.trackId() != ActionResult.NO_TRACK) {
            return;
        }
        String head = head(action);
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
        trackLines.clear();
    }

    @Override
    public void stop() {
        lines = null;
        trackLines.clear();
    }
}
