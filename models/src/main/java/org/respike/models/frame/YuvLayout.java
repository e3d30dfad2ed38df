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

    public YuvLayout {
        if (uOffset < 0 || vOffset < 0 || chromaStride <= 0) {
            throw new IllegalArgumentException("chroma at " + uOffset + "/" + vOffset + " with stride " + chromaStride);
        }
        if (kr <= 0 || kb <= 0 || kr + kb >= 1) {
            throw new IllegalArgumentException("colour matrix Kr " + kr + ", Kb " + kb);
        }
    }

    /** The same chroma planes with every index moved by {@code bytes} (a crop's slice and start). */
    YuvLayout moved(int bytes) {
        return new YuvLayout(uOffset + bytes, vOffset + bytes, chromaStride, kr, kb, fullRange);
    }
}
