package org.respike.plugin.gst;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.DoubleByReference;
import java.util.Arrays;
import java.util.Optional;
import org.respike.elements.spi.VideoFormat;
import org.respike.models.frame.PixelFormat;
import org.respike.models.frame.YuvLayout;

/** Negotiated caps to {@link VideoFormat}, through gst_video_info_from_caps. */
final class VideoFormats {
    private VideoFormats() {}

    /**
     * The chroma of the negotiated layout (I420's planes 1 and 2, NV12's interleaved plane 1), and the colour
     * matrix videoconvert would convert with.
     */
    private static YuvLayout yuvLayout(Pointer info, PixelFormat format) {
        int colorimetry = Layout.VIDEO_INFO_COLORIMETRY;
        int matrix = info.getInt(colorimetry + Layout.COLORIMETRY_MATRIX);
        DoubleByReference kr = new DoubleByReference(YuvLayout.BT601_KR);
        DoubleByReference kb = new DoubleByReference(YuvLayout.BT601_KB);
        if (!GstVideoApi.gst_video_color_matrix_get_Kr_Kb(matrix, kr, kb)) {
            kr.setValue(YuvLayout.BT601_KR);
            kb.setValue(YuvLayout.BT601_KB);
        }
        int u = Math.toIntExact(info.getLong(Layout.VIDEO_INFO_OFFSET + Native.SIZE_T_SIZE));
        return new YuvLayout(u,
                format.chromaStep() == 2 ? u + 1 : Math.toIntExact(info.getLong(Layout.VIDEO_INFO_OFFSET + 2L * Native.SIZE_T_SIZE)),
                info.getInt(Layout.VIDEO_INFO_STRIDE + Integer.BYTES),
                kr.getValue(), kb.getValue(),
                info.getInt(colorimetry + Layout.COLORIMETRY_RANGE) == Layout.COLOR_RANGE_0_255);
    }

    /** The engine's YUV format of that name; empty for RGB and for formats the engine does not read. */
    private static Optional<PixelFormat> yuvFormat(String name) {
        return Arrays.stream(PixelFormat.values()).filter(f -> f.isYuv() && f.name().equals(name)).findFirst();
    }

    static VideoFormat fromCaps(Pointer caps) {
        Pointer info = GstVideoApi.gst_video_info_new();
        try {
            if (GstVideoApi.gst_video_info_from_caps(info, caps) == 0) {
                throw new IllegalArgumentException("not raw video caps: " + CStrings.take(GstApi.gst_caps_to_string(caps)));
            }
            Pointer formatInfo = info.getPointer(Layout.VIDEO_INFO_FINFO);
            String format = CStrings.read(formatInfo.getPointer(Layout.VIDEO_FORMAT_INFO_NAME));
            return new VideoFormat(
                    format,
                    info.getInt(Layout.VIDEO_INFO_WIDTH),
                    info.getInt(Layout.VIDEO_INFO_HEIGHT),
                    info.getInt(Layout.VIDEO_INFO_STRIDE),
                    yuvFormat(format).map(f -> yuvLayout(info, f)).orElse(null),
                    info.getInt(Layout.VIDEO_INFO_FPS_N),
                    info.getInt(Layout.VIDEO_INFO_FPS_D));
        } finally {
            GstVideoApi.gst_video_info_free(info);
        }
    }
}
