"""Accuracy on encoded test clips: a folder of H.264 MP4 files with labels.csv (file,label,class,seed),
decoded by GStreamer as the Java pipelines decode them. The clips are rendered at the model's input
size, so both sides see the same pixels and `respike classify --json` on the folder must give the same
accuracy (up to a spike flipped at a threshold).

    /usr/bin/python3 -m respike_recipe.evaluate_mp4 --run runs/hybrid --clips ../../pipelines/samples/test-clips
"""
import argparse
import csv
import json
from pathlib import Path

import torch

from .data import decode_video, normalise
from .evaluate import predict
from .runs import load_model


def read_labels(folder: Path):
    with open(folder / "labels.csv", newline="") as f:
        return [(row["file"], int(row["label"])) for row in csv.DictReader(f)]


def mp4_batches(folder: Path, rows, size: int, frames: int, batch_size: int = 32):
    """(float [B,T,3,H,W], labels [B]) of the first `frames` frames of each clip."""
    for i in range(0, len(rows), batch_size):
        chunk = rows[i:i + batch_size]
        clips = [normalise(torch.from_numpy(decode_video(folder / name, size)[:frames].copy())) for name, _ in chunk]
        yield torch.stack(clips), torch.tensor([label for _, label in chunk])


def evaluate_mp4(run: Path, folder: Path) -> dict:
    torch.set_num_threads(2)
    cfg, model = load_model(run)
    rows = read_labels(folder)
    logits, labels, _ = predict(model, mp4_batches(folder, rows, cfg.size, cfg.clip_frames))
    pred = logits.argmax(1)
    return {"mp4_accuracy": float((pred == labels).float().mean()), "mp4_clips": len(rows),
            "mp4_folder": str(folder),
            "mp4_predictions": [{"file": name, "label": int(y), "predicted": int(p)}
                                for (name, y), p in zip(rows, pred.tolist())]}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--run", required=True, type=Path)
    ap.add_argument("--clips", required=True, type=Path, help="folder with the MP4 clips and labels.csv")
    ap.add_argument("--out", type=Path, help="JSON output (default: RUN/eval_mp4.json)")
    args = ap.parse_args(argv)
    result = evaluate_mp4(args.run, args.clips)
    out = args.out or args.run / "eval_mp4.json"
    out.write_text(json.dumps(result, indent=2) + "\n")
    print(f"{args.run}: {result['mp4_accuracy']:.4f} on {result['mp4_clips']} encoded clips -> {out}")


if __name__ == "__main__":
    main()
