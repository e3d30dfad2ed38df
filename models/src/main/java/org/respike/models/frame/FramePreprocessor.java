package org.respike.models.frame;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import org.respike.models.bundle.ColorOrder;
import org.respike.models.bundle.Manifest.InputSpec;

/**
 * Turns a raw frame of any size, stride and packed RGB-family format into the model's normalised
 * planar input: bilinear resize of the whole frame to width x height (aspect not kept, as the recipe
 * does; half-pixel centres like PyTorch's {@code interpolate(align_corners=False)}), channel reorder,
 * then {@code (p / scale - mean[c]) / std[c]} in float, in the same operation order as PyTorch so that
 * frames already at model size give bit-identical values.
 *
 * <p>The sampling tables depend only on the source geometry; they are rebuilt when it changes, so the
 * per-frame loop does no allocation and no branching besides the loop bounds. Not thread-safe: one per
 * stream.
 */
public final class FramePreprocessor {
    private final int outWidth;
    private final int outHeight;
    private final int plane;
    private final float scale;
    private final float[] mean;
    private final float[] std;
    private final boolean modelBgr;

    private final int[] col0;
    private final int[] col1;
    private final float[] colWeight;
    private final int[] row0;
    private final int[] row1;
    private final float[] rowWeight;
    private final int[] channelOffset = new int[3];

    private int srcWidth = -1;
    private int srcHeight = -1;
    private int srcStride = -1;
    private PixelFormat srcFormat;

    public FramePreprocessor(InputSpec input) {
        this.outWidth = input.width();
        this.outHeight = input.height();
        this.plane = outWidth * outHeight;
        this.scale = input.scale();
        this.mean = input.mean();
        this.std = input.std();
        this.modelBgr = input.colorOrder() == ColorOrder.BGR;
        this.col0 = new int[outWidth];
        this.col1 = new int[outWidth];
        this.colWeight = new float[outWidth];
        this.row0 = new int[outHeight];
        this.row1 = new int[outHeight];
        this.rowWeight = new float[outHeight];
    }

    /** Floats written per frame: 3 x height x width. */
    public int frameElements() {
        return 3 * plane;
    }

    /** Writes the normalised frame into {@code out} at absolute index {@code offset} (CHW planes). */
    public void normalise(Frame frame, FloatBuffer out, int offset) {
        prepare(frame);
        ByteBuffer src = frame.data();
        int o0 = channelOffset[0];
        int o1 = channelOffset[1];
        int o2 = channelOffset[2];
        float m0 = mean[0];
        float m1 = mean[1];
        float m2 = mean[2];
        float s0 = std[0];
        float s1 = std[1];
        float s2 = std[2];
        int base1 = offset + plane;
        int base2 = offset + 2 * plane;
        for (int y = 0; y < outHeight; y++) {
            int r0 = row0[y];
            int r1 = row1[y];
            float wy = rowWeight[y];
            int rowBase = y * outWidth;
            for (int x = 0; x < outWidth; x++) {
                int a = r0 + col0[x];
                int b = r0 + col1[x];
                int c = r1 + col0[x];
                int d = r1 + col1[x];
                float wx = colWeight[x];
                int i = rowBase + x;
                out.put(offset + i, (sample(src, a + o0, b + o0, c + o0, d + o0, wx, wy) / scale - m0) / s0);
                out.put(base1 + i, (sample(src, a + o1, b + o1, c + o1, d + o1, wx, wy) / scale - m1) / s1);
                out.put(base2 + i, (sample(src, a + o2, b + o2, c + o2, d + o2, wx, wy) / scale - m2) / s2);
            }
        }
    }

    private static float sample(ByteBuffer src, int a, int b, int c, int d, float wx, float wy) {
        float pa = src.get(a) & 0xFF;
        float pb = src.get(b) & 0xFF;
        float pc = src.get(c) & 0xFF;
        float pd = src.get(d) & 0xFF;
        float top = pa + (pb - pa) * wx;
        float bottom = pc + (pd - pc) * wx;
        return top + (bottom - top) * wy;
    }

    private void prepare(Frame f) {
        if (f.width() == srcWidth && f.height() == srcHeight && f.stride() == srcStride && f.format() == srcFormat) {
            return;
        }
        PixelFormat fmt = f.format();
        channelOffset[0] = modelBgr ? fmt.blueOffset() : fmt.redOffset();
        channelOffset[1] = fmt.greenOffset();
        channelOffset[2] = modelBgr ? fmt.redOffset() : fmt.blueOffset();
        axis(f.width(), outWidth, fmt.bytesPerPixel(), col0, col1, colWeight);
        axis(f.height(), outHeight, f.stride(), row0, row1, rowWeight);
        srcWidth = f.width();
        srcHeight = f.height();
        srcStride = f.stride();
        srcFormat = fmt;
    }

    /** Source positions (as byte offsets, step bytes apart) and weights for each output index. */
    private static void axis(int in, int out, int step, int[] lo, int[] hi, float[] weight) {
        float ratio = (float) in / out;
        for (int i = 0; i < out; i++) {
            float src = Math.max((i + 0.5f) * ratio - 0.5f, 0f);
            int i0 = Math.min((int) src, in - 1);
            int i1 = Math.min(i0 + 1, in - 1);
            lo[i] = i0 * step;
            hi[i] = i1 * step;
            weight[i] = src - i0;
        }
    }
}
