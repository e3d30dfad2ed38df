package org.respike.plugin.testelements;

import java.util.List;
import org.respike.elements.spi.BasicElementDefinition;
import org.respike.elements.spi.ElementHost;
import org.respike.elements.spi.PropertyValues;
import org.respike.elements.spi.ElementMetadata;
import org.respike.elements.spi.PropertySpec;
import org.respike.elements.spi.VideoElement;
import org.respike.elements.spi.VideoFrame;

/** respiketestfail: throws in process() from buffer number fail-at on (TEST ONLY). */
public final class FailElement extends BasicElementDefinition {
    public FailElement() {
        super("respiketestfail",
                new ElementMetadata("ReSpike test failure", "Filter/Video", "Throws in process() (test only)", "ReSpike tests"),
                PROPERTIES,
                "video/x-raw",
                true,
                FailElement::logic);
    }

    static final List<PropertySpec> PROPERTIES = List.of(
            PropertySpec.integer("fail-at", "Fail at", "Index of the first buffer that throws", 5, 0, 1_000_000));

    private static VideoElement logic(ElementHost host, PropertyValues props) {
        return new TestLogic(host, props) {
            @Override
            public void process(VideoFrame frame) {
                if (recorder().processed.getAndIncrement() >= props.integer("fail-at")) {
                    throw new IllegalStateException("deliberate failure in process() at pts " + frame.pts());
                }
            }
        };
    }
}
