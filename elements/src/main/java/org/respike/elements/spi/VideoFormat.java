package org.respike.elements.spi;

import org.respike.models.frame.YuvLayout;

/**
  * Negotiated raw video format, from GstVideoInfo.
  *
  * @param format GStreamer format name: RGB, BGR, RGBx, BGRx, xRGB, xBGR, RGBA, BGRA, ARGB, ABGR, I420 or NV12
  * @param rowStride bytes per row of the first plane (GStreamer pads rows to 4 bytes)
  * @param yuv where the chroma planes of I420 and NV12 lie and their colour matrix; null for packed RGB
  * @param fpsNum frame rate numerator (0 when variable)
  * @param fpsDen frame rate denominator
  */
public record VideoFormat(String format, int width, int height, int rowStride, YuvLayout yuv, int fpsNum, int fpsDen) {}
