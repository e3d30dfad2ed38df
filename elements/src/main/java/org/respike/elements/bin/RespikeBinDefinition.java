package org.respike.elements.bin;

import java.util.List;
import org.respike.elements.infer.InferElementDefinition;
import org.respike.elements.spi.BinDefinition;
import org.respike.elements.spi.ElementMetadata;
import org.respike.elements.spi.PropertySpec;

/**
 * respikebin: the whole job under one element name. videoconvert brings any raw video to a format the
 * elements read; respikeinfer groups and recognises; respikeoverlay optionally draws. The model's frame
 * rate, groups and input size are applied inside respikeinfer (timestamp sampling, grouping and resizing
 * in the engine) rather than by videorate and videoscale, so the video leaving the bin keeps its size and
 * frame rate and can be encoded with its annotations. respikeinfer's properties appear on the bin as
 * they are.
 */
public final class RespikeBinDefinition implements BinDefinition {

    private static final List<PropertySpec> PROPERTIES = List.of(
            PropertySpec.bool("overlay", "Overlay",
                    "Draw the recognised action, spike rate and energy onto the video", false));

    private static final List<ForwardedChild> FORWARDED = List.of(
            new ForwardedChild("infer", new InferElementDefinition()));

    @Override
    public String factoryName() {
        return "respikebin";
    }

    @Override
    public ElementMetadata metadata() {
        return new ElementMetadata("ReSpike action recognition bin", "Filter/Analyzer/Video",
                "Converts, recognises and optionally annotates: videoconvert ! respikeinfer ! respikeoverlay ! "
                        + "videoconvert. Video leaves with its own size and frame rate. Example: "
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
        return "videoconvert name=convert ! respikeinfer name=infer ! respikeoverlay name=overlay silent=true "
                + "! videoconvert name=out";
    }

    @Override
    public BinLogic create(BinHost host) {
        return new BinLogic() {
            /** True while the bin's name stands in for an empty stream-id. */
            private boolean named;

            @Override
            public void setProperty(String name, Object value) {
                host.setChildProperty("overlay", "silent", !(Boolean) value);
            }

            @Override
            public Object getProperty(String name) {
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
