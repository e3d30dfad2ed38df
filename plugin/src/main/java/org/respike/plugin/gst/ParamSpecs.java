package org.respike.plugin.gst;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.respike.elements.spi.PropertySpec;

/**
  * Installs PropertySpecs as GObject properties: GLib then checks every value set on them (type, range,
  * enum value) before the element sees it. Choices become GEnum types, one per property of its defining
  * element, shared by every class that installs that property (a bin forwarding its child's).
  */
final class ParamSpecs {
    private static final Map<String, Long> ENUM_TYPES = new ConcurrentHashMap<>();
    /** The GEnumValue arrays: GLib keeps them for the life of their types, the process's. */
    private static final List<Memory> KEPT = new CopyOnWriteArrayList<>();

    private ParamSpecs() {}

    /**
      * Installs {@code properties}, defined by the element factory {@code owner}, on {@code klass} with ids
      * firstId, firstId + 1, ... in order. The class's set_property and get_property must already be set.
      */
    static void install(Pointer klass, String owner, List<PropertySpec> properties, int firstId) {
        for (int i = 0; i < properties.size(); i++) {
            GObjectApi.g_object_class_install_property(klass, firstId + i, create(owner, properties.get(i)));
        }
    }

    private static Pointer create(String owner, PropertySpec p) {
        int flags = Layout.PARAM_READWRITE | (p.readAtStart() ? Layout.PARAM_MUTABLE_READY : Layout.PARAM_MUTABLE_PLAYING);
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
            case ENUM -> GObjectApi.g_param_spec_enum(p.name(), CStrings.utf8(nick), CStrings.utf8(blurb),
                    enumType(owner, p), p.nicks().indexOf(def), flags);
        };
        if (spec == null) {
            throw new IllegalArgumentException("GLib rejected property " + p
                    + " (name: letters, digits and '-', starting with a letter; default within [min, max])");
        }
        return spec;
    }

    /** The GEnum of a choice, e.g. {@code GstRespikeinferDevice}; its values are the choices' indexes. */
    private static long enumType(String owner, PropertySpec p) {
        String name = ElementType.typeName(owner + "-" + p.name());
        return ENUM_TYPES.computeIfAbsent(name, n -> {
            if (GObjectApi.g_type_from_name(n) != 0) {
                throw new IllegalStateException("GType " + n + " exists but was not registered by this glue");
            }
            List<PropertySpec.Choice> choices = p.choices();
            Memory values = new Memory((long) (choices.size() + 1) * Layout.ENUM_VALUE_SIZE);
            values.clear();
            for (int i = 0; i < choices.size(); i++) {
                long at = (long) i * Layout.ENUM_VALUE_SIZE;
                values.setInt(at + Layout.ENUM_VALUE_VALUE, i);
                values.setPointer(at + Layout.ENUM_VALUE_NAME, CStrings.glibCopy(choices.get(i).description()));
                values.setPointer(at + Layout.ENUM_VALUE_NICK, CStrings.glibCopy(choices.get(i).nick()));
            }
            long type = GObjectApi.g_enum_register_static(n, values);
            if (type == 0) {
                throw new IllegalStateException("g_enum_register_static failed for " + n);
            }
            KEPT.add(values);
            return type;
        });
    }
}
