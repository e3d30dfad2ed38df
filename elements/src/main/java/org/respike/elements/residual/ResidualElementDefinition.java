package org.respike.elements.residual;

import java.util.List;
import org.respike.elements.VideoCaps;
import org.respike.elements.spi.BasicElementDefinition;
import org.respike.elements.spi.ElementMetadata;
import org.respike.elements.spi.PropertySpec;
import org.respike.elements.spi.PropertySpec.Choice;

/**
 * respikeresidual: for debugging and visualising, splits the stream into the groups a model sees (its
 * frame rate and group size, from its bundle unless overridden) and shows the residual frames.
 */
public final class ResidualElementDefinition extends BasicElementDefinition {

    static final List<PropertySpec> PROPERTIES = List.of(
            PropertySpec.string("model", "Model bundle",
                    "Bundle whose grouping (group size, frame rate) to follow where group-size or fps is 0; empty = "
                            + "the bundled default (models/bundles/respike-hybrid under RESPIKE_ROOT)", "")
                    .readAtStartOnly(),
            PropertySpec.integer("group-size", "Group size",
                    "Frames per group: one key frame followed by group-size - 1 residual frames (the model's stride s); "
                            + "0 = the model's", 0, 0, 64),
            PropertySpec.real("fps", "Model frame rate",
                    "Frames per second the model sees, picked by timestamp while every frame passes through "
                            + "(frames in between are tagged role=skip); 0 = the model's", 0.0, 0.0, 1000.0),
            PropertySpec.choice("mode", "Mode", "What happens to the frames", "mark", List.of(
                    new Choice("mark", "Tag each frame with a respike-frame meta (role, group, index), pass it unchanged"),
                    new Choice("visualize", "Also replace residual frames by 128 + gain * (frame - key frame)"))),
            PropertySpec.real("gain", "Gain", "Contrast of the visualised residual", 2.0, 0.1, 64.0));

    public ResidualElementDefinition() {
        super("respikeresidual", new ElementMetadata("ReSpike residual frames", "Filter/Analyzer/Video",
                        "For debugging: splits video into groups of key frame + residual frames as the model does, tags "
                                + "each frame's role, and optionally renders the signed residuals that the spiking network "
                                + "sees. Example: gst-launch-1.0 videotestsrc pattern=ball ! videoconvert ! "
                                + "respikeresidual mode=visualize ! videoconvert ! autovideosink",
                        "ReSpike for GStreamer"),
                PROPERTIES, VideoCaps.PACKED_RGB, false, (host, props) -> new ResidualElement(props));
    }
}
