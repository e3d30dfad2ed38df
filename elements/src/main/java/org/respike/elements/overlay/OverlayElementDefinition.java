package org.respike.elements.overlay;

import java.util.List;
import org.respike.elements.VideoCaps;
import org.respike.elements.spi.BasicElementDefinition;
import org.respike.elements.spi.ElementMetadata;
import org.respike.elements.spi.PropertySpec;

/** respikeoverlay: draws the recognised action and an energy/spike-rate readout onto the video. */
public final class OverlayElementDefinition extends BasicElementDefinition {

    static final List<PropertySpec> PROPERTIES = List.of(
            PropertySpec.integer("scale", "Text scale",
                    "Size of one font pixel in video pixels; 0 picks one from the frame height", 0, 0, 32),
            PropertySpec.bool("show-energy", "Show energy",
                    "Also show the clip's mean spike rate and estimated energy", true),
            PropertySpec.bool("silent", "Silent", "Draw nothing; frames pass unchanged", false));

    public OverlayElementDefinition() {
        super("respikeoverlay", new ElementMetadata("ReSpike action overlay", "Filter/Effect/Video",
                        "Draws the latest action recognised upstream by respikeinfer (its respike-action buffer meta): "
                                + "label, score, spike rate and estimated energy; with inference-region=roi-list, each "
                                + "track's box, id, label and score at its region of interest. Example: gst-launch-1.0 filesrc location=in.mp4 ! "
                                + "decodebin ! videoconvert ! respikeinfer ! respikeoverlay ! videoconvert ! autovideosink",
                        "ReSpike for GStreamer"),
                PROPERTIES, VideoCaps.RGB_OR_YUV, false, (host, props) -> new OverlayElement(props));
    }
}
