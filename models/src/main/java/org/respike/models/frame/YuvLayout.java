package org.respike.models.frame;

/**
 * Where a 4:2:0 YUV frame's chroma lies in its buffer and how its values map to RGB: the byte index of the
 * first U and V samples (for NV12, V = U + 1), the chroma row stride, and the colour matrix's luma weights
 * Kr and Kb with the value range, as GStreamer's colorimetry gives them (videoconvert converts with the same).
 */
public record YuvLayout(int uOffset, int vOffset, int chromaStride, double kr, double kb, boolean fullRange) {

    /** BT.601 luma weights (SD video). */
    public static final double BT601_KR = 0.299;
    public static final double BT601_KB = 0.114;
    /** Video range: luma from 16 (black) over 219 steps, chroma 224 steps around 128. */
    public static final int VIDEO_BLACK = 16;
    public static final int VIDEO_LUMA_SPAN = 219;
    public static final int VIDEO_CHROMA_SPAN = 224;

    public YuvLayout {
        if (uOffset < 0 || vOffset < 0 || chromaStride <= 0) {
            throw new IllegalArgumentException("chroma at " + uOffset + "/" + vOffset + " with stride " + chromaStride);
        }
        if (kr <= 0 || kb <= 0 || kr + kb >= 1) {
            throw new IllegalArgumentException("colour matrix Kr " + kr + ", Kb " + kb);
        }
    }

    /**
     * GStreamer's default I420 layout of a {@code width} x {@code height} frame, BT.601 in video range: rows
     * padded to 4 bytes ({@link #i420Stride}), the luma plane as tall as the even height.
     */
    public static YuvLayout i420(int width, int height) {
        int chromaStride = ((width + 1) / 2 + 3) & ~3;
        int u = i420Stride(width) * ((height + 1) & ~1);
        return new YuvLayout(u, u + chromaStride * ((height + 1) / 2), chromaStride, BT601_KR, BT601_KB, false);
    }

    /** The luma row stride of GStreamer's default I420 layout: the width rounded up to 4 bytes. */
    public static int i420Stride(int width) {
        return (width + 3) & ~3;
    }

    /** Bytes of a buffer that holds a frame of {@code height} rows in this layout, its last chroma row padded. */
    public int bufferBytes(int height) {
        return Math.max(uOffset, vOffset) + chromaStride * ((height + 1) / 2);
    }

    /** Luma of black: 0 in full range, 16 in video range. */
    public int black() {
        return fullRange ? 0 : VIDEO_BLACK;
    }

    /** Luma steps from black to white: 255, or 219 in video range. */
    public int lumaSpan() {
        return fullRange ? 255 : VIDEO_LUMA_SPAN;
    }

    /** Chroma steps across its range: 255, or 224 in video range. */
    public int chromaSpan() {
        return fullRange ? 255 : VIDEO_CHROMA_SPAN;
    }

    /** The same chroma planes with every index moved by {@code bytes} (a crop's slice and start). */
    YuvLayout moved(int bytes) {
        return new YuvLayout(uOffset + bytes, vOffset + bytes, chromaStride, kr, kb, fullRange);
    }
}
