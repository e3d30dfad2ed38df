package org.respike.plugin.testelements;

import java.nio.ByteBuffer;
import java.util.List;
import org.respike.elements.spi.BasicElementDefinition;
import org.respike.elements.spi.ElementHost;
import org.respike.elements.spi.PropertyValues;
import org.respike.elements.spi.ElementMetadata;
import org.respike.elements.spi.PropertySpec;
import org.respike.elements.spi.VideoElement;
import org.respike.elements.spi.VideoFrame;

/** respiketestinvert: writes the frame in place (255 - byte), a writable element (TEST ONLY). */
public final class InvertElement extends BasicElementDefinition {
    public InvertElement() {
        super("respiketestinvert",
                new ElementMetadata("ReSpike test invert", "Filter/Effect/Video", "Inverts the frame (test only)",
                        "ReSpike tests"),
                List.of(), "video/x-raw,format=RGB", false, InvertElement::logic);
    }

    private static VideoElement logic(ElementHost host, PropertyValues props) {
        return new TestLogic(host, props) {
            @Override
            public void process(VideoFrame frame) {
                ByteBuffer data = frame.data();
                for (int i = 0, n = data.limit(); i < n; i++) {
                    data.put(i, (byte) (255 - (data.get(i) & 0xff)));
                }
                recorder().processed.incrementAndGet();
            }
        };
    }
}
