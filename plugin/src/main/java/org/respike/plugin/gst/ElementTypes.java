package org.respike.plugin.gst;

import com.sun.jna.Pointer;
import org.respike.elements.spi.ElementMetadata;

/** What the base-transform and bin registrations share: type names, metadata, pad templates. */
final class ElementTypes {
    private ElementTypes() {}

    /** GType name for a factory: {@code respikeinfer} becomes {@code GstRespikeinfer}. */
    static String typeName(String factoryName) {
        StringBuilder b = new StringBuilder("Gst");
        boolean upper = true;
        for (char c : factoryName.toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                b.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            } else {
                upper = true;
            }
        }
        return b.toString();
    }

    static void setMetadata(Pointer klass, ElementMetadata m) {
        // The copying variant: the strings below are JVM memory that goes away.
        GstApi.gst_element_class_set_metadata(klass, CStrings.utf8(m.longName()), CStrings.utf8(m.klass()),
                CStrings.utf8(m.description()), CStrings.utf8(m.author()));
    }

    /** Always-present "sink" and "src" pad templates with the same caps. */
    static void addPadTemplates(Pointer klass, String caps) {
        for (String name : new String[] {"sink", "src"}) {
            Pointer c = GstApi.gst_caps_from_string(caps);
            if (c == null) {
                throw new IllegalArgumentException("invalid caps: " + caps);
            }
            int direction = name.equals("sink") ? Layout.PAD_SINK : Layout.PAD_SRC;
            GstApi.gst_element_class_add_pad_template(klass,
                    GstApi.gst_pad_template_new(name, direction, Layout.PAD_ALWAYS, c));
            GstApi.gst_mini_object_unref(c);
        }
    }

    static String objectName(Pointer object) {
        return CStrings.take(GstApi.gst_object_get_name(object));
    }
}
