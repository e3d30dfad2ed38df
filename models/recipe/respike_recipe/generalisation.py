"""How trained runs do on looks they never saw: leave-one-family-out accuracy.

Each run names the style families it was trained without (`train --holdout F`). This measures each
run on the test split of every family it held out, as whole frames and as person crops, and on the
mixed test split (all families, whole frames), and writes one JSON with a row per run:

    /usr/bin/python3 -m respike_recipe.generalisation --runs runs/lofo/hybrid-photo runs/lofo/c3d-photo \
        --out runs/lofo.json
"""
import argparse
import json
from pathlib import Path

import torch

from .evaluate import TEST_PER_CLASS, predict, scores, split_batches
from .render import CLASSES, FAMILIES
from .runs import load_config, load_model

# Share of person crops in the test split of each framing.
CROP_SHARES = {"frame": 0.0, "crop": 1.0}


def measure_run(run: Path, per_class: int) -> dict:
    cfg, model = load_model(run)
    holdout = load_config(run)["train"].get("holdout") or []
    row = {"mode": cfg.mode, "holdout": holdout, "size": cfg.size}

    def accuracy(families, crop_share):
        logits, labels, _ = predict(model, split_batches(cfg, "test", per_class, tuple(families), crop_share))
        return scores(logits, labels, list(CLASSES), "test")

    for family in holdout:
        for framing, share in CROP_SHARES.items():
            m = accuracy((family,), share)
            row[f"{family}_{framing}"] = m["test_accuracy"]
            row[f"{family}_{framing}_confusion"] = m["confusion"]
    seen = [f for f in FAMILIES if f not in holdout]
    for framing, share in CROP_SHARES.items():
        row[f"seen_{framing}"] = accuracy(seen, share)["test_accuracy"]
    row["clips_per_class"] = per_class
    return row


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", nargs="+", required=True)
    ap.add_argument("--per-class", type=int, default=TEST_PER_CLASS)
    ap.add_argument("--out", required=True)
    args = ap.parse_args(argv)
    torch.set_num_threads(2)
    out = Path(args.out)
    results = json.loads(out.read_text()) if out.exists() else {}
    for run in args.runs:
        row = results[str(run)] = measure_run(Path(run), args.per_class)
        shown = {k: f"{v:.3f}" for k, v in row.items() if isinstance(v, float)}
        print(f"{run}: {shown}", flush=True)
        out.write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
