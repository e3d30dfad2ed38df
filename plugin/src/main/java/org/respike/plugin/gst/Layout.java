package org.respike.plugin.gst;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
  * Struct offsets, sizes and enum values of the installed GStreamer. They are generated at build time from
  * its C headers by {@code plugin/native/layout.c} into {@code layout.properties}; none is typed by hand.
  */
final class Layout {
    private static final Properties VALUES = load();

    // GObject
    static final int OBJECT_CLASS_SET_PROPERTY = offset("GObjectClass.set_property");
    static final int OBJECT_CLASS_GET_PROPERTY = offset("GObjectClass.get_property");
    static final int OBJECT_CLASS_FINALIZE = offset("GObjectClass.finalize");
    static final int PARAM_SPEC_NAME = offset("GParamSpec.name");
    static final int PARAM_SPEC_VALUE_TYPE = offset("GParamSpec.value_type");
    static final int ENUM_VALUE_SIZE = offset("GEnumValue.sizeof");
    static final int ENUM_VALUE_VALUE = offset("GEnumValue.value");
    static final int ENUM_VALUE_NAME = offset("GEnumValue.value_name");
    static final int ENUM_VALUE_NICK = offset("GEnumValue.value_nick");
    static final int ERROR_MESSAGE = offset("GError.message");
    static final int VALUE_SIZE = offset("GValue.sizeof");

    // Element classes and instances
    static final int BASE_TRANSFORM_CLASS_SIZE = offset("GstBaseTransformClass.sizeof");
    static final int BASE_TRANSFORM_SIZE = offset("GstBaseTransform.sizeof");
    static final int BIN_CLASS_SIZE = offset("GstBinClass.sizeof");
    static final int BIN_SIZE = offset("GstBin.sizeof");
    static final int ELEMENT_CLASS_CHANGE_STATE = offset("GstElementClass.change_state");
    static final int BT_PASSTHROUGH_ON_SAME_CAPS = offset("GstBaseTransformClass.passthrough_on_same_caps");
    static final int BT_TRANSFORM_IP_ON_PASSTHROUGH = offset("GstBaseTransformClass.transform_ip_on_passthrough");
    static final int BT_START = offset("GstBaseTransformClass.start");
    static final int BT_STOP = offset("GstBaseTransformClass.stop");
    static final int BT_SET_CAPS = offset("GstBaseTransformClass.set_caps");
    static final int BT_SINK_EVENT = offset("GstBaseTransformClass.sink_event");
    static final int BT_TRANSFORM_IP = offset("GstBaseTransformClass.transform_ip");
    static final int BASE_TRANSFORM_SEGMENT = offset("GstBaseTransform.segment");
    static final int SEGMENT_FORMAT = offset("GstSegment.format");

    // Buffers, events, messages
    static final int MINI_OBJECT_FLAGS = offset("GstMiniObject.flags");
    static final int BUFFER_PTS = offset("GstBuffer.pts");
    static final int BUFFER_DURATION = offset("GstBuffer.duration");
    static final int MAP_INFO_SIZE = offset("GstMapInfo.sizeof");
    static final int MAP_INFO_DATA = offset("GstMapInfo.data");
    static final int MAP_INFO_MAPPED_SIZE = offset("GstMapInfo.size");
    static final int EVENT_TYPE = offset("GstEvent.type");
    static final int MESSAGE_TYPE = offset("GstMessage.type");
    static final int MESSAGE_SRC = offset("GstMessage.src");

    // Video info
    static final int VIDEO_INFO_FINFO = offset("GstVideoInfo.finfo");
    static final int VIDEO_INFO_WIDTH = offset("GstVideoInfo.width");
    static final int VIDEO_INFO_HEIGHT = offset("GstVideoInfo.height");
    static final int VIDEO_INFO_FPS_N = offset("GstVideoInfo.fps_n");
    static final int VIDEO_INFO_FPS_D = offset("GstVideoInfo.fps_d");
    static final int VIDEO_INFO_STRIDE = offset("GstVideoInfo.stride");
    static final int VIDEO_INFO_OFFSET = offset("GstVideoInfo.offset");
    static final int VIDEO_INFO_COLORIMETRY = offset("GstVideoInfo.colorimetry");
    static final int COLORIMETRY_RANGE = offset("GstVideoColorimetry.range");
    static final int COLORIMETRY_MATRIX = offset("GstVideoColorimetry.matrix");
    static final int VIDEO_FORMAT_INFO_NAME = offset("GstVideoFormatInfo.name");

    // Regions of interest
    static final int ROI_META_ROI_TYPE = offset("GstVideoRegionOfInterestMeta.roi_type");
    static final int ROI_META_ID = offset("GstVideoRegionOfInterestMeta.id");
    static final int ROI_META_X = offset("GstVideoRegionOfInterestMeta.x");
    static final int ROI_META_Y = offset("GstVideoRegionOfInterestMeta.y");
    static final int ROI_META_W = offset("GstVideoRegionOfInterestMeta.w");
    static final int ROI_META_H = offset("GstVideoRegionOfInterestMeta.h");
    static final int ROI_META_PARAMS = offset("GstVideoRegionOfInterestMeta.params");
    static final int LIST_DATA = offset("GList.data");
    static final int LIST_NEXT = offset("GList.next");

    // Enum and flag values
    static final int GST_VERSION_MAJOR = value("GST_VERSION_MAJOR");
    static final int GST_VERSION_MINOR = value("GST_VERSION_MINOR");
    static final int COLOR_RANGE_0_255 = value("GST_VIDEO_COLOR_RANGE_0_255");
    static final int STATE_NULL = value("GST_STATE_NULL");
    static final int STATE_PLAYING = value("GST_STATE_PLAYING");
    static final int STATE_CHANGE_FAILURE = value("GST_STATE_CHANGE_FAILURE");
    static final int STATE_CHANGE_READY_TO_PAUSED = value("GST_STATE_CHANGE_READY_TO_PAUSED");
    static final int STATE_CHANGE_PAUSED_TO_READY = value("GST_STATE_CHANGE_PAUSED_TO_READY");
    static final int FLOW_OK = value("GST_FLOW_OK");
    static final int FLOW_ERROR = value("GST_FLOW_ERROR");
    static final int MAP_READ = value("GST_MAP_READ");
    static final int MAP_WRITE = value("GST_MAP_WRITE");
    static final int BUFFER_FLAG_DISCONT = value("GST_BUFFER_FLAG_DISCONT");
    static final int EVENT_EOS = value("GST_EVENT_EOS");
    static final int EVENT_FLUSH_STOP = value("GST_EVENT_FLUSH_STOP");
    static final int FORMAT_TIME = value("GST_FORMAT_TIME");
    static final int MESSAGE_EOS = value("GST_MESSAGE_EOS");
    static final int MESSAGE_ERROR = value("GST_MESSAGE_ERROR");
    static final int MESSAGE_WARNING = value("GST_MESSAGE_WARNING");
    static final int MESSAGE_ELEMENT = value("GST_MESSAGE_ELEMENT");
    static final int STREAM_ERROR_FAILED = value("GST_STREAM_ERROR_FAILED");
    static final int STREAM_ERROR_FORMAT = value("GST_STREAM_ERROR_FORMAT");
    static final int RESOURCE_ERROR_FAILED = value("GST_RESOURCE_ERROR_FAILED");
    static final int PAD_SRC = value("GST_PAD_SRC");
    static final int PAD_SINK = value("GST_PAD_SINK");
    static final int PAD_ALWAYS = value("GST_PAD_ALWAYS");
    static final int RANK_NONE = value("GST_RANK_NONE");
    static final int PARSE_FLAG_FATAL_ERRORS = value("GST_PARSE_FLAG_FATAL_ERRORS");
    static final int PARAM_READWRITE = value("G_PARAM_READWRITE");
    static final int PARAM_MUTABLE_READY = value("GST_PARAM_MUTABLE_READY");
    static final int PARAM_MUTABLE_PLAYING = value("GST_PARAM_MUTABLE_PLAYING");
    static final long TYPE_BOOLEAN = value("G_TYPE_BOOLEAN");
    static final long TYPE_INT = value("G_TYPE_INT");
    static final long TYPE_UINT = value("G_TYPE_UINT");
    static final long TYPE_INT64 = value("G_TYPE_INT64");
    static final long TYPE_UINT64 = value("G_TYPE_UINT64");
    static final long TYPE_FLOAT = value("G_TYPE_FLOAT");
    static final long TYPE_DOUBLE = value("G_TYPE_DOUBLE");
    static final long TYPE_STRING = value("G_TYPE_STRING");
    static final long TYPE_ENUM = value("G_TYPE_ENUM");
    static final int LOG_LEVEL_WARNING = value("G_LOG_LEVEL_WARNING");
    static final int LEVEL_ERROR = value("GST_LEVEL_ERROR");
    static final int LEVEL_WARNING = value("GST_LEVEL_WARNING");
    static final int LEVEL_INFO = value("GST_LEVEL_INFO");
    static final int LEVEL_DEBUG = value("GST_LEVEL_DEBUG");

    private Layout() {}

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = Layout.class.getResourceAsStream("layout.properties")) {
            if (in == null) {
                throw new IllegalStateException("layout.properties missing: the Maven build generates it (plugin/native/build.sh)");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    private static int offset(String key) {
        return value(key);
    }

    private static int value(String key) {
        String v = VALUES.getProperty(key);
        if (v == null) {
            throw new IllegalStateException("layout.properties lacks " + key + "; rebuild the plugin module");
        }
        return Math.toIntExact(Long.parseLong(v.trim()));
    }
}
