package org.respike.plugin.gst;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.DoubleByReference;

/** libgstvideo-1.0 functions, bound by JNA direct mapping. */
final class GstVideoApi {
    static {
        Native.register(NativeLibrary.getInstance("gstvideo-1.0"));
    }

    private GstVideoApi() {}

    static native Pointer gst_video_info_new();

    static native void gst_video_info_free(Pointer info);

    static native int gst_video_info_from_caps(Pointer info, Pointer caps);

    /** False for a matrix without luma weights (RGB, unknown). */
    static native boolean gst_video_color_matrix_get_Kr_Kb(int matrix, DoubleByReference kr, DoubleByReference kb);

    static native long gst_video_region_of_interest_meta_api_get_type();

    static native Pointer gst_buffer_add_video_region_of_interest_meta(Pointer buffer, String roiType, int x, int y,
            int w, int h);

    /** Takes ownership of {@code structure}. */
    static native void gst_video_region_of_interest_meta_add_param(Pointer meta, Pointer structure);
}
