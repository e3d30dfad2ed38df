package org.respike.models.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.respike.models.testing.JsonEdit;
import org.respike.models.testing.TestBundles;

/** Manifest parsing and the format contract, on JSON strings: every defect names file and field. */
class ManifestTest {
    private static final String FILE = "/bundles/x/manifest.json";

    private static Manifest parse(JsonEdit e) {
        return Manifest.parse(e.json(), FILE);
    }

    private static void assertDefect(UnaryOperator<JsonEdit> breakIt, String field, String problem) {
        BundleException e = assertThrows(BundleException.class, () -> parse(breakIt.apply(JsonEdit.smallHybrid())));
        assertTrue(e.getMessage().startsWith(FILE + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(field), "message should name " + field + ": " + e.getMessage());
        assertTrue(e.getMessage().contains(problem), "message should say " + problem + ": " + e.getMessage());
    }

    @Test
    void validManifestParses() {
        Manifest m = parse(JsonEdit.smallHybrid());
        assertEquals(Architecture.RESPIKE_HYBRID, m.architecture());
        assertEquals(3, m.classes());
        assertEquals(2, m.groupsPerClip());
        assertEquals(1, m.stepsPerGroup());
        assertEquals(ColorOrder.RGB, m.input().colorOrder());
        assertEquals(0.224f, m.input().std()[1]);
        assertEquals(1, m.state().size());
        assertEquals(6400, m.ops().snnStepSynaptic().get(0).denseOps());
    }

    @Test
    void graphsKeepTheFileOrder() {
        // Two files with the same graphs in two orders: an order of the map's own would fail one of them.
        Manifest small = parse(JsonEdit.smallHybrid());
        assertEquals(List.of(Manifest.ANN, Manifest.SNN_STEP, Manifest.HEAD, Manifest.CLIP),
                List.copyOf(small.graphs().keySet()));
        Manifest shipped = Manifest.read(TestBundles.hybrid().resolve(Manifest.FILE));
        assertEquals(List.of(Manifest.CLIP, Manifest.ANN, Manifest.SNN_STEP, Manifest.HEAD),
                List.copyOf(shipped.graphs().keySet()));
    }

    @Test
    void openOutputAxesAreSettledFromTheirConsumers() {
        Manifest m = parse(JsonEdit.smallHybrid());
        assertArrayEquals(new long[] {-1, 4, 8}, m.graph(Manifest.ANN).output("k2").shape());
        assertArrayEquals(new long[] {-1, 4, 4, 4}, m.graph(Manifest.SNN_STEP).output("mem_0_out").shape());
        assertArrayEquals(new long[] {-1, 32}, m.graph(Manifest.SNN_STEP).output("snn_feature").shape());
        assertArrayEquals(new long[] {-1, 3}, m.graph(Manifest.CLIP).output("logits").shape());
    }

    @Test
    void clipArchitectureNeedsOnlyTheClipGraph() {
        Manifest m = parse(JsonEdit.smallHybrid().set("/architecture", "\"clip\"").remove("/graphs/ann")
                .remove("/graphs/snn_step").remove("/graphs/head").remove("/state").remove("/context")
                .remove("/lif_layers").remove("/ops/ann_macs"));
        assertEquals(Architecture.CLIP, m.architecture());
        assertTrue(m.state().isEmpty() && m.lifLayers().isEmpty());
        assertEquals(5000, m.ops().clipMacs());
    }

    @Test
    void notJson() {
        BundleException e = assertThrows(BundleException.class, () -> Manifest.parse("{\"format\": ", FILE));
        assertTrue(e.getMessage().contains(FILE) && e.getMessage().contains("not valid JSON"), e.getMessage());
    }

    @ParameterizedTest(name = "missing {0}")
    @CsvSource({
        "/format, format", "/format_version, format_version", "/name, name", "/architecture, architecture",
        "/labels, labels", "/input, input", "/input/width, input.width", "/input/height, input.height",
        "/input/channels, input.channels", "/input/color_order, input.color_order", "/input/resize, input.resize",
        "/input/scale, input.scale", "/input/mean, input.mean", "/input/std, input.std", "/stride, stride",
        "/clip_frames, clip_frames", "/fps, fps", "/graphs, graphs", "/graphs/ann/file, graphs.ann.file",
        "/graphs/ann/inputs, graphs.ann.inputs", "/graphs/head/outputs, graphs.head.outputs",
        "/graphs/snn_step/inputs/0/shape, graphs.snn_step.inputs[0].shape",
        "/graphs/clip/inputs/0/dtype, graphs.clip.inputs[0].dtype", "/state, state", "/state/0/output, state[0].output",
        "/context, context", "/lif_layers, lif_layers", "/lif_layers/0/neurons, lif_layers[0].neurons", "/ops, ops",
        "/ops/ann_macs, ops.ann_macs", "/ops/snn_step_synaptic, ops.snn_step_synaptic",
        "/ops/snn_step_synaptic/0/lif, ops.snn_step_synaptic[0].lif", "/ops/clip_macs, ops.clip_macs",
        "/energy, energy", "/energy/pj_per_ac, energy.pj_per_ac"})
    void missingField(String pointer, String field) {
        assertDefect(e -> e.remove(pointer), "field '" + field + "'", "missing");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "/format|\"onnx-bundle\"|format|expected \"respike-bundle\"",
        "/format_version|2|format_version|unsupported version 2",
        "/format_version|\"1\"|format_version|must be an integer",
        "/architecture|\"transformer\"|architecture|unknown architecture",
        "/labels|[]|labels|must not be empty",
        "/labels/1|\"\"|labels[1]|non-empty string",
        "/input/width|0|input.width|must be > 0",
        "/input/channels|4|input.channels|must be 3",
        "/input/color_order|\"RGBA\"|input.color_order|must be RGB or BGR",
        "/input/resize|\"crop\"|input.resize|only \"stretch\"",
        "/input/scale|0|input.scale|must be > 0",
        "/input/mean|[0.5, 0.5]|input.mean|array of 3 numbers",
        "/input/std|[0.2, 0.2, 0.2, 0.2]|input.std|array of 3 numbers",
        "/input/std/1|0|input.std[1]|must be > 0",
        "/input/std/2|-0.5|input.std[2]|must be > 0",
        "/input/mean/0|\"x\"|input.mean[0]|must be a number",
        "/stride|0|stride|must be > 0",
        "/stride|3|clip_frames|not a multiple of stride 3",
        "/stride|1|stride|at least one residual",
        "/fps|0|fps|must be > 0",
        "/graphs/ann/inputs/0/dtype|\"float16\"|graphs.ann.inputs[0].dtype|only float32",
        "/graphs/ann/inputs/0/shape/2|0|graphs.ann.inputs[0].shape[2]|positive integer or -1",
        "/graphs/ann/inputs/0/shape|[]|graphs.ann.inputs[0].shape|at least the batch axis",
        "/lif_layers/0/neurons|0|lif_layers[0].neurons|must be > 0",
        "/ops/ann_macs|-5|ops.ann_macs|>= 0",
        "/energy/pj_per_mac|-1|energy|>= 0"})
    void invalidField(String pointer, String value, String field, String problem) {
        assertDefect(e -> e.set(pointer, value), "field '" + field, problem);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "a missing graph|/graphs/head|-|graphs.head|missing (architecture respike-hybrid",
        "an extra ann input|/graphs/ann/inputs/1|{\"name\":\"x\",\"shape\":[-1,3],\"dtype\":\"float32\"}"
                + "|graphs.ann.inputs|expected exactly [key_frame]",
        "a key frame of the wrong size|/graphs/ann/inputs/0/shape/3|16|graphs.ann.inputs key_frame.shape"
                + "|expected [-1, 3, 8, 8]",
        "a residual of the wrong size|/graphs/snn_step/inputs/0/shape/1|1|graphs.snn_step.inputs residual.shape"
                + "|expected [-1, 3, 8, 8]",
        "a missing context input|/graphs/snn_step/inputs/3|-|graphs.snn_step.inputs|no tensor named \"v2\"",
        "a context shape the ann does not produce|/graphs/ann/outputs/1/shape/2|9|graphs.snn_step.inputs k2.shape"
                + "|expected [-1, -1, 9]",
        "a state of another shape|/state/0/shape/1|8|graphs.snn_step.inputs mem_0.shape|expected [-1, 8, 4, 4]",
        "a missing state output|/graphs/snn_step/outputs/0|-|graphs.snn_step.outputs|no tensor named \"mem_0_out\"",
        "spike counts not matching lif_layers|/graphs/snn_step/outputs/2/shape/1|2"
                + "|graphs.snn_step.outputs spike_counts.shape|expected [-1, 1]",
        "logits not matching labels|/graphs/head/outputs/0/shape/1|4|graphs.head.outputs logits.shape"
                + "|expected [-1, 3]",
        "a clip of the wrong length|/graphs/clip/inputs/0/shape/1|8|graphs.clip.inputs frames.shape"
                + "|expected [-1, 4, 3, 8, 8]",
        "a synaptic op of an unknown lif layer|/ops/snn_step_synaptic/0/lif|1|ops.snn_step_synaptic[0].lif"
                + "|outside lif_layers",
        "an output axis nothing fixes|/graphs/head/outputs/1|{\"name\":\"extra\",\"shape\":[-1,-1],"
                + "\"dtype\":\"float32\"}|graphs.head extra.shape[1]|only the batch axis may be -1"})
    void contractViolation(String what, String pointer, String value, String field, String problem) {
        assertDefect(e -> "-".equals(value) ? e.remove(pointer) : e.set(pointer, value), field, problem);
    }
}
