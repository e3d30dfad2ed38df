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
    void aCropOutsideTheFrameIsRefused() {
        Frame whole = TestImages.frame(TestImages.random(10, 10, 1), PixelFormat.RGB, 0);
        assertThrows(IllegalArgumentException.class, () -> whole.crop(5, 5, 6, 2, new Frame()));
        assertThrows(IllegalArgumentException.class, () -> whole.crop(-1, 0, 2, 2, new Frame()));
        assertThrows(IllegalArgumentException.class, () -> whole.crop(0, 0, 0, 2, new Frame()));
    }
}
