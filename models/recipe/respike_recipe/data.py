"""Datasets: cached splits of the synthetic benchmark, and UCF-101 / HMDB-51 folder readers.

Synthetic splits are rendered once into .npz caches (uint8 clips, labels, seeds). Seeds of the train,
val and test splits come from disjoint ranges (render.split_seeds), and a split with more clips per
class contains the seeds of the smaller one, so results stay comparable as the data grows. A split
names its style families (a held-out family is simply left out of the training splits), the share
of clips framed as person crops, and the share passed through a real H.264 encoder.

Real videos are decoded with GStreamer (gst-launch-1.0 writing raw RGB to stdout), which the project
installs anyway; no Python video library is needed.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from torch.utils.data import Dataset

from . import h264
from .augment import camera_augment
from .render import (CLASSES, FAMILIES, RENDER_VERSION, clip_aspect, clip_family, clip_framing, render_clip,
                     render_window, rgb_row_bytes, split_seeds)

MEAN = (0.485, 0.456, 0.406)
STD = (0.229, 0.224, 0.225)
CLIP_LEN = 16
DEFAULT_CACHE = Path(__file__).resolve().parent.parent / "data"

# H.264 quantizers of the encoded share of the training clips: about what cameras stream (26) give
# or take the range between a clean stream and a starved one.
H264_QUANTIZERS = (18, 40)


def _render_one(job: tuple) -> np.ndarray:
    label, seed, size, family, framing = job
    # Each clip has its own display aspect (4:3 or 16:9); whole frames are stretched to size x size as
    # the model resizes whole frames, person crops are square.
    if framing == "window":
        window = render_window(int(label), int(seed), size, size, aspect=clip_aspect(seed), family=family)
        if window is not None:
            return window
        framing = "frame"  # a class that short videos seldom hold for half a clip (run, stand_up)
    return render_clip(int(label), int(seed), size, size, aspect=clip_aspect(seed), family=family,
                       framing=framing)


def families_code(families: tuple) -> str:
    return "all" if tuple(families) == FAMILIES else "+".join(families)


def split_path(split: str, clips_per_class: int, size: int, families: tuple, crop_share: float,
               h264_share: float, out_dir: Path | str = DEFAULT_CACHE, crowd_share: float = 0.0,
               window_share: float = 0.0) -> Path:
    crowd = f"_crowd{round(100 * crowd_share)}" if crowd_share > 0 else ""
    window = f"_window{round(100 * window_share)}" if window_share > 0 else ""
    name = (f"{split}_{clips_per_class}x{len(CLASSES)}_{size}px_{RENDER_VERSION}_{families_code(families)}"
            f"_crop{round(100 * crop_share)}{crowd}{window}_h264{round(100 * h264_share)}.npz")
    return Path(out_dir) / name


def build_split(split: str, clips_per_class: int, size: int = 64, out_dir: Path | str = DEFAULT_CACHE,
                processes: int = 2, families: tuple = FAMILIES, crop_share: float = 0.0,
                h264_share: float = 0.0, crowd_share: float = 0.0, window_share: float = 0.0) -> Path:
    """Render (or reuse) the cached split; returns the .npz path.

    Each seed's clip is drawn in one of `families` (render.clip_family) and framed as a person crop
    for a `crop_share` of the seeds (a `crowd_share` of those with other people in the wide view), a
    `window_share` of the others cut from a short long video (labelled by the action covering most of
    the window: render.render_window); an
    `h264_share` of the clips goes through x264 at a quantizer
    drawn from H264_QUANTIZERS. The file name carries all of these and the renderer version, so a
    changed renderer never serves stale clips."""
    families = tuple(families)
    unknown = set(families) - set(FAMILIES)
    if unknown or not families:
        raise ValueError(f"families must be a non-empty subset of {FAMILIES}, not {families}")
    path = split_path(split, clips_per_class, size, families, crop_share, h264_share, out_dir, crowd_share,
                      window_share)
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        return path
    labels, seeds = split_seeds(split, clips_per_class)
    clips = np.empty((len(labels), CLIP_LEN, size, size, 3), np.uint8)
    jobs = [(l, s, size, clip_family(s, families), clip_framing(s, crop_share, crowd_share, window_share))
            for l, s in zip(labels, seeds)]
    start, step = time.time(), max(1, len(jobs) // 10)
    with mp.get_context("fork").Pool(max(1, min(processes, 2))) as pool:
        for i, clip in enumerate(pool.imap(_render_one, jobs, chunksize=16)):
            clips[i] = clip
            if (i + 1) % step == 0 or i + 1 == len(jobs):
                print(f"build_split {split}: {i + 1}/{len(jobs)} clips, {time.time() - start:.1f} s",
                      file=sys.stderr, flush=True)
    if h264_share > 0:
        rng = np.random.default_rng([int(seeds[0]), clips_per_class, 264])
        chosen = np.flatnonzero(rng.random(len(seeds)) < h264_share)
        quantizers = rng.integers(H264_QUANTIZERS[0], H264_QUANTIZERS[1] + 1, len(chosen))
        clips[chosen] = h264.roundtrip(clips[chosen], quantizers)
        print(f"build_split {split}: {len(chosen)} clips through H.264, {time.time() - start:.1f} s",
              file=sys.stderr, flush=True)
    # Write then rename: a reader never sees a half-written cache.
    tmp = path.with_suffix(f".{os.getpid()}.tmp.npz")
    np.savez(tmp, clips=clips, labels=labels, seeds=seeds)
    tmp.replace(path)
    return path


def normalise(clip: torch.Tensor) -> torch.Tensor:
    """uint8 or float [T,H,W,3] in 0..255 -> float [T,3,H,W], /255 then ImageNet mean/std."""
    return standardise(clip.permute(0, 3, 1, 2).float())  # not in place: .float() may not copy


def standardise(x: torch.Tensor) -> torch.Tensor:
    """float [T,3,H,W] in 0..255 -> /255 then ImageNet mean/std."""
    mean = torch.tensor(MEAN).view(1, 3, 1, 1)
    std = torch.tensor(STD).view(1, 3, 1, 1)
    return (x / 255.0 - mean) / std


def train_view(clip: torch.Tensor) -> torch.Tensor:
    """A training sample from a uint8/float [T,H,W,3] clip: camera-like augmentation, then normalised."""
    return standardise(camera_augment(clip.permute(0, 3, 1, 2).float()))


class SyntheticClips(Dataset):
    """Clips of a cached synthetic split: (float [T,3,H,W] normalised, int label)."""

    def __init__(self, path: Path | str, train: bool = False):
        data = np.load(path)
        self.clips, self.labels, self.seeds = data["clips"], data["labels"], data["seeds"]
        self.train = train

    def __len__(self) -> int:
        return len(self.labels)

    def __getitem__(self, i: int):
        clip = torch.from_numpy(self.clips[i])
        return (train_view(clip) if self.train else normalise(clip)), int(self.labels[i])


# ----------------------------------------------------------------------------------------------
# Real videos
# ----------------------------------------------------------------------------------------------

def resize(frames: torch.Tensor, height: int, width: int) -> torch.Tensor:
    """float [N,C,H,W] -> [N,C,height,width], each axis on its own, height first: a shrinking axis
    averages the pixels of each output pixel's bin (adaptive average pooling), a growing one interpolates
    (half-pixel bilinear). The Java engine's FramePreprocessor resizes camera frames the same way."""
    frames = _resize_axis(frames, (height, frames.shape[3]), frames.shape[2] > height)
    return _resize_axis(frames, (height, width), frames.shape[3] > width)


def _resize_axis(frames: torch.Tensor, size: tuple, shrink: bool) -> torch.Tensor:
    if tuple(frames.shape[2:]) == size:
        return frames
    if shrink:
        return F.adaptive_avg_pool2d(frames, size)
    return F.interpolate(frames, size=size, mode="bilinear", align_corners=False)


def _frame_size(verbose: str) -> tuple | None:
    """(width, height) from the caps that gst-launch -v prints for the RGB capsfilter, or None."""
    caps = next((line for line in verbose.splitlines() if "GstCapsFilter" in line and "caps = " in line), "")
    size = [re.search(rf"{key}=\(int\)(\d+)", caps) for key in ("width", "height")]
    return (int(size[0].group(1)), int(size[1].group(1))) if all(size) else None


def decode_video(path: Path | str, size: int, chunk: int = 64) -> np.ndarray:
    """All frames of a video as float32 [N,size,size,3] RGB in 0..255: decoded by GStreamer at the
    video's own size, then whole frames resized (stretched, no borders) by `resize`, as the Java
    pipelines resize camera frames. Not rounded to integers: the Java engine does not round either."""
    with tempfile.TemporaryDirectory() as tmp:
        raw_path = Path(tmp) / "frames.rgb"  # -v prints the frame size on stdout, so frames go to a file
        cmd = ["gst-launch-1.0", "-v", "filesrc", f"location={path}", "!", "decodebin", "!", "videoconvert",
               "!", "video/x-raw,format=RGB", "!", "filesink", f"location={raw_path}"]
        res = subprocess.run(cmd, capture_output=True, text=True, check=False)
        frame_size = _frame_size(res.stdout)
        data = np.fromfile(raw_path, np.uint8) if raw_path.exists() else np.empty(0, np.uint8)
    width, height = frame_size or (0, 0)
    stride = rgb_row_bytes(width)
    frame = stride * height
    if res.returncode != 0 or frame == 0 or len(data) < frame:
        raise RuntimeError(f"decoding {path} failed: {(res.stderr or res.stdout)[-500:]}")
    n = len(data) // frame
    raw = data[:n * frame].reshape(n, height, stride)[:, :, :width * 3].reshape(n, height, width, 3)
    out = np.empty((n, size, size, 3), np.float32)
    for i in range(0, n, chunk):  # bounded memory for long videos
        x = torch.from_numpy(raw[i:i + chunk]).permute(0, 3, 1, 2).float()
        out[i:i + chunk] = resize(x, size, size).permute(0, 2, 3, 1).numpy()
    return out


def sample_window(n: int, length: int, train: bool, rng: np.random.Generator | None = None) -> np.ndarray:
    """Indices of `length` consecutive frames: random start for training, the centred clip for test.
    Short videos repeat their last frame."""
    if train:
        start = int((rng or np.random.default_rng()).integers(0, max(n - length, 0) + 1))
    else:
        start = max(n - length, 0) // 2
    return np.minimum(np.arange(start, start + length), n - 1)


class VideoFolderClips(Dataset):
    """(path, label) items of a real-video split, decoded on access into T consecutive frames."""

    def __init__(self, items: list, classes: list, size: int = 64, train: bool = False, length: int = CLIP_LEN):
        self.items, self.classes, self.size, self.train, self.length = items, classes, size, train, length

    def __len__(self) -> int:
        return len(self.items)

    def __getitem__(self, i: int):
        path, label = self.items[i]
        frames = decode_video(path, self.size)
        rng = np.random.default_rng(int(torch.randint(0, 2 ** 31 - 1, (1,)))) if self.train else None
        clip = torch.from_numpy(frames[sample_window(len(frames), self.length, self.train, rng)].copy())
        return (train_view(clip) if self.train else normalise(clip)), label


def ucf101(root: Path | str, split: int = 1, train: bool = True, size: int = 64,
           video_root: Path | str | None = None) -> VideoFolderClips:
    """UCF-101: ucfTrainTestlist/classInd.txt ("1 ApplyEyeMakeup"), trainlist0N.txt ("Class/file.avi 1"),
    testlist0N.txt ("Class/file.avi"); videos under <video_root>/<Class>/ (default: root/UCF-101 if it
    exists, else root)."""
    root = Path(root)
    lists = root / "ucfTrainTestlist"
    vroot = Path(video_root) if video_root else (root / "UCF-101" if (root / "UCF-101").is_dir() else root)
    index = {}
    for line in (lists / "classInd.txt").read_text().split("\n"):
        if line.strip():
            num, name = line.split()
            index[name] = int(num) - 1
    classes = [n for n, _ in sorted(index.items(), key=lambda kv: kv[1])]
    listing = lists / f"{'train' if train else 'test'}list{split:02d}.txt"
    items = []
    for line in listing.read_text().split("\n"):
        if line.strip():
            rel = line.split()[0]
            items.append((vroot / rel, index[rel.split("/")[0]]))
    return VideoFolderClips(items, classes, size, train)


def hmdb51(root: Path | str, split: int = 1, train: bool = True, size: int = 64,
           video_root: Path | str | None = None) -> VideoFolderClips:
    """HMDB-51: testTrainMulti_7030_splits/<class>_test_split<N>.txt with lines "<file> <mark>",
    mark 1 = train, 2 = test, 0 = unused; videos under <video_root>/<class>/ (default root)."""
    root = Path(root)
    vroot = Path(video_root) if video_root else root
    suffix = f"_test_split{split}.txt"
    files = sorted((root / "testTrainMulti_7030_splits").glob(f"*{suffix}"))
    classes = [f.name[:-len(suffix)] for f in files]
    want = "1" if train else "2"
    items = []
    for label, f in enumerate(files):
        for line in f.read_text().split("\n"):
            parts = line.split()
            if len(parts) == 2 and parts[1] == want:
                items.append((vroot / classes[label] / parts[0], label))
    return VideoFolderClips(items, classes, size, train)
