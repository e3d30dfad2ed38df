package org.respike.plugin.testelements;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * {@code boxes} property, or those of its {@code boxes-file} line for the frame, as a detector would (TEST ONLY).
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
                            + "'detection' param with the box's index", ""),
            PropertySpec.string("boxes-file", "Boxes file",
                    "Per-frame regions to attach: line n (from 0) holds frame n's, id:x,y,width,height[;...]; "
                            + "frames past its end get none", ""));

    /** The regions of a {@code boxes-file} line. */
    public static List<Region> parseLine(String line) {
        List<Region> regions = new ArrayList<>();
        for (String part : line.isBlank() ? new String[0] : line.split(";")) {
            String[] idBox = part.split(":");
            Region r = parse(idBox[1]).get(0);
            regions.add(new Region(Integer.parseInt(idBox[0].trim()), r.type(), r.x(), r.y(), r.width(), r.height(),
                    Map.of()));
        }
        return regions;
    }

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
            private List<String> lines = List.of();
            private int frames;

            @Override
            public void start() throws Exception {
                super.start();
                lines = readLines(props.string("boxes-file"));
                frames = 0;
            }

            @Override
            public void process(VideoFrame frame) {
                int n = frames++;
                recorder().processed.incrementAndGet();
                recorder().regions.add(frame.regions());
                parse(props.string("boxes")).forEach(frame::addRegion);
                if (n < lines.size()) {
                    parseLine(lines.get(n)).forEach(frame::addRegion);
                }
            }
        };
    }

    private static List<String> readLines(String file) {
        try {
            return file.isEmpty() ? List.of() : Files.readAllLines(Path.of(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
