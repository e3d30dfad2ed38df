package org.respike.models.frame;

import java.nio.ByteBuffer;

/**
 * One raw video frame: packed 8-bit pixels in a ByteBuffer (heap or direct, e.g. a mapped GStreamer
 * buffer) with its size, row stride in bytes, pixel format and timing. Mutable on purpose: a caller
 * pushing thousands of frames per second reuses one instance through {@link #set} instead of allocating.
 * Pixel (0, 0) is at absolute index 0 of the buffer (its position is ignored), row y at y x rowStride.
 * The engine reads the pixels during {@code push} only and keeps no reference to the buffer afterwards.
 */
public final class Frame {
    private ByteBuffer data;
    private int width;
    private int height;
    private int rowStride;
    private PixelFormat format;
    private long ptsNanos;
    private long durationNanos;

    public Frame() {
    }

    public Frame(ByteBuffer data, int width, int height, int rowStride, PixelFormat format, long ptsNanos,
            long durationNanos) {
        set(data, width, height, rowStride, format, ptsNanos, durationNanos);
    }

    /** Refills this frame; {@code rowStride} is bytes per row (>= width x bytes per pixel). */
    public Frame set(ByteBuffer data, int width, int height, int rowStride, PixelFormat format, long ptsNanos,
            long durationNanos) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("frame size must be positive, got " + width + "x" + height);
        }
        if (rowStride < width * format.bytesPerPixel()) {
            throw new IllegalArgumentException("row stride " + rowStride + " < width " + width + " x "
                    + format.bytesPerPixel() + " bytes per pixel");
        }
        long needed = (long) rowStride * (height - 1) + (long) width * format.bytesPerPixel();
        if (data.limit() < needed) {
            throw new IllegalArgumentException("frame buffer holds " + data.limit() + " bytes, " + width + "x"
                    + height + " " + format + " with row stride " + rowStride + " needs " + needed);
        }
        this.data = data;
        this.width = width;
        this.height = height;
        this.rowStride = rowStride;
        this.format = format;
        this.ptsNanos = ptsNanos;
        this.durationNanos = durationNanos;
        return this;
    }

    /** Tightly packed frame: rowStride = width x bytes per pixel. */
    public static Frame packed(ByteBuffer data, int width, int height, PixelFormat format, long ptsNanos,
            long durationNanos) {
        return new Frame(data, width, height, width * format.bytesPerPixel(), format, ptsNanos, durationNanos);
    }

    /**
     * Points {@code into} at the rectangle (x, y, width, height) of this frame, same row stride, format and
     * timing, without copying a pixel: the preprocessor then resizes just that region (a per-person crop).
     * The rectangle must lie inside the frame.
     */
    public Frame crop(int x, int y, int cropWidth, int cropHeight, Frame into) {
        if (x < 0 || y < 0 || cropWidth <= 0 || cropHeight <= 0 || x + cropWidth > width || y + cropHeight > height) {
            throw new IllegalArgumentException("crop " + cropWidth + "x" + cropHeight + "+" + x + "+" + y
                    + " is not inside the " + width + "x" + height + " frame");
        }
        int origin = y * rowStride + x * format.bytesPerPixel();
        return into.set(data.slice(origin, data.limit() - origin), cropWidth, cropHeight, rowStride, format, ptsNanos,
                durationNanos);
    }

    public ByteBuffer data() {
        return data;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int rowStride() {
        return rowStride;
    }

    public PixelFormat format() {
        return format;
    }

    public long ptsNanos() {
        return ptsNanos;
    }

    public long durationNanos() {
        return durationNanos;
    }
}
