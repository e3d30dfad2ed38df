package org.respike.models.engine;

/** Where ONNX Runtime runs the graphs. */
public enum ExecutionProvider {
    /** TensorRT if it loads, else CUDA, else CPU; one warning names what failed and why. */
    AUTO("auto"),
    TENSORRT("TensorRT"),
    CUDA("CUDA"),
    CPU("CPU");

    private final String displayName;

    ExecutionProvider(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    /** Parses "auto", "tensorrt", "cuda", "cpu" (any case), as element properties spell them. */
    public static ExecutionProvider parse(String name) {
        for (ExecutionProvider p : values()) {
            if (p.name().equalsIgnoreCase(name) || p.displayName.equalsIgnoreCase(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown execution provider \"" + name
                + "\" (expected auto, tensorrt, cuda or cpu)");
    }
}
