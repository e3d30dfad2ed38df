package org.respike.elements.spi;

/**
  * Negotiated raw video format, from GstVideoInfo.
  *
  * @param format GStreamer format name: RGB, BGR, RGBx, BGRx, xRGB, xBGR, RGBA, BGRA, ARGB or ABGR
  * @param rowStride bytes per row (GStreamer pads RGB rows to 4 bytes)
  * @param fpsNum frame rate numerator (0 when variable)
  * @param fpsDen frame rate denominator
  */
public record VideoFormat(String format, int width, int height, int rowStride, int fpsNum, int fpsDen) {}
