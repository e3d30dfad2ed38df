package org.respike.models.frame;

import java.nio.ByteBuffer;
import java.util.Random;

/** Synthetic RGB images written in any pixel format and row stride. */
final class TestImages {
    private TestImages() {
    }

    /** Random RGB pixels, [h][w][3]. */
    static int[][][] random(int w, int h, long seed) {
        Random r = new Random(seed);
        int[][][] rgb = new int[h][w][3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < 3; c++) {
                    rgb[y][x][c] = r.nextInt(256);
                }
            }
        }
        return rgb;
    }

    /** The image as a frame in {@code format}, rows {@code padding} bytes longer than needed. */
    static Frame frame(int[][][] rgb, PixelFormat format, int padding) {
        int h = rgb.length;
        int w = rgb[0].length;
        int bpp = format.bytesPerPixel();
        int stride = w * bpp + padding;
        ByteBuffer b = ByteBuffer.allocate(stride * h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = y * stride + x * bpp;
                for (int i = 0; i < bpp; i++) {
                    b.put(p + i, (byte) 0x5A); // alpha / padding bytes must be ignored
                }
                b.put(p + format.redOffset(), (byte) rgb[y][x][0]);
                b.put(p + format.greenOffset(), (byte) rgb[y][x][1]);
                b.put(p + format.blueOffset(), (byte) rgb[y][x][2]);
            }
        }
        return new Frame(b, w, h, stride, format, 0, 0);
    }
}
