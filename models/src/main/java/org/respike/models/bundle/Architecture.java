package org.respike.models.bundle;

/** What graphs a bundle has and how a stream runs them. */
public enum Architecture {
    /** ReSpike hybrid: ann (key frame), snn_step (one residual), head (group), and clip. */
    RESPIKE_HYBRID("respike-hybrid"),
    /** A model that only has the whole-clip graph, e.g. the 3D-CNN baseline. */
    CLIP("clip");

    private final String id;

    Architecture(String id) {
        this.id = id;
    }

    /** The manifest's spelling. */
    public String id() {
        return id;
    }

    static Architecture fromId(String id) {
        for (Architecture a : values()) {
            if (a.id.equals(id)) {
                return a;
            }
        }
        return null;
    }
}
