package org.respike.plugin.gst;

import com.sun.jna.Callback;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;

/** libgstreamer-1.0 functions, bound by JNA direct mapping. */
final class GstApi {
    static {
        Native.register(NativeLibrary.getInstance("gstreamer-1.0"));
    }

    private GstApi() {}

    // Registration
    static native int gst_element_register(Pointer plugin, String name, int rank, long type);

    static native int gst_plugin_register_static(int major, int minor, String name, String description,
            Callback init, String version, String license, String source, String pkg, String origin);

    static native void gst_segtrap_set_enabled(int enabled);

    static native void gst_element_class_set_metadata(Pointer klass, Pointer longName, Pointer classification,
            Pointer description, Pointer author);

    static native Pointer gst_caps_from_string(String caps);

    static native Pointer gst_caps_to_string(Pointer caps);

    static native long gst_caps_get_type();

    static native Pointer gst_pad_template_new(String name, int direction, int presence, Pointer caps);

    static native void gst_element_class_add_pad_template(Pointer klass, Pointer template);

    static native long gst_bin_get_type();

    // Objects
    static native Pointer gst_object_get_name(Pointer object);

    static native Pointer gst_object_get_parent(Pointer object);

    static native Pointer gst_object_ref(Pointer object);

    /** A new reference to the parent, or null. */
    static native int gst_object_set_name(Pointer object, String name);

    static native Pointer gst_object_ref_sink(Pointer object);

    static native void gst_object_unref(Pointer object);

    static native void gst_mini_object_unref(Pointer object);

    static native int gst_mini_object_is_writable(Pointer object);

    static native void gst_util_set_object_arg(Pointer object, String name, String value);

    // Buffers and segments
    static native int gst_buffer_map(Pointer buffer, Pointer info, int flags);

    static native void gst_buffer_unmap(Pointer buffer, Pointer info);

    static native long gst_segment_to_running_time(Pointer segment, int format, long position);

    // Structures and values
    static native Pointer gst_structure_new_empty(String name);

    static native void gst_structure_free(Pointer structure);

    static native void gst_structure_take_value(Pointer structure, String field, Pointer value);

    static native Pointer gst_structure_get_name(Pointer structure);

    static native int gst_structure_n_fields(Pointer structure);

    static native Pointer gst_structure_nth_field_name(Pointer structure, int index);

    static native Pointer gst_structure_get_value(Pointer structure, String field);

    static native Pointer gst_structure_to_string(Pointer structure);

    static native long gst_structure_get_type();

    static native long gst_value_array_get_type();

    static native void gst_value_array_append_and_take_value(Pointer array, Pointer value);

    static native int gst_value_array_get_size(Pointer array);

    static native Pointer gst_value_array_get_value(Pointer array, int index);

    static native Pointer gst_value_serialize(Pointer value);

    // Messages and errors
    static native Pointer gst_message_new_element(Pointer src, Pointer structure);

    static native int gst_element_post_message(Pointer element, Pointer message);

    static native void gst_element_message_full(Pointer element, int type, int domain, int code, Pointer text,
            Pointer debug, String file, String function, int line);

    static native int gst_stream_error_quark();

    static native int gst_resource_error_quark();

    static native Pointer gst_message_get_structure(Pointer message);

    static native void gst_message_parse_error(Pointer message, Pointer gerror, Pointer debug);

    static native void gst_message_parse_warning(Pointer message, Pointer gerror, Pointer debug);

    // Debug log
    static native Pointer _gst_debug_category_new(String name, int color, String description);

    static native int gst_debug_category_get_threshold(Pointer category);

    static native void gst_debug_log_literal(Pointer category, int level, String file, String function, int line,
            Pointer object, Pointer message);

    // Custom meta (GStreamer >= 1.20)
    static native Pointer gst_meta_register_custom(String name, Pointer tags, Pointer transform, Pointer userData,
            Pointer destroy);

    static native Pointer gst_meta_get_info(String name);

    static native Pointer gst_buffer_add_custom_meta(Pointer buffer, String name);

    static native Pointer gst_buffer_get_custom_meta(Pointer buffer, String name);

    static native Pointer gst_buffer_iterate_meta_filtered(Pointer buffer, PointerByReference state, long apiType);

    static native Pointer gst_custom_meta_get_structure(Pointer meta);

    // Bins, pads, pipelines
    static native Pointer gst_parse_bin_from_description(String description, int ghostUnlinkedPads, Pointer error);

    static native Pointer gst_parse_launch_full(String description, Pointer context, int flags, Pointer error);

    static native int gst_bin_add(Pointer bin, Pointer element);

    static native Pointer gst_bin_get_by_name(Pointer bin, String name);

    static native Pointer gst_element_get_static_pad(Pointer element, String name);

    static native Pointer gst_ghost_pad_new(String name, Pointer target);

    static native int gst_element_add_pad(Pointer element, Pointer pad);

    static native Pointer gst_element_get_clock(Pointer element);

    static native long gst_element_get_base_time(Pointer element);

    static native long gst_clock_get_time(Pointer clock);

    static native int gst_element_set_state(Pointer element, int state);

    static native Pointer gst_element_get_bus(Pointer element);

    static native Pointer gst_bus_timed_pop_filtered(Pointer bus, long timeout, int types);

    static native boolean gst_element_query_position(Pointer element, int format, Pointer cur);

    static native boolean gst_element_query_duration(Pointer element, int format, Pointer duration);
}
