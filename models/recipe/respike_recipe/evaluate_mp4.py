"""Accuracy on encoded test clips: a folder of H.264 MP4 files with labels.csv (file,label,class,seed),
decoded by GStreamer and resized to the model's input as the Java engine does (`data.decode_video`), so
`respike classify --json` on the folder must give the same accuracy (up to a spike flipped at a
threshold). The committed test clips are rendered at the model's input size; `camera_sizes` uses this
on clips at camera frame sizes.

    /usr/bin/python3 -m respike_recipe.evaluate_mp4 --run runs/hybrid --clips ../../pipelines/samples/test-clips
"""
import argparse
import csv
import json
from pathlib import Path

import numpy as np
import torch

from .data import decode_video, normalise
from .evaluate import predict
from .runs import load_model


def read_labels(folder: Path):
    with open(folder / "labels.csv", newline="") as f:
        return [(row["file"], int(row["label"])) for row in csv.DictReader(f)]


def decode_folder(folder: Path, size: int, frames: int):
    """-> (rows, clips [N,frames,size,size,3] float in 0..255, labels [N]): the first `frames` frames of
    each clip."""
    rows = read_labels(folder)
    clips = np.stack([decode_video(folder / name, size)[:frames] for name, _ in rows])
    return rows, torch.from_numpy(clips), torch.tensor([label for _, label in rows])


def clip_batches(clips: torch.Tensor, labels: torch.Tensor, batch_size: int = 32):
    """(float [B,T,3,H,W], labels [B]) batches of decoded clips, normalised."""
    for i in range(0, len(labels), batch_size):
        yield torch.stack([normalise(c) for c in clips[i:i + batch_size]]), labels[i:i + batch_size]


def evaluate_mp4(run: Path, folder: Path) -> dict:
    torch.set_num_threads(2)
    cfg, model = load_model(run)
    rows, clips, labels = decode_folder(folder, cfg.size, cfg.clip_frames)
    logits, labels, _ = predict(model, clip_batches(clips, labels))
    pred = logits.argmax(1)
    scores = logits.softmax(1).tolist()
    return {"mp4_accuracy": float((pred == labels).float().mean()), "mp4_clips": len(rows),
            "mp4_folder": str(folder),
            "mp4_predictions": [{"file": name, "label": int(y), "predicted": int(p),
                                 "scores": [round(v, 4) for v in score]}
                                for (name, y), p, score in zip(rows, pred.tolist(), scores)]}


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
