package org.respike.models.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

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
}
