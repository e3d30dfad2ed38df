package org.respike.models.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.FloatBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.respike.models.bundle.ColorOrder;
import org.respike.models.bundle.Manifest.InputSpec;

class FramePreprocessorTest {
    static final float[] MEAN = {0.485f, 0.456f, 0.406f};
    static final float[] STD = {0.229f, 0.224f, 0.225f};

    static InputSpec input(int w, int h, ColorOrder order) {
        return new InputSpec(w, h, 3, order, 255f, MEAN, STD);
    }

    static FloatBuffer run(InputSpec in, Frame f) {
        FramePreprocessor p = new FramePreprocessor(in);
        FloatBuffer out = NativeBuffers.floats(p.frameElements());
        p.normalise(f, out, 0);
        return out;
    }

    /** PyTorch's {@code (x / 255 - mean) / std} in float32, in the same order. */
    static float norm(int p, int c) {
        return ((float) p / 255f - MEAN[c]) / STD[c];
    }

    @Test
    void frameAtModelSizeIsNormalisedExactlyAsPyTorch() {
        int[][][] img = TestImages.random(8, 6, 1);
        FloatBuffer out = run(input(8, 6, ColorOrder.RGB), TestImages.frame(img, PixelFormat.RGB, 0));
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < 6; y++) {
                for (int x = 0; x < 8; x++) {
                    assertEquals(norm(img[y][x][c], c), out.get(c * 48 + y * 8 + x), 0f);
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(PixelFormat.class)
    void everyFormatAndStrideGivesTheSameInput(PixelFormat format) {
        int[][][] img = TestImages.random(13, 9, 2);
        InputSpec in = input(7, 5, ColorOrder.RGB);
        FloatBuffer expected = run(in, TestImages.frame(img, PixelFormat.RGB, 0));
        FloatBuffer actual = run(in, TestImages.frame(img, format, 7));
        for (int i = 0; i < expected.capacity(); i++) {
            assertEquals(expected.get(i), actual.get(i), 0f, "element " + i);
        }
    }

    @Test
    void bgrModelsGetTheirPlanesSwapped() {
        int[][][] img = TestImages.random(4, 4, 3);
        FloatBuffer rgb = run(input(4, 4, ColorOrder.RGB), TestImages.frame(img, PixelFormat.BGRx, 0));
        FloatBuffer bgr = run(input(4, 4, ColorOrder.BGR), TestImages.frame(img, PixelFormat.BGRx, 0));
        for (int i = 0; i < 16; i++) {
            // Plane 0 of a BGR model holds blue, normalised with the manifest's first mean and std.
            assertEquals((img[i / 4][i % 4][2] / 255f - MEAN[0]) / STD[0], bgr.get(i), 1e-6f);
            assertEquals(rgb.get(16 + i), bgr.get(16 + i), 0f);
        }
    }

    @Test
    void halvingAveragesPixelPairsLikeHalfPixelBilinear() {
        int[][][] img = TestImages.random(4, 4, 4);
        FloatBuffer out = run(input(2, 2, ColorOrder.RGB), TestImages.frame(img, PixelFormat.RGB, 0));
        // Output (0,0) samples source (0.5, 0.5): the mean of the top-left 2x2 block.
        float block = (img[0][0][0] + img[0][1][0] + img[1][0][0] + img[1][1][0]) / 4f;
        assertEquals((block / 255f - MEAN[0]) / STD[0], out.get(0), 1e-5f);
    }

    @Test
    void resizeMatchesAReferenceBilinear() {
        int sw = 37;
        int sh = 23;
        int ow = 16;
        int oh = 12;
        int[][][] img = TestImages.random(sw, sh, 5);
        FloatBuffer out = run(input(ow, oh, ColorOrder.RGB), TestImages.frame(img, PixelFormat.RGBA, 3));
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < oh; y++) {
                for (int x = 0; x < ow; x++) {
                    double v = reference(img, c, x, y, (double) sw / ow, (double) sh / oh);
                    assertEquals((v / 255 - MEAN[c]) / STD[c], out.get(c * ow * oh + y * ow + x), 1e-4);
                }
            }
        }
    }

    /** torch.nn.functional.interpolate(mode="bilinear", align_corners=False), in double. */
    private static double reference(int[][][] img, int c, int x, int y, double sx, double sy) {
        double fx = Math.max((x + 0.5) * sx - 0.5, 0);
        double fy = Math.max((y + 0.5) * sy - 0.5, 0);
        int x0 = (int) fx;
        int y0 = (int) fy;
        int x1 = Math.min(x0 + 1, img[0].length - 1);
        int y1 = Math.min(y0 + 1, img.length - 1);
        double ax = fx - x0;
        double ay = fy - y0;
        double top = (1 - ax) * img[y0][x0][c] + ax * img[y0][x1][c];
        double bottom = (1 - ax) * img[y1][x0][c] + ax * img[y1][x1][c];
        return (1 - ay) * top + ay * bottom;
    }

    @Test
    void writesAtTheGivenOffsetOnly() {
        int[][][] img = TestImages.random(4, 4, 6);
        FramePreprocessor p = new FramePreprocessor(input(4, 4, ColorOrder.RGB));
        FloatBuffer out = NativeBuffers.floats(3 * p.frameElements());
        p.normalise(TestImages.frame(img, PixelFormat.RGB, 0), out, p.frameElements());
        assertEquals(0f, out.get(p.frameElements() - 1));
        assertEquals(norm(img[0][0][0], 0), out.get(p.frameElements()), 0f);
        assertEquals(0f, out.get(2 * p.frameElements()));
    }
}
