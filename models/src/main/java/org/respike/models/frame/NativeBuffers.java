package org.respike.models.frame;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

/**
 * Direct, native-order float buffers: the only kind ONNX Runtime wraps without copying, so every tensor
 * the engine feeds or pins is backed by one of these.
 */
public final class NativeBuffers {
    private NativeBuffers() {
    }

    public static FloatBuffer floats(long count) {
        if (count > Integer.MAX_VALUE / Float.BYTES) {
            throw new IllegalArgumentException("tensor too large for one buffer: " + count + " floats");
        }
        return ByteBuffer.allocateDirect((int) count * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
    }
}
