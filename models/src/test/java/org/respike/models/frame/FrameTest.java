package org.respike.models.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import org.junit.jupiter.api.Test;
import org.respike.models.bundle.ColorOrder;

class FrameTest {
    @Test
    void setRefillsTheSameInstance() {
        Frame f = new Frame();
        ByteBuffer b = ByteBuffer.allocate(4 * 3 * 2);
        assertSame(f, f.set(b, 4, 2, 12, PixelFormat.RGB, 10, 5));
        assertEquals(12, f.rowStride());
        assertEquals(10, f.ptsNanos());
        assertEquals(PixelFormat.BGRx, f.set(ByteBuffer.allocate(8), 1, 2, 4, PixelFormat.BGRx, 0, 0).format());
    }

    @Test
    void inconsistentGeometryIsRefusedBeforeAnyPixelIsRead() {
        Frame f = new Frame();
        ByteBuffer b = ByteBuffer.allocate(100);
        assertThrows(IllegalArgumentException.class, () -> f.set(b, 0, 2, 12, PixelFormat.RGB, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> f.set(b, 4, 2, 11, PixelFormat.RGB, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> f.set(b, 8, 4, 32, PixelFormat.BGRA, 0, 0));
        // The last row needs only width x bytes per pixel, not a full stride.
        f.set(ByteBuffer.allocate(32 + 16), 4, 2, 32, PixelFormat.BGRA, 0, 0);
    }

    @Test
    void aCropIsAViewThatThePreprocessorResizesLikeTheSameRegionCopiedOut() {
        int[][][] rgb = TestImages.random(40, 30, 7);
        Frame whole = TestImages.frame(rgb, PixelFormat.BGRx, 12);
        int[][][] region = new int[20][16][];
        for (int y = 0; y < 20; y++) {
            for (int x = 0; x < 16; x++) {
                region[y][x] = rgb[5 + y][9 + x];
            }
        }
        Frame copied = TestImages.frame(region, PixelFormat.RGB, 0);
        Frame view = whole.crop(9, 5, 16, 20, new Frame());
        assertEquals(16, view.width());
        assertEquals(whole.rowStride(), view.rowStride());

        FramePreprocessor p = new FramePreprocessor(FramePreprocessorTest.input(8, 8, ColorOrder.RGB));
        FloatBuffer a = FloatBuffer.allocate(p.frameElements());
        FloatBuffer b = FloatBuffer.allocate(p.frameElements());
        p.normalise(view, a, 0);
        new FramePreprocessor(FramePreprocessorTest.input(8, 8, ColorOrder.RGB)).normalise(copied, b, 0);
        assertEquals(b, a);
    }

    @Test
    void aYuvCropStartsOnTheEvenPixelAtOrBeforeItsCorner() {
        int[][] y = new int[30][40];
        int[][] u = new int[15][20];
        int[][] v = new int[15][20];
        int[][] ry = new int[20][16];
        int[][] ru = new int[10][8];
        int[][] rv = new int[10][8];
        for (int r = 0; r < 30; r++) {
            for (int x = 0; x < 40; x++) {
                y[r][x] = (r * 7 + x * 13) % 256;
                if (r < 15 && x < 20) {
                    u[r][x] = (r * 11 + x * 5) % 256;
                    v[r][x] = (r * 3 + x * 17) % 256;
                }
            }
        }
        for (int r = 0; r < 20; r++) {
            for (int x = 0; x < 16; x++) {
                ry[r][x] = y[4 + r][8 + x];
                if (r < 10 && x < 8) {
                    ru[r][x] = u[2 + r][4 + x];
                    rv[r][x] = v[2 + r][4 + x];
                }
            }
        }
        for (PixelFormat format : new PixelFormat[] {PixelFormat.I420, PixelFormat.NV12}) {
            Frame whole = TestImages.yuv(y, u, v, format, 3, 0.299, 0.114, false);
            Frame view = whole.crop(9, 5, 16, 20, new Frame());
            Frame copied = TestImages.yuv(ry, ru, rv, format, 0, 0.299, 0.114, false);
            FramePreprocessor p = new FramePreprocessor(FramePreprocessorTest.input(8, 8, ColorOrder.RGB));
            FloatBuffer a = FloatBuffer.allocate(p.frameElements());
            FloatBuffer b = FloatBuffer.allocate(p.frameElements());
            p.normalise(view, a, 0);
            p.normalise(copied, b, 0);
            assertEquals(b, a, format.toString());
        }
    }

    @Test
    void yuvNeedsItsChromaLayoutAndPackedRgbHasNone() {
        ByteBuffer b = ByteBuffer.allocate(64 * 48 * 3 / 2);
        YuvLayout layout = new YuvLayout(64 * 48, 64 * 48 + 32 * 24, 32, 0.299, 0.114, false);
        assertThrows(IllegalArgumentException.class, () -> new Frame().set(b, 64, 48, 64, PixelFormat.I420, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new Frame().set(b, 16, 16, 48, PixelFormat.RGB, layout, 0, 0));
        new Frame().set(b, 64, 48, 64, PixelFormat.I420, layout, 0, 0);
        // The V plane would end past the buffer.
        assertThrows(IllegalArgumentException.class, () -> new Frame().set(b, 64, 48, 64, PixelFormat.I420,
                new YuvLayout(64 * 48, 64 * 48 + 32 * 25, 32, 0.299, 0.114, false), 0, 0));
    }

    @Test
    void aCropOutsideTheFrameIsRefused() {
        Frame whole = TestImages.frame(TestImages.random(10, 10, 1), PixelFormat.RGB, 0);
        assertThrows(IllegalArgumentException.class, () -> whole.crop(5, 5, 6, 2, new Frame()));
        assertThrows(IllegalArgumentException.class, () -> whole.crop(-1, 0, 2, 2, new Frame()));
        assertThrows(IllegalArgumentException.class, () -> whole.crop(0, 0, 0, 2, new Frame()));
    }
}
