package org.respike.models.testing;

import java.nio.ByteBuffer;
import java.util.Random;
import org.respike.models.frame.Frame;
import org.respike.models.frame.PixelFormat;

/**
 * A camera looking at a fixed scene: one RGB background image, per-frame Gaussian sensor noise of a given
 * sigma in 8-bit levels, and optionally a square object moving across it (a small person walking).
 * Frames are generated reproducibly from a seed, at the background's size, at 8 fps.
 */
public final class SyntheticScene {
    private final byte[] background;
    private final int width;
    private final int height;
    private final double sigma;
    private final int objectSide;
    private final int objectSpeed;
    private final int objectFrom;
    private final Random random;
    private final ByteBuffer pixels;
    private int index;

    private SyntheticScene(byte[] background, int width, int height, double sigma, int objectSide, int objectSpeed,
            int objectFrom, long seed) {
        this.background = background;
        this.width = width;
        this.height = height;
        this.sigma = sigma;
        this.objectSide = objectSide;
        this.objectSpeed = objectSpeed;
        this.objectFrom = objectFrom;
        this.random = new Random(seed);
        this.pixels = ByteBuffer.allocateDirect(width * height * 3);
    }

    /** Frame {@code t} of a golden clip as the background, without an object. */
    public static SyntheticScene still(Golden.Array clip, int t, double sigma, long seed) {
        int h = (int) clip.shape()[1];
        int w = (int) clip.shape()[2];
        byte[] bg = new byte[w * h * 3];
        clip.bytes().duplicate().position(t * bg.length).get(bg);
        return new SyntheticScene(bg, w, h, sigma, 0, 0, 0, seed);
    }

    /** The same scene with a bright {@code side} x {@code side} square crossing it at {@code speed} px per frame. */
    public SyntheticScene withObject(int side, int speed) {
        return withObject(side, speed, 0);
    }

    /** As {@link #withObject(int, int)}, the object appearing at frame {@code from}. */
    public SyntheticScene withObject(int side, int speed, int from) {
        return new SyntheticScene(background, width, height, sigma, side, speed, from, random.nextLong());
    }

    /** The next frame; the returned frame and its pixels are reused by the following call. */
    public Frame next(Frame into) {
        int t = index++;
        int span = Math.max(1, width - objectSide);
        int x0 = objectSide == 0 || t < objectFrom ? -1 : bounce((t - objectFrom) * objectSpeed, span);
        int y0 = (height - objectSide) / 2;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                boolean inObject = x0 >= 0 && x >= x0 && x < x0 + objectSide && y >= y0 && y < y0 + objectSide;
                for (int c = 0; c < 3; c++) {
                    int i = (y * width + x) * 3 + c;
                    double v = inObject ? (c == 0 ? 230 : 40) : background[i] & 0xFF;
                    v += sigma * random.nextGaussian();
                    pixels.put(i, (byte) Math.max(0, Math.min(255, Math.round(v))));
                }
            }
        }
        return into.set(pixels, width, height, width * 3, PixelFormat.RGB, t * ClipFrames.FRAME_NANOS,
                ClipFrames.FRAME_NANOS);
    }

    /** The next {@code n} frames, each with its own pixels (to push without generating them on the clock). */
    public Frame[] frames(int n) {
        Frame[] f = new Frame[n];
        for (int t = 0; t < n; t++) {
            Frame next = next(new Frame());
            ByteBuffer copy = ByteBuffer.allocateDirect(next.data().capacity()).put(next.data().duplicate().clear());
            f[t] = new Frame(copy, width, height, width * 3, PixelFormat.RGB, next.ptsNanos(), next.durationNanos());
        }
        return f;
    }

    private static int bounce(int p, int span) {
        int q = p % (2 * span);
        return q < span ? q : 2 * span - q;
    }
}
