package org.respike.models.frame;

import java.nio.ByteBuffer;

/**
 * One raw video frame: 8-bit pixels in a ByteBuffer (heap or direct, e.g. a mapped GStreamer buffer) with
 * its size, row stride in bytes (of the luma plane for YUV), pixel format, chroma layout for YUV and timing. Mutable on purpose: a caller
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
    private YuvLayout yuv;
    private long ptsNanos;
    private long durationNanos;

    public Frame() {
    }

    public Frame(ByteBuffer data, int width, int height, int rowStride, PixelFormat format, long ptsNanos,
            long durationNanos) {
        set(data, width, height, rowStride, format, ptsNanos, durationNanos);
    }

    /** Refills this frame with packed RGB; {@code rowStride} is bytes per row (>= width x bytes per pixel). */
    public Frame set(ByteBuffer data, int width, int height, int rowStride, PixelFormat format, long ptsNanos,
            long durationNanos) {
        return set(data, width, height, rowStride, format, null, ptsNanos, durationNanos);
    }

    /** Refills this frame; {@code yuv} places the chroma of a YUV format and must be null for packed RGB. */
    public Frame set(ByteBuffer data, int width, int height, int rowStride, PixelFormat format, YuvLayout yuv,
            long ptsNanos, long durationNanos) {
        if (format.isYuv() != (yuv != null)) {
            throw new IllegalArgumentException(format.isYuv() ? format + " needs the layout of its chroma planes"
                    : format + " is packed RGB and has no chroma planes");
        }
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
        if (yuv != null) {
            long chroma = (long) yuv.chromaStride() * ((height + 1) / 2 - 1) + (long) (width + 1) / 2 * format.chromaStep();
            if (Math.min(yuv.uOffset(), yuv.vOffset()) < needed
                    || data.limit() < Math.max(yuv.uOffset(), yuv.vOffset()) + chroma) {
                throw new IllegalArgumentException("frame buffer of " + data.limit() + " bytes cannot hold " + width
                        + "x" + height + " " + format + " chroma at " + yuv.uOffset() + "/" + yuv.vOffset()
                        + " with stride " + yuv.chromaStride());
            }
        }
        this.data = data;
        this.width = width;
        this.height = height;
        this.rowStride = rowStride;
        this.format = format;
        this.yuv = yuv;
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
     * The rectangle must lie inside the frame. A YUV crop starts on the even pixel at or before (x, y), where
     * its chroma starts: the box moves by at most a pixel.
     */
    public Frame crop(int x, int y, int cropWidth, int cropHeight, Frame into) {
        if (x < 0 || y < 0 || cropWidth <= 0 || cropHeight <= 0 || x + cropWidth > width || y + cropHeight > height) {
            throw new IllegalArgumentException("crop " + cropWidth + "x" + cropHeight + "+" + x + "+" + y
                    + " is not inside the " + width + "x" + height + " frame");
        }
        if (yuv != null) {
            x &= ~1;
            y &= ~1;
        }
        int origin = y * rowStride + x * format.bytesPerPixel();
        YuvLayout cropYuv = yuv == null ? null
                : yuv.moved(y / 2 * yuv.chromaStride() + x / 2 * format.chromaStep() - origin);
        return into.set(data.slice(origin, data.limit() - origin), cropWidth, cropHeight, rowStride, format, cropYuv,
                ptsNanos, durationNanos);
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

    /** The chroma layout of a YUV frame; null for packed RGB. */
    public YuvLayout yuv() {
        return yuv;
    }

    public long ptsNanos() {
        return ptsNanos;
    }

    public long durationNanos() {
        return durationNanos;
    }
}
