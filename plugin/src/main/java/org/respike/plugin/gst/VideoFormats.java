package org.respike.plugin.gst;

import com.sun.jna.Pointer;
import org.respike.elements.spi.VideoFormat;

/** Negotiated caps to {@link VideoFormat}, through gst_video_info_from_caps. */
final class VideoFormats {
    private VideoFormats() {}

    static VideoFormat fromCaps(Pointer caps) {
        Pointer info = GstVideoApi.gst_video_info_new();
        try {
            if (GstVideoApi.gst_video_info_from_caps(info, caps) == 0) {
                throw new IllegalArgumentException("not raw video caps: " + CStrings.take(GstApi.gst_caps_to_string(caps)));
            }
            Pointer formatInfo = info.getPointer(Layout.VIDEO_INFO_FINFO);
            return new VideoFormat(
                    CStrings.read(formatInfo.getPointer(Layout.VIDEO_FORMAT_INFO_NAME)),
                    info.getInt(Layout.VIDEO_INFO_WIDTH),
                    info.getInt(Layout.VIDEO_INFO_HEIGHT),
                    info.getInt(Layout.VIDEO_INFO_STRIDE),
                    info.getInt(Layout.VIDEO_INFO_FPS_N),
                    info.getInt(Layout.VIDEO_INFO_FPS_D));
        } finally {
            GstVideoApi.gst_video_info_free(info);
        }
    }
}
