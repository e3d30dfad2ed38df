package org.respike.elements.bin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.respike.elements.RespikeHome;
import org.respike.elements.infer.InferElementDefinition;
import org.respike.elements.spi.BinDefinition;
import org.respike.elements.spi.ElementMetadata;
import org.respike.elements.spi.PropertySpec;
import org.respike.models.bundle.BundleException;
import org.respike.models.bundle.Manifest;

/**
 * respikebin: the whole job under one element name. videoconvert brings any raw video to a format the
 * elements read; respikeresidual tags key and residual frames; respikeinfer recognises; respikeoverlay
 * optionally draws. The model's frame rate and input size are applied inside (timestamp sampling and
 * resizing in the engine) rather than by videorate and videoscale, so the video leaving the bin keeps
 * its size and frame rate and can be encoded with its annotations.
 */
public final class RespikeBinDefinition implements BinDefinition {

    /** respikeinfer's properties, exposed on the bin under the same names. */
    private static final List<String> INFER_PROPERTIES = List.of(
            "model", "device", "device-id", "threads", "stream-id", "window", "fps", "min-score", "json-output",
            "flush-on-eos");

    private static final List<PropertySpec> PROPERTIES = binProperties();

    private static List<PropertySpec> binProperties() {
        List<PropertySpec> specs = new ArrayList<>();
        for (PropertySpec p : new InferElementDefinition().properties()) {
            if (INFER_PROPERTIES.contains(p.name())) {
                specs.add(p);
            }
        }
        specs.add(PropertySpec.bool("overlay", "Overlay",
                "Draw the recognised action, spike rate and energy onto the video", false));
        return List.copyOf(specs);
    }

    @Override
    public String factoryName() {
        return "respikebin";
    }

    @Override
    public ElementMetadata metadata() {
        return new ElementMetadata("ReSpike action recognition bin", "Filter/Analyzer/Video",
                "Converts, groups, recognises and optionally annotates: videoconvert ! respikeresidual ! "
                        + "respikeinfer ! respikeoverlay ! videoconvert. Video leaves with its own size and frame rate. Example: "
                        + "gst-launch-1.0 -m filesrc location=clip.mp4 ! decodebin ! respikebin overlay=true ! "
                        + "videoconvert ! autovideosink",
                "ReSpike for GStreamer");
    }

    @Override
    public List<PropertySpec> properties() {
        return PROPERTIES;
    }

    @Override
    public String children() {
        // The last videoconvert lets the bin link to what follows (x264enc wants I420): a passthrough when
        // the downstream element takes the RGB the elements work in.
        return "videoconvert name=convert ! respikeresidual name=residual ! respikeinfer name=infer "
                + "! respikeoverlay name=overlay silent=true ! videoconvert name=out";
    }

    @Override
    public BinLogic create(BinHost host) {
        configureResidual(host, "");
        return new BinLogic() {
            @Override
            public void setProperty(String name, Object value) {
                if (name.equals("overlay")) {
                    host.setChildProperty("overlay", "silent", !(Boolean) value);
                    return;
                }
                host.setChildProperty("infer", name, value);
                if (name.equals("model") || name.equals("fps")) {
                    configureResidual(host, (String) host.getChildProperty("infer", "model"));
                }
            }

            @Override
            public Object getProperty(String name) {
                if (name.equals("overlay")) {
                    return !(Boolean) host.getChildProperty("overlay", "silent");
                }
                return host.getChildProperty("infer", name);
            }
        };
    }

    /** The residual tags follow the model's groups: its stride and (unless overridden) frame rate. */
    private static void configureResidual(BinHost host, String model) {
        Path manifestFile;
        try {
            manifestFile = RespikeHome.model(model).resolve(Manifest.FILE);
        } catch (IllegalStateException noCheckout) {
            return; // respikeinfer reports the missing model when the pipeline starts
        }
        if (!Files.isRegularFile(manifestFile)) {
            return;
        }
        Manifest manifest;
        try {
            manifest = Manifest.read(manifestFile);
        } catch (BundleException broken) {
            return; // respikeinfer reports the broken bundle, with the file and field, when the pipeline starts
        }
        double fps = ((Number) host.getChildProperty("infer", "fps")).doubleValue();
        host.setChildProperty("residual", "stride", manifest.stride());
        host.setChildProperty("residual", "fps", fps > 0 ? fps : manifest.fps());
    }
}
