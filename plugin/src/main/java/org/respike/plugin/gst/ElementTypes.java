package org.respike.plugin.gst;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
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

    /**
      * G_OBJECT_WARN_INVALID_PROPERTY_ID: GLib only calls set/get_property with ids the class installed, so
      * another id is a bug in the glue, reported as GLib reports it (on stderr, fatal under G_DEBUG=fatal-warnings).
      */
    static void warnInvalidPropertyId(Pointer object, String typeName, int id, Pointer pspec) {
        String property = pspec == null ? "?" : CStrings.read(pspec.getPointer(Layout.PARAM_SPEC_NAME));
        G_LOG.invokeVoid(new Object[] {"GLib-GObject", Layout.LOG_LEVEL_WARNING, "%s",
                "invalid property id " + id + " for \"" + property + "\" of " + typeName + " " + object});
    }

    private static final Function G_LOG = NativeLibrary.getInstance("glib-2.0").getFunction("g_log");

    static String objectName(Pointer object) {
        return CStrings.take(GstApi.gst_object_get_name(object));
    }
}
