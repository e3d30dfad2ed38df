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
import java.util.List;
import java.util.Set;
import org.respike.models.bundle.Manifest.GraphSpec;
import org.respike.models.bundle.Manifest.StateSpec;

/**
 * The cross-field rules of BUNDLE_FORMAT.md: which graphs an architecture needs, which tensor names each
 * graph must have and how their shapes relate to the input size, labels, states and LIF layers. These are
 * the assumptions the streams allocate their buffers from, so breaking one must fail at load time.
 */
final class ManifestContract {
    private final String file;

    ManifestContract(String file) {
        this.file = file;
    }

    void check(Manifest m) {
        m.graphs().forEach(this::fixedAxes);
        long h = m.input().height();
        long w = m.input().width();
        long k = m.classes();
        GraphSpec clip = graph(m, Manifest.CLIP);
        inputs(Manifest.CLIP, clip, List.of(FRAMES));
        shape(Manifest.CLIP, clip.input(FRAMES), "inputs", -1, m.clipFrames(), 3, h, w);
        shape(Manifest.CLIP, output(Manifest.CLIP, clip, LOGITS), "outputs", -1, k);
        if (m.architecture() == Architecture.RESPIKE_HYBRID) {
            hybrid(m, h, w, k);
        }
    }

    private void hybrid(Manifest m, long h, long w, long k) {
        GraphSpec ann = graph(m, Manifest.ANN);
        GraphSpec step = graph(m, Manifest.SNN_STEP);
        GraphSpec head = graph(m, Manifest.HEAD);

        inputs(Manifest.ANN, ann, List.of(KEY_FRAME));
        shape(Manifest.ANN, ann.input(KEY_FRAME), "inputs", -1, 3, h, w);
        TensorSpec pooled = output(Manifest.ANN, ann, ANN_POOLED);
        rank(Manifest.ANN, pooled, "outputs", 2);

        List<String> stepInputs = new ArrayList<>(List.of(RESIDUAL));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < m.state().size(); i++) {
            StateSpec s = m.state().get(i);
            if (!seen.add(s.input()) || !seen.add(s.output())) {
                throw BundleException.field(file, "state[" + i + "]", "duplicate tensor name");
            }
            stepInputs.add(s.input());
            shape(Manifest.SNN_STEP, input(Manifest.SNN_STEP, step, s.input()), "inputs", s.shape());
            shape(Manifest.SNN_STEP, output(Manifest.SNN_STEP, step, s.output()), "outputs", s.shape());
        }
        for (String c : m.context()) {
            stepInputs.add(c);
            TensorSpec produced = output(Manifest.ANN, ann, c);
            shape(Manifest.SNN_STEP, input(Manifest.SNN_STEP, step, c), "inputs", produced.shape());
        }
        inputs(Manifest.SNN_STEP, step, stepInputs);
        shape(Manifest.SNN_STEP, step.input(RESIDUAL), "inputs", -1, 3, h, w);
        TensorSpec feature = output(Manifest.SNN_STEP, step, SNN_FEATURE);
        rank(Manifest.SNN_STEP, feature, "outputs", 2);
        shape(Manifest.SNN_STEP, output(Manifest.SNN_STEP, step, SPIKE_COUNTS), "outputs", -1, m.lifLayers().size());

        inputs(Manifest.HEAD, head, List.of(ANN_POOLED, SNN_MEAN));
        shape(Manifest.HEAD, head.input(ANN_POOLED), "inputs", pooled.shape());
        shape(Manifest.HEAD, head.input(SNN_MEAN), "inputs", feature.shape());
        shape(Manifest.HEAD, output(Manifest.HEAD, head, LOGITS), "outputs", -1, k);

        for (int i = 0; i < m.ops().snnStepSynaptic().size(); i++) {
            int lif = m.ops().snnStepSynaptic().get(i).lif();
            if (lif < 0 || lif >= m.lifLayers().size()) {
                throw BundleException.field(file, "ops.snn_step_synaptic[" + i + "].lif",
                        "index " + lif + " outside lif_layers (size " + m.lifLayers().size() + ")");
            }
        }
    }

    private GraphSpec graph(Manifest m, String key) {
        GraphSpec g = m.graph(key);
        if (g == null) {
            throw BundleException.field(file, "graphs." + key, "missing (architecture "
                    + m.architecture().id() + " needs it)");
        }
        return g;
    }

    /** Streams preallocate every tensor, so only the batch axis may be open. */
    private void fixedAxes(String key, GraphSpec g) {
        List<TensorSpec> all = new ArrayList<>(g.inputs());
        all.addAll(g.outputs());
        for (TensorSpec t : all) {
            long[] s = t.shape();
            for (int i = 1; i < s.length; i++) {
                if (s[i] < 1) {
                    throw BundleException.field(file, "graphs." + key + " tensor " + t.name() + ".shape[" + i + "]",
                            "only the batch axis may be -1");
                }
            }
        }
    }

    private void inputs(String key, GraphSpec g, List<String> expected) {
        Set<String> declared = new HashSet<>();
        g.inputs().forEach(t -> declared.add(t.name()));
        if (!declared.equals(new HashSet<>(expected)) || g.inputs().size() != expected.size()) {
            throw BundleException.field(file, "graphs." + key + ".inputs", "expected exactly " + expected
                    + ", got " + g.inputs().stream().map(TensorSpec::name).toList());
        }
    }

    private TensorSpec input(String key, GraphSpec g, String name) {
        TensorSpec t = g.input(name);
        return t != null ? t : missing(key, "inputs", name);
    }

    private TensorSpec output(String key, GraphSpec g, String name) {
        TensorSpec t = g.output(name);
        return t != null ? t : missing(key, "outputs", name);
    }

    private TensorSpec missing(String key, String side, String name) {
        throw BundleException.field(file, "graphs." + key + "." + side, "no tensor named \"" + name + "\"");
    }

    private void rank(String key, TensorSpec t, String side, int rank) {
        if (t.shape().length != rank) {
            throw BundleException.field(file, "graphs." + key + "." + side + " " + t.name() + ".shape",
                    "expected rank " + rank + ", got " + Arrays.toString(t.shape()));
        }
    }

    private void shape(String key, TensorSpec t, String side, long... expected) {
        if (!t.matches(expected)) {
            throw BundleException.field(file, "graphs." + key + "." + side + " " + t.name() + ".shape",
                    "expected " + Arrays.toString(expected) + ", got " + Arrays.toString(t.shape()));
        }
    }
}
