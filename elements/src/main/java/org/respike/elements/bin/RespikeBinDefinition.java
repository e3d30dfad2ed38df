package org.respike.elements.bin;

import java.util.List;
import org.respike.elements.infer.InferElementDefinition;
import org.respike.elements.spi.BinDefinition;
import org.respike.elements.spi.ElementMetadata;
import org.respike.elements.spi.PropertySpec;
import org.respike.elements.spi.PropertySpec.Choice;

/**
 * respikebin: the whole job under one element name. videoconvert brings any raw video to a format the
 * elements read (a decoder's I420 or NV12 passes through unconverted: respikeinfer converts only the frames it
 * samples, at the model's size); respikemotion (inactive unless roi=motion) proposes and tracks people; respikeinfer groups
 * and recognises; respikeoverlay optionally draws. The children are fixed when the bin is made (a launch
 * string sets roi after that), so roi switches respikemotion on rather than inserting it. The model's frame
 * rate, groups and input size are applied inside respikeinfer (timestamp sampling, grouping and resizing
 * in the engine) rather than by videorate and videoscale, so the video leaving the bin keeps its size and
 * frame rate and can be encoded with its annotations. respikeinfer's properties appear on the bin as
 * they are.
 */
public final class RespikeBinDefinition implements BinDefinition {

    private static final List<PropertySpec> PROPERTIES = List.of(
            PropertySpec.bool("overlay", "Overlay",
                    "Draw the recognised action, spike rate and energy onto the video (with roi: each track's box, "
                            + "id, action and score)", false),
            PropertySpec.choice("roi", "Regions",
                    "What is recognised: whole frames, or each tracked person. frame is the default because, "
                            + "measured on multi-person video (README, respike tracks), per-person tracks from motion "
                            + "recognise about as many people as whole frames do (more on some videos, fewer on others), "
                            + "cover about half of each person's time in view and add results where nobody is", "frame", List.of(
                            new Choice("frame", "Whole frames (respikeinfer inference-region=full-frame)"),
                            new Choice("upstream", "The regions of interest (GstVideoRegionOfInterestMeta) of a "
                                    + "detector and tracker upstream (inference-region=roi-list)"),
                            new Choice("motion", "People found and tracked by respikemotion, for a static camera "
                                    + "without a detector (its defaults; tune it in an explicit chain)")))
                    .readAtStartOnly());

    private static final List<ForwardedChild> FORWARDED = List.of(
            new ForwardedChild("infer", new InferElementDefinition()));

    @Override
    public String factoryName() {
        return "respikebin";
    }

    @Override
    public ElementMetadata metadata() {
        return new ElementMetadata("ReSpike action recognition bin", "Filter/Analyzer/Video",
                "Converts, recognises and optionally annotates: videoconvert ! respikemotion ! respikeinfer ! "
                        + "respikeoverlay ! videoconvert, respikemotion active only with roi=motion. "
                        + "Video leaves with its own size and frame rate. Example: "
                        + "gst-launch-1.0 -m filesrc location=clip.mp4 ! decodebin ! respikebin overlay=true ! "
                        + "videoconvert ! autovideosink",
                "ReSpike for GStreamer");
    }

    @Override
    public List<PropertySpec> properties() {
        return PROPERTIES;
    }

    @Override
    public List<ForwardedChild> forwarded() {
        return FORWARDED;
    }

    @Override
    public String children() {
        // The last videoconvert lets the bin link to what follows (x264enc wants I420): a passthrough when
        // the downstream element takes the RGB the elements work in.
        return "videoconvert name=convert ! respikemotion name=motion active=false ! respikeinfer name=infer"
                + " ! respikeoverlay name=overlay silent=true ! videoconvert name=out";
    }

    @Override
    public BinLogic create(BinHost host) {
        return new BinLogic() {
            /** True while the bin's name stands in for an empty stream-id. */
            private boolean named;

            @Override
            public void setProperty(String name, Object value) {
                if (name.equals("roi")) {
                    host.setChildProperty("motion", "active", value.equals("motion"));
                    host.setChildProperty("infer", "inference-region", value.equals("frame") ? "full-frame" : "roi-list");
                } else {
                    host.setChildProperty("overlay", "silent", !(Boolean) value);
                }
            }

            @Override
            public Object getProperty(String name) {
                if (name.equals("roi")) {
                    if ((Boolean) host.getChildProperty("motion", "active")) {
                        return "motion";
                    }
                    return "roi-list".equals(host.getChildProperty("infer", "inference-region")) ? "upstream" : "frame";
                }
                return !(Boolean) host.getChildProperty("overlay", "silent");
            }

            /** An empty stream-id means the name the user gave: the bin's, not "infer". */
            @Override
            public void starting(String binName) {
                if ("".equals(host.getChildProperty("infer", "stream-id"))) {
                    host.setChildProperty("infer", "stream-id", binName);
                    named = true;
                }
            }

            @Override
            public void stopped() {
                if (named) {
                    host.setChildProperty("infer", "stream-id", "");
                    named = false;
                }
            }
        };
    }
}
