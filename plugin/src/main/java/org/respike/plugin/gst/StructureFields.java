package org.respike.plugin.gst;

import java.util.Map;
import org.freedesktop.gstreamer.Structure;
import org.freedesktop.gstreamer.glib.Natives;

/**
 * The fields of a GstStructure that a gst1-java-core application holds (a bus message's, a meta's), copied
 * to Java: nested structures (respike-action's scores) as maps, arrays as lists. Read them this way rather
 * than with gst1-java-core 1.4's {@code Structure.getValue}: on a nested structure field it returns a
 * wrapper that frees the nested structure when collected although the message still owns it, and the JVM
 * crashes later (SIGSEGV in g_type_check_value when the message is freed).
 */
public final class StructureFields {
    private StructureFields() {}

    /** e.g. {@code ActionResult.fromFields(StructureFields.of(message.getStructure()))}. */
    public static Map<String, Object> of(Structure structure) {
        return Structures.toMap(Natives.getRawPointer(structure));
    }
}
