package org.respike.models.frame;

/**
 * Packed 8-bit pixel layouts a {@link Frame} may carry, named as in GStreamer's video/x-raw "format"
 * field. Each knows where R, G and B sit within a pixel, which is all the preprocessor needs.
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
    xBGR(4, 3, 2, 1);

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

    public int bytesPerPixel() {
        return bytesPerPixel;
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
                + "\" (supported: RGB, BGR, RGBA, BGRA, ARGB, ABGR, RGBx, BGRx, xRGB, xBGR)");
    }
}
