"""Long multi-action videos of one style family through the Java pipeline (`respike demo`): clip
accuracy, event precision and recall, as a user of the product would measure them.

    /usr/bin/python3 -m respike_recipe.pipeline_long --bundle runs/lofo/bundle-hybrid-photo --family photo \
        --videos 3 --out runs/lofo/long-photo.json

The videos (320x240, 60 s, seeds 1..N of the family, rendered once into data/) are the issue's
measurement: another renderer's look, a person about 35-42% of the frame height.
"""
import argparse
import json
import subprocess
from pathlib import Path

from .data import DEFAULT_CACHE
from .render import CLASSES, FAMILIES, RENDER_VERSION, render_long_video, write_mp4

ROOT = Path(__file__).resolve().parents[3]
KEYS = ("clip_accuracy", "event_precision", "event_recall", "results")


def long_videos(family: str, count: int, width: int = 320, height: int = 240, duration_s: float = 60.0,
                fps: float = 8.0) -> list:
    """[(video, truth JSON)] of `count` long videos of `family`, rendered once into the data cache."""
    folder = Path(DEFAULT_CACHE) / f"long_{family}_{width}x{height}_{RENDER_VERSION}"
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for seed in range(1, count + 1):
        video, truth = folder / f"long_{seed}.mp4", folder / f"long_{seed}.json"
        if not truth.exists():
            frames, timeline = render_long_video(seed, width, height, fps, duration_s, family=family)
            write_mp4(frames, video, fps)
            truth.write_text(json.dumps({"video": video.name, "seed": seed, "fps": fps, "width": width,
                                         "height": height, "frames": len(frames), "family": family,
                                         "classes": CLASSES, "timeline": timeline}, indent=1))
        out.append((video, truth))
    return out


def run_demo(bundle: Path, video: Path, truth: Path, out: Path) -> dict:
    cmd = [str(ROOT / "respike"), "demo", "--model", str(bundle.resolve()), "--video", str(video.resolve()),
           "--truth", str(truth.resolve()), "--out", str(out.resolve())]
    res = subprocess.run(cmd, capture_output=True, text=True)
    if res.returncode != 0:
        raise RuntimeError(f"respike demo failed on {video}: {(res.stderr or res.stdout)[-800:]}")
    summary = json.loads((out / "summary.json").read_text())
    return {k: summary[k] for k in KEYS}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bundle", type=Path, required=True)
    ap.add_argument("--family", choices=FAMILIES, required=True)
    ap.add_argument("--videos", type=int, default=3)
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args(argv)
    rows = []
    for video, truth in long_videos(args.family, args.videos):
        row = {"video": video.name, **run_demo(args.bundle, video, truth, args.out.with_suffix("") / video.stem)}
        rows.append(row)
        print(json.dumps(row), flush=True)
    mean = {k: sum(r[k] for r in rows) / len(rows) for k in KEYS[:3]}
    args.out.write_text(json.dumps({"bundle": str(args.bundle), "family": args.family, "videos": rows,
                                    "mean": mean}, indent=2) + "\n")
    print(f"{args.family}: " + ", ".join(f"{k} {v:.3f}" for k, v in mean.items()))


if __name__ == "__main__":
    main()
