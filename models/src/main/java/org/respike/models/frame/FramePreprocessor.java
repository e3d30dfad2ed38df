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
 * <p>A 4:2:0 YUV frame (I420, NV12: what decoders emit) is resized plane by plane, luma at full and chroma at
 * half resolution, and converted to RGB only at the model's size, as videoconvert converts (its colour
 * matrix, range and clamping): a 640x360 frame costs 4096 conversions instead of 230400, and a pipeline
 * needs no videoconvert to RGB for the frames the model skips. Conversion and averaging are both linear,
 * so this differs from converting first by rounding, clamping and where the chroma bins fall (tested).
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

    /** Packed RGB: the one plane; YUV: luma. */
    private final PlaneResize first = new PlaneResize();
    /** YUV: U (I420) or the interleaved U, V pairs (NV12). */
    private final PlaneResize second = new PlaneResize();
    /** I420: V. */
    private final PlaneResize third = new PlaneResize();
    private final int[] channelOffset = new int[3];
    private final float[] rgb = new float[3];
    private YuvToRgb toRgb;

    private int srcWidth = -1;
    private int srcHeight = -1;
    private int srcStride = -1;
    private PixelFormat srcFormat;
    private YuvLayout srcYuv;

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
        if (toRgb != null) {
            normaliseYuv(frame, out, offset);
            return;
        }
        ByteBuffer src = frame.data();
        for (int y = 0; y < outHeight; y++) {
            first.resizeRow(src, 0, y);
            for (int c = 0; c < 3; c++) {
                int channel = channelOffset[c];
                int base = offset + c * plane + y * outWidth;
                for (int x = 0; x < outWidth; x++) {
                    out.put(base + x, normalised(first.at(x, channel), c));
                }
            }
        }
    }

    private void normaliseYuv(Frame frame, FloatBuffer out, int offset) {
        ByteBuffer src = frame.data();
        YuvLayout yuv = frame.yuv();
        boolean nv12 = frame.format() == PixelFormat.NV12;
        PlaneResize vPlane = nv12 ? second : third;
        int vChannel = nv12 ? 1 : 0;
        for (int y = 0; y < outHeight; y++) {
            first.resizeRow(src, 0, y);
            second.resizeRow(src, yuv.uOffset(), y);
            if (!nv12) {
                third.resizeRow(src, yuv.vOffset(), y);
            }
            for (int x = 0; x < outWidth; x++) {
                toRgb.convert(first.at(x, 0), second.at(x, 0), vPlane.at(x, vChannel), rgb);
                for (int c = 0; c < 3; c++) {
                    out.put(offset + c * plane + y * outWidth + x, normalised(rgb[modelBgr ? 2 - c : c], c));
                }
            }
        }
    }

    private float normalised(float value, int c) {
        return (value / scale - mean[c]) / std[c];
    }

    private void prepare(Frame f) {
        if (f.width() == srcWidth && f.height() == srcHeight && f.rowStride() == srcStride && f.format() == srcFormat
                && sameChroma(f.yuv())) {
            return;
        }
        PixelFormat fmt = f.format();
        first.prepare(f.width(), f.height(), f.rowStride(), fmt.bytesPerPixel(), outWidth, outHeight);
        if (fmt.isYuv()) {
            YuvLayout yuv = f.yuv();
            int cw = (f.width() + 1) / 2;
            int ch = (f.height() + 1) / 2;
            second.prepare(cw, ch, yuv.chromaStride(), fmt.chromaStep(), outWidth, outHeight);
            if (fmt == PixelFormat.I420) {
                third.prepare(cw, ch, yuv.chromaStride(), 1, outWidth, outHeight);
            }
            toRgb = new YuvToRgb(yuv);
        } else {
            channelOffset[0] = modelBgr ? fmt.blueOffset() : fmt.redOffset();
            channelOffset[1] = fmt.greenOffset();
            channelOffset[2] = modelBgr ? fmt.redOffset() : fmt.blueOffset();
            toRgb = null;
        }
        srcWidth = f.width();
        srcHeight = f.height();
        srcStride = f.rowStride();
        srcFormat = fmt;
        srcYuv = f.yuv();
    }

    /** Whether the sampling tables and colour matrix made for {@link #srcYuv} serve {@code yuv}: a crop moves the planes only. */
    private boolean sameChroma(YuvLayout yuv) {
        return yuv == srcYuv || yuv != null && srcYuv != null && yuv.chromaStride() == srcYuv.chromaStride()
                && yuv.kr() == srcYuv.kr() && yuv.kb() == srcYuv.kb() && yuv.fullRange() == srcYuv.fullRange();
    }

    /** YUV to RGB in 0-255 with the frame's matrix and range, clamped as videoconvert clamps. */
    private static final class YuvToRgb {
        private final float lumaGain;
        private final float lumaOffset;
        private final float chromaGain;
        private final float vToR;
        private final float uToG;
        private final float vToG;
        private final float uToB;

        YuvToRgb(YuvLayout yuv) {
            lumaGain = 255f / yuv.lumaSpan();
            lumaOffset = yuv.black();
            chromaGain = 255f / yuv.chromaSpan();
            double kr = yuv.kr();
            double kb = yuv.kb();
            double kg = 1 - kr - kb;
            vToR = (float) (2 * (1 - kr));
            uToB = (float) (2 * (1 - kb));
            uToG = (float) (2 * kb * (1 - kb) / kg);
            vToG = (float) (2 * kr * (1 - kr) / kg);
        }

        void convert(float y, float u, float v, float[] rgb) {
            float l = (y - lumaOffset) * lumaGain;
            float cb = (u - 128f) * chromaGain;
            float cr = (v - 128f) * chromaGain;
            rgb[0] = clamp(l + vToR * cr);
            rgb[1] = clamp(l - uToG * cb - vToG * cr);
            rgb[2] = clamp(l + uToB * cb);
        }

        private static float clamp(float value) {
            return Math.min(255f, Math.max(0f, value));
        }
    }

    /**
     * One plane resized as {@code data.resize} does, height before width: output row {@code y} for every byte
     * of a source row, then any output pixel of a channel {@code step} bytes apart. Whole source rows are
     * copied out of the (often direct) buffer and summed in one pass each, a loop the JIT vectorises;
     * shrinking sums integers exactly, then divides once.
     */
    private static final class PlaneResize {
        private Taps cols;
        private Taps rows;
        private byte[] line;
        private float[] column;
        private int[] sum;

        void prepare(int width, int height, int rowStride, int step, int outWidth, int outHeight) {
            cols = Taps.of(width, outWidth, step);
            rows = Taps.of(height, outHeight, rowStride);
            line = new byte[width * step];
            column = new float[line.length];
            sum = new int[line.length];
        }

        /** Output row {@code y} along the rows of the plane that starts at byte {@code base}. */
        void resizeRow(ByteBuffer src, int base, int y) {
            int bytes = column.length;
            int first = rows.first[y];
            int last = rows.first[y + 1];
            if (rows.area) {
                Arrays.fill(sum, 0);
                for (int ty = first; ty < last; ty++) {
                    src.get(base + rows.offset[ty], line, 0, bytes);
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
                src.get(base + rows.offset[ty], line, 0, bytes);
                for (int i = 0; i < bytes; i++) {
                    column[i] += w * (line[i] & 0xFF);
                }
            }
        }

        /** Output pixel {@code x} of the row {@link #resizeRow} made, for the channel at byte {@code channel}. */
        float at(int x, int channel) {
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
