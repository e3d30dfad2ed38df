package org.respike.plugin.gst;

import com.sun.jna.Callback;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;

/** GLib and GObject functions, bound by JNA direct mapping (GLib resolves through libgobject's dependencies). */
final class GObjectApi {
    static {
        Native.register(NativeLibrary.getInstance("gobject-2.0"));
    }

    private GObjectApi() {}

    static native Pointer g_strdup(Pointer s);

    static native void g_free(Pointer p);

    static native int g_idle_add_full(int priority, Callback function, Pointer data, Pointer notify);

    static native Pointer g_quark_to_string(int quark);

    static native void g_error_free(Pointer error);

    static native long g_type_from_name(String name);

    static native long g_type_fundamental(long type);

    static native long g_type_register_static_simple(long parent, String name, int classSize, Callback classInit,
            int instanceSize, Callback instanceInit, int flags);

    static native Pointer g_type_class_peek_parent(Pointer klass);

    static native void g_object_class_install_property(Pointer klass, int id, Pointer pspec);

    static native Pointer g_object_class_find_property(Pointer klass, String name);

    static native void g_object_get_property(Pointer object, String name, Pointer value);

    static native void g_object_set_property(Pointer object, String name, Pointer value);

    static native Pointer g_param_spec_string(String name, Pointer nick, Pointer blurb, Pointer def, int flags);

    static native Pointer g_param_spec_boolean(String name, Pointer nick, Pointer blurb, int def, int flags);

    static native Pointer g_param_spec_int(String name, Pointer nick, Pointer blurb, int min, int max, int def,
            int flags);

    static native Pointer g_param_spec_double(String name, Pointer nick, Pointer blurb, double min, double max,
            double def, int flags);

    static native Pointer g_param_spec_enum(String name, Pointer nick, Pointer blurb, long enumType, int def,
            int flags);

    static native long g_enum_register_static(String name, Pointer values);

    static native Pointer g_type_class_peek(long type);

    static native Pointer g_type_class_ref(long type);

    static native Pointer g_enum_get_value(Pointer enumClass, int value);

    static native Pointer g_value_init(Pointer value, long type);

    static native void g_value_unset(Pointer value);

    static native Pointer g_value_get_string(Pointer value);

    static native void g_value_set_string(Pointer value, Pointer s);

    static native int g_value_get_boolean(Pointer value);

    static native void g_value_set_boolean(Pointer value, int b);

    static native int g_value_get_int(Pointer value);

    static native void g_value_set_int(Pointer value, int i);

    static native int g_value_get_uint(Pointer value);

    static native long g_value_get_int64(Pointer value);

    static native void g_value_set_int64(Pointer value, long i);

    static native long g_value_get_uint64(Pointer value);

    static native float g_value_get_float(Pointer value);

    static native void g_value_set_float(Pointer value, float f);

    static native double g_value_get_double(Pointer value);

    static native void g_value_set_double(Pointer value, double d);

    static native int g_value_get_enum(Pointer value);

    static native void g_value_set_enum(Pointer value, int v);

    static native void g_value_take_boxed(Pointer value, Pointer boxed);

    static native Pointer g_value_get_boxed(Pointer value);
}
