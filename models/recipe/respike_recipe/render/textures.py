"""Surface detail: procedural value noise and real photographs.

The photographs are the sample images that Debian's python3-skimage ships (brick, grass, gravel, a
cat, a street, ...): real camera textures that no procedural pattern of ours imitates. They are
sampled in world coordinates at a mip level that matches the pixel footprint, so a wall looks the
same whatever the frame size or view.
"""

from __future__ import annotations

import functools
import importlib.util
from pathlib import Path

import numpy as np

PHOTOS = ("brick", "grass", "gravel", "coffee", "chelsea", "astronaut", "camera", "rocket",
          "motorcycle_left", "moon", "page", "coins", "hubble_deep_field", "text", "cell")


def _photo_dir() -> Path:
    spec = importlib.util.find_spec("skimage")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the photo textures come from Debian's python3-skimage: apt-get install python3-skimage")
    return Path(list(spec.submodule_search_locations)[0]) / "data"


@functools.lru_cache(maxsize=None)
def _pyramid(index: int) -> tuple:
    """Mip levels of photo `index` (float32 [H,W,3] in 0..255), each half the size of the last."""
    from PIL import Image
    name = PHOTOS[index % len(PHOTOS)]
    path = next(p for p in (_photo_dir() / f"{name}.png", _photo_dir() / f"{name}.jpg") if p.exists())
    img = np.asarray(Image.open(path).convert("RGB"), np.float32)
    levels = [img]
    while min(levels[-1].shape[:2]) >= 16:
        a = levels[-1]
        h, w = a.shape[0] // 2 * 2, a.shape[1] // 2 * 2
        levels.append(a[:h, :w].reshape(h // 2, 2, w // 2, 2, 3).mean((1, 3)))
    return tuple(levels)


def _mirror(i: np.ndarray, n: int) -> np.ndarray:
    """Mirrored repeat: a texture tiles without seams."""
    i = np.mod(i, 2 * n)
    return np.where(i < n, i, 2 * n - 1 - i)


def photo(index: int, u: np.ndarray, v: np.ndarray, footprint: float) -> np.ndarray:
    """Bilinear sample [.., 3] of photo `index` at texel coordinates (u across, v down), from the
    mip level whose texel matches `footprint` texels per pixel."""
    levels = _pyramid(index)
    level = int(np.clip(np.floor(np.log2(max(footprint, 1e-6))), 0, len(levels) - 1))
    img = levels[level]
    u, v = u / 2 ** level, v / 2 ** level
    h, w = img.shape[:2]
    x0, y0 = np.floor(u).astype(np.int64), np.floor(v).astype(np.int64)
    fx, fy = (u - x0)[..., None].astype(np.float32), (v - y0)[..., None].astype(np.float32)
    xa, xb, ya, yb = _mirror(x0, w), _mirror(x0 + 1, w), _mirror(y0, h), _mirror(y0 + 1, h)
    top = img[ya, xa] * (1 - fx) + img[ya, xb] * fx
    bottom = img[yb, xa] * (1 - fx) + img[yb, xb] * fx
    return top * (1 - fy) + bottom * fy


def photo_luma(index: int, u: np.ndarray, v: np.ndarray) -> np.ndarray:
    """Relative brightness (mean 1 over the photo) at coordinates in units of 64 texels, for
    patterned clothes; sampled from a coarse level, since cloth detail is small on screen."""
    levels = _pyramid(index)
    c = photo(index, u * 64, v * 64, 4.0)
    return c.mean(-1) / max(float(levels[-1].mean()), 1.0)


def _hash(ix: np.ndarray, iy: np.ndarray, seed: int) -> np.ndarray:
    h = (ix * 374761393 + iy * 668265263 + seed * 2147483647) & 0xFFFFFFFF
    h = ((h ^ (h >> 13)) * 1274126177) & 0xFFFFFFFF
    return ((h ^ (h >> 16)) & 0xFFFF).astype(np.float32) / 32767.5 - 1.0


def value_noise(x: np.ndarray, y: np.ndarray, seed: int) -> np.ndarray:
    """Smooth noise in -1..1 with features about one unit apart, a pure function of position (so it
    stays put when the view moves)."""
    ix, iy = np.floor(x).astype(np.int64), np.floor(y).astype(np.int64)
    fx, fy = x - ix, y - iy
    fx, fy = fx * fx * (3 - 2 * fx), fy * fy * (3 - 2 * fy)
    a, b = _hash(ix, iy, seed), _hash(ix + 1, iy, seed)
    c, d = _hash(ix, iy + 1, seed), _hash(ix + 1, iy + 1, seed)
    return (a + (b - a) * fx) * (1 - fy) + (c + (d - c) * fx) * fy


def fractal_noise(x: np.ndarray, y: np.ndarray, seed: int, octaves: int = 3) -> np.ndarray:
    out, amp, total = 0.0, 1.0, 0.0
    for o in range(octaves):
        out = out + amp * value_noise(x * 2 ** o, y * 2 ** o, seed + o)
        total += amp
        amp *= 0.5
    return out / total
