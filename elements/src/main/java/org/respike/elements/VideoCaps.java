package org.respike.elements;

/** Caps shared by the elements: packed 8-bit RGB-family formats, the ones the engine reads directly. */
public final class VideoCaps {

    public static final String PACKED_RGB =
            "video/x-raw, format=(string){ RGB, BGR, RGBx, BGRx, RGBA, BGRA }, "
                    + "width=(int)[ 1, 2147483647 ], height=(int)[ 1, 2147483647 ], framerate=(fraction)[ 0/1, 2147483647/1 ]";

    private VideoCaps() {}
}
