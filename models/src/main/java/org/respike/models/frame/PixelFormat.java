package org.respike.models.frame;

/**
 * 8-bit pixel layouts a {@link Frame} may carry, named as in GStreamer's video/x-raw "format" field: packed
 * RGB-family layouts, each knowing where R, G and B sit within a pixel, and the 4:2:0 YUV layouts that
 * decoders emit, whose first plane is luma (one byte per pixel) and whose chroma a {@link YuvLayout} places.
 */
public enum PixelFormat {
    RGB(3, 0, 1, 2),
    BGR(3, 2, 1, 0),
    RGBA(4, 0, 1, 2),
    BGRA(4, 2, 1, 0),
    ARGB(4, 1, 2, 3),
    ABGR(4, 3, 2, 1),
    RGBx(4, 0, 1, 2),
    BGRx(4, 2, 1, 0),
    xRGB(4, 1, 2, 3),
    xBGR(4, 3, 2, 1),
    /** Y plane, then U and V planes at half width and height. */
    I420(1, -1, -1, -1),
    /** Y plane, then one plane of interleaved U, V pairs at half width and height. */
    NV12(1, -1, -1, -1);

    private final int bytesPerPixel;
    private final int red;
    private final int green;
    private final int blue;

    PixelFormat(int bytesPerPixel, int red, int green, int blue) {
        this.bytesPerPixel = bytesPerPixel;
        this.red = red;
        this.green = green;
        this.blue = blue;
    }

    /** Bytes per pixel of the first plane: the whole pixel for packed RGB, luma alone for YUV. */
    public int bytesPerPixel() {
        return bytesPerPixel;
    }

    /** Planar 4:2:0 YUV: the frame needs a {@link YuvLayout}, and the RGB offsets do not apply. */
    public boolean isYuv() {
        return red < 0;
    }

    /** Bytes from one chroma sample of a plane to the next: 1 in I420's separate planes, 2 in NV12's pairs. */
    public int chromaStep() {
        return this == NV12 ? 2 : 1;
    }

    /** Byte offset of red within a pixel. */
    public int redOffset() {
        return red;
    }

    public int greenOffset() {
        return green;
    }

    public int blueOffset() {
        return blue;
    }

    /** Maps a GStreamer format string ("RGB", "BGRx", ...) to a format. */
    public static PixelFormat fromGstFormat(String gstFormat) {
        for (PixelFormat f : values()) {
            if (f.name().equals(gstFormat)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unsupported pixel format \"" + gstFormat
                + "\" (supported: RGB, BGR, RGBA, BGRA, ARGB, ABGR, RGBx, BGRx, xRGB, xBGR, I420, NV12)");
    }
}
