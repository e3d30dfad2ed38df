package org.respike.elements.motion;

import java.util.List;
import org.respike.elements.VideoCaps;
import org.respike.elements.spi.BasicElementDefinition;
import org.respike.elements.spi.ElementMetadata;
import org.respike.elements.spi.PropertySpec;
import org.respike.elements.spi.PropertyValues;
import org.respike.models.motion.MotionOptions;
import org.respike.models.motion.SortOptions;

/**
 * respikemotion: people for a static camera without a detector, as regions of interest that respikeinfer
 * inference-region=roi-list recognises one by one.
 */
public final class MotionElementDefinition extends BasicElementDefinition {

    private static final MotionOptions MOTION = MotionOptions.defaults();
    private static final SortOptions SORT = SortOptions.defaults();

    static final List<PropertySpec> PROPERTIES = List.of(
            PropertySpec.real("fps", "Tracking frame rate",
                    "Frames per second the tracker sees, picked by timestamp; every frame still passes and carries "
                            + "the latest regions. The frame counts below are at this rate (8 = respikeinfer's model "
                            + "rate, so both see the same frames); 0 = every frame", 8.0, 0.0, 1000.0).readAtStartOnly(),
            PropertySpec.real("min-area", "Minimum area",
                    "Smallest moving blob kept, as a fraction of the frame area (a person 5% of the frame height "
                            + "covers about 0.0005)", MOTION.minArea(), 0.0, 0.5).readAtStartOnly(),
            PropertySpec.integer("history", "Background history",
                    "Frames of background memory: something that stops outside a track becomes background after "
                            + "about a tenth of it", MOTION.history(), 1, 100000).readAtStartOnly(),
            PropertySpec.real("threshold", "Foreground threshold",
                    "Squared Mahalanobis distance to the background model above which a pixel moves (16: about 4 "
                            + "sigma); higher ignores more noise and faint movers", MOTION.varThreshold(), 1.0, 1000.0)
                    .readAtStartOnly(),
            PropertySpec.integer("process-width", "Processing width",
                    "Frames are averaged down to at most this width (grey) before background subtraction",
                    MOTION.processWidth(), 16, 4096).readAtStartOnly(),
            PropertySpec.integer("min-hits", "Minimum hits",
                    "Frames a blob must be matched before it becomes a track (a flicker never does)", SORT.minHits(),
                    1, 1000).readAtStartOnly(),
            PropertySpec.integer("max-age", "Maximum age",
                    "Most frames a track survives unmatched at its predicted box (crossings, short occlusions), and never "
                            + "more than it was matched: a blob seen briefly is mostly noise, a shadow or a ghost",
                    SORT.maxAge(), 0, 100000).readAtStartOnly(),
            PropertySpec.integer("hold-frames", "Hold frames",
                    "Frames after its last move that a track is kept out of the background: how long a person may "
                            + "stand still and keep their id", SORT.holdFrames(), 0, 10000000).readAtStartOnly(),
            PropertySpec.string("roi-type", "Region type", "roi_type of the regions of interest attached", "person"),
            PropertySpec.bool("active", "Active",
                    "false: frames pass untouched, no tracking and no regions (respikebin holds one inactive "
                            + "unless roi=motion); turning it off frees the tracker", true));

    public MotionElementDefinition() {
        super("respikemotion", new ElementMetadata("ReSpike motion tracker", "Filter/Analyzer/Video",
                        "Finds and tracks moving people for a static camera without a detector (background "
                                + "subtraction, then a SORT tracker) and attaches one GstVideoRegionOfInterestMeta per "
                                + "track to every frame: roi_type person, id = track id, a 'tracking' param structure "
                                + "with track-id. respikeinfer inference-region=roi-list recognises each track's action. "
                                + "Example: gst-launch-1.0 -m videotestsrc pattern=ball num-buffers=80 ! videoconvert ! "
                                + "respikemotion ! respikeinfer inference-region=roi-list ! fakesink",
                        "ReSpike for GStreamer"),
                PROPERTIES, VideoCaps.RGB_OR_YUV, true, (host, props) -> new MotionElement(host, props));
    }

    static MotionOptions motion(PropertyValues props) {
        return new MotionOptions(props.integer("process-width"), props.integer("history"), props.real("threshold"),
                props.real("min-area"), MOTION.warmupFrames(), MOTION.openSize(), MOTION.closeSize(),
                MOTION.heldThreshold());
    }

    static SortOptions sort(PropertyValues props) {
        return new SortOptions(props.integer("min-hits"), props.integer("max-age"), SORT.minIou(), SORT.maxDistance(),
                SORT.minVisible(), SORT.positionGain(), SORT.velocityGain(), SORT.sizeGain(),
                props.integer("hold-frames"));
    }
}
