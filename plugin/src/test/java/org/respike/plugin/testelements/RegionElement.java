package org.respike.plugin.testelements;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.respike.elements.spi.BasicElementDefinition;
import org.respike.elements.spi.ElementHost;
import org.respike.elements.spi.ElementMetadata;
import org.respike.elements.spi.PropertySpec;
import org.respike.elements.spi.PropertyValues;
import org.respike.elements.spi.Region;
import org.respike.elements.spi.VideoElement;
import org.respike.elements.spi.VideoFrame;

/**
 * respiketestregions: records the regions of interest on each buffer, then attaches those of its
 * {@code boxes} property, as a detector would (TEST ONLY).
 */
public final class RegionElement extends BasicElementDefinition {
    public RegionElement() {
        super("respiketestregions",
                new ElementMetadata("ReSpike test regions", "Filter/Analyzer/Video",
                        "Attaches and records GstVideoRegionOfInterestMetas (test only)", "ReSpike tests"),
                PROPERTIES, "video/x-raw", true, RegionElement::logic);
    }

    static final List<PropertySpec> PROPERTIES = List.of(
            PropertySpec.string("boxes", "Boxes",
                    "Regions to attach to every buffer: x,y,width,height[;...], ids 1, 2, ...; type person, a "
                            + "'detection' param with the box's index", ""));

    /** The regions of {@code boxes}. */
    public static List<Region> parse(String boxes) {
        List<Region> regions = new ArrayList<>();
        if (boxes.isEmpty()) {
            return regions;
        }
        String[] parts = boxes.split(";");
        for (int i = 0; i < parts.length; i++) {
            String[] v = parts[i].split(",");
            regions.add(new Region(i + 1, "person", Integer.parseInt(v[0].trim()), Integer.parseInt(v[1].trim()),
                    Integer.parseInt(v[2].trim()), Integer.parseInt(v[3].trim()), Map.of("detection", Map.of("index", i))));
        }
        return regions;
    }

    private static VideoElement logic(ElementHost host, PropertyValues props) {
        return new TestLogic(host, props) {
            @Override
            public void process(VideoFrame frame) {
                recorder().processed.incrementAndGet();
                recorder().regions.add(frame.regions());
                parse(props.string("boxes")).forEach(frame::addRegion);
            }
        };
    }
}
