package org.respike.plugin.gst;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.util.LinkedHashMap;
import java.util.Map;

/** GstStructures from and to Java maps (see {@link GValues#set} for the value types). */
final class Structures {
    private Structures() {}

    /** A new GstStructure named {@code name} holding {@code fields}; the caller owns it. */
    static Pointer create(String name, Map<?, ?> fields) {
        Pointer s = GstApi.gst_structure_new_empty(name);
        if (s == null) {
            throw new IllegalArgumentException("invalid structure name '" + name
                    + "' (letters, digits and -_.:/ only, starting with a letter)");
        }
        fill(s, fields);
        return s;
    }

    /** Sets every entry of {@code fields} on {@code structure}; null values are left out. */
    static void fill(Pointer structure, Map<?, ?> fields) {
        for (Map.Entry<?, ?> e : fields.entrySet()) {
            if (e.getValue() == null) {
                continue;
            }
            String field = String.valueOf(e.getKey());
            Memory value = GValues.forTaking(e.getValue());
            GValues.set(value, field, e.getValue());
            GstApi.gst_structure_take_value(structure, field, value);
        }
    }

    /** A Java copy of a structure's fields, in order. */
    static Map<String, Object> toMap(Pointer structure) {
        Map<String, Object> fields = new LinkedHashMap<>();
        int n = GstApi.gst_structure_n_fields(structure);
        for (int i = 0; i < n; i++) {
            String field = CStrings.read(GstApi.gst_structure_nth_field_name(structure, i));
            fields.put(field, GValues.get(GstApi.gst_structure_get_value(structure, field)));
        }
        return fields;
    }

    static String toString(Pointer structure) {
        return structure == null ? "" : CStrings.take(GstApi.gst_structure_to_string(structure));
    }
}
