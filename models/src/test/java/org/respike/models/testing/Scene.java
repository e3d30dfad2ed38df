package org.respike.models.testing;

import java.nio.ByteBuffer;
import org.respike.models.frame.Frame;
import org.respike.models.frame.PixelFormat;

/**
 * A static camera's view for tracking tests: a fixed textured background, fresh sensor noise in every
 * frame, and solid rectangles (people) drawn where the test puts them. BGRx, one buffer reused.
 */
public final class Scene {
    /** One drawn object: its box in pixels and its colour. */
    public record Blob(double x, double y, double width, double height, int red, int green, int blue) {
    }

    private final int width;
    private final int height;
    private final double noiseSigma;
    private final byte[] background;
    private final ByteBuffer pixels;
    private final Frame frame = new Frame();
    private long state;

    public Scene(int width, int height, double noiseSigma, long seed) {
        this.width = width;
        this.height = height;
        this.noiseSigma = noiseSigma;
        this.state = seed * 0x9E3779B97F4A7C15L + 1;
        this.background = new byte[width * height * 3];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double shade = 110 + 25 * Math.sin(x / 37.0) * Math.cos(y / 23.0);
                for (int c = 0; c < 3; c++) {
                    int v = (int) (shade + 10 * c + (next() & 15) - 8);
                    background[(y * width + x) * 3 + c] = (byte) v;
                }
            }
        }
        this.pixels = ByteBuffer.allocateDirect(width * height * 4);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Frame {@code index} at 8 fps with the blobs drawn in order (later ones in front). */
    public Frame render(long index, Blob... blobs) {
        for (int i = 0, p = 0; i < width * height; i++, p += 4) {
            int n = noise();
            pixels.put(p, clamp((background[i * 3 + 2] & 0xFF) + n));
            pixels.put(p + 1, clamp((background[i * 3 + 1] & 0xFF) + n));
            pixels.put(p + 2, clamp((background[i * 3] & 0xFF) + n));
            pixels.put(p + 3, (byte) 0xFF);
        }
        for (Blob b : blobs) {
            int x0 = Math.max(0, (int) Math.round(b.x()));
            int y0 = Math.max(0, (int) Math.round(b.y()));
            int x1 = Math.min(width, (int) Math.round(b.x() + b.width()));
            int y1 = Math.min(height, (int) Math.round(b.y() + b.height()));
            for (int y = y0; y < y1; y++) {
                for (int x = x0; x < x1; x++) {
                    int p = (y * width + x) * 4;
                    int n = noise();
                    pixels.put(p, clamp(b.blue() + n));
                    pixels.put(p + 1, clamp(b.green() + n));
                    pixels.put(p + 2, clamp(b.red() + n));
                }
            }
        }
        long period = 125_000_000L;
        return frame.set(pixels, width, height, width * 4, PixelFormat.BGRx, index * period, period);
    }

    /** Approximately Gaussian (sum of four uniform bytes), sigma {@code noiseSigma}. */
    private int noise() {
        long r = next();
        int sum = (int) ((r & 0xFF) + ((r >>> 8) & 0xFF) + ((r >>> 16) & 0xFF) + ((r >>> 24) & 0xFF)) - 510;
        return (int) Math.round(sum * noiseSigma / 147.8);
    }

    private long next() {
        state ^= state << 13;
        state ^= state >>> 7;
        state ^= state << 17;
        return state;
    }

    private static byte clamp(int v) {
        return (byte) Math.max(0, Math.min(255, v));
    }
}
