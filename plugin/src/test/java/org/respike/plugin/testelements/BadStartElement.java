package org.respike.plugin.testelements;

import java.util.List;
import org.respike.elements.spi.ElementDefinition;
import org.respike.elements.spi.ElementHost;
import org.respike.elements.spi.ElementMetadata;
import org.respike.elements.spi.PropertySpec;
import org.respike.elements.spi.VideoElement;
import org.respike.elements.spi.VideoFrame;

/** respiketestbadstart: start() throws, as when a model bundle is missing (TEST ONLY). */
public final class BadStartElement implements ElementDefinition {
    @Override
    public String factoryName() {
        return "respiketestbadstart";
    }

    @Override
    public ElementMetadata metadata() {
        return new ElementMetadata("ReSpike test bad start", "Filter/Video", "start() throws (test only)", "ReSpike tests");
    }

    @Override
    public List<PropertySpec> properties() {
        return List.of();
    }

    @Override
    public String caps() {
        return "video/x-raw";
    }

    @Override
    public boolean readOnly() {
        return true;
    }

    @Override
    public VideoElement create(ElementHost host) {
        return new TestLogic(host, List.of()) {
            @Override
            public void start() throws Exception {
                throw new java.io.FileNotFoundException("model bundle /nonexistent/bundle not found");
            }

            @Override
            public void process(VideoFrame frame) {}
        };
    }
}
