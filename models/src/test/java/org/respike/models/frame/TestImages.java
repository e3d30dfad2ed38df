package org.respike.models.frame;

import java.nio.ByteBuffer;
import java.util.Random;

/** Synthetic RGB and YUV images written in any pixel format and row stride. */
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

    /**
     * A 4:2:0 frame of luma {@code y} [h][w] and chroma {@code u}, {@code v} [(h+1)/2][(w+1)/2], rows of every
     * plane {@code padding} bytes longer than needed, in I420's three planes or NV12's two.
     */
    static Frame yuv(int[][] y, int[][] u, int[][] v, PixelFormat format, int padding, double kr, double kb,
            boolean fullRange) {
        int h = y.length;
        int w = y[0].length;
        int ch = u.length;
        int cw = u[0].length;
        int step = format.chromaStep();
        int stride = w + padding;
        int chromaStride = cw * step + padding;
        int uOffset = stride * h;
        int vOffset = format == PixelFormat.NV12 ? uOffset + 1 : uOffset + chromaStride * ch;
        ByteBuffer b = ByteBuffer.allocate(Math.max(uOffset, vOffset) + chromaStride * ch);
        for (int i = 0; i < b.capacity(); i++) {
            b.put(i, (byte) 0x5A); // padding must be ignored
        }
        for (int r = 0; r < h; r++) {
            for (int x = 0; x < w; x++) {
                b.put(r * stride + x, (byte) y[r][x]);
            }
        }
        for (int r = 0; r < ch; r++) {
            for (int x = 0; x < cw; x++) {
                b.put(uOffset + r * chromaStride + x * step, (byte) u[r][x]);
                b.put(vOffset + r * chromaStride + x * step, (byte) v[r][x]);
            }
        }
        return new Frame().set(b, w, h, stride, format, new YuvLayout(uOffset, vOffset, chromaStride, kr, kb, fullRange),
                0, 0);
    }
}
