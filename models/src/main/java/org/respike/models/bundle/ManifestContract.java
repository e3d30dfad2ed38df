package org.respike.models.bundle;

import static org.respike.models.bundle.TensorNames.ANN_POOLED;
import static org.respike.models.bundle.TensorNames.FRAMES;
import static org.respike.models.bundle.TensorNames.KEY_FRAME;
import static org.respike.models.bundle.TensorNames.LOGITS;
import static org.respike.models.bundle.TensorNames.RESIDUAL;
import static org.respike.models.bundle.TensorNames.SNN_FEATURE;
import static org.respike.models.bundle.TensorNames.SNN_MEAN;
import static org.respike.models.bundle.TensorNames.SPIKE_COUNTS;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.respike.models.bundle.Manifest.GraphSpec;
import org.respike.models.bundle.Manifest.StateSpec;

/**
 * The cross-field rules of BUNDLE_FORMAT.md: which graphs an architecture needs, which tensor names each
 * graph must have and how their shapes relate to the input size, labels, states, LIF layers and to each
 * other. These are the assumptions streams allocate their buffers from, so breaking one fails at load.
 *
 * <p>Every non-batch axis must end up fixed. ONNX shape inference cannot always name the size of an
 * output (an exporter then writes -1), but the contract does: an output's open axes are settled from the
 * tensor that consumes it or from the labels and LIF layers. The returned manifest has them settled.
 */
final class ManifestContract {
    private final String file;
    private final Map<String, List<TensorSpec>> inputs = new LinkedHashMap<>();
    private final Map<String, List<TensorSpec>> outputs = new LinkedHashMap<>();

    ManifestContract(String file) {
        this.file = file;
    }

    Manifest check(Manifest m) {
        m.graphs().forEach((key, g) -> {
            inputs.put(key, new ArrayList<>(g.inputs()));
            outputs.put(key, new ArrayList<>(g.outputs()));
        });
        long h = m.input().height();
        long w = m.input().width();
        long k = m.classes();
        requireGraph(m, Manifest.CLIP);
        exactInputs(Manifest.CLIP, List.of(FRAMES));
        settle(Manifest.CLIP, true, FRAMES, -1, m.clipFrames(), 3, h, w);
        settle(Manifest.CLIP, false, LOGITS, -1, k);
        if (m.architecture() == Architecture.RESPIKE_HYBRID) {
            hybrid(m, h, w, k);
        }
        Map<String, GraphSpec> graphs = new LinkedHashMap<>();
        m.graphs().forEach((key, g) -> graphs.put(key, new GraphSpec(g.file(), inputs.get(key), outputs.get(key))));
        graphs.forEach(this::fixedAxes);
        return new Manifest(m.formatVersion(), m.name(), m.architecture(), m.labels(), m.input(), m.stride(),
                m.clipFrames(), m.fps(), graphs, m.state(), m.context(), m.lifLayers(), m.ops(), m.energy());
    }

    private void hybrid(Manifest m, long h, long w, long k) {
        requireGraph(m, Manifest.ANN);
        requireGraph(m, Manifest.SNN_STEP);
        requireGraph(m, Manifest.HEAD);

        exactInputs(Manifest.ANN, List.of(KEY_FRAME));
        settle(Manifest.ANN, true, KEY_FRAME, -1, 3, h, w);

        List<String> stepInputs = new ArrayList<>(List.of(RESIDUAL));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < m.state().size(); i++) {
            StateSpec s = m.state().get(i);
            if (!seen.add(s.input()) || !seen.add(s.output())) {
                throw BundleException.field(file, "state[" + i + "]", "duplicate tensor name");
            }
            stepInputs.add(s.input());
            settle(Manifest.SNN_STEP, true, s.input(), s.shape());
            settle(Manifest.SNN_STEP, false, s.output(), s.shape());
        }
        for (String c : m.context()) {
            stepInputs.add(c);
            long[] consumed = settle(Manifest.SNN_STEP, true, c, find(Manifest.ANN, false, c).shape());
            settle(Manifest.ANN, false, c, consumed);
        }
        exactInputs(Manifest.SNN_STEP, stepInputs);
        settle(Manifest.SNN_STEP, true, RESIDUAL, -1, 3, h, w);
        settle(Manifest.SNN_STEP, false, SPIKE_COUNTS, -1, m.lifLayers().size());

        exactInputs(Manifest.HEAD, List.of(ANN_POOLED, SNN_MEAN));
        long[] pooled = settle(Manifest.HEAD, true, ANN_POOLED, find(Manifest.ANN, false, ANN_POOLED).shape());
        settle(Manifest.ANN, false, ANN_POOLED, pooled);
        long[] mean = settle(Manifest.HEAD, true, SNN_MEAN, find(Manifest.SNN_STEP, false, SNN_FEATURE).shape());
        settle(Manifest.SNN_STEP, false, SNN_FEATURE, mean);
        settle(Manifest.HEAD, false, LOGITS, -1, k);

        for (int i = 0; i < m.ops().snnStepSynaptic().size(); i++) {
            int lif = m.ops().snnStepSynaptic().get(i).lif();
            if (lif < 0 || lif >= m.lifLayers().size()) {
                throw BundleException.field(file, "ops.snn_step_synaptic[" + i + "].lif",
                        "index " + lif + " outside lif_layers (size " + m.lifLayers().size() + ")");
            }
        }
    }

    private void requireGraph(Manifest m, String key) {
        if (m.graph(key) == null) {
            throw BundleException.field(file, "graphs." + key, "missing (architecture "
                    + m.architecture().id() + " needs it)");
        }
    }

    private void exactInputs(String key, List<String> expected) {
        List<String> declared = inputs.get(key).stream().map(TensorSpec::name).toList();
        if (declared.size() != expected.size() || !new HashSet<>(declared).equals(new HashSet<>(expected))) {
            throw BundleException.field(file, "graphs." + key + ".inputs", "expected exactly " + expected
                    + ", got " + declared);
        }
    }

    private TensorSpec find(String key, boolean input, String name) {
        TensorSpec t = TensorSpec.find((input ? inputs : outputs).get(key), name);
        if (t == null) {
            throw BundleException.field(file, "graphs." + key + (input ? ".inputs" : ".outputs"),
                    "no tensor named \"" + name + "\"");
        }
        return t;
    }

    /**
     * Checks that a tensor agrees with {@code expected} (-1 on either side: open) and replaces it with the
     * merge of both, so that any axis known on one side becomes fixed. Returns the merged shape.
     */
    private long[] settle(String key, boolean input, String name, long... expected) {
        TensorSpec t = find(key, input, name);
        long[] have = t.shape();
        if (!t.matches(expected)) {
            throw BundleException.field(file, "graphs." + key + (input ? ".inputs " : ".outputs ") + name + ".shape",
                    "expected " + Arrays.toString(expected) + ", got " + Arrays.toString(have));
        }
        long[] merged = have.clone();
        for (int i = 0; i < merged.length; i++) {
            if (merged[i] == -1) {
                merged[i] = expected[i];
            }
        }
        List<TensorSpec> list = (input ? inputs : outputs).get(key);
        list.set(list.indexOf(t), new TensorSpec(name, merged, t.dtype()));
        return merged;
    }

    /** Streams preallocate every tensor, so only the batch axis may stay open. */
    private void fixedAxes(String key, GraphSpec g) {
        List<TensorSpec> all = new ArrayList<>(g.inputs());
        all.addAll(g.outputs());
        for (TensorSpec t : all) {
            long[] s = t.shape();
            for (int i = 1; i < s.length; i++) {
                if (s[i] < 1) {
                    throw BundleException.field(file, "graphs." + key + " " + t.name() + ".shape[" + i + "]",
                            "only the batch axis may be -1 (and no other tensor fixes this axis)");
                }
            }
        }
    }
}
