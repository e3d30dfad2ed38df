"""Colour draws shared by bodies, scenes and props."""

from __future__ import annotations

import numpy as np


def uniform(rng: np.random.Generator, lo: float = 0.0, hi: float = 255.0) -> np.ndarray:
    return rng.uniform(lo, hi, 3).astype(np.float32)


def luma(c: np.ndarray) -> float:
    return float(0.299 * c[0] + 0.587 * c[1] + 0.114 * c[2])


def contrasting(rng: np.random.Generator, against: np.ndarray, min_luma_gap: float = 0.0) -> np.ndarray:
    """A colour that stands out from `against`: by luma or hue (a few tries, then the best), or, with
    `min_luma_gap`, by at least that much brightness on the side with more room."""
    if min_luma_gap:
        lum = luma(against)
        dark, bright = lum - min_luma_gap, 255.0 - (lum + min_luma_gap)
        target = rng.uniform(0, max(dark, 0.0)) if dark >= bright else rng.uniform(lum + min_luma_gap, 255.0)
        c = uniform(rng, 30, 255)
        return np.clip(c * (target / max(luma(c), 1.0)), 0, 255).astype(np.float32)
    best, best_d = None, -1.0
    for _ in range(8):
        c = uniform(rng)
        d = max(abs(luma(c) - luma(against)), 0.5 * float(np.abs(c - against).max()))
        if d > best_d:
            best, best_d = c, d
        if d > 45:
            break
    return best


def skin(rng: np.random.Generator) -> np.ndarray:
    c = np.array([rng.uniform(90, 255), 0, 0], np.float32)
    c[1] = c[0] * rng.uniform(0.65, 0.85)
    c[2] = c[0] * rng.uniform(0.45, 0.7)
    return c


def hair(rng: np.random.Generator) -> np.ndarray:
    base = rng.uniform(15, 160)
    return np.array([base * rng.uniform(1.0, 1.4), base * rng.uniform(0.8, 1.1), base * rng.uniform(0.5, 0.9)],
                    np.float32).clip(0, 255)
