package org.respike.plugin.gst;

import com.sun.jna.Pointer;
import java.util.List;
import org.respike.elements.spi.PropertySpec;

/** Installs PropertySpecs as GObject properties and checks values set on them. */
final class ParamSpecs {
    private ParamSpecs() {}

    /**
      * Installs {@code properties} on {@code klass} with ids 1..n, in order. The class's set_property and
      * get_property must already be set.
      */
    static void install(Pointer klass, List<PropertySpec> properties) {
        for (int i = 0; i < properties.size(); i++) {
            GObjectApi.g_object_class_install_property(klass, i + 1, create(properties.get(i)));
        }
    }

    private static Pointer create(PropertySpec p) {
        int flags = Layout.PARAM_READWRITE | Layout.PARAM_MUTABLE_PLAYING;
        Object def = p.defaultValue();
        String nick = p.nick() == null ? p.name() : p.nick();
        String blurb = p.blurb() == null ? nick : p.blurb();
        Pointer spec = switch (p.type()) {
            case STRING -> GObjectApi.g_param_spec_string(p.name(), CStrings.utf8(nick), CStrings.utf8(blurb),
                    CStrings.utf8(def == null ? null : def.toString()), flags);
            case BOOLEAN -> GObjectApi.g_param_spec_boolean(p.name(), CStrings.utf8(nick), CStrings.utf8(blurb),
                    Boolean.TRUE.equals(def) ? 1 : 0, flags);
            case INT -> GObjectApi.g_param_spec_int(p.name(), CStrings.utf8(nick), CStrings.utf8(blurb),
                    (int) p.min(), (int) p.max(), ((Number) def).intValue(), flags);
            case DOUBLE -> GObjectApi.g_param_spec_double(p.name(), CStrings.utf8(nick), CStrings.utf8(blurb),
                    p.min(), p.max(), ((Number) def).doubleValue(), flags);
        };
        if (spec == null) {
            throw new IllegalArgumentException("GLib rejected property " + p
                    + " (name: letters, digits and '-', starting with a letter; default within [min, max])");
        }
        return spec;
    }

    /** Why {@code value} is not acceptable for {@code spec} (choices), or null. GLib checks types and ranges. */
    static String problem(PropertySpec spec, Object value) {
        if (!spec.choices().isEmpty() && !spec.choices().contains(value)) {
            return "property '" + spec.name() + "': '" + value + "' is not one of " + spec.choices();
        }
        return null;
    }
}
