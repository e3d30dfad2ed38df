package org.respike.models.bundle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parsed and checked {@code manifest.json} of a bundle (see models/BUNDLE_FORMAT.md). Instances only
 * exist for manifests that passed every field check, so users never see a half-valid manifest.
 */
public record Manifest(
        int formatVersion,
        String name,
        Architecture architecture,
        List<String> labels,
        InputSpec input,
        int stride,
        int clipFrames,
        double fps,
        Map<String, GraphSpec> graphs,
        List<StateSpec> state,
        List<String> context,
        List<LifLayer> lifLayers,
        Ops ops,
        EnergySpec energy) {

    public static final String FILE = "manifest.json";
    public static final String FORMAT = "respike-bundle";
    public static final int FORMAT_VERSION = 1;

    public static final String ANN = "ann";
    public static final String SNN_STEP = "snn_step";
    public static final String HEAD = "head";
    public static final String CLIP = "clip";

    public Manifest {
        labels = List.copyOf(labels);
        // In the file's order, not Map.copyOf's per-JVM order: the graphs are checked in this order, so a
        // bundle with two faults always reports the same one first.
        graphs = Collections.unmodifiableMap(new LinkedHashMap<>(graphs));
        state = List.copyOf(state);
        context = List.copyOf(context);
        lifLayers = List.copyOf(lifLayers);
    }

    /** Parses and checks a manifest; {@code file} names the source in error messages. */
    public static Manifest parse(String json, String file) {
        return new ManifestContract(file).check(new ManifestReader(file).read(json));
    }

    /** Reads, parses and checks a manifest file; an unreadable file is a {@link BundleException} naming it. */
    public static Manifest read(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        Path real = BundleFile.check(dir, file, "the bundle's " + FILE, BundleFile.MAX_MANIFEST_BYTES);
        String json;
        try {
            json = Files.readString(real, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BundleException(file + ": cannot be read (" + e + ")", e);
        }
        return parse(json, file.toString());
    }

    /** Groups per clip, T/s. */
    public int groupsPerClip() {
        return clipFrames / stride;
    }

    /** SNN timesteps per group, s-1. */
    public int stepsPerGroup() {
        return stride - 1;
    }

    public int classes() {
        return labels.size();
    }

    public GraphSpec graph(String key) {
        return graphs.get(key);
    }

    /** Model input: frame size, channel order and normalisation {@code x = (p / scale - mean) / std}. */
    public record InputSpec(int width, int height, int channels, ColorOrder colorOrder, float scale, float[] mean,
            float[] std) {
        public InputSpec {
            mean = mean.clone();
            std = std.clone();
        }

        @Override
        public float[] mean() {
            return mean.clone();
        }

        @Override
        public float[] std() {
            return std.clone();
        }

        /** Floats of one normalised frame, channels x height x width. */
        public int frameElements() {
            return channels * height * width;
        }
    }

    /** One ONNX graph of the bundle and its declared signature. */
    public record GraphSpec(String file, List<TensorSpec> inputs, List<TensorSpec> outputs) {
        public GraphSpec {
            inputs = List.copyOf(inputs);
            outputs = List.copyOf(outputs);
        }

        public TensorSpec input(String name) {
            return TensorSpec.find(inputs, name);
        }

        public TensorSpec output(String name) {
            return TensorSpec.find(outputs, name);
        }
    }

    /** A LIF membrane carried from one SNN step to the next. */
    public record StateSpec(String input, String output, long[] shape) {
        public StateSpec {
            shape = shape.clone();
        }

        @Override
        public long[] shape() {
            return shape.clone();
        }

        /** The membrane as a float32 tensor named like the step input. */
        public TensorSpec tensor() {
            return new TensorSpec(input, shape, TensorSpec.FLOAT32);
        }
    }

    /** A LIF layer, in the order of the {@code spike_counts} output. */
    public record LifLayer(String name, long neurons) {
    }

    /** Dense operation counts for one batch item. */
    public record Ops(long annMacs, long headMacs, long snnStepMacs, List<SynapticOp> snnStepSynaptic,
            long clipMacs) {
        public Ops {
            snnStepSynaptic = List.copyOf(snnStepSynaptic);
        }
    }

    /** A layer fed by the spikes of LIF layer {@code lif}: it costs rate x denseOps accumulates. */
    public record SynapticOp(String layer, int lif, long denseOps) {
    }

    /** Energy per operation, in picojoules. */
    public record EnergySpec(double pjPerMac, double pjPerAc) {
    }
}
