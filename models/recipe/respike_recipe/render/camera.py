"""The camera between the scene and the file: exposure and its drift, white balance, defocus, shake,
sensor noise, a greyscale (infrared night) mode, and a lossy codec's blocks.

Settings are drawn once per video (`sample_camera`) so the chunks of a long video match; the family
sets the tendencies (the night family is greyscale, dark and noisy).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


def _shift_axis(frames: np.ndarray, d: np.ndarray, axis: int) -> np.ndarray:
    """Per-frame sub-pixel shift (|d| <= 1) along one axis: blend with the edge-clamped neighbour."""
    n = frames.shape[axis]
    ahead = np.take(frames, np.minimum(np.arange(n) + 1, n - 1), axis=axis)
    behind = np.take(frames, np.maximum(np.arange(n) - 1, 0), axis=axis)
    w_a = np.maximum(d, 0).astype(np.float32)[:, None, None, None]
    w_b = np.maximum(-d, 0).astype(np.float32)[:, None, None, None]
    return frames * (1 - w_a - w_b) + ahead * w_a + behind * w_b


def _jitter(frames: np.ndarray, rng: np.random.Generator, amp: float) -> np.ndarray:
    """Camera shake of up to `amp` (<= 1) px per axis, by bilinear resampling with clamped edges."""
    if amp < 0.1:
        return frames
    d = rng.uniform(-amp, amp, (2, len(frames)))
    return _shift_axis(_shift_axis(frames, d[0], 2), d[1], 1)


def _dct_matrix() -> np.ndarray:
    k = np.arange(8)
    m = np.cos(np.pi * (2 * k[None, :] + 1) * k[:, None] / 16) * np.sqrt(2 / 8)
    m[0] /= np.sqrt(2)
    return m.astype(np.float32)


_DCT = _dct_matrix()
_JPEG_Q = np.array([
    [16, 11, 10, 16, 24, 40, 51, 61], [12, 12, 14, 19, 26, 58, 60, 55], [14, 13, 16, 24, 40, 57, 69, 56],
    [14, 17, 22, 29, 51, 87, 80, 62], [18, 22, 37, 56, 68, 109, 103, 77], [24, 35, 55, 64, 81, 104, 113, 92],
    [49, 64, 78, 87, 103, 121, 120, 101], [72, 92, 95, 98, 112, 100, 103, 99]], np.float32)


def _dct_quantise(plane: np.ndarray, q: np.ndarray) -> np.ndarray:
    """Blockwise 8x8 DCT quantisation of planes [T,H,W] (edge-padded to multiples of 8).

    The 2-D DCT is separable: D @ block along rows, block @ D.T along columns, done as batched matmuls
    over whole planes without moving blocks around."""
    t, h, w = plane.shape
    hp, wp = h + (-h % 8), w + (-w % 8)
    p = np.pad(plane, ((0, 0), (0, hp - h), (0, wp - w)), mode="edge")
    qq = np.tile(q, (hp // 8, wp // 8))
    coef = (_DCT @ p.reshape(t, hp // 8, 8, wp)).reshape(t, hp, wp // 8, 8) @ _DCT.T
    coef = np.round(coef.reshape(t, hp, wp) / qq) * qq
    rec = (_DCT.T @ coef.reshape(t, hp // 8, 8, wp)).reshape(t, hp, wp // 8, 8) @ _DCT
    return rec.reshape(t, hp, wp)[:, :h, :w]


def _compress(frames: np.ndarray, quality: float, chroma_420: bool) -> np.ndarray:
    """Lossy-codec look: YCbCr, optional 4:2:0 chroma subsampling, JPEG-style DCT quantisation."""
    scale = (5000 / quality if quality < 50 else 200 - 2 * quality) / 100
    q_luma = np.maximum(np.floor(_JPEG_Q * scale + 0.5), 1)
    r, g, b = frames[..., 0], frames[..., 1], frames[..., 2]
    y = 0.299 * r + 0.587 * g + 0.114 * b
    cb, cr = (b - y) * 0.564, (r - y) * 0.713
    y = _dct_quantise(y - 128, q_luma) + 128
    h, w = y.shape[1:]
    if chroma_420:  # 4:2:0: chroma is coded at half resolution, as in most video codecs
        cb = _upsample(_dct_quantise(_halve(cb), q_luma * 1.5), h, w)
        cr = _upsample(_dct_quantise(_halve(cr), q_luma * 1.5), h, w)
    else:
        cb, cr = _dct_quantise(cb, q_luma * 1.5), _dct_quantise(cr, q_luma * 1.5)
    return np.stack([y + 1.403 * cr, y - 0.344 * cb - 0.714 * cr, y + 1.773 * cb], -1)


def _halve(c: np.ndarray) -> np.ndarray:
    """2x2 averaging (odd sizes edge-padded)."""
    t, h, w = c.shape
    p = np.pad(c, ((0, 0), (0, h % 2), (0, w % 2)), mode="edge")
    return p.reshape(t, p.shape[1] // 2, 2, p.shape[2] // 2, 2).mean((2, 4))


def _upsample(c: np.ndarray, h: int, w: int) -> np.ndarray:
    return np.repeat(np.repeat(c, 2, 1), 2, 2)[:, :h, :w]


_NOISE_BANK = np.random.default_rng(12345).standard_normal(1 << 20).astype(np.float32)


def _sensor_noise(shape: tuple, rng: np.random.Generator) -> np.ndarray:
    """Unit Gaussian noise from a fixed bank at a random offset: drawing fresh normals per clip
    cost more than the rest of the camera model, and the bank is far larger than a clip."""
    size = int(np.prod(shape))
    start = int(rng.integers(len(_NOISE_BANK)))
    if start + size <= len(_NOISE_BANK):
        return _NOISE_BANK[start:start + size].reshape(shape)
    return np.resize(np.roll(_NOISE_BANK, -start), size).reshape(shape)


@dataclass
class CameraSettings:
    """Per-video camera nuisances, fixed so that chunks of a long video match each other."""
    gain0: float
    drift: float
    jitter: float
    sigma: float
    quality: float | None
    chroma_420: bool
    white: np.ndarray
    gamma: float
    blur: float
    grey: bool
    vignette: float


def sample_camera(rng: np.random.Generator, compress: bool, family: str = "flat") -> CameraSettings:
    night = family == "night"
    return CameraSettings(gain0=rng.uniform(0.85, 1.15) * (rng.uniform(0.6, 1.0) if night else 1.0),
                          drift=rng.uniform(-0.15, 0.15), jitter=rng.uniform(0.0, 1.0),
                          sigma=rng.uniform(2.0, 10.0) if night else rng.uniform(0.0, 6.0),
                          quality=rng.uniform(20, 92) if compress and rng.random() < 0.85 else None,
                          chroma_420=bool(rng.random() < 0.7),
                          white=(rng.uniform(0.85, 1.15, 3) if rng.random() < 0.5 else np.ones(3)).astype(np.float32),
                          gamma=float(rng.uniform(0.8, 1.25)) if rng.random() < 0.4 else 1.0,
                          blur=float(rng.uniform(0.3, 1.1)) if night or rng.random() < 0.3 else 0.0,
                          grey=night or bool(rng.random() < 0.06),
                          vignette=float(rng.uniform(0.1, 0.45)) if rng.random() < 0.3 else 0.0)


def _gauss_blur(frames: np.ndarray, sigma: float) -> np.ndarray:
    """Separable Gaussian blur of [T,H,W,3] by `sigma` output pixels (edges clamped)."""
    r = max(1, int(np.ceil(2.5 * sigma)))
    k = np.exp(-0.5 * (np.arange(-r, r + 1) / sigma) ** 2).astype(np.float32)
    k /= k.sum()
    for axis in (1, 2):
        n = frames.shape[axis]
        acc = np.zeros_like(frames)
        for i, w in enumerate(k):
            idx = np.clip(np.arange(n) + i - r, 0, n - 1)
            acc += w * np.take(frames, idx, axis=axis)
        frames = acc
    return frames


def camera(frames: np.ndarray, rng: np.random.Generator, cam: CameraSettings, ramp: np.ndarray) -> np.ndarray:
    """Exposure drift (gain follows `ramp` in 0..1), white balance, gamma, vignetting, defocus,
    jitter, sensor noise, greyscale, compression -> uint8."""
    frames = frames * (cam.gain0 * (1 + cam.drift * ramp)).astype(np.float32)[:, None, None, None]
    frames = frames * cam.white
    if cam.gamma != 1.0:
        frames = 255.0 * (np.clip(frames, 0, None) / 255.0) ** cam.gamma
    if cam.vignette:
        h, w = frames.shape[1:3]
        yy, xx = np.meshgrid(np.linspace(-1, 1, h), np.linspace(-1, 1, w), indexing="ij")
        frames = frames * (1 - cam.vignette * 0.5 * (xx ** 2 + yy ** 2)).astype(np.float32)[None, :, :, None]
    if cam.blur:
        frames = _gauss_blur(frames.astype(np.float32), cam.blur)
    frames = _jitter(frames, rng, cam.jitter)
    if cam.grey:
        frames = np.repeat((frames @ np.array([0.299, 0.587, 0.114], np.float32))[..., None], 3, -1)
    if cam.sigma > 0.3:  # a greyscale sensor has one channel, and so does its noise
        shape = frames.shape[:-1] + (1,) if cam.grey else frames.shape
        frames = frames + _sensor_noise(shape, rng) * np.float32(cam.sigma)
    if cam.quality is not None:
        frames = _compress(frames, cam.quality, cam.chroma_420)
    return np.clip(frames + 0.5, 0, 255).astype(np.uint8)
