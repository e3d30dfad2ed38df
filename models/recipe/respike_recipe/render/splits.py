"""Seeds of the synthetic splits, and what each seed's clip looks like (aspect, family, framing)."""

from __future__ import annotations

import numpy as np

from .pose import CLASSES

ASPECTS = (4.0 / 3.0, 16.0 / 9.0)
# Style families: how the person is drawn and dressed, the scene, the light and the camera
# (body.py, scene.py, camera.py). Each is randomised widely within itself; leave-one-family-out
# training measures how a model does on a look it never saw.
FAMILIES = ("flat", "stick", "silhouette", "photo", "shaded", "night")

# Seed = split base + class * _CLASS_STRIDE + index; bases far apart keep the splits disjoint, and a
# split with more clips per class contains the smaller one.
_SPLIT_BASE = {"train": 0, "val": 100_000_000, "test": 200_000_000}
_CLASS_STRIDE = 1_000_000
SPLITS = tuple(_SPLIT_BASE)


def split_seeds(split: str, clips_per_class: int) -> tuple:
    """Labels and seeds (int64 arrays) of a synthetic split, class-major."""
    if clips_per_class > _CLASS_STRIDE:
        raise ValueError(f"at most {_CLASS_STRIDE} clips per class")
    labels = np.repeat(np.arange(len(CLASSES)), clips_per_class)
    index = np.tile(np.arange(clips_per_class), len(CLASSES))
    return labels.astype(np.int64), (_SPLIT_BASE[split] + labels * _CLASS_STRIDE + index).astype(np.int64)


def sample_aspect(rng: np.random.Generator) -> float:
    """Display aspect ratio of a scene: the spec allows 4:3 and 16:9 frames."""
    return float(ASPECTS[rng.integers(len(ASPECTS))])


def clip_aspect(seed: int) -> float:
    """The display aspect a dataset clip with this seed is rendered at (4:3 or 16:9)."""
    return sample_aspect(np.random.default_rng([int(seed), 7]))


def clip_family(seed: int, families: tuple = FAMILIES) -> str:
    """The style family of a dataset clip with this seed, drawn from `families`."""
    return families[int(np.random.default_rng([int(seed), 11]).integers(len(families)))]


def clip_framing(seed: int, crop_share: float, crowd_share: float = 0.0, window_share: float = 0.0) -> str:
    """"crop" for a `crop_share` of the seeds, else "frame"; a `crowd_share` of the crops are "crowd"
    (the crop of a wide view with other people in it), a `window_share` of the frames are "window" (a
    window of a long video, across the boundary of two actions as often as not)."""
    if np.random.default_rng([int(seed), 13]).random() >= crop_share:
        return "window" if np.random.default_rng([int(seed), 19]).random() < window_share else "frame"
    return "crowd" if np.random.default_rng([int(seed), 17]).random() < crowd_share else "crop"
