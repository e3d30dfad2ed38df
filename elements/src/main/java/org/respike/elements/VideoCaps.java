package org.respike.elements;

/** Caps shared by the elements: the 8-bit formats the engine reads directly. */
public final class VideoCaps {
    private static final String SIZES =
            "width=(int)[ 1, 2147483647 ], height=(int)[ 1, 2147483647 ], framerate=(fraction)[ 0/1, 2147483647/1 ]";

    /** Packed RGB family, for elements that read or paint every pixel as RGB. */

    public static final String PACKED_RGB =
            "video/x-raw, format=(string){ RGB, BGR, RGBx, BGRx, RGBA, BGRA }, " + SIZES;

    /**
     * Also the 4:2:0 YUV that decoders emit, I420 and NV12 first: a decoder links without videoconvert, and only
     * the frames the model samples are converted, at the model's size.
     */
    public static final String RGB_OR_YUV =
            "video/x-raw, format=(string){ I420, NV12, RGB, BGR, RGBx, BGRx, RGBA, BGRA }, " + SIZES;

    private VideoCaps() {}
}
