package org.respike.models.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.FloatBuffer;
import org.junit.jupiter.api.Test;
import org.respike.models.bundle.ColorOrder;

class ResidualExtractorTest {
    @Test
    void residualIsNormalisedFrameMinusNormalisedKey() {
        int[][][] key = TestImages.random(6, 4, 7);
        int[][][] next = TestImages.random(6, 4, 8);
        ResidualExtractor r = new ResidualExtractor(FramePreprocessorTest.input(6, 4, ColorOrder.RGB));
        r.setKey(TestImages.frame(key, PixelFormat.BGRA, 0));
        FloatBuffer out = NativeBuffers.floats(r.frameElements());
        r.residual(TestImages.frame(next, PixelFormat.RGB, 2), out);
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < 24; i++) {
                int y = i / 6;
                int x = i % 6;
                float expected = FramePreprocessorTest.norm(next[y][x][c], c) - FramePreprocessorTest.norm(key[y][x][c], c);
                assertEquals(expected, out.get(c * 24 + i), 0f);
            }
        }
        assertEquals(FramePreprocessorTest.norm(key[0][0][0], 0), r.key().get(0), 0f);
    }

    @Test
    void theKeyFrameItselfHasAZeroResidual() {
        int[][][] key = TestImages.random(5, 5, 9);
        ResidualExtractor r = new ResidualExtractor(FramePreprocessorTest.input(3, 3, ColorOrder.RGB));
        r.setKey(TestImages.frame(key, PixelFormat.RGB, 0));
        FloatBuffer out = NativeBuffers.floats(r.frameElements());
        r.residual(TestImages.frame(key, PixelFormat.xBGR, 1), out);
        for (int i = 0; i < r.frameElements(); i++) {
            assertEquals(0f, out.get(i), 0f);
        }
    }
}
