package org.respike.models.bundle;

/** Fixed tensor names of the graph signatures in BUNDLE_FORMAT.md. */
public final class TensorNames {
    public static final String KEY_FRAME = "key_frame";
    public static final String ANN_POOLED = "ann_pooled";
    public static final String RESIDUAL = "residual";
    public static final String SNN_FEATURE = "snn_feature";
    public static final String SPIKE_COUNTS = "spike_counts";
    public static final String SNN_MEAN = "snn_mean";
    public static final String LOGITS = "logits";
    public static final String FRAMES = "frames";

    private TensorNames() {
    }
}
