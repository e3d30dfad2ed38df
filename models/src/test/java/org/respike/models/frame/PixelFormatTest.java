package org.respike.models.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PixelFormatTest {
    @Test
    void gstFormatNamesMapOneToOne() {
        for (PixelFormat f : PixelFormat.values()) {
            assertEquals(f, PixelFormat.fromGstFormat(f.name()));
        }
        assertEquals(3, PixelFormat.fromGstFormat("BGR").bytesPerPixel());
        assertEquals(1, PixelFormat.fromGstFormat("xRGB").redOffset());
        assertEquals(3, PixelFormat.fromGstFormat("ABGR").redOffset());
    }

    @Test
    void unsupportedFormatSaysWhichAreSupported() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PixelFormat.fromGstFormat("YUY2"));
        assertTrue(e.getMessage().contains("YUY2") && e.getMessage().contains("BGRx") && e.getMessage().contains("NV12"), e.getMessage());
    }
}
