package org.respike.models.bundle;

import java.util.Arrays;
import java.util.List;

/**
 * One graph input or output as the manifest declares it. A dimension of -1 matches any size (the batch
 * axis); every other dimension must match the graph exactly.
 */
public record TensorSpec(String name, long[] shape, String dtype) {
    public static final String FLOAT32 = "float32";

    public TensorSpec {
        shape = shape.clone();
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** Number of elements of one batch item (every axis but the first). */
    public long elementsPerItem() {
        long n = 1;
        for (int i = 1; i < shape.length; i++) {
            n *= shape[i];
        }
        return n;
    }

    /** The shape with the batch axis set to {@code batch}. */
    public long[] withBatch(long batch) {
        long[] s = shape.clone();
        s[0] = batch;
        return s;
    }

    /** True when a concrete graph shape agrees with this spec (-1 on either side matches anything). */
    public boolean matches(long[] graphShape) {
        if (graphShape.length != shape.length) {
            return false;
        }
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] != -1 && graphShape[i] != -1 && shape[i] != graphShape[i]) {
                return false;
            }
        }
        return true;
    }

    /** Finds a tensor by name in a list, or null. */
    static TensorSpec find(List<TensorSpec> tensors, String name) {
        for (TensorSpec t : tensors) {
            if (t.name.equals(name)) {
                return t;
            }
        }
        return null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TensorSpec t && name.equals(t.name) && Arrays.equals(shape, t.shape)
                && dtype.equals(t.dtype);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return name + Arrays.toString(shape) + " " + dtype;
    }
}
