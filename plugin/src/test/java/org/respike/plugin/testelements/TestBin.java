package org.respike.plugin.testelements;

import java.util.List;
import org.respike.elements.spi.BinDefinition;
import org.respike.elements.spi.ElementMetadata;
import org.respike.elements.spi.PropertySpec;

/** respiketestbin: identity ! respiketestcount, its label property routed to the counter (TEST ONLY). */
public final class TestBin implements BinDefinition {
    @Override
    public String factoryName() {
        return "respiketestbin";
    }

    @Override
    public ElementMetadata metadata() {
        return new ElementMetadata("ReSpike test bin", "Filter/Video", "A tiny bin (test only)", "ReSpike tests");
    }

    @Override
    public List<PropertySpec> properties() {
        return List.of(
                PropertySpec.string("label", "Label", "Routed to the counter's label", "none"),
                PropertySpec.integer("width", "Width", "Routed to the capsfilter", 64, 16, 4096));
    }

    @Override
    public String children() {
        return "videoscale ! capsfilter name=size caps=video/x-raw,width=64,height=48 ! respiketestcount name=counter";
    }

    @Override
    public BinLogic create(BinHost host) {
        return new BinLogic() {
            @Override
            public void setProperty(String name, Object value) {
                switch (name) {
                    case "label" -> host.setChildProperty("counter", "label", value);
                    case "width" -> host.setChildProperty("size", "caps", "video/x-raw,width=" + value + ",height=48");
                    default -> throw new IllegalArgumentException(name);
                }
            }

            @Override
            public Object getProperty(String name) {
                return switch (name) {
                    case "label" -> host.getChildProperty("counter", "label");
                    case "width" -> {
                        String caps = String.valueOf(host.getChildProperty("size", "caps"));
                        yield Integer.parseInt(caps.replaceAll(".*width=\\(int\\)(\\d+).*", "$1"));
                    }
                    default -> throw new IllegalArgumentException(name);
                };
            }
        };
    }
}
