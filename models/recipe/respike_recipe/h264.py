"""Real H.264 compression artefacts for training clips: an x264 encode and libav decode round trip
through GStreamer (gst-launch-1.0), as camera streams are compressed before they reach the model.

Clips that share a quantizer go through ONE encoder process as one raw stream, so thousands of clips
cost a few process starts. Every clip starts with an IDR frame and no frame of a clip references
another clip (key-int-max and min-keyint = the clip length, no scene-cut keyframes, no B-frames).
The quantizer is constant (pass=quant): x264's rate-factor mode (pass=qual) carries rate-control
history from clip to clip and its macroblock tree lets the next clip lower the current clip's QP, so
there a clip's decoded frames depended on its neighbours. With a constant QP they depend on the clip
and its quantizer only, bit for bit, however the clips are batched.

Frames travel as RGBx (4 bytes a pixel): those rows need no padding, whatever the width, while RGB
rows are padded to a multiple of 4 bytes.
"""

from __future__ import annotations

import subprocess
from concurrent.futures import ThreadPoolExecutor
from typing import Sequence

import numpy as np

SPEED_PRESET = "veryfast"
# Frames per encoder process: bounds the memory of one stream (2048 frames at 96x96 RGBx ~ 75 MB
# each way) while a process start (~0.1 s) stays small next to its encode.
MAX_STREAM_FRAMES = 2048


def roundtrip(clips: np.ndarray, quantizers: Sequence[int], fps: int = 8, processes: int = 1) -> np.ndarray:
    """uint8 [N,T,H,W,3] RGB clips -> the same clips H.264-encoded (x264, constant QP `quantizer` for
    P-frames, the IDR frame a little finer: 18 is near-transparent, 40 blocky) and decoded again,
    uint8, same shape. Frames go through I420 as camera streams do (BT.601, chroma subsampled).

    quantizers: one int in 0..50 per clip. processes: encoder processes run at once (one keeps
    ~0.8 of a core busy)."""
    clips = np.asarray(clips)
    if clips.dtype != np.uint8 or clips.ndim != 5 or clips.shape[-1] != 3:
        raise ValueError(f"h264.roundtrip: clips must be uint8 [N,T,H,W,3], got {clips.dtype} {clips.shape}")
    q = np.asarray(quantizers, dtype=np.int64).reshape(-1)
    if len(q) != len(clips):
        raise ValueError(f"h264.roundtrip: {len(q)} quantizers for {len(clips)} clips")
    if len(q) and (q.min() < 0 or q.max() > 50):
        raise ValueError(f"h264.roundtrip: quantizers must lie in 0..50, got {q.min()}..{q.max()}")
    n, t, h, w, _ = clips.shape
    out = np.empty_like(clips)
    if n == 0 or t == 0:
        return out
    per_stream = max(1, MAX_STREAM_FRAMES // t)
    streams = [(index[start:start + per_stream], int(quantizer)) for quantizer in np.unique(q)
               for index in [np.flatnonzero(q == quantizer)] for start in range(0, len(index), per_stream)]

    def run(stream: tuple) -> None:
        part, quantizer = stream
        frames = clips[part].reshape(len(part) * t, h, w, 3)
        out[part] = _roundtrip_stream(frames, quantizer, t, fps).reshape(len(part), t, h, w, 3)

    with ThreadPoolExecutor(max(1, processes)) as pool:
        list(pool.map(run, streams))  # list() re-raises a stream's error here
    return out


def _roundtrip_stream(frames: np.ndarray, quantizer: int, gop: int, fps: int) -> np.ndarray:
    """uint8 [F,H,W,3] -> encoded and decoded in one gst-launch-1.0 process, an IDR every `gop` frames."""
    f, h, w, _ = frames.shape
    # 4:2:0 chroma needs even sizes: extend by the edge pixels, cut off after decoding.
    he, we = h + h % 2, w + w % 2
    rgbx = np.empty((f, he, we, 4), np.uint8)
    rgbx[:, :h, :w, :3] = frames
    rgbx[:, h:, :w, :3] = frames[:, h - 1:h]
    rgbx[:, :, w:, :3] = rgbx[:, :, w - 1:w, :3]
    rgbx[..., 3] = 255
    frame_bytes = he * we * 4
    cmd = ["gst-launch-1.0", "-q",
           "fdsrc", "fd=0", f"blocksize={frame_bytes}", "!",
           "rawvideoparse", "format=rgbx", f"width={we}", f"height={he}", f"framerate={fps}/1", "!",
           "videoconvert", "!", "video/x-raw,format=I420", "!",
           "x264enc", "pass=quant", f"quantizer={quantizer}", f"speed-preset={SPEED_PRESET}", "bframes=0",
           f"key-int-max={gop}", f"option-string=min-keyint={gop}:scenecut=0", "!",
           "avdec_h264", "!", "videoconvert", "!", "video/x-raw,format=RGBx", "!",
           "fdsink", "fd=1", "sync=false"]
    res = subprocess.run(cmd, input=memoryview(rgbx).cast("B"), capture_output=True, check=False)
    if res.returncode != 0 or len(res.stdout) != f * frame_bytes:
        raise RuntimeError(f"h264.roundtrip: gst-launch-1.0 returned {res.returncode} and "
                           f"{len(res.stdout)} of {f * frame_bytes} bytes: "
                           f"{res.stderr.decode(errors='replace')[-500:]}")
    return np.frombuffer(res.stdout, np.uint8).reshape(f, he, we, 4)[:, :h, :w, :3]
