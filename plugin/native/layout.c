/*
 * Prints the struct offsets, sizes and enum values that the Java glue needs, as a Java properties file,
 * from the installed GStreamer headers. Built and run by plugin/native/build.sh during the Maven build, so
 * no offset is ever typed by hand. Output: org/respike/plugin/gst/layout.properties.
 */
#include <stdio.h>
#include <stddef.h>
#include <gst/gst.h>
#include <gst/base/gstbasetransform.h>
#include <gst/video/video.h>

#define OFF(type, field) printf ("%s.%s=%zu\n", #type, #field, offsetof (type, field))
#define SIZE(type) printf ("%s.sizeof=%zu\n", #type, sizeof (type))
#define VAL(name) printf ("%s=%lld\n", #name, (long long) (name))

int
main (void)
{
  printf ("# Generated from the GStreamer %d.%d.%d headers by plugin/native/layout.c; do not edit.\n",
      GST_VERSION_MAJOR, GST_VERSION_MINOR, GST_VERSION_MICRO);

  /* GObject */
  OFF (GObjectClass, set_property);
  OFF (GObjectClass, get_property);
  OFF (GObjectClass, finalize);
  OFF (GParamSpec, name);
  OFF (GParamSpec, value_type);
  SIZE (GEnumValue);
  OFF (GEnumValue, value);
  OFF (GEnumValue, value_name);
  OFF (GEnumValue, value_nick);
  OFF (GError, message);
  SIZE (GValue);

  /* Element, bin, base transform */
  SIZE (GstBaseTransformClass);
  SIZE (GstBaseTransform);
  SIZE (GstBinClass);
  OFF (GstElementClass, change_state);
  SIZE (GstBin);
  OFF (GstBaseTransformClass, passthrough_on_same_caps);
  OFF (GstBaseTransformClass, transform_ip_on_passthrough);
  OFF (GstBaseTransformClass, start);
  OFF (GstBaseTransformClass, stop);
  OFF (GstBaseTransformClass, set_caps);
  OFF (GstBaseTransformClass, sink_event);
  OFF (GstBaseTransformClass, transform_ip);
  OFF (GstBaseTransform, segment);
  OFF (GstSegment, format);

  /* Buffers, events, messages */
  OFF (GstMiniObject, flags);
  OFF (GstBuffer, pts);
  OFF (GstBuffer, dts);
  OFF (GstBuffer, duration);
  OFF (GstBuffer, offset);
  SIZE (GstMapInfo);
  OFF (GstMapInfo, data);
  OFF (GstMapInfo, size);
  OFF (GstEvent, type);
  OFF (GstMessage, type);
  OFF (GstMessage, src);

  /* Video info */
  OFF (GstVideoInfo, finfo);
  OFF (GstVideoInfo, width);
  OFF (GstVideoInfo, height);
  OFF (GstVideoInfo, fps_n);
  OFF (GstVideoInfo, fps_d);
  OFF (GstVideoInfo, stride);
  OFF (GstVideoInfo, offset);
  OFF (GstVideoInfo, colorimetry);
  OFF (GstVideoColorimetry, range);
  OFF (GstVideoColorimetry, matrix);
  OFF (GstVideoFormatInfo, name);

  /* Regions of interest */
  OFF (GstVideoRegionOfInterestMeta, roi_type);
  OFF (GstVideoRegionOfInterestMeta, id);
  OFF (GstVideoRegionOfInterestMeta, x);
  OFF (GstVideoRegionOfInterestMeta, y);
  OFF (GstVideoRegionOfInterestMeta, w);
  OFF (GstVideoRegionOfInterestMeta, h);
  OFF (GstVideoRegionOfInterestMeta, params);
  OFF (GList, data);
  OFF (GList, next);

  /* Enum and flag values */
  VAL (GST_VERSION_MAJOR);
  VAL (GST_VIDEO_COLOR_RANGE_0_255);
  VAL (GST_VERSION_MINOR);
  VAL (GST_STATE_NULL);
  VAL (GST_STATE_PLAYING);
  VAL (GST_STATE_CHANGE_FAILURE);
  VAL (GST_STATE_CHANGE_READY_TO_PAUSED);
  VAL (GST_STATE_CHANGE_PAUSED_TO_READY);
  VAL (GST_FLOW_OK);
  VAL (GST_FLOW_ERROR);
  VAL (GST_MAP_READ);
  VAL (GST_MAP_WRITE);
  VAL (GST_BUFFER_FLAG_DISCONT);
  VAL (GST_EVENT_EOS);
  VAL (GST_EVENT_FLUSH_STOP);
  VAL (GST_FORMAT_TIME);
  VAL (GST_MESSAGE_EOS);
  VAL (GST_MESSAGE_ERROR);
  VAL (GST_MESSAGE_WARNING);
  VAL (GST_MESSAGE_ELEMENT);
  VAL (GST_STREAM_ERROR_FAILED);
  VAL (GST_STREAM_ERROR_FORMAT);
  VAL (GST_RESOURCE_ERROR_FAILED);
  VAL (GST_PAD_SRC);
  VAL (GST_PAD_SINK);
  VAL (GST_PAD_ALWAYS);
  VAL (GST_RANK_NONE);
  VAL (GST_PARSE_FLAG_FATAL_ERRORS);
  VAL (G_PARAM_READWRITE);
  VAL (GST_PARAM_MUTABLE_READY);
  VAL (GST_PARAM_MUTABLE_PLAYING);
  VAL (G_TYPE_BOOLEAN);
  VAL (G_TYPE_INT);
  VAL (G_TYPE_UINT);
  VAL (G_TYPE_INT64);
  VAL (G_TYPE_UINT64);
  VAL (G_TYPE_FLOAT);
  VAL (G_TYPE_DOUBLE);
  VAL (G_TYPE_STRING);
  VAL (G_TYPE_ENUM);
  VAL (G_LOG_LEVEL_WARNING);
  VAL (GST_LEVEL_ERROR);
  VAL (GST_LEVEL_WARNING);
  VAL (GST_LEVEL_INFO);
  VAL (GST_LEVEL_DEBUG);
  return 0;
}
