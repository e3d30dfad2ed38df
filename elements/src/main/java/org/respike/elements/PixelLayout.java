package org.respike.elements;

/**
  * Byte positions of red, green and blue within one pixel of a packed 8-bit GStreamer format, for the
  * formats in {@link VideoCaps#PACKED_RGB}.
  */
public record PixelLayout(int bytesPerPixel, int red, int green, int blue) {

    public static PixelLayout of(String gstFormat) {
        return switch (gstFormat) {
            case "RGB" -> new PixelLayout(3, 0, 1, 2);
            case "BGR" -> new PixelLayout(3, 2, 1, 0);
            case "RGBx", "RGBA" -> new PixelLayout(4, 0, 1, 2);
            case "BGRx", "BGRA" -> new PixelLayout(4, 2, 1, 0);
            default -> throw new IllegalArgumentException("unsupported video format " + gstFormat
                    + "; put videoconvert before this element");
        };
    }
}
