package org.respike.plugin.testelements;

import java.util.List;
import org.respike.elements.spi.BasicElementDefinition;
import org.respike.elements.spi.ElementHost;
import org.respike.elements.spi.PropertyValues;
import org.respike.elements.spi.ElementMetadata;
import org.respike.elements.spi.PropertySpec;
import org.respike.elements.spi.VideoElement;
import org.respike.elements.spi.VideoFormat;
import org.respike.elements.spi.VideoFrame;

/** respiketestpass: a read-only element that does nothing but read one byte, for the overhead benchmark. */
public final class PassElement extends BasicElementDefinition {
    public PassElement() {
        super("respiketestpass",
                new ElementMetadata("ReSpike test passthrough", "Filter/Video", "Does nothing (benchmark)", "ReSpike tests"),
                List.of(),
                "video/x-raw",
                true,
                PassElement::logic);
    }

    private static VideoElement logic(ElementHost host, PropertyValues props) {
        return new VideoElement() {
            private long sum;

            @Override
            public void start() {}

            @Override
            public void setFormat(VideoFormat format) {}

            @Override
            public void process(VideoFrame frame) {
                sum += frame.data().get(0);
            }

            @Override
            public void flush() {}

            @Override
            public void eos() {}

            @Override
            public void stop() {}

            @Override
            public void close() {}
        };
    }
}
