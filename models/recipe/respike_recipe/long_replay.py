"""Replay the pipeline's sampling on a long video with its ground-truth timeline, to see which clips a
model gets wrong and where the person stood then.

    /usr/bin/python3 -m respike_recipe.long_replay --runs runs/hybrid runs/c3d \\
        --video ../../pipelines/samples/long_57.mp4

The Java pipeline (`LongVideoEventsTest`, `respike demo`) is the reference measurement. This replay takes
the frames the pipeline's rate conversion keeps at the model's fps, classifies the 16-frame clip that
ends at every group boundary, and labels each clip with the action covering most of it, as `DemoScore`
does. Clips wholly inside one action are also split by the person's distance from the chair (the
video is re-rendered from the seed in its timeline JSON to get the joints): the spec keeps chairs away
from the person in every class but sitting, while the long video's one chair stays where it is, so a
model that reads "standing near a chair" as sitting fails only here.
"""
import argparse
import json
from collections import Counter
from pathlib import Path

import numpy as np
import torch

from .data import decode_video, normalise
from .render import CLASSES, render_long_video
from .runs import load_model

# Body heights from the hip to a chair's seat. A training clip's stray chair stands a quarter of a body
# height beyond the person's outermost joint (`render._clutter`), its seat another 0.15 further: closer
# than this, only a sitter has a chair.
NEAR_CHAIR = 0.5


def sampled_frames(n_video: int, video_fps: float, model_fps: float) -> np.ndarray:
    """Indices of the video frames kept at model_fps: the first frame at or after each tick."""
    n = int(n_video * model_fps / video_fps)
    return np.minimum(np.ceil(np.arange(n) * video_fps / model_fps - 1e-6).astype(int), n_video - 1)


def majority(timeline: list, t0: float, t1: float) -> tuple:
    """(label covering most of [t0, t1), the fraction of it that label covers)."""
    cover = {}
    for s in timeline:
        cover[s["label"]] = cover.get(s["label"], 0.0) + max(0.0, min(t1, s["end_s"]) - max(t0, s["start_s"]))
    label = max(cover, key=cover.get)
    return label, cover[label] / (t1 - t0)


def chair_distance(meta: dict) -> np.ndarray:
    """Per video frame: the hip's horizontal distance from the chair's seat, in body heights."""
    return np.abs(meta["joints"]["hip"][:, 0] - meta["chair_hip_x"]) / meta["body_height"]


@torch.no_grad()
def replay(run: Path, video: Path, truth: dict, distance: np.ndarray) -> dict:
    cfg, model = load_model(run)
    frames = decode_video(video, cfg.size)
    idx = sampled_frames(len(frames), truth["fps"], cfg.fps)
    x = normalise(torch.from_numpy(frames[idx].copy()))
    ends = list(range(cfg.clip_frames, len(idx) + 1, cfg.stride))  # the pipeline's cadence: one per group
    logits = torch.cat([model(torch.stack([x[e - cfg.clip_frames:e] for e in ends[i:i + 16]]))
                        for i in range(0, len(ends), 16)])
    clips = []
    for e, p in zip(ends, logits.argmax(1).tolist()):
        t0, t1 = (e - cfg.clip_frames) / cfg.fps, e / cfg.fps
        label, cover = majority(truth["timeline"], t0, t1)
        clips.append({"start_s": t0, "end_s": t1, "label": label, "predicted": CLASSES[p],
                      "whole_action": cover >= 0.999,
                      "chair_distance": float(distance[idx[e - cfg.clip_frames:e]].min())})
    whole = [c for c in clips if c["whole_action"]]
    near = [c for c in whole if c["chair_distance"] < NEAR_CHAIR]
    far = [c for c in whole if c["chair_distance"] >= NEAR_CHAIR]

    def right(cs):
        return sum(c["label"] == c["predicted"] for c in cs)
    return {"run": str(run), "clips": len(clips), "clip_accuracy": right(clips) / len(clips),
            "whole_action": [right(whole), len(whole)], "whole_action_near_chair": [right(near), len(near)],
            "whole_action_far_from_chair": [right(far), len(far)],
            "errors_whole_action": Counter(f"{c['label']} -> {c['predicted']}" for c in whole
                                           if c["label"] != c["predicted"]),
            "per_clip": clips}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", nargs="+", required=True, type=Path)
    ap.add_argument("--video", required=True, type=Path, help="long video; its timeline JSON lies beside it")
    ap.add_argument("--out", type=Path, help="JSON with every clip of every run")
    args = ap.parse_args(argv)
    torch.set_num_threads(2)
    truth = json.loads(args.video.with_suffix(".json").read_text())
    _, _, meta = render_long_video(truth["seed"], truth["width"], truth["height"], truth["fps"],
                                   truth["frames"] / truth["fps"], return_meta=True, family=truth.get("family"))
    distance = chair_distance(meta)
    results = []
    for run in args.runs:
        r = replay(run, args.video, truth, distance)
        results.append(r)
        print(f"{run}: clip accuracy {r['clip_accuracy']:.3f} ({r['clips']} clips); whole-action clips "
              f"{r['whole_action'][0]}/{r['whole_action'][1]}, near the chair "
              f"{r['whole_action_near_chair'][0]}/{r['whole_action_near_chair'][1]}, farther "
              f"{r['whole_action_far_from_chair'][0]}/{r['whole_action_far_from_chair'][1]}; errors "
              f"{dict(r['errors_whole_action'])}", flush=True)
    if args.out:
        args.out.write_text(json.dumps(results, indent=1) + "\n")


if __name__ == "__main__":
    main()
