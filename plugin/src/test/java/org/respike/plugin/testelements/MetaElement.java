package org.respike.plugin.testelements;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.respike.elements.spi.BasicElementDefinition;
import org.respike.elements.spi.ElementHost;
import org.respike.elements.spi.PropertyValues;
import org.respike.elements.spi.ElementMetadata;
import org.respike.elements.spi.PropertySpec;
import org.respike.elements.spi.VideoElement;
import org.respike.elements.spi.VideoFrame;

/**
  * respiketestmeta: attaches a RespikeTestMeta to every buffer and posts a "respike-test" element message
  * every message-every buffers, with one field of each supported type (TEST ONLY).
  */
public final class MetaElement extends BasicElementDefinition {
    public MetaElement() {
        super("respiketestmeta",
                new ElementMetadata("ReSpike test meta", "Filter/Analyzer/Video",
                        "Adds metas and posts messages (test only)", "ReSpike tests"),
                PROPERTIES, "video/x-raw", true, MetaElement::logic);
    }

    public static final String META = "RespikeTestMeta";
    static final List<PropertySpec> PROPERTIES = List.of(
            PropertySpec.integer("message-every", "Message every", "Post a message every N buffers", 1, 1, 1000));

    /** The fields the element sends for buffer {@code index}. */
    public static Map<String, Object> fields(int index, long pts) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("index", index);
        f.put("pts", pts);
        f.put("score", 0.25 * index);
        f.put("ratio", 0.5f);
        f.put("key", index % 2 == 0);
        f.put("label", "class-" + index);
        f.put("scores", new float[] {0.125f, 0.875f});
        f.put("logits", new double[] {-1.5, 2.5});
        f.put("energy", Map.of("ops", 42L));
        f.put("labels", List.of("walk", "label of buffer " + index));
        f.put("top", List.of(Map.of("label", "run", "score", 0.5), Map.of("label", "wave", "score", 0.25)));
        return f;
    }

    private static VideoElement logic(ElementHost host, PropertyValues props) {
        return new TestLogic(host, props) {
            @Override
            public void process(VideoFrame frame) {
                int index = recorder().processed.getAndIncrement();
                Map<String, Object> f = fields(index, frame.pts());
                frame.addMeta(META, f);
                if (index % props.integer("message-every") == 0) {
                    host.postElementMessage("respike-test", f);
                }
            }
        };
    }
}
