package org.respike.models.frame;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.util.Arrays;
import org.respike.models.bundle.ColorOrder;
import org.respike.models.bundle.Manifest.InputSpec;

/**
 * Turns a raw frame of any size, stride and packed RGB-family format into the model's normalised
 * planar input: the whole frame resized to width x height (aspect not kept, as the recipe does), channel
 * reorder, then {@code (p / scale - mean[c]) / std[c]} in float, in the same operation order as PyTorch so
 * that frames already at model size give bit-identical values.
 *
 * <p>Each axis is resized on its own, as the recipe's {@code data.resize} does: shrinking averages the
 * source pixels of each output pixel's bin (PyTorch's {@code adaptive_avg_pool2d}), enlarging
 * interpolates between two (half-pixel bilinear, {@code interpolate(align_corners=False)}). Two-tap
 * bilinear alone would sample 4 of the 500 pixels that a 64x64 output pixel covers in a 1080p frame:
 * thin limbs and sensor noise would alias, and the residual frames would show the aliasing as motion.
 *
 * <p>The sampling tables depend only on the source geometry; they are rebuilt when it changes, so the
 * per-frame loop does no allocation. Not thread-safe: one per stream.
 */
public final class FramePreprocessor {
    private final int outWidth;
    private final int outHeight;
    private final int plane;
    private final float scale;
    private final float[] mean;
    private final float[] std;
    private final boolean modelBgr;

    private final int[] channelOffset = new int[3];
    private Taps cols;
    private Taps rows;
    private byte[] line;
    private float[] column;
    private int[] sum;

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
    }

    /** Floats written per frame: 3 x height x width. */
    public int frameElements() {
        return 3 * plane;
    }

    /** Writes the normalised frame into {@code out} at absolute index {@code offset} (CHW planes). */
    public void normalise(Frame frame, FloatBuffer out, int offset) {
        prepare(frame);
        ByteBuffer src = frame.data();
        for (int y = 0; y < outHeight; y++) {
            resizeRows(src, y);
            for (int c = 0; c < 3; c++) {
                int channel = channelOffset[c];
                float m = mean[c];
                float s = std[c];
                int base = offset + c * plane + y * outWidth;
                for (int x = 0; x < outWidth; x++) {
                    out.put(base + x, (resizeColumns(x, channel) / scale - m) / s);
                }
            }
        }
    }

    /** One output pixel of the row that {@link #resizeRows} made. */
    private float resizeColumns(int x, int channel) {
        int first = cols.first[x];
        int last = cols.first[x + 1];
        float value = 0f;
        if (cols.area) {
            for (int tx = first; tx < last; tx++) {
                value += column[cols.offset[tx] + channel];
            }
            return value / (last - first);
        }
        for (int tx = first; tx < last; tx++) {
            value += cols.weight[tx] * column[cols.offset[tx] + channel];
        }
        return value;
    }

    /**
     * Output row {@code y} resized along the rows, for every byte of a source row: {@code data.resize}
     * resizes height before width. Whole source rows are copied out of the (often direct) buffer and summed
     * in one pass each, a loop the JIT vectorises; shrinking sums integers exactly, then divides once.
     */
    private void resizeRows(ByteBuffer src, int y) {
        int bytes = column.length;
        int first = rows.first[y];
        int last = rows.first[y + 1];
        if (rows.area) {
            Arrays.fill(sum, 0);
            for (int ty = first; ty < last; ty++) {
                src.get(rows.offset[ty], line, 0, bytes);
                for (int i = 0; i < bytes; i++) {
                    sum[i] += line[i] & 0xFF;
                }
            }
            float n = last - first;
            for (int i = 0; i < bytes; i++) {
                column[i] = sum[i] / n;
            }
            return;
        }
        Arrays.fill(column, 0f);
        for (int ty = first; ty < last; ty++) {
            float w = rows.weight[ty];
            src.get(rows.offset[ty], line, 0, bytes);
            for (int i = 0; i < bytes; i++) {
                column[i] += w * (line[i] & 0xFF);
            }
        }
    }

    private void prepare(Frame f) {
        if (f.width() == srcWidth && f.height() == srcHeight && f.rowStride() == srcStride && f.format() == srcFormat) {
            return;
        }
        PixelFormat fmt = f.format();
        channelOffset[0] = modelBgr ? fmt.blueOffset() : fmt.redOffset();
        channelOffset[1] = fmt.greenOffset();
        channelOffset[2] = modelBgr ? fmt.redOffset() : fmt.blueOffset();
        cols = Taps.of(f.width(), outWidth, fmt.bytesPerPixel());
        rows = Taps.of(f.height(), outHeight, f.rowStride());
        srcWidth = f.width();
        srcHeight = f.height();
        srcStride = f.rowStride();
        srcFormat = fmt;
        line = new byte[f.width() * fmt.bytesPerPixel()];
        column = new float[line.length];
        sum = new int[line.length];
    }

    /**
     * The source pixels (as byte offsets, {@code step} bytes apart) of each output index along one axis:
     * taps {@code first[i]} to {@code first[i + 1] - 1}; an area bin is their plain mean (sum / count, as
     * {@code adaptive_avg_pool2d} divides), a bilinear output their sum weighted by {@code weight}.
     */
    record Taps(int[] first, int[] offset, float[] weight, boolean area) {

        static Taps of(int in, int out, int step) {
            return in > out ? area(in, out, step) : bilinear(in, out, step);
        }

        /** adaptive_avg_pool: bin i covers [floor(i * in / out), ceil((i + 1) * in / out)). */
        private static Taps area(int in, int out, int step) {
            int[] first = new int[out + 1];
            for (int i = 0; i < out; i++) {
                int lo = (int) ((long) i * in / out);
                int hi = (int) (((long) (i + 1) * in + out - 1) / out);
                first[i + 1] = first[i] + hi - lo;
            }
            int[] offset = new int[first[out]];
            for (int i = 0; i < out; i++) {
                int lo = (int) ((long) i * in / out);
                for (int k = 0; k < first[i + 1] - first[i]; k++) {
                    offset[first[i] + k] = (lo + k) * step;
                }
            }
            return new Taps(first, offset, null, true);
        }

        /** Half-pixel centres, the edge pixel repeated: {@code interpolate(align_corners=False)}. */
        private static Taps bilinear(int in, int out, int step) {
            int[] first = new int[out + 1];
            int[] offset = new int[2 * out];
            float[] weight = new float[2 * out];
            float ratio = (float) in / out;
            for (int i = 0; i < out; i++) {
                float src = Math.max((i + 0.5f) * ratio - 0.5f, 0f);
                int i0 = Math.min((int) src, in - 1);
                float w = src - i0;
                first[i + 1] = 2 * (i + 1);
                offset[2 * i] = i0 * step;
                offset[2 * i + 1] = Math.min(i0 + 1, in - 1) * step;
                weight[2 * i] = 1f - w;
                weight[2 * i + 1] = w;
            }
            return new Taps(first, offset, weight, false);
        }
    }
}
