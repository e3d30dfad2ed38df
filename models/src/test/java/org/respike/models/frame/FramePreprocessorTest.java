package org.respike.models.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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
    @EnumSource(value = PixelFormat.class, names = {"I420", "NV12"}, mode = EnumSource.Mode.EXCLUDE)
    void everyFormatAndStrideGivesTheSameInput(PixelFormat format) {
        int[][][] img = TestImages.random(13, 9, 2);
        InputSpec in = input(7, 5, ColorOrder.RGB);
        FloatBuffer expected = run(in, TestImages.frame(img, PixelFormat.RGB, 0));
        FloatBuffer actual = run(in, TestImages.frame(img, format, 7));
        for (int i = 0; i < expected.capacity(); i++) {
            assertEquals(expected.get(i), actual.get(i), 0f, "element " + i);
        }
    }

    /**
     * A YUV frame is resized plane by plane and converted at the model's size; the reference converts every
     * pixel first (chroma repeated over its 2x2 block, rounded and clamped to bytes, as videoconvert does) and
     * resizes the RGB. They differ by the reference's rounding and by where the half-resolution chroma bins
     * fall, which on smooth chroma is a fraction of a level.
     */
    @ParameterizedTest(name = "{0} {1}x{2}, Kr {3}, full range {4}")
    @CsvSource({
        "I420, 75, 47, 0.299, false",  // odd sizes: the last chroma sample covers one column and row
        "NV12, 161, 91, 0.299, false",
        "I420, 160, 90, 0.2126, true",
        "NV12, 64, 48, 0.2126, false",
    })
    void yuvFramesGiveTheInputOfTheirConversionToRgb(PixelFormat format, int w, int h, double kr, boolean fullRange) {
        double kb = kr == 0.299 ? 0.114 : 0.0722;
        java.util.Random random = new java.util.Random(9);
        int[][] luma = new int[h][w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                luma[y][x] = 60 + random.nextInt(130);
            }
        }
        int cw = (w + 1) / 2;
        int ch = (h + 1) / 2;
        int[][] u = new int[ch][cw];
        int[][] v = new int[ch][cw];
        for (int y = 0; y < ch; y++) {
            for (int x = 0; x < cw; x++) {
                u[y][x] = 108 + (20 * x / cw) + (20 * y / ch);
                v[y][x] = 148 - (20 * x / cw) - (10 * y / ch);
            }
        }
        int[][][] rgb = new int[h][w][3];
        double lumaGain = fullRange ? 1 : 255 / 219.0;
        double chromaGain = fullRange ? 1 : 255 / 224.0;
        double kg = 1 - kr - kb;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double l = (luma[y][x] - (fullRange ? 0 : 16)) * lumaGain;
                double cb = (u[y / 2][x / 2] - 128) * chromaGain;
                double cr = (v[y / 2][x / 2] - 128) * chromaGain;
                double[] value = {l + 2 * (1 - kr) * cr, l - 2 * kb * (1 - kb) / kg * cb - 2 * kr * (1 - kr) / kg * cr,
                        l + 2 * (1 - kb) * cb};
                for (int c = 0; c < 3; c++) {
                    rgb[y][x][c] = (int) Math.max(0, Math.min(255, Math.round(value[c])));
                }
            }
        }
        InputSpec in = input(16, 12, ColorOrder.RGB);
        FloatBuffer expected = run(in, TestImages.frame(rgb, PixelFormat.RGB, 0));
        FloatBuffer actual = run(in, TestImages.yuv(luma, u, v, format, 5, kr, kb, fullRange));
        double sum = 0;
        double worst = 0;
        for (int i = 0; i < expected.capacity(); i++) {
            double levels = Math.abs(expected.get(i) - actual.get(i)) * STD[i / (16 * 12)] * 255;
            sum += levels;
            worst = Math.max(worst, levels);
        }
        // Measured: worst 1.71 / mean 0.43 levels at 75x47, 0.43 / 0.15 at 160x90; a wrong matrix, range or
        // plane is off by tens of levels.
        assertTrue(worst < 2, "worst " + worst + " levels");
        assertTrue(sum / expected.capacity() < 0.5, "mean " + sum / expected.capacity() + " levels");
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
    void halvingAveragesEachTwoByTwoBlock() {
        int[][][] img = TestImages.random(4, 4, 4);
        FloatBuffer out = run(input(2, 2, ColorOrder.RGB), TestImages.frame(img, PixelFormat.RGB, 0));
        float block = (img[0][0][0] + img[0][1][0] + img[1][0][0] + img[1][1][0]) / 4f;
        assertEquals((block / 255f - MEAN[0]) / STD[0], out.get(0), 1e-5f);
    }

    @ParameterizedTest(name = "{0}x{1} -> {2}x{3}")
    @CsvSource({
        "37, 23, 16, 12",  // both axes shrink: bins of 2 or 3 pixels, some shared by two outputs
        "160, 90, 16, 12",  // a camera frame: bins of 10 x 7 or 8 pixels
        "5, 4, 16, 12",  // both axes grow
        "37, 9, 16, 12",  // one of each
    })
    void resizeMatchesTheRecipeReference(int sw, int sh, int ow, int oh) {
        int[][][] img = TestImages.random(sw, sh, 5);
        FloatBuffer out = run(input(ow, oh, ColorOrder.RGB), TestImages.frame(img, PixelFormat.RGBA, 3));
        double[][] wx = weights(sw, ow);
        double[][] wy = weights(sh, oh);
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < oh; y++) {
                for (int x = 0; x < ow; x++) {
                    double v = 0;
                    for (int i = 0; i < sw; i++) {
                        for (int j = 0; j < sh; j++) {
                            v += wx[x][i] * wy[y][j] * img[j][i][c];
                        }
                    }
                    assertEquals((v / 255 - MEAN[c]) / STD[c], out.get(c * ow * oh + y * ow + x), 1e-4);
                }
            }
        }
    }

    /**
     * Dense weights [out][in] of one axis, in double: the mean over bin [floor(i * in / out),
     * ceil((i + 1) * in / out)) when shrinking (torch adaptive_avg_pool2d), half-pixel linear
     * interpolation when growing (torch interpolate(mode="bilinear", align_corners=False)).
     */
    private static double[][] weights(int in, int out) {
        double[][] w = new double[out][in];
        for (int i = 0; i < out; i++) {
            if (in > out) {
                int lo = (int) Math.floor((double) i * in / out);
                int hi = (int) Math.ceil((double) (i + 1) * in / out);
                for (int k = lo; k < hi; k++) {
                    w[i][k] = 1.0 / (hi - lo);
                }
            } else {
                double f = Math.max((i + 0.5) * in / out - 0.5, 0);
                int i0 = (int) f;
                w[i][i0] += 1 - (f - i0);
                w[i][Math.min(i0 + 1, in - 1)] += f - i0;
            }
        }
        return w;
    }

    /**
     * The recipe's {@code data.resize} of {@code respike_recipe/tests/test_data.py}'s formula image, written
     * by that test with PyTorch: a shrunk camera frame must give the same float32 bits, so the model sees in
     * the pipeline exactly the pixels it was trained on; a grown axis (a camera smaller than the model input)
     * agrees to a millionth of full scale.
     */
    @Test
    void resizeIsBitIdenticalToPyTorch() throws Exception {
        JsonNode cases;
        try (InputStream in = getClass().getResourceAsStream("/resize_parity.json")) {
            cases = new ObjectMapper().readTree(in).get("cases");
        }
        assertEquals(5, cases.size());
        for (JsonNode c : cases) {
            int sw = c.get("source").get(0).asInt();
            int sh = c.get("source").get(1).asInt();
            int ow = c.get("size").get(0).asInt();
            int oh = c.get("size").get(1).asInt();
            int[][][] img = new int[sh][sw][3];
            for (int y = 0; y < sh; y++) {
                for (int x = 0; x < sw; x++) {
                    for (int ch = 0; ch < 3; ch++) {
                        img[y][x][ch] = (x * 37 + y * 101 + ch * 53 + (x * x * y) % 97) % 256;
                    }
                }
            }
            InputSpec plain = new InputSpec(ow, oh, 3, ColorOrder.RGB, 255f, new float[3], new float[] {1, 1, 1});
            FloatBuffer out = run(plain, TestImages.frame(img, PixelFormat.RGBx, 5));
            FloatBuffer torch = ByteBuffer.wrap(Base64.getDecoder().decode(c.get("planes_f32le").asText()))
                    .order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
            assertEquals(torch.capacity(), out.capacity());
            // A growing axis interpolates with weights that round as PyTorch's do only to the last bit or so.
            float tolerance = sw > ow && sh > oh ? 0f : 1e-6f;
            for (int i = 0; i < out.capacity(); i++) {
                assertEquals(torch.get(i), out.get(i), tolerance, sw + "x" + sh + " -> " + ow + "x" + oh + ", element " + i);
            }
        }
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
