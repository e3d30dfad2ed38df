package org.respike.plugin.gst;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
  * GstCustomMeta (GStreamer >= 1.20): a named GstStructure attached to a buffer. Each name is registered once
  * per process (gst_meta_register_custom); copies of the buffer carry the meta.
  */
public final class CustomMetas {
    private static final Set<String> REGISTERED = ConcurrentHashMap.newKeySet();
    /** An empty, NULL-terminated tags array. */
    private static final Memory NO_TAGS = new Memory(Native.POINTER_SIZE);

    static {
        NO_TAGS.setPointer(0, null);
    }

    private CustomMetas() {}

    /** Attaches a meta named {@code name} (a valid GType name, e.g. {@code RespikeResultMeta}) to a writable buffer. */
    static void add(Pointer buffer, String name, Map<String, Object> fields) {
        register(name);
        if (GstApi.gst_mini_object_is_writable(buffer) == 0) {
            throw new IllegalStateException("buffer is not writable: cannot add meta " + name);
        }
        Pointer meta = GstApi.gst_buffer_add_custom_meta(buffer, name);
        if (meta == null) {
            throw new IllegalStateException("gst_buffer_add_custom_meta failed for " + name);
        }
        Structures.fill(GstApi.gst_custom_meta_get_structure(meta), fields);
    }

    /**
      * The fields of the meta named {@code name} on {@code buffer} (a GstBuffer pointer, e.g. from a pad probe),
      * or null when the buffer has none.
      */
    public static Map<String, Object> read(Pointer buffer, String name) {
        if (!REGISTERED.contains(name) && GstApi.gst_meta_get_info(name) == null) {
            return null;
        }
        Pointer meta = GstApi.gst_buffer_get_custom_meta(buffer, name);
        return meta == null ? null : Structures.toMap(GstApi.gst_custom_meta_get_structure(meta));
    }

    private static void register(String name) {
        if (REGISTERED.contains(name)) {
            return;
        }
        synchronized (REGISTERED) {
            if (GstApi.gst_meta_get_info(name) == null
                    && GstApi.gst_meta_register_custom(name, NO_TAGS, null, null, null) == null) {
                throw new IllegalArgumentException("cannot register custom meta '" + name + "' (must be a valid GType name)");
            }
            REGISTERED.add(name);
        }
    }
}
