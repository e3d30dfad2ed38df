package org.respike.plugin.testelements;

import java.util.List;
import org.respike.elements.spi.BasicElementDefinition;
import org.respike.elements.spi.ElementHost;
import org.respike.elements.spi.PropertyValues;
import org.respike.elements.spi.ElementMetadata;
import org.respike.elements.spi.PropertySpec;
import org.respike.elements.spi.VideoElement;
import org.respike.elements.spi.VideoFrame;

/** respiketestbadstart: start() throws, as when a model bundle is missing (TEST ONLY). */
public final class BadStartElement extends BasicElementDefinition {
    public BadStartElement() {
        super("respiketestbadstart",
                new ElementMetadata("ReSpike test bad start", "Filter/Video", "start() throws (test only)", "ReSpike tests"),
                List.of(),
                "video/x-raw",
                true,
                BadStartElement::logic);
    }

    private static VideoElement logic(ElementHost host, PropertyValues props) {
        return new TestLogic(host, props) {
            @Override
            public void start() throws Exception {
                throw new java.io.FileNotFoundException("model bundle /nonexistent/bundle not found");
            }

            @Override
            public void process(VideoFrame frame) {}
        };
    }
}
