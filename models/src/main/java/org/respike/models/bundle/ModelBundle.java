package org.respike.models.bundle;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A loaded, fully validated model bundle folder (models/BUNDLE_FORMAT.md). Loading opens every graph
 * once on the CPU to compare its real tensors with the manifest, so a bundle that loads will also run;
 * the engine opens its own sessions later with the chosen execution provider.
 */
public final class ModelBundle {
    /** ONNX Runtime reads a graph (protobuf) of at most 2 GB; external-data graphs are not supported. */
    static final long MAX_GRAPH_BYTES = Integer.MAX_VALUE;

    private final Path dir;
    private final Manifest manifest;

    private ModelBundle(Path dir, Manifest manifest) {
        this.dir = dir;
        this.manifest = manifest;
    }

    /** Loads and validates the bundle in {@code dir}; every defect is a {@link BundleException}. */
    public static ModelBundle load(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(abs)) {
            throw new BundleException(abs + ": not a bundle folder (does not exist or is not a directory)");
        }
        ModelBundle bundle = new ModelBundle(abs, Manifest.read(abs.resolve(Manifest.FILE)));
        bundle.checkGraphs();
        return bundle;
    }

    public Path dir() {
        return dir;
    }

    public Manifest manifest() {
        return manifest;
    }

    public List<String> labels() {
        return manifest.labels();
    }

    /** Path of a graph's ONNX file, by manifest key ({@link Manifest#ANN} ...). */
    public Path graphFile(String key) {
        Manifest.GraphSpec g = manifest.graph(key);
        if (g == null) {
            throw new IllegalArgumentException("bundle " + manifest.name() + " has no graph " + key);
        }
        return BundleFile.check(dir, dir.resolve(g.file()), "graph " + key, MAX_GRAPH_BYTES);
    }

    private void checkGraphs() {
        // Files first: a missing file is a clearer message than an ORT load error.
        for (Map.Entry<String, Manifest.GraphSpec> e : manifest.graphs().entrySet()) {
            Path f = dir.resolve(e.getValue().file()).normalize();
            if (!f.startsWith(dir)) {
                throw BundleException.field(dir.resolve(Manifest.FILE).toString(), "graphs." + e.getKey() + ".file",
                        "must name a file inside the bundle, got " + e.getValue().file());
            }
            BundleFile.check(dir, f, "field 'graphs." + e.getKey() + ".file' of " + Manifest.FILE, MAX_GRAPH_BYTES);
        }
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        for (Map.Entry<String, Manifest.GraphSpec> e : manifest.graphs().entrySet()) {
            Path f = graphFile(e.getKey());
            try {
                OrtCalls.run(() -> {
                    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                        options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.NO_OPT);
                        options.setIntraOpNumThreads(1);
                        try (OrtSession session = env.createSession(f.toString(), options)) {
                            new GraphSignature(f.toString(), "graphs." + e.getKey()).check(e.getValue(), session);
                        }
                    }
                    return null;
                });
            } catch (OrtException ex) {
                throw new BundleException(f + ": cannot be opened as an ONNX graph (field 'graphs." + e.getKey()
                        + ".file'): " + ex.getMessage(), ex);
            }
        }
    }
}
