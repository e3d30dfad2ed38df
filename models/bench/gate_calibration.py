#!/usr/bin/python3
"""Measures the static-scene gate's distance (StaticSceneGate: largest |mean difference| over 8x8-pixel
cells of the 96x96 model input, per channel, in 8-bit levels) on still scenes with sensor noise, before and
after H.264, and on moving scenes (the test clips), to place StreamOptions.DEFAULT_STATIC_THRESHOLD.

    /usr/bin/python3 models/bench/gate_calibration.py [--moving-only]
    (from the repository root; needs gst-launch-1.0 with x264enc; about 3 minutes on 2 busy cores)
"""
import glob
import os
import subprocess
import tempfile

import numpy as np

SIZE = 96
CELL = 8


def resize(frames):
    """Area average to SIZE x SIZE, rows then columns (PyTorch's adaptive_avg_pool2d bins); grows by
    repetition, which is enough here (the clips are 96x96)."""
    t, h, w, c = frames.shape

    def axis(x, n, out, ax):
        starts = [(i * n) // out for i in range(out)]
        ends = [-(-((i + 1) * n) // out) for i in range(out)]
        return np.stack([x.take(range(s, e), axis=ax).mean(axis=ax) for s, e in zip(starts, ends)], axis=ax)

    f = frames.astype(np.float64)
    return axis(axis(f, h, SIZE, 1), w, SIZE, 2)


def distance(a, b):
    d = (a - b).reshape(SIZE // CELL, CELL, SIZE // CELL, CELL, 3).mean(axis=(1, 3))
    return np.abs(d).max()


def decode(path, width, height):
    with tempfile.NamedTemporaryFile(suffix=".rgb") as raw:
        subprocess.run(["gst-launch-1.0", "-q", "filesrc", f"location={path}", "!", "decodebin", "!",
                        "videoconvert", "!", "video/x-raw,format=RGB", "!", "filesink",
                        f"location={raw.name}"], check=True)
        return np.fromfile(raw.name, np.uint8).reshape(-1, height, width, 3)


def encode(frames, path, bitrate_kbps):
    t, h, w, _ = frames.shape
    with tempfile.NamedTemporaryFile(suffix=".rgb") as raw:
        frames.astype(np.uint8).tofile(raw.name)
        subprocess.run(["gst-launch-1.0", "-q", "filesrc", f"location={raw.name}", f"blocksize={w * h * 3}", "!",
                        "rawvideoparse", f"width={w}", f"height={h}", "format=rgb", "framerate=25/1", "!",
                        "videoconvert", "!", "x264enc", f"bitrate={bitrate_kbps}", "key-int-max=25",
                        "speed-preset=veryfast", "!", "mp4mux", "!", "filesink", f"location={path}"], check=True)


def still_scene(rng, h, w, frames, sigma):
    # A textured background (smooth gradients plus some detail), then per-frame Gaussian sensor noise.
    y, x = np.mgrid[0:h, 0:w]
    base = np.stack([90 + 60 * np.sin(x / 17.0) * np.cos(y / 23.0), 120 + 0.3 * x - 0.2 * y,
                     100 + 40 * np.cos((x + y) / 9.0)], axis=-1)
    base += rng.normal(0, 12, base.shape)  # fixed texture
    noisy = base[None] + rng.normal(0, sigma, (frames, h, w, 3))
    return np.clip(np.rint(noisy), 0, 255)


def group_distances(frames, stride=4):
    """Per group: the largest residual distance to its key frame (a group is still only if all are small)."""
    m = resize(frames)
    out = []
    for g in range(0, len(m) - stride + 1, stride):
        out.append(max(distance(m[g + j], m[g]) for j in range(1, stride)))
    return out


def skipped(frames, threshold, stride=4):
    """Groups the gate would reuse: still, and the key frame within the threshold of a still reference."""
    m = resize(frames)
    reference = None
    n = 0
    for g in range(0, len(m) - stride + 1, stride):
        still = all(distance(m[g + j], m[g]) < threshold for j in range(1, stride))
        if still and reference is not None and distance(m[g], reference) < threshold:
            n += 1
            continue
        reference = m[g] if still else None
    return n


def main(still_scenes=True):
    rng = np.random.default_rng(0)
    if not still_scenes:
        return moving()
    print("still scene, worst distance over all frame pairs (levels):")
    for h, w in [(96, 96), (240, 320)]:
        for sigma in [2, 4, 6]:
            frames = still_scene(rng, h, w, 64, sigma)
            m = resize(frames)
            raw = max(distance(m[i], m[j]) for i in range(0, 64, 4) for j in range(64) if i != j)
            with tempfile.TemporaryDirectory() as tmp:
                p = os.path.join(tmp, "still.mp4")
                worst = {}
                for kbps in [256, 1024]:
                    encode(frames, p, kbps)
                    d = resize(decode(p, w, h).astype(np.float64))
                    worst[kbps] = max(distance(d[i], d[j]) for i in range(0, len(d), 4) for j in range(len(d)) if i != j)
            print(f"  {w}x{h} sigma {sigma}: raw {raw:.2f}, H.264 1024 kb/s {worst[1024]:.2f}, 256 kb/s {worst[256]:.2f}")
    moving()


def moving():
    print("moving scenes: per group, largest residual distance to the key frame (levels):")
    for name, pattern, (w, h) in [("test-clips 96x96", "pipelines/samples/test-clips/*.mp4", (96, 96)),
                                  ("camera-clips 128x72", "pipelines/samples/camera-clips/*.mp4", (128, 72))]:
        by_class = {}
        for f in sorted(glob.glob(pattern)):
            label = os.path.basename(f).rsplit("_", 1)[0]
            frames = decode(f, w, h)
            d, s6, s8 = by_class.setdefault(label, ([], [0], [0]))
            d.extend(group_distances(frames))
            s6[0] += skipped(frames, 6)
            s8[0] += skipped(frames, 8)
        for label, (d, s6, s8) in sorted(by_class.items()):
            d = np.array(d)
            print(f"  {name} {label:10s}: groups {len(d):3d}, min {d.min():6.2f}, 5% {np.percentile(d, 5):6.2f},"
                  f" median {np.median(d):6.2f}, below 8: {np.mean(d < 8) * 100:5.1f}%;"
                  f" groups skipped at 6: {s6[0]}, at 8: {s8[0]}")


if __name__ == "__main__":
    import sys
    main(still_scenes="--moving-only" not in sys.argv)
