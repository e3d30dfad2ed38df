"""Procedural renderer of the synthetic surveillance-action benchmark.

The class definitions are the contract in shared/spec/synthetic-actions.md. Everything here is pure
numpy and deterministic by seed.

Geometry lives in continuous world coordinates measured in units of the frame height: x runs from 0
to `aspect` (the display aspect ratio), y runs from 0 (top) to 1 (bottom) on screen, and the pose code
works with y measured upward from the ground line. Shapes are rasterised with coverage-based
anti-aliasing into any W x H pixel grid, so a 16:9 scene drawn into 64x64 looks exactly like a 16:9
frame stretched to 64x64, which is what the model sees after resizing whole frames.

The person is a side-view stick body (head, torso, upper/lower arms and legs, small feet) driven by
per-class joint-angle trajectories. Angles are in degrees: limbs that hang down (legs, arms) measure
their angle from the downward vertical, positive towards the facing direction; the torso measures its
lean from the upward vertical, positive forward. `rho` rotates the whole body forward (falls).
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import numpy as np

CLASSES = ["idle", "walk", "run", "wave", "jump", "fall", "sit_down", "stand_up", "squat_down", "rise"]
ASPECTS = (4.0 / 3.0, 16.0 / 9.0)
# Bumped whenever rendered pixels change, so dataset caches keyed on it are rebuilt.
RENDER_VERSION = "r7"
# The key-frame stride of the product model (s=4): transitions are laid out on its key frames (see
# `_mirror_on_key_frames`). Renderer r6 played a stand up as a sit down backwards about the clip's
# middle: a sit down then showed its start posture on the first key frame and its end posture on none,
# and the ANN-only model, which must not see order, got 61% of the sit down / stand up test clips and
# 70% of squat down / rise right.
KEY_STRIDE = 4

POSE_KEYS = ("rho", "lean", "tilt", "th_n", "kn_n", "th_f", "kn_f", "ar_n", "el_n", "ar_f", "el_f",
             "lift", "sway")
JOINTS = ("hip", "neck", "shoulder", "head", "knee_n", "ankle_n", "toe_n", "knee_f", "ankle_f",
          "toe_f", "elbow_n", "hand_n", "elbow_f", "hand_f")


def sample_aspect(rng: np.random.Generator) -> float:
    """Display aspect ratio of a training scene: the spec allows 4:3 and 16:9 frames."""
    return float(ASPECTS[rng.integers(len(ASPECTS))])


# ----------------------------------------------------------------------------------------------
# Body and style
# ----------------------------------------------------------------------------------------------

@dataclass
class Body:
    """Segment lengths and drawing radii in world units (fractions of frame height)."""
    height: float
    torso: float
    neck: float
    head_r: float
    shoulder_drop: float
    thigh: float
    shank: float
    ankle_h: float
    foot: float
    upper_arm: float
    forearm: float
    r_torso: float
    r_thigh: float
    r_shank: float
    r_upper_arm: float
    r_forearm: float
    r_foot: float


def _sample_body(rng: np.random.Generator, height: float, line_style: bool) -> Body:
    """Random proportions around an adult's, scaled so that standing height equals `height`."""
    j = lambda: rng.uniform(0.9, 1.1)
    torso, neck, head_r = 0.30 * j(), 0.035 * j(), 0.065 * rng.uniform(0.85, 1.2)
    thigh, shank, ankle_h = 0.245 * j(), 0.235 * j(), 0.03
    scale = height / (ankle_h + shank + thigh + torso + neck + 2 * head_r)
    thick = rng.uniform(0.7, 1.4)
    radii = np.array([0.075, 0.045, 0.038, 0.032, 0.026, 0.022]) * thick
    if line_style:
        radii = np.full(6, rng.uniform(0.012, 0.02))
    else:
        radii[0] *= rng.uniform(0.8, 1.3)  # torso width varies independently of limbs
    r = radii * height
    return Body(height, torso * scale, neck * scale, head_r * scale, 0.03 * scale, thigh * scale,
                shank * scale, ankle_h * scale, 0.075 * scale, 0.17 * j() * scale, 0.17 * j() * scale,
                r[0], r[1], r[2], r[3], r[4], r[5])


def _random_colour(rng: np.random.Generator, lo: float = 0.0, hi: float = 255.0) -> np.ndarray:
    return rng.uniform(lo, hi, 3).astype(np.float32)


def _luma(c: np.ndarray) -> float:
    return float(0.299 * c[0] + 0.587 * c[1] + 0.114 * c[2])


def _contrasting_colour(rng: np.random.Generator, against: np.ndarray) -> np.ndarray:
    """A colour that stands out from the background (by luma or hue); a few tries, then the best."""
    best, best_d = None, -1.0
    for _ in range(6):
        c = _random_colour(rng)
        d = max(abs(_luma(c) - _luma(against)), 0.5 * float(np.abs(c - against).max()))
        if d > best_d:
            best, best_d = c, d
        if d > 45:
            break
    return best


@dataclass
class Style:
    shirt: np.ndarray
    pants: np.ndarray
    skin: np.ndarray
    shoes: np.ndarray
    short_sleeves: bool
    outline: np.ndarray | None
    outline_w: float
    far_shade: float
    ring_head: bool


def _sample_style(rng: np.random.Generator, bg: np.ndarray, line_style: bool, height: float) -> Style:
    skin = np.array([rng.uniform(90, 255), 0, 0], np.float32)
    skin[1] = skin[0] * rng.uniform(0.65, 0.85)
    skin[2] = skin[0] * rng.uniform(0.45, 0.7)
    if rng.random() < 0.2:  # sometimes a non-skin head (mannequins, hoods, cartoon styles)
        skin = _contrasting_colour(rng, bg)
    outline = None
    if not line_style and rng.random() < 0.35:
        outline = _random_colour(rng, 0, 60) if rng.random() < 0.7 else _random_colour(rng, 200, 255)
    return Style(shirt=_contrasting_colour(rng, bg), pants=_contrasting_colour(rng, bg), skin=skin,
                 shoes=_random_colour(rng, 0, 120), short_sleeves=bool(rng.random() < 0.4),
                 outline=outline, outline_w=height * rng.uniform(0.006, 0.014),
                 far_shade=float(rng.uniform(0.6, 1.0)), ring_head=line_style and rng.random() < 0.5)


# ----------------------------------------------------------------------------------------------
# Pose trajectories (one function per class; all take t in seconds and the clip duration)
# ----------------------------------------------------------------------------------------------

def _smooth(p: np.ndarray) -> np.ndarray:
    p = np.clip(p, 0.0, 1.0)
    return p * p * (3 - 2 * p)


def _standing(rng: np.random.Generator, n: int) -> dict:
    """A relaxed standing pose, slightly different per person."""
    pose = {k: np.zeros(n) for k in POSE_KEYS}
    pose["kn_n"] += rng.uniform(0, 6)
    pose["kn_f"] += rng.uniform(0, 6)
    pose["ar_n"] += rng.uniform(-4, 10)
    pose["ar_f"] += rng.uniform(-10, 4)
    pose["el_n"] += rng.uniform(5, 20)
    pose["el_f"] += rng.uniform(5, 20)
    pose["tilt"] += rng.uniform(-10, 10)  # head held slightly up or down
    return pose


def _progress(rng: np.random.Generator, t: np.ndarray, dur: float, fps: float,
              lo: float = 0.55, hi: float = 0.85, end: float | None = None) -> np.ndarray:
    """Progress 0..1 of a transition that occupies most of the clip (or of 0..`end` seconds).

    The motion lasts lo..hi of that span, starts at or after the first frame and is complete by the last
    frame (or by `end`), so a transition clip always shows both its start and its end posture."""
    last = dur - 1.0 / fps
    length = min(last, dur * rng.uniform(lo, hi), 2.2)
    if end is not None:  # a second draw, after the one above: the r7 splits were rendered this way
        length, last = end * rng.uniform(lo, hi), end
    start = rng.uniform(0.0, max(last - length, 0.0))
    return np.clip((t - start) / length, 0.0, 1.0)


def _idle(rng, t, dur, fps):
    pose = _standing(rng, len(t))
    f, ph = rng.uniform(0.2, 0.7), rng.uniform(0, 2 * np.pi)
    pose["lean"] += rng.uniform(0.5, 2.0) * np.sin(2 * np.pi * f * t + ph)
    pose["sway"] += rng.uniform(0.003, 0.012) * np.sin(2 * np.pi * f * t + ph + rng.uniform(0, 1))
    pose["ar_n"] += rng.uniform(0, 2) * np.sin(2 * np.pi * f * t + ph)
    pose["ar_f"] += rng.uniform(0, 2) * np.sin(2 * np.pi * f * t + ph)
    return pose, 0.0


def _gait(rng, t, speed, amp, knee, arm, elbow, lean, stride_gain):
    """Alternating legs and opposite arm swing; the cycle rate follows from speed and stride."""
    pose = _standing(rng, len(t))
    leg = 0.48  # hip-to-sole length in body heights
    cycles_per_s = speed / (4 * leg * np.sin(np.radians(amp)) * stride_gain)
    psi = 2 * np.pi * cycles_per_s * t + rng.uniform(0, 2 * np.pi)
    for side, shift in (("n", 0.0), ("f", np.pi)):
        ph = psi + shift
        pose["th_" + side] = amp * np.sin(ph)
        # The knee bends while the thigh swings forward (foot in the air) and is nearly straight in stance.
        pose["kn_" + side] = 5 + knee * np.maximum(0.0, np.cos(ph)) ** 1.5
        pose["ar_" + side] = -arm * np.sin(ph) + rng.uniform(-3, 3)
        pose["el_" + side] = elbow + 0.3 * elbow * np.maximum(0.0, -np.sin(ph))
    pose["lean"] += lean
    return pose, psi


WALK_SPEED = (0.55, 1.25)  # body heights per second, inside the spec's 0.5-1.3
RUN_SPEED = (2.05, 3.45)  # inside the spec's 2.0-3.5


def _walk(rng, t, dur, fps, speed=None):
    speed = rng.uniform(*WALK_SPEED) if speed is None else speed
    pose, _ = _gait(rng, t, speed, amp=rng.uniform(20, 30), knee=rng.uniform(35, 60),
                    arm=rng.uniform(12, 30), elbow=rng.uniform(8, 25), lean=rng.uniform(0, 5),
                    stride_gain=1.0)
    return pose, speed


def _run(rng, t, dur, fps, speed=None):
    speed = rng.uniform(*RUN_SPEED) if speed is None else speed
    pose, psi = _gait(rng, t, speed, amp=rng.uniform(38, 50), knee=rng.uniform(80, 110),
                      arm=rng.uniform(30, 50), elbow=rng.uniform(75, 100), lean=rng.uniform(12, 22),
                      stride_gain=1.3)
    pose["lift"] += rng.uniform(0.02, 0.05) * np.sin(psi) ** 2  # flight phase between steps
    return pose, speed


def _wave(rng, t, dur, fps):
    pose = _standing(rng, len(t))
    side = "n" if rng.random() < 0.6 else "f"
    upper = rng.uniform(95, 150)
    freq, amp = rng.uniform(0.8, 2.0), rng.uniform(25, 45)
    swing = amp * np.sin(2 * np.pi * freq * t + rng.uniform(0, 2 * np.pi))
    pose["ar_" + side] = np.full(len(t), upper)
    # Forearm points up (180 degrees from hanging) and swings about that; elbow angle is relative.
    pose["el_" + side] = 180.0 - upper + swing
    pose["lean"] += rng.uniform(-2, 3)
    return pose, 0.0


def _jump(rng, t, dur, fps):
    pose = _standing(rng, len(t))
    flight, ground = rng.uniform(0.38, 0.5), rng.uniform(0.35, 0.6)
    height, crouch = rng.uniform(0.2, 0.32), rng.uniform(45, 80)
    # One apex falls exactly on a frame so the sampled clip always shows the required clearance.
    apex = rng.integers(3, max(4, int(round(dur * fps)) - 3)) / fps
    tau = np.mod(t - apex + flight / 2, flight + ground)
    air = tau < flight
    s = np.clip(tau / flight, 0, 1)
    g = np.clip((tau - flight) / ground, 0, 1)
    bend = np.where(air, 15.0, crouch * np.sin(np.pi * g))
    for side in ("n", "f"):
        pose["kn_" + side] = np.maximum(pose["kn_" + side], bend)
        pose["th_" + side] = 0.55 * bend
        pose["ar_" + side] = np.where(air, rng.uniform(90, 160) * np.sin(np.pi * s), -25 * np.sin(np.pi * g))
    pose["lean"] += 0.35 * bend
    pose["lift"] = np.where(air, height * 4 * s * (1 - s), 0.0)
    return pose, 0.0


def _fall(rng, t, dur, fps):
    pose = _standing(rng, len(t))
    p = _progress(rng, t, dur, fps, 0.4, 0.65)
    direction = 1.0 if rng.random() < 0.65 else -1.0
    # Gravity: the body tips slowly, then accelerates to the ground.
    pose["rho"] = direction * rng.uniform(86, 94) * p ** 2
    buckle = rng.uniform(30, 70) * np.sin(np.pi * p)
    for side in ("n", "f"):
        pose["kn_" + side] += buckle
        pose["th_" + side] = 0.5 * buckle
        # Arms end along the ground, by the sides or stretched past the head, not propping the body:
        # for a face-down body "forward" points into the ground, so those angles stay at or below 0/180.
        reach = rng.uniform(-15, 0) if rng.random() < 0.5 else rng.uniform(172, 188)
        pose["ar_" + side] = pose["ar_" + side] * (1 - _smooth(p)) + direction * reach * _smooth(p)
        pose["el_" + side] *= 1 - _smooth(p)
    pose["lean"] += rng.uniform(0, 5) * _smooth(p)
    pose["tilt"] *= 1 - _smooth(p)
    return pose, 0.0


def _lower_params(rng: np.random.Generator) -> dict:
    """End posture of sitting down and of squatting: one distribution for both.

    The spec says the pairs differ only in the static chair, so the body must not tell them apart:
    hips end at or below the knees (a deep squat, or a low seat) with the same knee bend, lean and
    arms. A renderer whose squat were deeper would let the residual frames separate the pair."""
    end = dict(th=rng.uniform(92, 110), kn=rng.uniform(85, 135), lean=rng.uniform(0, 30))
    end["peak"] = rng.uniform(12, 30)
    mode = rng.integers(3)  # arms hang, reach forward, or rest on the thighs
    end["ar"] = [rng.uniform(0, 10), rng.uniform(35, 85), rng.uniform(25, 55)][mode]
    end["el"] = [rng.uniform(5, 20), rng.uniform(5, 40), rng.uniform(30, 70)][mode]
    return end


def _lower(rng, t, dur, fps, end: dict, motion_end: float | None = None):
    """Standing -> seated/squatting with feet planted; progress from `_progress` (done by `motion_end`)."""
    pose = _standing(rng, len(t))
    p = _progress(rng, t, dur, fps, end=motion_end)
    s = _smooth(p)
    for side in ("n", "f"):
        pose["th_" + side] = end["th"] * s
        pose["kn_" + side] = pose["kn_" + side] * (1 - s) + end["kn"] * s
        pose["ar_" + side] = pose["ar_" + side] * (1 - s) + end["ar"] * s
        pose["el_" + side] = pose["el_" + side] * (1 - s) + end["el"] * s
    # Leaning forward moves the weight over the feet mid-way, as people do.
    pose["lean"] = end["lean"] * s + end["peak"] * np.sin(np.pi * p)
    return pose, 0.0


def _reverse(pose: dict) -> dict:
    return {k: v[::-1].copy() for k, v in pose.items()}


def _mirror_on_key_frames(pose: dict, last_key: int) -> dict:
    """Frame t shows frame last_key - t (the motion lies within 0..last_key), and the end posture is
    held after last_key. The key frames 0, s, .., last_key then show the same postures in reverse order,
    and the ANN, which averages its key frames' logits, cannot tell the pair apart."""
    n = len(next(iter(pose.values())))
    index = np.maximum(last_key - np.arange(n), 0)
    return {k: v[index].copy() for k, v in pose.items()}


def _class_pose(label: int, rng: np.random.Generator, t: np.ndarray, dur: float, fps: float):
    """Pose trajectory and travel speed (body heights/s) of a clip of class `label`.

    stand_up and rise are sit_down and squat_down with the same random draws played backwards about
    the middle of the key frames (`_mirror_on_key_frames`), so a pair shows the same postures on the key
    frames and differs only in the order of the frames between them."""
    name = CLASSES[label]
    if name in ("sit_down", "stand_up", "squat_down", "rise"):
        last_key = (len(t) - 1) // KEY_STRIDE * KEY_STRIDE
        pose, speed = _lower(rng, t, dur, fps, _lower_params(rng), motion_end=t[last_key])
        return (_mirror_on_key_frames(pose, last_key) if name in ("stand_up", "rise") else pose), speed
    return {"idle": _idle, "walk": _walk, "run": _run, "wave": _wave, "jump": _jump,
            "fall": _fall}[name](rng, t, dur, fps)


# ----------------------------------------------------------------------------------------------
# Kinematics
# ----------------------------------------------------------------------------------------------

def _down(angle_rad: np.ndarray, facing: float) -> np.ndarray:
    """Unit vector of a hanging limb at `angle` from the downward vertical (y up)."""
    return np.stack([facing * np.sin(angle_rad), -np.cos(angle_rad)], -1)


def _up(angle_rad: np.ndarray, facing: float) -> np.ndarray:
    """Unit vector of the torso leaning `angle` forward from the upward vertical (y up)."""
    return np.stack([facing * np.sin(angle_rad), np.cos(angle_rad)], -1)


def _kinematics(body: Body, pose: dict, facing: float) -> dict:
    """Joint positions relative to the hip (y up), [T,2] each."""
    r = {k: np.radians(v) for k, v in pose.items() if k not in ("lift", "sway")}
    n = len(pose["rho"])
    torso_w = r["rho"] + r["lean"]
    up = _up(torso_w, facing)
    j = {"hip": np.zeros((n, 2))}
    j["neck"] = body.torso * up
    j["shoulder"] = j["neck"] - body.shoulder_drop * up
    j["head"] = j["neck"] + (body.neck + body.head_r) * _up(torso_w + r["tilt"], facing)
    for s in ("n", "f"):
        thigh_w = r["th_" + s] - r["rho"]
        shank_w = thigh_w - r["kn_" + s]
        j["knee_" + s] = body.thigh * _down(thigh_w, facing)
        j["ankle_" + s] = j["knee_" + s] + body.shank * _down(shank_w, facing)
        # The foot is perpendicular to the shank, pointing forward.
        j["toe_" + s] = j["ankle_" + s] + body.foot * _down(shank_w + np.pi / 2, facing)
        arm_w = r["ar_" + s] - torso_w
        j["elbow_" + s] = j["shoulder"] + body.upper_arm * _down(arm_w, facing)
        j["hand_" + s] = j["elbow_" + s] + body.forearm * _down(arm_w + r["el_" + s], facing)
    return j


def _contact_radii(body: Body) -> dict:
    return {"hip": body.r_torso, "neck": body.r_torso, "shoulder": body.r_torso, "head": body.head_r,
            "knee_n": body.r_thigh, "knee_f": body.r_thigh, "ankle_n": body.ankle_h,
            "ankle_f": body.ankle_h, "toe_n": body.r_foot, "toe_f": body.r_foot,
            "elbow_n": body.r_upper_arm, "elbow_f": body.r_upper_arm, "hand_n": body.r_forearm,
            "hand_f": body.r_forearm}


def _place(body: Body, rel: dict, pose: dict, hip_x: np.ndarray) -> dict:
    """World joints (y up from the ground): the lowest body point rests on the ground, plus lift."""
    radii = _contact_radii(body)
    lowest = np.min(np.stack([rel[k][:, 1] - radii[k] for k in rel], 0), 0)
    hip_y = -lowest + pose["lift"] * body.height
    offset = np.stack([hip_x, hip_y], -1)
    return {k: v + offset for k, v in rel.items()}


def _anchored_hip_x(rel: dict, pose: dict, body: Body, anchor: float) -> np.ndarray:
    """Hip x that keeps the feet planted at `anchor` (mean ankle x), plus sway."""
    feet = 0.5 * (rel["ankle_n"][:, 0] + rel["ankle_f"][:, 0])
    return anchor - feet + pose["sway"] * body.height


# ----------------------------------------------------------------------------------------------
# Rasterisation
# ----------------------------------------------------------------------------------------------

class Canvas:
    """Pixel-centre world coordinates of a W x H grid showing a scene of the given aspect."""

    def __init__(self, width: int, height: int, aspect: float):
        self.w, self.h, self.aspect = width, height, aspect
        self.pw, self.ph = aspect / width, 1.0 / height
        self.x = ((np.arange(width) + 0.5) * self.pw).astype(np.float32)
        self.y = ((np.arange(height) + 0.5) * self.ph).astype(np.float32)

    def cols(self, x0: float, x1: float) -> slice:
        return slice(int(np.clip(np.floor(x0 / self.pw), 0, self.w)), int(np.clip(np.ceil(x1 / self.pw), 0, self.w)))

    def rows(self, y0: float, y1: float) -> slice:
        return slice(int(np.clip(np.floor(y0 / self.ph), 0, self.h)), int(np.clip(np.ceil(y1 / self.ph), 0, self.h)))


def _capsule_cover(cv: Canvas, a: np.ndarray, b: np.ndarray, radius: float, ys: slice, xs: slice,
                   ring: float = 0.0) -> np.ndarray:
    """Coverage [T,h,w] of capsules a-b (screen coords, [T,2]) over a sub-grid.

    Coverage is the signed distance to the capsule edge divided by the pixel's extent along the edge
    normal (a box filter), which anti-aliases correctly on non-square pixels too. With `ring` > 0 the
    shape is a circle outline of that half-width around radius (a == b)."""
    px = cv.x[xs][None, None, :]
    py = cv.y[ys][None, :, None]
    ax, ay = a[:, 0, None, None].astype(np.float32), a[:, 1, None, None].astype(np.float32)
    abx, aby = (b[:, 0] - a[:, 0])[:, None, None], (b[:, 1] - a[:, 1])[:, None, None]
    dx, dy = px - ax, py - ay
    h = np.clip((dx * abx + dy * aby) / (abx * abx + aby * aby + 1e-12), 0.0, 1.0)
    ex, ey = dx - h * abx, dy - h * aby
    d = np.sqrt(ex * ex + ey * ey) + 1e-9
    foot = (np.abs(ex) * cv.pw + np.abs(ey) * cv.ph) / d + 1e-9
    if ring > 0:
        return np.clip((ring - np.abs(d - radius)) / foot + 0.5, 0.0, 1.0)
    return np.clip((radius - d) / foot + 0.5, 0.0, 1.0)


def _draw_capsules(img: np.ndarray, cv: Canvas, segs: list, colour: np.ndarray, grow: float = 0.0,
                   ring: float = 0.0) -> None:
    """Composite the union of capsules (a, b, radius) in one colour onto img [T,H,W,3], in place."""
    pts = np.concatenate([np.concatenate([a, b], 0) for a, b, _ in segs], 0)
    rmax = max(r for _, _, r in segs) + grow + ring + 2 * max(cv.pw, cv.ph)
    xs = cv.cols(pts[:, 0].min() - rmax, pts[:, 0].max() + rmax)
    ys = cv.rows(pts[:, 1].min() - rmax, pts[:, 1].max() + rmax)
    if xs.stop <= xs.start or ys.stop <= ys.start:
        return
    cover = None
    for a, b, r in segs:
        c = _capsule_cover(cv, a, b, r + grow, ys, xs, ring)
        cover = c if cover is None else np.maximum(cover, c)
    region = img[:, ys, xs]
    region += cover[..., None] * (colour - region)


def _draw_rect(img: np.ndarray, cv: Canvas, x0: float, x1: float, y0: float, y1: float,
               colour: np.ndarray) -> None:
    """Exact-coverage axis-aligned rectangle (screen coords) on a static image [H,W,3]."""
    cx = np.clip((np.minimum(cv.x + cv.pw / 2, x1) - np.maximum(cv.x - cv.pw / 2, x0)) / cv.pw, 0, 1)
    cy = np.clip((np.minimum(cv.y + cv.ph / 2, y1) - np.maximum(cv.y - cv.ph / 2, y0)) / cv.ph, 0, 1)
    cover = cy[:, None, None] * cx[None, :, None]
    img += cover * (colour - img)


def _draw_person(img: np.ndarray, cv: Canvas, joints: dict, body: Body, style: Style,
                 ground_y: float) -> None:
    """Far limbs, torso, near leg, head, near arm: back to front in a side view."""
    s = {k: np.stack([v[:, 0], ground_y - v[:, 1]], -1) for k, v in joints.items()}

    def leg(side):
        return [(s["hip"], s["knee_" + side], body.r_thigh), (s["knee_" + side], s["ankle_" + side], body.r_shank)]

    def arm(side):
        return [(s["shoulder"], s["elbow_" + side], body.r_upper_arm),
                (s["elbow_" + side], s["hand_" + side], body.r_forearm)]

    def foot(side):
        return [(s["ankle_" + side], s["toe_" + side], body.r_foot)]

    def layer(segs, colour, shade=1.0, ring=0.0):
        colour = (colour * shade).astype(np.float32)
        if style.outline is not None:
            _draw_capsules(img, cv, segs, style.outline, grow=style.outline_w, ring=ring)
        _draw_capsules(img, cv, segs, colour, ring=ring)

    def draw_arm(side, shade):
        if style.short_sleeves:
            layer(arm(side)[1:], style.skin, shade)
            layer(arm(side)[:1], style.shirt, shade)
        else:
            layer(arm(side), style.shirt, shade)

    fs = style.far_shade
    layer(leg("f"), style.pants, fs)
    layer(foot("f"), style.shoes, fs)
    draw_arm("f", fs)
    layer([(s["hip"], s["neck"], body.r_torso)], style.shirt)
    layer(leg("n"), style.pants)
    layer(foot("n"), style.shoes)
    ring = body.r_torso if style.ring_head else 0.0
    layer([(s["head"], s["head"], body.head_r)], style.skin, ring=ring)
    draw_arm("n", 1.0)


# ----------------------------------------------------------------------------------------------
# Scene: background, clutter, chairs
# ----------------------------------------------------------------------------------------------

def _background(rng: np.random.Generator, cv: Canvas, ground_y: float) -> np.ndarray:
    """Wall and floor with a random gradient and one of several textures, in world coordinates."""
    wall, floor = _random_colour(rng, 20, 235), _random_colour(rng, 20, 235)
    if rng.random() < 0.3:
        floor = np.clip(wall * rng.uniform(0.6, 1.3), 0, 255).astype(np.float32)
    X, Y = np.meshgrid(cv.x, cv.y)
    is_floor = (Y > ground_y)[..., None]
    img = np.where(is_floor, floor, wall).astype(np.float32)
    grad = 1.0 + rng.uniform(-0.25, 0.25) * (Y - 0.5) + rng.uniform(-0.15, 0.15) * (X / cv.aspect - 0.5)
    img *= grad[..., None]
    kind = rng.integers(5)
    if kind == 1:  # smooth blotches
        k = rng.uniform(-1, 1, (4, 2, 3)).astype(np.float32)
        fx = rng.uniform(1, 6, 4)
        fy = rng.uniform(1, 6, 4)
        tex = sum(np.sin(fx[i] * X * np.pi + k[i, 0, 0] * 3)[..., None] * np.sin(fy[i] * Y * np.pi + k[i, 1, 0] * 3)[..., None] * k[i, 0] for i in range(4))
        img += rng.uniform(10, 35) * tex
    elif kind == 2:  # vertical panels or stripes on the wall
        period = rng.uniform(0.05, 0.3)
        img += np.where(is_floor, 0, rng.uniform(8, 30) * np.sign(np.sin(2 * np.pi * X / period))[..., None])
    elif kind == 3:  # floor tiles / horizon lines
        period = rng.uniform(0.03, 0.12)
        img += np.where(is_floor, rng.uniform(8, 30) * np.sign(np.sin(2 * np.pi * X / period + 20 * Y))[..., None], 0)
    elif kind == 4:  # fine static grain (fabric, gravel)
        img += rng.normal(0, rng.uniform(3, 12), img.shape).astype(np.float32)
    if rng.random() < 0.6:  # visible ground line
        _draw_rect(img, cv, 0, cv.aspect, ground_y - 0.004, ground_y + 0.004, _random_colour(rng, 0, 255))
    return img


def _chair_geometry(hip_x: float, seat_top: float, facing: float, h: float, rng: np.random.Generator,
                    bg: np.ndarray) -> dict:
    """Chair under a seated hip (world coords, y up); the backrest is behind the sitter.

    Its seat reaches well behind the hip and its backrest is tall, so a seated person does not hide it."""
    back = hip_x - facing * rng.uniform(0.13, 0.2) * h
    front = hip_x + facing * rng.uniform(0.1, 0.18) * h
    return dict(x0=min(back, front), x1=max(back, front), back=back, front=front, seat=seat_top,
                thick=rng.uniform(0.04, 0.065) * h, back_h=rng.uniform(0.3, 0.45) * h,
                leg_w=rng.uniform(0.018, 0.03) * h, colour=_contrasting_colour(rng, bg))


def _draw_chair(img: np.ndarray, cv: Canvas, chair: dict, ground_y: float) -> None:
    """Seat slab, two legs and a backrest, drawn on a static image [H,W,3]."""
    c, sy, lw = chair["colour"], ground_y - chair["seat"], chair["leg_w"]
    _draw_rect(img, cv, chair["x0"], chair["x1"], sy, sy + chair["thick"], c)
    for x in (chair["back"], chair["front"]):
        inset = np.sign(chair["front"] - chair["back"]) * lw * (1 if x == chair["back"] else -1)
        xl = x + inset
        _draw_rect(img, cv, xl - lw, xl + lw, sy, ground_y, c)
    xb = chair["back"] + np.sign(chair["front"] - chair["back"]) * lw
    _draw_rect(img, cv, xb - 1.3 * lw, xb + 1.3 * lw, sy - chair["back_h"], sy, c)


def _free_spots(occupied: list, aspect: float, width: float) -> list:
    """Intervals [lo, hi] of admissible left edges for an object of `width` that avoids `occupied`."""
    edges = [(0.0, 0.0)] + sorted(occupied) + [(aspect, aspect)]
    spots = []
    for (_, a_hi), (b_lo, _) in zip(edges[:-1], edges[1:]):
        if b_lo - a_hi > width:
            spots.append((a_hi, b_lo - width))
    return spots


def _clutter(img: np.ndarray, cv: Canvas, rng: np.random.Generator, ground_y: float, person_h: float,
             keep_clear: list) -> None:
    """Boxes, poles and a stray chair, placed outside `keep_clear` x-intervals (static)."""
    occupied = list(keep_clear)
    for _ in range(rng.integers(0, 4)):
        kind = rng.choice(["box", "pole", "chair"], p=[0.5, 0.3, 0.2])
        w = {"box": rng.uniform(0.1, 0.35), "pole": rng.uniform(0.015, 0.04), "chair": 0.3}[kind] * person_h
        spots = _free_spots(occupied, cv.aspect, w)
        if not spots:
            return
        lo, hi = spots[rng.integers(len(spots))]
        x0 = rng.uniform(lo, hi)
        occupied.append((x0, x0 + w))
        colour = _random_colour(rng, 0, 255)
        if kind == "box":
            bh = rng.uniform(0.1, 0.5) * person_h
            _draw_rect(img, cv, x0, x0 + w, ground_y - bh, ground_y, colour)
            if rng.random() < 0.5:  # lid line
                _draw_rect(img, cv, x0, x0 + w, ground_y - bh, ground_y - bh + 0.1 * bh, colour * 0.7)
        elif kind == "pole":
            _draw_rect(img, cv, x0, x0 + w, ground_y - rng.uniform(0.5, 1.3) * person_h, ground_y, colour)
        else:
            face = 1.0 if rng.random() < 0.5 else -1.0
            hip = x0 + 0.15 * person_h
            chair = _chair_geometry(hip, rng.uniform(0.22, 0.3) * person_h, face, person_h, rng, img.mean((0, 1)))
            _draw_chair(img, cv, chair, ground_y)


# ----------------------------------------------------------------------------------------------
# Camera: brightness drift, jitter, noise, compression
# ----------------------------------------------------------------------------------------------

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
class _CameraSettings:
    """Per-video camera nuisances, fixed so that chunks of a long video match each other."""
    gain0: float
    drift: float
    jitter: float
    sigma: float
    quality: float | None
    chroma_420: bool


def _sample_camera(rng: np.random.Generator, compress: bool) -> _CameraSettings:
    return _CameraSettings(gain0=rng.uniform(0.85, 1.15), drift=rng.uniform(-0.15, 0.15),
                           jitter=rng.uniform(0.0, 1.0), sigma=rng.uniform(0.0, 6.0),
                           quality=rng.uniform(25, 92) if compress and rng.random() < 0.85 else None,
                           chroma_420=bool(rng.random() < 0.7))


def _camera(frames: np.ndarray, rng: np.random.Generator, cam: _CameraSettings, ramp: np.ndarray) -> np.ndarray:
    """Brightness drift (gain follows `ramp` in 0..1), jitter, sensor noise, compression -> uint8."""
    frames = frames * (cam.gain0 * (1 + cam.drift * ramp)).astype(np.float32)[:, None, None, None]
    frames = _jitter(frames, rng, cam.jitter)
    if cam.sigma > 0.3:
        frames = frames + _sensor_noise(frames.shape, rng) * np.float32(cam.sigma)
    if cam.quality is not None:
        frames = _compress(frames, cam.quality, cam.chroma_420)
    return np.clip(frames + 0.5, 0, 255).astype(np.uint8)


# ----------------------------------------------------------------------------------------------
# Clip rendering
# ----------------------------------------------------------------------------------------------

@dataclass
class _Actor:
    body: Body
    style: Style


def _scene_layout(rng: np.random.Generator, jump_room: float, heights: tuple = (0.35, 0.75)):
    """Body height and ground line; the head (and a jump's apex) mostly stays inside the frame."""
    height = rng.uniform(*heights)
    ground_y = rng.uniform(0.8, 0.97)
    ground_y = min(0.98, max(ground_y, height * (1 + jump_room) + 0.03))
    return height, ground_y


def _x_extent(joints: dict, margin: float) -> tuple:
    xs = np.concatenate([v[:, 0] for v in joints.values()])
    return float(xs.min() - margin), float(xs.max() + margin)


def _clip_root(rng: np.random.Generator, rel: dict, pose: dict, body: Body, speed: float,
               facing: float, t: np.ndarray, dur: float, aspect: float) -> np.ndarray:
    """Hip x over time: travelling classes cross the middle of the frame, others stand anywhere
    (leaving room behind a sitter for the chair)."""
    h = body.height
    if speed > 0:
        # A path that fits in the frame lies wholly inside it; a longer one is centred so the person
        # is seen for as much of the clip as the static camera allows.
        half = 0.5 * speed * h * dur
        slack = max(0.0, aspect / 2 - half - 0.2 * h)
        mid = aspect / 2 + rng.uniform(-1, 1) * slack
        return mid + facing * speed * h * (t - dur / 2)
    # Place the planted feet so the whole action (a fall's lying body, a chair behind a sitter) fits.
    hip0 = _anchored_hip_x(rel, pose, body, 0.0)
    xs = np.concatenate([v[:, 0] + hip0 for v in rel.values()])
    lo, hi = -xs.min() + 0.25 * h, aspect - xs.max() - 0.25 * h
    anchor = rng.uniform(lo, hi) if hi > lo else (lo + hi) / 2
    return _anchored_hip_x(rel, pose, body, anchor)


def _sample_actor(rng: np.random.Generator, height: float, bg_colour: np.ndarray) -> _Actor:
    line_style = bool(rng.random() < 0.25)
    return _Actor(_sample_body(rng, height, line_style), _sample_style(rng, bg_colour, line_style, height))


def render_clip(label: int, seed: int, width: int = 64, height: int = 64, frames: int = 16, fps: float = 8.0,
                aspect: float | None = None, compress: bool = True, return_meta: bool = False):
    """Render one clip of class `label`: uint8 [frames, height, width, 3] RGB.

    With return_meta=True also returns a dict: joints (name -> [frames,2] world coords, y up from the
    ground, in frame heights), body_height, ground_y, aspect, facing, speed, chair (or None)."""
    aspect = width / height if aspect is None else float(aspect)
    name = CLASSES[label]
    pose_rng, actor_rng, scene_rng, cam_rng = (np.random.default_rng(s) for s in np.random.SeedSequence(seed).spawn(4))
    # Pose, body and placement come from streams that do not depend on the label, so paired classes
    # (sit_down/stand_up, squat_down/rise) rendered with one seed mirror each other exactly.
    person_h, ground_y = _scene_layout(actor_rng, 0.35 if name == "jump" else 0.0)
    cv = Canvas(width, height, aspect)
    bg = _background(scene_rng, cv, ground_y)
    actor = _sample_actor(actor_rng, person_h, bg.reshape(-1, 3).mean(0))
    facing = 1.0 if actor_rng.random() < 0.5 else -1.0
    t = np.arange(frames) / fps
    dur = frames / fps
    pose, speed = _class_pose(label, pose_rng, t, dur, fps)
    rel = _kinematics(actor.body, pose, facing)
    hip_x = _clip_root(actor_rng, rel, pose, actor.body, speed, facing, t, dur, aspect)
    joints = _place(actor.body, rel, pose, hip_x)

    chair = None
    keep_clear = [] if speed > 0 else [_x_extent(joints, 0.25 * person_h)]
    if name in ("sit_down", "stand_up"):
        k = int(np.argmin(joints["hip"][:, 1]))  # the seated frame
        chair = _chair_geometry(float(joints["hip"][k, 0]), float(joints["hip"][k, 1] - actor.body.r_thigh),
                                facing, person_h, scene_rng, bg.reshape(-1, 3).mean(0))
        keep_clear.append((chair["x0"] - 0.05 * person_h, chair["x1"] + 0.05 * person_h))
    _clutter(bg, cv, scene_rng, ground_y, person_h, keep_clear)
    if chair is not None:
        _draw_chair(bg, cv, chair, ground_y)

    img = np.repeat(bg[None], frames, 0)
    _draw_person(img, cv, joints, actor.body, actor.style, ground_y)
    out = _camera(img, cam_rng, _sample_camera(cam_rng, compress), np.linspace(0.0, 1.0, frames))
    if not return_meta:
        return out
    meta = dict(joints=joints, body_height=person_h, ground_y=ground_y, aspect=aspect, facing=facing,
                speed=speed, chair=chair, r_thigh=actor.body.r_thigh)
    return out, meta

# ----------------------------------------------------------------------------------------------
# Long videos
# ----------------------------------------------------------------------------------------------

@dataclass
class _Segment:
    label: str
    start: int
    joints: dict


class _LongPlanner:
    """Chains 2-4 s actions with continuous posture and position: sit_down is followed by stand_up,
    squat_down by rise, a fall ends the video, and the person walks to the one static chair before
    sitting. Walks and runs head for the side with more room so the person stays in view."""

    def __init__(self, rng, body: Body, aspect: float, fps: float, chair_hip_x: float, chair_facing: float,
                 sit_end: dict):
        self.rng, self.body, self.aspect, self.fps = rng, body, aspect, fps
        self.chair_hip_x, self.chair_facing, self.sit_end = chair_hip_x, chair_facing, sit_end
        self.segments: list = []
        self.frame = 0

    def add(self, label: str, pose: dict, facing: float, hip_x: np.ndarray) -> float:
        rel = _kinematics(self.body, pose, facing)
        hip = hip_x(rel) if callable(hip_x) else hip_x
        self.segments.append(_Segment(label, self.frame, _place(self.body, rel, pose, hip)))
        self.frame += len(hip)
        return float(hip[-1])

    def anchored(self, label: str, pose: dict, facing: float, x: float) -> float:
        """A planted action whose first hip position is x."""
        def hip(rel):
            h = _anchored_hip_x(rel, pose, self.body, 0.0)
            return h - h[0] + x
        return self.add(label, pose, facing, hip)

    def travel(self, label: str, t: np.ndarray, x: float, target: float) -> float:
        h = self.body.height
        facing = 1.0 if target > x else -1.0
        speed = abs(target - x) / (h * len(t) / self.fps)
        pose, _ = (_walk if label == "walk" else _run)(self.rng, t, len(t) / self.fps, self.fps, speed)
        return self.add(label, pose, facing, x + facing * speed * h * t)

    def sit_start(self, t: np.ndarray) -> tuple:
        """The sit_down pose and the hip x it must start from to land on the chair."""
        pose, _ = _lower(self.rng, t, len(t) / self.fps, self.fps, self.sit_end)
        rel = _kinematics(self.body, pose, self.chair_facing)
        h = _anchored_hip_x(rel, pose, self.body, 0.0)
        return pose, self.chair_hip_x - (h[-1] - h[0])


def _plan_long(planner: _LongPlanner, n_frames: int, x: float, facing: float) -> list:
    rng, fps, h, aspect = planner.rng, planner.fps, planner.body.height, planner.aspect
    margin = 0.3 * h
    posture, squat_end = "stand", None
    while planner.frame < n_frames and posture != "lying":
        left = n_frames - planner.frame
        n = int(round(rng.uniform(2.0, 4.0) * fps))
        if left - n < 2 * fps:  # never leave a tail shorter than 2 s
            n = left if left <= 4 * fps else left - int(2 * fps)
        t = np.arange(n) / fps
        dur = n / fps
        if posture == "seated":
            pose, _ = _lower(rng, t, dur, fps, planner.sit_end)
            x = planner.anchored("stand_up", _reverse(pose), planner.chair_facing, x)
            posture, facing = "stand", planner.chair_facing
            continue
        if posture == "squat":
            pose, _ = _lower(rng, t, dur, fps, squat_end)
            x = planner.anchored("rise", _reverse(pose), facing, x)
            posture = "stand"
            continue
        choice = rng.choice(["idle", "walk", "run", "wave", "jump", "sit_down", "squat_down", "fall"],
                            p=[0.12, 0.2, 0.1, 0.12, 0.12, 0.16, 0.12, 0.06])
        room = (aspect - margin - x, x - margin)  # ahead to the right, to the left
        go_right = room[0] >= room[1]
        reach = max(room) / (h * dur)  # fastest speed that stays in view
        if choice == "run" and reach < RUN_SPEED[0]:
            choice = "walk"
        if choice == "walk" and reach < WALK_SPEED[0]:
            choice = "idle"
        if choice in ("walk", "run"):
            lo, hi = WALK_SPEED if choice == "walk" else RUN_SPEED
            dist = rng.uniform(lo, min(hi, reach)) * h * dur
            x = planner.travel(choice, t, x, x + dist if go_right else x - dist)
            facing = 1.0 if go_right else -1.0
            continue
        if choice == "sit_down":
            pose, start = planner.sit_start(t)
            dist = abs(start - x)
            walk_n = int(np.clip(round(dist / (h * 0.9) * fps), 2 * fps, 4 * fps))
            if dist < 0.03 * h:
                walk_n = 0
            elif not WALK_SPEED[0] <= dist / (h * walk_n / fps) <= WALK_SPEED[1]:
                walk_n = -1  # too near (or far) for a 2-4 s walk: step away first, sit later
            if walk_n >= 0 and (left == walk_n + n or left >= walk_n + n + 2 * fps):
                if walk_n:
                    x = planner.travel("walk", np.arange(walk_n) / fps, x, start)
                # Turns round in front of the chair if needed, then sits.
                x = planner.anchored("sit_down", pose, planner.chair_facing, start)
                posture = "seated"
                continue
            if walk_n < 0 and reach >= WALK_SPEED[0]:
                dist = rng.uniform(WALK_SPEED[0], min(WALK_SPEED[1], reach)) * h * dur
                x = planner.travel("walk", t, x, x + dist if go_right else x - dist)
                facing = 1.0 if go_right else -1.0
                continue
            choice = "idle"
        if choice == "squat_down":
            if abs(x - planner.chair_hip_x) < 0.8 * h:  # never squat in front of the chair
                choice = "wave"
            else:
                squat_end = _lower_params(rng)
                pose, _ = _lower(rng, t, dur, fps, squat_end)
                x = planner.anchored("squat_down", pose, facing, x)
                posture = "squat"
                continue
        if choice == "fall" and left - n > 0:
            choice = "idle"  # a fall only ends the video
        pose, _ = {"idle": _idle, "wave": _wave, "jump": _jump, "fall": _fall}[choice](rng, t, dur, fps)
        x = planner.anchored(choice, pose, facing, x)
        if choice == "fall":
            posture = "lying"  # the last segment: nothing in this benchmark gets a person up again
    return planner.segments


def render_long_video(seed: int, width: int, height: int, fps: float = 8.0, duration_s: float = 60.0,
                      aspect: float | None = None, compress: bool = True, return_meta: bool = False):
    """A multi-action video of one person: frames uint8 [N,H,W,3] and the timeline, a list of
    {"label", "start_s", "end_s"} covering the whole video in order.

    With return_meta=True also returns a dict: joints (name -> [N,2] world coords, as for
    `render_clip`), body_height, and chair_hip_x (where a sitter's hip lands on the one chair)."""
    aspect = width / height if aspect is None else float(aspect)
    plan_rng, actor_rng, scene_rng, cam_rng = (np.random.default_rng(s) for s in np.random.SeedSequence([seed, 99]).spawn(4))
    # A small person, so that walks and some runs fit in the frame.
    person_h, ground_y = _scene_layout(actor_rng, 0.35, heights=(0.35, 0.42))
    cv = Canvas(width, height, aspect)
    bg = _background(scene_rng, cv, ground_y)
    actor = _sample_actor(actor_rng, person_h, bg.reshape(-1, 3).mean(0))
    body = actor.body

    # The chair: its seat height follows from this person's sitting posture.
    sit_end = _lower_params(plan_rng)
    chair_facing = 1.0 if plan_rng.random() < 0.5 else -1.0
    seated = _kinematics(body, _lower(plan_rng, np.array([10.0]), 2.0, fps, sit_end)[0], chair_facing)
    seated = _place(body, seated, {"lift": np.zeros(1)}, np.zeros(1))
    chair_hip_x = float(plan_rng.uniform(0.3, 0.7) * aspect)
    chair = _chair_geometry(chair_hip_x, float(seated["hip"][0, 1] - body.r_thigh), chair_facing, person_h,
                            scene_rng, bg.reshape(-1, 3).mean(0))

    n_frames = int(round(duration_s * fps))
    planner = _LongPlanner(plan_rng, body, aspect, fps, chair_hip_x, chair_facing, sit_end)
    start_x = float(plan_rng.uniform(0.2, 0.8) * aspect)
    segments = _plan_long(planner, n_frames, start_x, 1.0 if plan_rng.random() < 0.5 else -1.0)
    joints = {k: np.concatenate([s.joints[k] for s in segments])[:n_frames] for k in JOINTS}

    _clutter(bg, cv, scene_rng, ground_y, person_h,
             [_x_extent(joints, 0.25 * person_h), (chair["x0"] - 0.1 * person_h, chair["x1"] + 0.1 * person_h)])
    _draw_chair(bg, cv, chair, ground_y)
    cam = _sample_camera(cam_rng, compress)
    # Slow back-and-forth drift instead of one ramp over minutes.
    ramp = 0.5 - 0.5 * np.cos(2 * np.pi * np.arange(n_frames) / (fps * cam_rng.uniform(8, 20)))
    out = np.empty((n_frames, height, width, 3), np.uint8)
    for a in range(0, n_frames, 32):
        b = min(a + 32, n_frames)
        img = np.repeat(bg[None], b - a, 0)
        _draw_person(img, cv, {k: v[a:b] for k, v in joints.items()}, body, actor.style, ground_y)
        out[a:b] = _camera(img, cam_rng, cam, ramp[a:b])
    timeline = [{"label": s.label, "start_s": s.start / fps,
                 "end_s": min(n_frames, s.start + len(s.joints["hip"])) / fps} for s in segments]
    if not return_meta:
        return out, timeline
    return out, timeline, dict(joints=joints, body_height=person_h, chair_hip_x=chair_hip_x)


# ----------------------------------------------------------------------------------------------
# Splits
# ----------------------------------------------------------------------------------------------

# Seed = split base + class * _CLASS_STRIDE + index; bases far apart keep the splits disjoint, and a
# split with more clips per class contains the smaller one.
_SPLIT_BASE = {"train": 0, "val": 100_000_000, "test": 200_000_000}
_CLASS_STRIDE = 1_000_000


def split_seeds(split: str, clips_per_class: int) -> tuple:
    """Labels and seeds (int64 arrays) of a synthetic split, class-major."""
    if clips_per_class > _CLASS_STRIDE:
        raise ValueError(f"at most {_CLASS_STRIDE} clips per class")
    labels = np.repeat(np.arange(len(CLASSES)), clips_per_class)
    index = np.tile(np.arange(clips_per_class), len(CLASSES))
    return labels.astype(np.int64), (_SPLIT_BASE[split] + labels * _CLASS_STRIDE + index).astype(np.int64)


def clip_aspect(seed: int) -> float:
    """The display aspect a dataset clip with this seed is rendered at (4:3 or 16:9)."""
    return sample_aspect(np.random.default_rng([int(seed), 7]))


# ----------------------------------------------------------------------------------------------
# Files
# ----------------------------------------------------------------------------------------------

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

def write_clips(out: Path, split: str, per_class: int, width: int, height: int, fps: float) -> None:
    labels, seeds = split_seeds(split, per_class)
    with open(out / "labels.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["file", "label", "class", "seed"])
        for label, seed in zip(labels, seeds):
            name = f"{CLASSES[label]}_{seed}.mp4"
            write_mp4(render_clip(int(label), int(seed), width, height, fps=fps), out / name, fps)
            w.writerow([name, int(label), CLASSES[label], int(seed)])


def contact_sheet(path: Path, seed: int = 0, width: int = 128, height: int = 96) -> None:
    """PNG grid, one row per class, every second frame of one clip: for people to look at."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    fig, axes = plt.subplots(len(CLASSES), 8, figsize=(8 * 1.5, len(CLASSES) * 1.25))
    for label, row in enumerate(axes):
        clip = render_clip(label, seed + label, width, height)
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
    ap.add_argument("--split", default="test", choices=list(_SPLIT_BASE))
    ap.add_argument("--clips-per-class", type=int, default=2)
    ap.add_argument("--width", type=int, default=160)
    ap.add_argument("--height", type=int, default=120)
    ap.add_argument("--fps", type=float, default=8.0)
    ap.add_argument("--long", action="store_true", help="one multi-action video + timeline JSON")
    ap.add_argument("--duration-s", type=float, default=60.0)
    ap.add_argument("--seed", type=int, default=0, help="seed of the long video or the contact sheet")
    ap.add_argument("--sheet", action="store_true", help="write classes.png, a contact sheet of all classes")
    a = ap.parse_args(argv)
    a.out.mkdir(parents=True, exist_ok=True)
    if a.sheet:
        contact_sheet(a.out / "classes.png", a.seed)
        return
    if not a.long:
        write_clips(a.out, a.split, a.clips_per_class, a.width, a.height, a.fps)
        return
    frames, timeline = render_long_video(a.seed, a.width, a.height, a.fps, a.duration_s)
    stem = f"long_{a.seed}"
    write_mp4(frames, a.out / f"{stem}.mp4", a.fps)
    meta = {"video": f"{stem}.mp4", "seed": a.seed, "fps": a.fps, "width": a.width, "height": a.height,
            "frames": len(frames), "classes": CLASSES, "timeline": timeline}
    (a.out / f"{stem}.json").write_text(json.dumps(meta, indent=1))


if __name__ == "__main__":
    main()
