"""Evaluate trained runs on the test split: accuracy, confusion matrix, parameters, operations,
spike rates per LIF layer and the estimated energy per clip.

    /usr/bin/python3 -m respike_recipe.evaluate --runs runs/hybrid runs/ann runs/snn runs/c3d \
        --out runs/ablation.json

To choose between candidate runs without looking at the test split, --split val measures accuracy and
the confusion matrix on a validation split (100 clips per class by default, a superset of the 30 per
class that train reports each epoch, so one clip is 0.1 point instead of 0.33) and leaves eval.json alone:

    /usr/bin/python3 -m respike_recipe.evaluate --split val --runs runs/hybrid runs/r8/hybrid-bl05 \
        --out runs/selection.json
"""
import argparse
import json
from pathlib import Path

import numpy as np
import torch

from . import ops as O
from .model import ReSpike, count_params
from .render import CLASSES, FAMILIES
from .runs import EVAL, load_config, load_model

TEST_PER_CLASS = 100  # the test split every reported metric is measured on
VAL_PER_CLASS = 100  # the validation split runs are chosen on


# ---------------------------------------------------------------------------------------------
# Static properties of a model


@torch.no_grad()
def lif_neurons(model: ReSpike):
    """Neurons per LIF layer (in lif_layers order), from the membranes of one step."""
    cfg = model.cfg
    context = model.ann_key(torch.zeros(1, 3, cfg.size, cfg.size))[1] if model.ann is not None else None
    states = model.snn_step(torch.zeros(1, 3, cfg.size, cfg.size), None, context)[0]
    return [s[0].numel() for s in states]


@torch.no_grad()
def graph_ops(model) -> dict:
    """Dense op counts of one batch item for each streaming graph and for the whole clip."""
    cfg = model.cfg
    frame = torch.zeros(1, 3, cfg.size, cfg.size)
    clip_ops = O.count_ops(model, model, torch.zeros(1, cfg.clip_frames, 3, cfg.size, cfg.size))
    result = {"ann_macs": 0, "head_macs": 0, "snn_step_macs": 0, "snn_step_synaptic": [],
              "clip_macs": sum(clip_ops.values())}
    if not isinstance(model, ReSpike):
        return result
    context, ann_pooled, snn_mean = None, None, None
    if model.ann is not None:
        result["ann_macs"] = sum(O.count_ops(model, model.ann_key, frame).values())
        ann_pooled, context = model.ann_key(frame)
    if model.snn is not None:
        step_ops = O.count_ops(model, model.snn_step, frame, None, context)
        result["snn_step_macs"], result["snn_step_synaptic"] = O.split_ops(step_ops, cfg.snn_depths)
        snn_mean = torch.zeros(1, model.snn.out_channels)
    result["head_macs"] = sum(O.count_ops(model, model.head, ann_pooled, snn_mean).values())
    return result


def clip_energy_pj(model, ops: dict, rates) -> float:
    """Energy of one clip, the bundle formula: groups x (ANN + head) + steps x SNN step."""
    if not isinstance(model, ReSpike):
        return ops["clip_macs"] * O.PJ_PER_MAC
    cfg = model.cfg
    per_group = (ops["ann_macs"] + ops["head_macs"]) * O.PJ_PER_MAC
    per_step = O.energy_pj(ops["snn_step_macs"], ops["snn_step_synaptic"], rates)
    return cfg.groups * (per_group + cfg.steps * per_step)


# ---------------------------------------------------------------------------------------------
# Measurements over a data set


@torch.no_grad()
def predict(model, batches):
    """-> (logits [n, K], labels [n], spikes per LIF layer summed over everything [L] or None)."""
    logits, labels, spikes = [], [], None
    for x, y in batches:
        if isinstance(model, ReSpike) and model.snn is not None:
            group_logits, counts = model.group_logits(x, return_counts=True)
            total = counts.sum(dim=(0, 1)).double()
            spikes = total if spikes is None else spikes + total
            out = group_logits.mean(dim=1)
        else:
            out = model(x)
        logits.append(out)
        labels.append(torch.as_tensor(y))
    return torch.cat(logits), torch.cat(labels), spikes


def confusion(pred, labels, k):
    m = np.zeros((k, k), dtype=np.int64)
    np.add.at(m, (labels.numpy(), pred.numpy()), 1)
    return m


def scores(logits, labels, labels_names, split: str) -> dict:
    """Accuracy and confusion matrix, keyed by split ("test_accuracy" / "val_accuracy")."""
    pred = logits.argmax(1)
    return {f"{split}_accuracy": float((pred == labels).float().mean()), f"{split}_clips": len(labels),
            "confusion": confusion(pred, labels, len(labels_names)).tolist(), "labels": labels_names}


def measure(model, batches, labels_names) -> dict:
    """Accuracy, confusion matrix, spike rates and energy of `model` over `batches`."""
    logits, labels, spikes = predict(model, batches)
    metrics = scores(logits, labels, labels_names, "test")
    ops = graph_ops(model)
    rates = []
    if spikes is not None:
        cfg, neurons = model.cfg, lif_neurons(model)
        per_neuron_step = len(labels) * cfg.groups * cfg.steps
        rates = [float(s) / (n * per_neuron_step) for s, n in zip(spikes.tolist(), neurons)]
        metrics["lif_layers"] = [{"name": nm, "neurons": n, "spike_rate": r}
                                 for nm, n, r in zip(model.snn.lif_names(), neurons, rates)]
        metrics["mean_spike_rate"] = float(np.average(rates, weights=neurons))
    else:
        metrics["mean_spike_rate"] = 0.0
    metrics["params"] = count_params(model)
    metrics["ops"] = ops
    metrics["dense_ops_per_clip"] = ops["clip_macs"]
    metrics["energy_uj_per_clip"] = clip_energy_pj(model, ops, rates) / 1e6
    return metrics


def split_batches(cfg, split: str, clips_per_class: int, families: tuple = FAMILIES, crop_share: float = 0.0,
                  batch_size=32, crowd_share: float = 0.0, window_share: float = 0.0):
    from torch.utils.data import DataLoader
    from .data import SyntheticClips, build_split
    data = SyntheticClips(build_split(split, clips_per_class, size=cfg.size, families=families,
                                      crop_share=crop_share, crowd_share=crowd_share, window_share=window_share),
                          train=False)
    return DataLoader(data, batch_size=batch_size, shuffle=False)


def evaluate_run(run: Path, clips_per_class: int, families: tuple = FAMILIES, crop_share: float = 0.0) -> dict:
    """Everything the model card reports, on the test split (of the given families and crop share);
    the mixed whole-frame split's metrics are also written to the run's eval.json."""
    cfg, model = load_model(run)
    metrics = measure(model, split_batches(cfg, "test", clips_per_class, families, crop_share), list(CLASSES))
    metrics.update(mode=cfg.mode, families=list(families), crop_share=crop_share)
    if tuple(families) == FAMILIES and crop_share == 0.0:
        (Path(run) / EVAL).write_text(json.dumps(metrics, indent=2) + "\n")
    return metrics


def validate_run(run: Path, clips_per_class: int) -> dict:
    """Accuracy and confusion matrix on the validation split of the run's own training families and
    framing, for choosing between runs."""
    cfg, model = load_model(run)
    train = load_config(run)["train"]
    families = tuple(train.get("families", FAMILIES))
    logits, labels, _ = predict(model, split_batches(cfg, "val", clips_per_class, families,
                                                     train.get("crop_share", 0.0),
                                                     crowd_share=train.get("crowd_share", 0.0),
                                                     window_share=train.get("window_share", 0.0)))
    return {"split": "val", **scores(logits, labels, list(CLASSES), "val"), "mode": cfg.mode}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", nargs="+", required=True)
    ap.add_argument("--split", choices=["test", "val"], default="test",
                    help="test: the reported metrics (also written to each run's eval.json); "
                         "val: accuracy for choosing between runs")
    ap.add_argument("--per-class", type=int, help=f"clips per class (default: test {TEST_PER_CLASS}, "
                                                   f"val {VAL_PER_CLASS})")
    ap.add_argument("--family", choices=FAMILIES, action="append",
                    help="test: clips of these style families only (repeatable; default all)")
    ap.add_argument("--crop-share", type=float, default=0.0, help="test: share of clips framed as person crops")
    ap.add_argument("--out", required=True, help="JSON of all runs' results")
    args = ap.parse_args(argv)
    torch.set_num_threads(2)
    results = {}
    for run in args.runs:
        if args.split == "test":
            m = results[Path(run).name] = evaluate_run(Path(run), args.per_class or TEST_PER_CLASS,
                                                       tuple(args.family or FAMILIES), args.crop_share)
            print(f"{Path(run).name:10s} acc {m['test_accuracy']:.4f}  params {m['params']}  "
                  f"ops/clip {m['dense_ops_per_clip'] / 1e6:.1f}M  spike rate {m['mean_spike_rate']:.4f}  "
                  f"energy {m['energy_uj_per_clip']:.1f} uJ/clip", flush=True)
        else:  # keyed by path: candidates in different folders often share a name
            m = results[run] = validate_run(Path(run), args.per_class or VAL_PER_CLASS)
            print(f"{run}: val acc {m['val_accuracy']:.4f} on {m['val_clips']} clips", flush=True)
    Path(args.out).write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
