package org.respike.elements.residual;

import java.nio.ByteBuffer;

/**
  * Renders what the SNN sees: each residual frame becomes {@code 128 + gain * (frame - key)} per byte,
  * so grey means "no change" and colour shows the signed change since the group's key frame. Works on
  * any packed 8-bit RGB-family layout because it treats every byte alike (padding bytes included).
  */
final class ResidualPainter {

    private byte[] key = new byte[0];
    private int keyLength;

    /** Remembers the key frame of a new group (the frame itself is left untouched). */
    void takeKey(ByteBuffer frame, int length) {
        if (key.length < length) {
            key = new byte[length];
        }
        frame.get(frame.position(), key, 0, length);
        keyLength = length;
    }

    /** Overwrites {@code frame} with its residual against the stored key frame. */
    void paintResidual(ByteBuffer frame, int length, double gain) {
        if (length != keyLength) {
            throw new IllegalStateException("frame size " + length + " differs from the key frame's " + keyLength);
        }
        int base = frame.position();
        float g = (float) gain;
        for (int i = 0; i < length; i++) {
            int diff = (frame.get(base + i) & 0xff) - (key[i] & 0xff);
            int v = 128 + Math.round(g * diff);
            frame.put(base + i, (byte) Math.max(0, Math.min(255, v)));
        }
    }
}
