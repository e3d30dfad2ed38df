"""Files: H.264 MP4 output through GStreamer, clip folders, contact sheets, and the command line."""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
from fractions import Fraction
from pathlib import Path

import numpy as np

from .clip import FRAMINGS, render_clip
from .long import render_long_video
from .multi import render_multi_video
from .pose import CLASSES
from .splits import FAMILIES, SPLITS, clip_family, split_seeds


def write_mp4(frames: np.ndarray, path: Path | str, fps: float = 8.0, quantizer: int = 26) -> None:
    """Encode uint8 [N,H,W,3] RGB as H.264 MP4 with gst-launch-1.0 (raw frames on stdin).

    Constant quality (x264 quantizer 26, about what cameras stream) rather than x264enc's default
    2 Mbit/s, which spends most of its bits on the sensor noise and makes the sample videos huge."""
    n, h, w, _ = frames.shape
    num, den = _fraction(fps)
    stride = rgb_row_bytes(w)  # rawvideoparse reads the rows padded, as GStreamer lays them out
    rows = np.zeros((n, h, stride), np.uint8)
    rows[:, :, :w * 3] = np.asarray(frames, np.uint8).reshape(n, h, w * 3)
    cmd = ["gst-launch-1.0", "-q", "fdsrc", "fd=0", "blocksize=" + str(h * stride), "!",
           "rawvideoparse", "format=rgb", f"width={w}", f"height={h}", f"framerate={num}/{den}", "!",
           "videoconvert", "!", "video/x-raw,format=I420", "!",
           "x264enc", "speed-preset=fast", "key-int-max=16", "pass=qual", f"quantizer={quantizer}", "!", "mp4mux", "!", "filesink",
           f"location={path}"]
    res = subprocess.run(cmd, input=rows.tobytes(), capture_output=True)
    if res.returncode != 0:
        raise RuntimeError(f"gst-launch-1.0 failed writing {path}: {res.stderr.decode(errors='replace')[-500:]}")


def rgb_row_bytes(width: int) -> int:
    """Bytes per row of a GStreamer RGB frame: rows are padded to a multiple of 4 bytes."""
    return (width * 3 + 3) // 4 * 4


def _fraction(fps: float) -> tuple:
    f = Fraction(fps).limit_denominator(1001)
    return f.numerator, f.denominator


# ----------------------------------------------------------------------------------------------
# Command line: MP4 files for the Java and pipeline tests
# ----------------------------------------------------------------------------------------------

def write_clips(out: Path, split: str, per_class: int, width: int, height: int, fps: float,
                family: str | None = None, families: tuple = FAMILIES) -> None:
    """MP4 clips of a split and labels.csv; every clip in `family`, or each in its seed's family."""
    labels, seeds = split_seeds(split, per_class)
    with open(out / "labels.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["file", "label", "class", "seed", "family"])
        for label, seed in zip(labels, seeds):
            name = f"{CLASSES[label]}_{seed}.mp4"
            fam = family or clip_family(int(seed), families)
            write_mp4(render_clip(int(label), int(seed), width, height, fps=fps, family=fam), out / name, fps)
            w.writerow([name, int(label), CLASSES[label], int(seed), fam])


def contact_sheet(path: Path, seed: int = 0, width: int = 128, height: int = 96, family: str | None = None,
                  framing: str = "frame") -> None:
    """PNG grid, one row per class, every second frame of one clip: for people to look at."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    fig, axes = plt.subplots(len(CLASSES), 8, figsize=(8 * 1.5, len(CLASSES) * 1.25))
    for label, row in enumerate(axes):
        clip = render_clip(label, seed + label, width, height, family=family, framing=framing)
        for k, ax in enumerate(row):
            ax.imshow(clip[2 * k])
            ax.set_xticks([])
            ax.set_yticks([])
        row[0].set_ylabel(CLASSES[label], fontsize=9)
    for k, ax in enumerate(axes[0]):
        ax.set_title(f"frame {2 * k}", fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=80)
    plt.close(fig)


def main(argv: list | None = None) -> None:
    ap = argparse.ArgumentParser(description="Render synthetic action clips or a long video to MP4.")
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--split", default="test", choices=SPLITS)
    ap.add_argument("--clips-per-class", type=int, default=2)
    ap.add_argument("--width", type=int, default=160)
    ap.add_argument("--height", type=int, default=120)
    ap.add_argument("--fps", type=float, default=8.0)
    ap.add_argument("--long", action="store_true", help="one multi-action video + timeline JSON")
    ap.add_argument("--multi", type=int, metavar="PEOPLE", help="one multi-person video (PEOPLE people, 0: 2-4) + "
                                                                 "per-person truth JSON (boxes, labels per frame)")
    ap.add_argument("--in-view", metavar="START,SECONDS", help="multi-person video: the people are in the scene "
                                                              "only from START s for SECONDS s (walking in and out)")
    ap.add_argument("--duration-s", type=float, default=60.0)
    ap.add_argument("--seed", type=int, default=0, help="seed of the long video or the contact sheet")
    ap.add_argument("--sheet", action="store_true", help="write classes.png, a contact sheet of all classes")
    ap.add_argument("--family", choices=FAMILIES, help="style family of every clip (default: each seed's own)")
    ap.add_argument("--framing", choices=FRAMINGS, default="frame", help="contact sheet: whole frames or person crops")
    a = ap.parse_args(argv)
    a.out.mkdir(parents=True, exist_ok=True)
    if a.sheet:
        contact_sheet(a.out / "classes.png", a.seed, family=a.family, framing=a.framing)
        return
    if a.multi is not None:
        in_view = tuple(float(v) for v in a.in_view.split(",")) if a.in_view else None
        frames, truth = render_multi_video(a.seed, a.width, a.height, a.fps, a.duration_s, a.multi or None, a.family,
                                           in_view=in_view)
        stem = f"multi_{a.seed}"
        write_mp4(frames, a.out / f"{stem}.mp4", a.fps)
        (a.out / f"{stem}.json").write_text(json.dumps({"video": f"{stem}.mp4", "seed": a.seed, "classes": CLASSES,
                                                        **truth}))
        return
    if not a.long:
        write_clips(a.out, a.split, a.clips_per_class, a.width, a.height, a.fps, a.family)
        return
    frames, timeline, info = render_long_video(a.seed, a.width, a.height, a.fps, a.duration_s,
                                               family=a.family, return_meta=True)
    stem = f"long_{a.seed}"
    write_mp4(frames, a.out / f"{stem}.mp4", a.fps)
    meta = {"video": f"{stem}.mp4", "seed": a.seed, "fps": a.fps, "width": a.width, "height": a.height,
            "frames": len(frames), "family": info["family"], "classes": CLASSES, "timeline": timeline}
    (a.out / f"{stem}.json").write_text(json.dumps(meta, indent=1))

