package org.respike.models.frame;

import java.nio.FloatBuffer;
import org.respike.models.bundle.Manifest.InputSpec;

/**
 * ReSpike's residual frames: {@code r = norm(frame) - norm(key)}, signed, all three channels, computed
 * after normalisation exactly as the recipe trains them. Holds the normalised key frame of the current
 * group. Public so that a visualisation element can show what the SNN sees. Not thread-safe.
 */
public final class ResidualExtractor {
    private final FramePreprocessor preprocessor;
    private final FloatBuffer key;
    private final int elements;

    public ResidualExtractor(InputSpec input) {
        this.preprocessor = new FramePreprocessor(input);
        this.elements = preprocessor.frameElements();
        this.key = NativeBuffers.floats(elements);
    }

    /** Floats per normalised frame (3 x height x width). */
    public int frameElements() {
        return elements;
    }

    /** The normalised key frame (direct, native order, CHW): also the ANN's input. */
    public FloatBuffer key() {
        return key;
    }

    /** Normalises {@code frame} as the key frame of a new group. */
    public void setKey(Frame frame) {
        preprocessor.normalise(frame, key, 0);
    }

    /** Writes {@code norm(frame) - key} into {@code out} at index 0. */
    public void residual(Frame frame, FloatBuffer out) {
        preprocessor.normalise(frame, out, 0);
        subtract(out, key, out, elements);
    }

    /** {@code out[i] = a[i] - b[i]} for the first {@code n} elements (absolute indices; out may be a). */
    public static void subtract(FloatBuffer a, FloatBuffer b, FloatBuffer out, int n) {
        for (int i = 0; i < n; i++) {
            out.put(i, a.get(i) - b.get(i));
        }
    }
}
