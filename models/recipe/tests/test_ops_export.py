"""Operation counting, the energy formula, and an exported bundle against its manifest."""
import json
import math

import onnx
import pytest
import torch
from torch import nn

from respike_recipe import evaluate as E
from respike_recipe import ops as O
from respike_recipe.export import GOLDEN_BYTES, export_bundle, golden_clip_count
from respike_recipe.model import ReSpikeConfig, build_model

torch.set_num_threads(2)


def test_conv_and_linear_macs():
    model = nn.Sequential(nn.Conv2d(3, 8, 3, padding=1), nn.Flatten(), nn.Linear(8 * 10 * 10, 4))
    ops = O.count_ops(model, model, torch.zeros(1, 3, 10, 10))
    assert ops == {"0": 8 * 10 * 10 * 3 * 3 * 3, "2": 4 * 800}


def test_strided_grouped_conv_macs():
    conv = nn.Conv2d(4, 8, 3, stride=2, padding=1, groups=2)
    assert O.count_ops(conv, conv, torch.zeros(1, 4, 8, 8))[""] == 8 * 4 * 4 * 2 * 9


def test_energy_formula():
    synaptic = [{"layer": "a", "lif": 0, "dense_ops": 1000}, {"layer": "b", "lif": 1, "dense_ops": 500}]
    assert O.energy_pj(100, synaptic, [0.1, 0.5]) == pytest.approx(100 * 4.6 + (100 + 250) * 0.9)


def test_spiking_convs_are_counted_as_synaptic():
    model = build_model(ReSpikeConfig())
    ops = E.graph_ops(model)
    synaptic = ops["snn_step_synaptic"]
    assert [s["lif"] for s in synaptic] == list(range(len(model.snn.lif_names())))
    assert synaptic[0]["layer"] == "snn.stage1.block0.conv1"
    # stage 1 conv1 at 16x16, 16 -> 16 channels, 3x3
    assert synaptic[0]["dense_ops"] == 16 * 16 * 16 * 16 * 9
    # the clip graph costs the same as its pieces: groups x (ann + head + steps x snn step)
    cfg = model.cfg
    step = ops["snn_step_macs"] + sum(s["dense_ops"] for s in synaptic)
    assert ops["clip_macs"] == cfg.groups * (ops["ann_macs"] + ops["head_macs"] + cfg.steps * step)


def graph_io(path):
    g = onnx.load(str(path)).graph

    def spec(v):
        dims = [d.dim_value if d.HasField("dim_value") else -1 for d in v.type.tensor_type.shape.dim]
        return v.name, dims
    return [spec(v) for v in g.input], [spec(v) for v in g.output], g


@pytest.fixture(scope="module")
def hybrid_bundle(tmp_path_factory):
    torch.manual_seed(0)
    model = build_model(ReSpikeConfig()).eval()
    out = tmp_path_factory.mktemp("bundle")
    metrics = {"test_accuracy": 0.1, "test_clips": 1, "mean_spike_rate": 0.0, "energy_uj_per_clip": 1.0}
    # Few golden clips keep the test fast; the default count is checked below.
    export_bundle(model, out, "test", metrics, [str(i) for i in range(10)], {"command": "test"},
                  golden_count=4)
    return out, json.loads((out / "manifest.json").read_text())


def test_manifest_matches_graphs(hybrid_bundle):
    out, manifest = hybrid_bundle
    assert manifest["architecture"] == "respike-hybrid"
    for name, graph in manifest["graphs"].items():
        inputs, outputs, g = graph_io(out / graph["file"])
        assert [(t["name"], t["shape"]) for t in graph["inputs"]] == inputs, name
        assert [(t["name"], t["shape"]) for t in graph["outputs"]] == outputs, name
        assert all(s[1][0] == -1 and -1 not in s[1][1:] for s in inputs + outputs), name
        assert not [n for n in g.node if n.op_type == "BatchNormalization"], name
        assert onnx.load(str(out / graph["file"])).opset_import[0].version == 17
    step = manifest["graphs"]["snn_step"]
    step_in = {t["name"]: t["shape"] for t in step["inputs"]}
    step_out = {t["name"]: t["shape"] for t in step["outputs"]}
    for s in manifest["state"]:
        assert step_in[s["input"]] == s["shape"] == step_out[s["output"]]
    ann_out = {t["name"]: t["shape"] for t in manifest["graphs"]["ann"]["outputs"]}
    for c in manifest["context"]:
        assert ann_out[c] == step_in[c]
    assert step_out["spike_counts"] == [-1, len(manifest["lif_layers"])]
    # The membranes are packed: the state holds exactly one value per LIF neuron.
    state_size = sum(math.prod(s["shape"][1:]) for s in manifest["state"])
    assert state_size == sum(layer["neurons"] for layer in manifest["lif_layers"])


def test_golden_vectors(hybrid_bundle):
    out, manifest = hybrid_bundle
    golden = json.loads((out / "golden" / "golden.json").read_text())
    assert len(golden["clips"]) == 4
    clip = golden["clips"][0]
    assert clip["frames"]["shape"] == [16, 64, 64, 3] and clip["frames"]["dtype"] == "uint8"
    assert (out / "golden" / clip["frames"]["file"]).stat().st_size == 16 * 64 * 64 * 3
    assert len(clip["group_logits"]) == 4 and len(clip["logits"]) == 10
    assert set(golden["graphs"]) == set(manifest["graphs"])
    for name, g in golden["graphs"].items():
        assert list(g["inputs"]) == [t["name"] for t in manifest["graphs"][name]["inputs"]]
        assert list(g["outputs"]) == [t["name"] for t in manifest["graphs"][name]["outputs"]]
    graph_bytes = sum(f.stat().st_size for f in (out / "golden").iterdir() if f.name.startswith(tuple(golden["graphs"])))
    assert graph_bytes < 2 * 2 ** 20  # the graphs' vectors add about 2 MB at 64 px to the clips' GOLDEN_BYTES


@pytest.mark.parametrize("size,count", [(64, 48), (96, 23), (224, 4)])
def test_golden_clips_fit_the_budget(size, count):
    cfg = ReSpikeConfig(size=size)
    assert golden_clip_count(cfg) == count
    assert count * 16 * size * size * 3 <= GOLDEN_BYTES


def golden_doc(n, streamed_shift=0.0, spikes=(5, 5)):
    """n golden clips whose streaming logits equal the clip's, the first one shifted."""
    clips = []
    for i in range(n):
        logits = [float(i % 3 == k) for k in range(3)]
        group = [[v + (streamed_shift if i == 0 else 0.0) * (k == 1) for k, v in enumerate(logits)]] * 2
        clips.append({"name": f"c{i}", "logits": logits, "group_logits": group,
                      "spikes": {"clip": spikes[0], "streaming": spikes[1] if i == 0 else spikes[0]}})
    return {"clips": clips}


def test_streaming_parity_accepts_a_rare_spike_flip_that_keeps_the_class():
    from respike_recipe.export import streaming_parity
    assert "flipped" not in streaming_parity(golden_doc(16))
    assert "c0 (0.3" in streaming_parity(golden_doc(16, 0.3, spikes=(5, 6)))


@pytest.mark.parametrize("shift, spikes, n, message", [
    (0.3, (5, 5), 16, "with the same spikes"),  # no flip behind it: a bug
    (2.0, (5, 6), 16, "changes the class"),
    (0.3, (5, 6), 8, "too many clips"),
])
def test_streaming_parity_rejects(shift, spikes, n, message):
    from respike_recipe.export import streaming_parity
    with pytest.raises(AssertionError, match=message):
        streaming_parity(golden_doc(n, shift, spikes))
