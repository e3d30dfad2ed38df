"""Export a run as a model bundle (models/BUNDLE_FORMAT.md, version 1).

    /usr/bin/python3 -m respike_recipe.export --run runs/hybrid --out ../bundles/respike-hybrid
    /usr/bin/python3 -m respike_recipe.export --untrained --model hybrid --out runs/untrained-hybrid-bundle

Hybrid bundles hold ann_key.onnx, snn_step.onnx, head.onnx and clip.onnx; a c3d bundle holds clip.onnx
(architecture "clip"). BatchNorm is folded into the convolutions first; every graph is checked with
onnx.checker and for left-over BatchNormalization nodes, and the manifest's tensors are read back
from the written graphs. The golden/ folder holds rendered test clips with PyTorch logits (whole clip
and streaming) and one random input set per graph with its outputs.
"""
import argparse
import copy
import json
import math
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import onnx
import torch
from torch import nn

from . import evaluate as E
from .model import ReSpike, ReSpikeConfig, build_model, fold_batchnorm, streaming_group_logits
from .ops import PJ_PER_AC, PJ_PER_MAC
from .data import MEAN, STD, build_split, normalise
from .runs import EVAL, load_config, load_model

OPSET = 17
# Golden clips' pixels per bundle: the repository carries two bundles and every re-export's history.
GOLDEN_BYTES = 10 * 2 ** 20


def golden_clip_count(cfg: ReSpikeConfig) -> int:
    """Real test clips in the golden vectors: 48 at 64 px, as many as fit GOLDEN_BYTES above that."""
    return min(48, GOLDEN_BYTES // (cfg.clip_frames * cfg.size * cfg.size * 3))


# ---------------------------------------------------------------------------------------------
# Graph wrappers: flat tensor signatures in the order of the manifest


# The LIF membranes travel as one packed [N, sum of their sizes] tensor, and so do the cross-attention
# keys/values: ONNX Runtime's Java run() allocates per named input and output, so 3 inputs and 3 outputs
# per SNN step instead of 15 and 10 keep a stream's steady state near 0.5 KB of garbage per frame.


def pack(tensors):
    return torch.cat([t.flatten(1) for t in tensors], 1)


def unpack(packed, shapes):
    sizes = [math.prod(s) for s in shapes]
    return [t.reshape(-1, *s) for t, s in zip(packed.split(sizes, dim=1), shapes)]


class AnnGraph(nn.Module):
    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, key_frame):
        pooled, context = self.model.ann_key(key_frame)
        return pooled, pack([t for kv in context for t in kv])


class SnnStepGraph(nn.Module):
    def __init__(self, model, state_shapes, context_shapes):
        super().__init__()
        self.model, self.state_shapes, self.context_shapes = model, state_shapes, context_shapes

    def forward(self, residual, state, context):
        ctx = unpack(context, self.context_shapes)
        states, feature, counts = self.model.snn_step(residual, unpack(state, self.state_shapes),
                                                      list(zip(ctx[0::2], ctx[1::2])))
        return pack(states), feature, counts


class HeadGraph(nn.Module):
    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, ann_pooled, snn_mean):
        return self.model.head(ann_pooled, snn_mean)



def graph_specs(model: ReSpike, batch: int, gen: torch.Generator):
    """name -> (wrapper, input names, example inputs, output names), with random example inputs."""
    cfg, size = model.cfg, model.cfg.size
    frame = lambda: torch.randn(batch, 3, size, size, generator=gen)
    specs = {"clip": (model, ["frames"], [torch.randn(batch, cfg.clip_frames, 3, size, size, generator=gen)],
                      ["logits"])}
    if cfg.mode != "hybrid":
        return specs
    key = frame()
    ann_pooled, context = model.ann_key(key)
    ctx = [t for kv in context for t in kv]
    states, feature, _ = model.snn_step(frame(), None, context)
    # Membranes in [0, 1): below threshold, like real carried state.
    states = [torch.rand(s.shape, generator=gen) for s in states]
    wrapper = SnnStepGraph(model, [tuple(s.shape[1:]) for s in states], [tuple(t.shape[1:]) for t in ctx])
    specs["ann"] = (AnnGraph(model), ["key_frame"], [key], ["ann_pooled", "context"])
    specs["snn_step"] = (wrapper, ["residual", "state", "context"], [frame() * 0.5, pack(states), pack(ctx)],
                         ["state_out", "snn_feature", "spike_counts"])
    specs["head"] = (HeadGraph(model), ["ann_pooled", "snn_mean"],
                     [torch.randn(ann_pooled.shape, generator=gen), torch.rand(feature.shape, generator=gen)],
                     ["logits"])
    return specs


GRAPH_FILES = {"ann": "ann_key.onnx", "snn_step": "snn_step.onnx", "head": "head.onnx", "clip": "clip.onnx"}


def fix_output_shapes(graph, outputs):
    """The exporter leaves output axes symbolic; pin every non-batch axis to the traced size."""
    for value, tensor in zip(graph.graph.output, outputs):
        for d, size in zip(value.type.tensor_type.shape.dim[1:], tensor.shape[1:]):
            d.Clear()
            d.dim_value = size


def export_graph(wrapper, inputs, input_names, output_names, path: Path):
    wrapper.eval()
    with torch.no_grad():
        outputs = wrapper(*inputs)
    outputs = outputs if isinstance(outputs, tuple) else (outputs,)
    torch.onnx.export(wrapper, tuple(inputs), str(path), opset_version=OPSET,
                      input_names=input_names, output_names=output_names,
                      dynamic_axes={n: {0: "batch"} for n in input_names + output_names},
                      do_constant_folding=True)
    # torch.onnx.export restores the wrapper's previous mode; make sure nothing is left training.
    wrapper.eval()
    graph = onnx.load(str(path))
    fix_output_shapes(graph, outputs)
    # Strict inference fails if a pinned shape contradicts what the graph computes.
    onnx.shape_inference.infer_shapes(graph, check_type=True, strict_mode=True)
    onnx.save(graph, str(path))
    onnx.checker.check_model(graph, full_check=True)
    bn = [n.name for n in graph.graph.node if n.op_type == "BatchNormalization"]
    assert not bn, f"{path.name}: BatchNormalization left after folding: {bn}"
    return graph, outputs


def tensor_specs(values):
    """ONNX graph inputs/outputs -> manifest TENSORs, -1 for the (symbolic) batch axis."""
    def dims(v):
        return [d.dim_value if d.HasField("dim_value") else -1 for d in v.type.tensor_type.shape.dim]
    return [{"name": v.name, "shape": dims(v), "dtype": "float32"} for v in values]


def check_signature(specs, names, examples, what):
    assert [s["name"] for s in specs] == names, (what, [s["name"] for s in specs], names)
    for s, t in zip(specs, examples):
        assert s["shape"][0] == -1 and s["shape"][1:] == list(t.shape[1:]), (what, s, t.shape)


# ---------------------------------------------------------------------------------------------
# Golden vectors


def write_bin(folder: Path, name: str, array: np.ndarray) -> dict:
    array = np.ascontiguousarray(array)
    dtype = {np.dtype(np.uint8): "uint8", np.dtype(np.float32): "float32"}[array.dtype]
    array.astype(array.dtype.newbyteorder("<")).tofile(folder / name)
    return {"file": name, "dtype": dtype, "shape": list(array.shape)}


def golden_clips(cfg: ReSpikeConfig, n: int):
    """The first n clips of the test split, classes in turn: [(name, label, uint8 RGB [T, H, W, 3])]."""
    from .render import CLASSES
    data = np.load(build_split("test", E.TEST_PER_CLASS, size=cfg.size))
    k = len(CLASSES)
    out = []
    for i in range(n):
        j = (i % k) * E.TEST_PER_CLASS + i // k  # the split is class-major
        label = int(data["labels"][j])
        out.append((f"test_{j:04d}_{CLASSES[label]}", label, data["clips"][j]))
    return out


@torch.no_grad()
def write_golden(model, specs, folder: Path, cfg: ReSpikeConfig, n_clips: int):
    folder.mkdir(parents=True, exist_ok=True)
    doc = {"clips": [], "graphs": {}}
    for i, (name, label, frames) in enumerate(golden_clips(cfg, n_clips)):
        x = normalise(torch.from_numpy(frames)).unsqueeze(0)
        entry = {"name": name, "label": int(label), "frames": write_bin(folder, f"clip_{i:04d}.bin", frames)}
        if isinstance(model, ReSpike):
            clip_groups, counts = model.group_logits(x, return_counts=True)  # the whole-clip forward
            streamed, spikes = streaming_group_logits(model, x, return_spikes=True)
            entry["logits"] = clip_groups.mean(dim=1)[0].tolist()
            entry["group_logits"] = streamed[0].tolist()
            entry["spikes"] = {"clip": int(counts.sum()), "streaming": int(spikes[0])}
        else:
            entry["logits"] = model(x)[0].tolist()
        doc["clips"].append(entry)
    for graph, (wrapper, in_names, inputs, out_names) in specs.items():
        inputs = [t[:1] for t in inputs]  # one batch item keeps golden/ near 10 MB
        outputs = wrapper(*inputs)
        outputs = outputs if isinstance(outputs, tuple) else (outputs,)
        doc["graphs"][graph] = {
            "inputs": {n: write_bin(folder, f"{graph}_in_{n}.bin", t.numpy()) for n, t in zip(in_names, inputs)},
            "outputs": {n: write_bin(folder, f"{graph}_out_{n}.bin", t.numpy())
                        for n, t in zip(out_names, outputs)}}
    (folder / "golden.json").write_text(json.dumps(doc) + "\n")
    return doc


def streaming_parity(doc) -> str:
    """Checks that the streaming group-mean logits reproduce the whole-clip logits on the golden
    clips (max |diff| <= 1e-4) and returns a summary.

    A membrane within float rounding of the threshold can spike on one path and not the other: the
    whole clip runs its convolutions on T x groups frames at once, a streaming step on one, and those
    round differently. Such a clip differs by far more than 1e-4 but has a different spike total;
    it is accepted when its class is the same and such clips are rare. A difference without a
    flipped spike is a bug."""
    diffs, flipped = [], []
    for c in doc["clips"]:
        streamed = np.mean(c["group_logits"], axis=0)
        diff = float(np.abs(streamed - np.array(c["logits"])).max())
        if diff <= 1e-4:
            diffs.append(diff)
            continue
        assert c["spikes"]["clip"] != c["spikes"]["streaming"], \
            f"streaming != clip on {c['name']} ({diff:.3g}) with the same spikes"
        assert int(np.argmax(streamed)) == int(np.argmax(c["logits"])), f"streaming changes the class of {c['name']}"
        flipped.append(f"{c['name']} ({diff:.3g}, spikes {c['spikes']['clip']} vs {c['spikes']['streaming']})")
    assert len(flipped) <= len(doc["clips"]) // 16, f"too many clips with flipped spikes: {flipped}"
    return (f"streaming vs clip (folded, golden clips): max |diff| = {max(diffs):.2e} on {len(diffs)} clips"
            + (f"; a spike flipped at the threshold, same class: {', '.join(flipped)}" if flipped else ""))


# ---------------------------------------------------------------------------------------------
# Manifest


def git_commit() -> str:
    here = Path(__file__).resolve().parent
    return subprocess.run(["git", "-C", str(here), "rev-parse", "HEAD"], capture_output=True,
                          text=True).stdout.strip()


def build_manifest(name, model, graphs, metrics, labels) -> dict:
    cfg = model.cfg
    hybrid = cfg.mode == "hybrid"
    ops = E.graph_ops(model)
    manifest = {
        "format": "respike-bundle", "format_version": 1, "name": name,
        "architecture": "respike-hybrid" if hybrid else "clip",
        "labels": list(labels),
        "input": {"width": cfg.size, "height": cfg.size, "channels": 3, "color_order": "RGB",
                  "resize": "stretch", "scale": 255.0, "mean": list(MEAN), "std": list(STD)},
        "stride": cfg.stride, "clip_frames": cfg.clip_frames, "fps": cfg.fps,
        "graphs": {g: {"file": GRAPH_FILES[g], **io} for g, io in graphs.items()},
        "state": [], "context": [], "lif_layers": [],
        "ops": ops,
        "energy": {"pj_per_mac": PJ_PER_MAC, "pj_per_ac": PJ_PER_AC},
        "metrics": {k: metrics[k] for k in ("test_accuracy", "test_clips", "mean_spike_rate",
                                             "energy_uj_per_clip", "mp4_accuracy", "mp4_clips") if k in metrics},
    }
    if hybrid:
        state = next(t for t in graphs["snn_step"]["inputs"] if t["name"] == "state")
        manifest["state"] = [{"input": "state", "output": "state_out", "shape": state["shape"]}]
        manifest["context"] = ["context"]
        manifest["lif_layers"] = [{"name": n, "neurons": k} for n, k in
                                  zip(model.snn.lif_names(), E.lif_neurons(model))]
    return manifest


# ---------------------------------------------------------------------------------------------


def export_bundle(model, out: Path, name: str, metrics: dict, labels, recipe: dict,
                  golden_count: int | None = None):
    """Fold, export, check and write the whole bundle for an eval-mode `model`."""
    out.mkdir(parents=True, exist_ok=True)
    folded = fold_batchnorm(copy.deepcopy(model).eval())
    gen = torch.Generator().manual_seed(0)
    with torch.no_grad():
        specs = graph_specs(folded, 2, gen)
    graphs = {}
    for g, (wrapper, in_names, inputs, out_names) in specs.items():
        graph, outputs = export_graph(wrapper, inputs, in_names, out_names, out / GRAPH_FILES[g])
        io = {"inputs": tensor_specs(graph.graph.input), "outputs": tensor_specs(graph.graph.output)}
        check_signature(io["inputs"], in_names, inputs, g)
        check_signature(io["outputs"], out_names, outputs, g)
        graphs[g] = io
    folded.eval()
    count = golden_clip_count(model.cfg) if golden_count is None else golden_count
    doc = write_golden(folded, specs, out / "golden", model.cfg, count)
    if isinstance(folded, ReSpike):
        print(streaming_parity(doc))
    manifest = build_manifest(name, model, graphs, metrics, labels)
    manifest["recipe"] = recipe
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
    return manifest


def untrained_metrics(model, cfg):
    """Metrics of a fresh model on the golden clips (there is no test run behind it)."""
    from .render import CLASSES
    clips = golden_clips(cfg, golden_clip_count(cfg))
    x = torch.stack([normalise(torch.from_numpy(f)) for _, _, f in clips])
    y = torch.tensor([label for _, label, _ in clips])
    return E.measure(model, zip(x.split(8), y.split(8)), list(CLASSES))


def mp4_metrics(run: Path) -> dict:
    """Accuracy on the encoded test clips (evaluate_mp4), the number `respike classify` is checked against."""
    path = run / "eval_mp4.json"
    if not path.exists():
        return {}
    result = json.loads(path.read_text())
    return {"mp4_accuracy": result["mp4_accuracy"], "mp4_clips": result["mp4_clips"]}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--run", help="training run folder (config.json, checkpoint.pt, eval.json)")
    ap.add_argument("--untrained", action="store_true", help="export a freshly initialised model")
    ap.add_argument("--model", choices=["hybrid", "c3d"], default="hybrid", help="with --untrained")
    ap.add_argument("--config", choices=["small", "full"], default="small", help="with --untrained")
    ap.add_argument("--name", help="bundle name (default: from the run)")
    ap.add_argument("--out", required=True)
    args = ap.parse_args(argv)
    torch.set_num_threads(2)
    from .render import CLASSES

    if args.untrained:
        torch.manual_seed(0)
        cfg = getattr(ReSpikeConfig, args.config)(mode=args.model)
        model = build_model(cfg).eval()
        metrics, config = untrained_metrics(model, cfg), {"model": cfg.to_dict()}
        name = args.name or f"untrained-{args.model}"
    else:
        cfg, model = load_model(Path(args.run))
        metrics, config = json.loads((Path(args.run) / EVAL).read_text()), load_config(Path(args.run))
        metrics.update(mp4_metrics(Path(args.run)))
        name = args.name or f"respike-{cfg.mode}-synthetic"
    out = Path(args.out)
    recipe = {"config": config, "git_commit": git_commit(),
              "command": " ".join(["/usr/bin/python3", "-m", "respike_recipe.export", *sys.argv[1:]])}
    # Build beside the target and swap at the end: readers never see a half-written bundle.
    staging = out.with_name(out.name + ".partial")
    shutil.rmtree(staging, ignore_errors=True)
    manifest = export_bundle(model, staging, name, metrics, CLASSES, recipe)
    shutil.rmtree(out, ignore_errors=True)
    staging.rename(out)
    print(f"wrote {out} ({manifest['architecture']}, test accuracy {manifest['metrics']['test_accuracy']:.4f})")


if __name__ == "__main__":
    main()
