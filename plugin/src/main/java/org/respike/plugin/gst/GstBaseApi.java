package org.respike.plugin.gst;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;

/** libgstbase-1.0 functions, bound by JNA direct mapping. */
final class GstBaseApi {
    static {
        Native.register(NativeLibrary.getInstance("gstbase-1.0"));
    }

    private GstBaseApi() {}

    static native long gst_base_transform_get_type();
}
