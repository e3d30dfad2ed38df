package org.respike.plugin.gst;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.respike.elements.spi.PropertySpec;

/** Conversions between Java values and GValues. */
final class GValues {
    private GValues() {}

    private static final ThreadLocal<Memory> SCRATCH = ThreadLocal.withInitial(() -> new Memory(Layout.VALUE_SIZE));

    /** A zeroed GValue in JVM memory (unset it after use when it was initialised). */
    static Memory allocate() {
        Memory m = new Memory(Layout.VALUE_SIZE);
        m.clear();
        return m;
    }

    /**
     * A zeroed GValue to hold {@code v}, to be handed to a function that takes its contents (a structure's
     * take_value): this thread's scratch for a scalar, so a meta per buffer allocates no JNA memory (each
     * allocation registers in JNA's global tables), a fresh one for a map, array or collection, whose
     * elements are built with GValues of their own while it is being set.
     */
    static Memory forTaking(Object v) {
        if (v instanceof Map || v instanceof Collection || v != null && v.getClass().isArray()) {
            return allocate();
        }
        Memory m = SCRATCH.get();
        m.clear();
        return m;
    }

    /** Reads a property value of {@code spec}'s type. */
    static Object readProperty(Pointer value, PropertySpec spec) {
        return switch (spec.type()) {
            case STRING -> CStrings.read(GObjectApi.g_value_get_string(value));
            case BOOLEAN -> GObjectApi.g_value_get_boolean(value) != 0;
            case INT -> GObjectApi.g_value_get_int(value);
            case DOUBLE -> GObjectApi.g_value_get_double(value);
            case ENUM -> spec.nicks().get(GObjectApi.g_value_get_enum(value));
        };
    }

    /** Writes {@code v} (or the spec's default when null) into an initialised property GValue. */
    static void writeProperty(Pointer value, PropertySpec spec, Object v) {
        Object x = v == null ? spec.defaultValue() : v;
        switch (spec.type()) {
            case STRING -> GObjectApi.g_value_set_string(value, CStrings.utf8(x == null ? null : x.toString()));
            case BOOLEAN -> GObjectApi.g_value_set_boolean(value, Boolean.TRUE.equals(x) ? 1 : 0);
            case INT -> GObjectApi.g_value_set_int(value, x == null ? 0 : ((Number) x).intValue());
            case DOUBLE -> GObjectApi.g_value_set_double(value, x == null ? 0 : ((Number) x).doubleValue());
            case ENUM -> GObjectApi.g_value_set_enum(value, Math.max(0, spec.nicks().indexOf(x)));
        }
    }

    /**
      * Initialises {@code value} from a Java value: String, Integer, Long, Double, Float, Boolean, primitive
      * arrays and collections (GstValueArray), nested maps (GstStructure); anything else as its string.
      */
    static void set(Pointer value, String name, Object v) {
        if (v instanceof String s) {
            GObjectApi.g_value_init(value, Layout.TYPE_STRING);
            GObjectApi.g_value_set_string(value, CStrings.scratch(s));
        } else if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            GObjectApi.g_value_init(value, Layout.TYPE_INT);
            GObjectApi.g_value_set_int(value, ((Number) v).intValue());
        } else if (v instanceof Long l) {
            GObjectApi.g_value_init(value, Layout.TYPE_INT64);
            GObjectApi.g_value_set_int64(value, l);
        } else if (v instanceof Double d) {
            GObjectApi.g_value_init(value, Layout.TYPE_DOUBLE);
            GObjectApi.g_value_set_double(value, d);
        } else if (v instanceof Float f) {
            GObjectApi.g_value_init(value, Layout.TYPE_FLOAT);
            GObjectApi.g_value_set_float(value, f);
        } else if (v instanceof Boolean b) {
            GObjectApi.g_value_init(value, Layout.TYPE_BOOLEAN);
            GObjectApi.g_value_set_boolean(value, b ? 1 : 0);
        } else if (v instanceof Map<?, ?> m) {
            GObjectApi.g_value_init(value, GstApi.gst_structure_get_type());
            GObjectApi.g_value_take_boxed(value, Structures.create(name, m));
        } else if (v != null && v.getClass().isArray()) {
            GObjectApi.g_value_init(value, GstApi.gst_value_array_get_type());
            for (int i = 0, n = Array.getLength(v); i < n; i++) {
                appendTo(value, name, Array.get(v, i));
            }
        } else if (v instanceof Collection<?> c) {
            GObjectApi.g_value_init(value, GstApi.gst_value_array_get_type());
            for (Object item : c) {
                appendTo(value, name, item);
            }
        } else {
            GObjectApi.g_value_init(value, Layout.TYPE_STRING);
            GObjectApi.g_value_set_string(value, CStrings.scratch(String.valueOf(v)));
        }
    }

    private static void appendTo(Pointer array, String name, Object item) {
        Memory element = forTaking(item);
        set(element, name, item);
        GstApi.gst_value_array_append_and_take_value(array, element);
    }

    /**
      * A Java copy of a GValue: Boolean, Integer, Long, Float, Double, String, List (arrays), Map (structures),
      * enums as their nick, caps as their string; other types as gst_value_serialize gives them.
      */
    static Object get(Pointer value) {
        long type = value.getLong(0);
        long fundamental = GObjectApi.g_type_fundamental(type);
        if (fundamental == Layout.TYPE_BOOLEAN) {
            return GObjectApi.g_value_get_boolean(value) != 0;
        } else if (fundamental == Layout.TYPE_INT) {
            return GObjectApi.g_value_get_int(value);
        } else if (fundamental == Layout.TYPE_UINT) {
            return Integer.toUnsignedLong(GObjectApi.g_value_get_uint(value));
        } else if (fundamental == Layout.TYPE_INT64 || fundamental == Layout.TYPE_UINT64) {
            return fundamental == Layout.TYPE_INT64
                    ? GObjectApi.g_value_get_int64(value) : GObjectApi.g_value_get_uint64(value);
        } else if (fundamental == Layout.TYPE_FLOAT) {
            return GObjectApi.g_value_get_float(value);
        } else if (fundamental == Layout.TYPE_DOUBLE) {
            return GObjectApi.g_value_get_double(value);
        } else if (fundamental == Layout.TYPE_STRING) {
            return CStrings.read(GObjectApi.g_value_get_string(value));
        } else if (fundamental == Layout.TYPE_ENUM) {
            return enumNick(type, GObjectApi.g_value_get_enum(value));
        } else if (type == GstApi.gst_structure_get_type()) {
            return Structures.toMap(GObjectApi.g_value_get_boxed(value));
        } else if (type == GstApi.gst_caps_get_type()) {
            Pointer caps = GObjectApi.g_value_get_boxed(value);
            return caps == null ? null : CStrings.take(GstApi.gst_caps_to_string(caps));
        } else if (type == GstApi.gst_value_array_get_type()) {
            int n = GstApi.gst_value_array_get_size(value);
            List<Object> items = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                items.add(get(GstApi.gst_value_array_get_value(value, i)));
            }
            return items;
        }
        return CStrings.take(GstApi.gst_value_serialize(value));
    }

    /** The nick of {@code v} in the GEnum {@code type}. */
    private static String enumNick(long type, int v) {
        Pointer enumClass = GObjectApi.g_type_class_peek(type);
        if (enumClass == null) {
            enumClass = GObjectApi.g_type_class_ref(type); // kept: enum classes live as long as their static types
        }
        Pointer enumValue = GObjectApi.g_enum_get_value(enumClass, v);
        return enumValue == null ? Integer.toString(v) : CStrings.read(enumValue.getPointer(Layout.ENUM_VALUE_NICK));
    }
}
