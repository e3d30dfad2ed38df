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
from pathlib import Path

import numpy as np

CLASSES = ["idle", "walk", "run", "wave", "jump", "fall", "sit_down", "stand_up", "squat_down", "rise"]
ASPECTS = (4.0 / 3.0, 16.0 / 9.0)

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
    return pose


def _progress(rng: np.random.Generator, t: np.ndarray, dur: float, fps: float,
              lo: float = 0.55, hi: float = 0.85) -> np.ndarray:
    """Progress 0..1 of a transition that occupies most of the clip.

    The motion lasts lo..hi of the clip, starts at or after the first frame and is complete by the last
    frame, so a transition clip always shows both its start and its end posture."""
    last = dur - 1.0 / fps
    length = min(last, dur * rng.uniform(lo, hi), 2.2)
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


def _walk(rng, t, dur, fps):
    speed = rng.uniform(0.55, 1.25)
    pose, _ = _gait(rng, t, speed, amp=rng.uniform(20, 30), knee=rng.uniform(35, 60),
                    arm=rng.uniform(12, 30), elbow=rng.uniform(8, 25), lean=rng.uniform(0, 5),
                    stride_gain=1.0)
    return pose, speed


def _run(rng, t, dur, fps):
    speed = rng.uniform(2.05, 3.45)
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
        reach = rng.uniform(60, 170) if direction > 0 else rng.uniform(10, 80)
        pose["ar_" + side] += reach * _smooth(p)
    pose["lean"] += rng.uniform(0, 5) * _smooth(p)
    return pose, 0.0


def _lower_params(rng: np.random.Generator, chair: bool) -> dict:
    """End posture of sitting down (chair) or squatting (no chair).

    Deliberately alike: the hips end at about knee height in both; the squat is a little deeper with
    the knees further forward and more lean. Arm behaviour is drawn from one distribution for both, so
    a frame without the chair hardly tells them apart and the body motion barely does either."""
    if chair:
        end = dict(th=rng.uniform(82, 98), kn=rng.uniform(82, 105), lean=rng.uniform(0, 18))
    else:
        end = dict(th=rng.uniform(95, 110), kn=rng.uniform(112, 140), lean=rng.uniform(12, 32))
    end["peak"] = rng.uniform(12, 30)
    mode = rng.integers(3)  # arms hang, reach forward, or rest on the thighs
    end["ar"] = [rng.uniform(0, 10), rng.uniform(35, 85), rng.uniform(25, 55)][mode]
    end["el"] = [rng.uniform(5, 20), rng.uniform(5, 40), rng.uniform(30, 70)][mode]
    return end


def _lower(rng, t, dur, fps, end: dict):
    """Standing -> seated/squatting with feet planted; progress from `_progress`."""
    pose = _standing(rng, len(t))
    p = _progress(rng, t, dur, fps)
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


def _class_pose(label: int, rng: np.random.Generator, t: np.ndarray, dur: float, fps: float):
    """Pose trajectory and travel speed (body heights/s) of a clip of class `label`.

    stand_up and rise are sit_down and squat_down played backwards with the same random draws, so the
    pairs share their pose set and differ only in temporal order."""
    name = CLASSES[label]
    if name in ("sit_down", "stand_up", "squat_down", "rise"):
        end = _lower_params(rng, chair=name in ("sit_down", "stand_up"))
        pose, speed = _lower(rng, t, dur, fps, end)
        return (_reverse(pose) if name in ("stand_up", "rise") else pose), speed
    return {"idle": _idle, "walk": _walk, "run": _run, "wave": _wave, "jump": _jump,
            "fall": _fall}[name](rng, t, dur, fps)


# ----------------------------------------------------------------------------------------------
# Kinematics
# ----------------------------------------------------------------------------------------------

def _down(angle_rad: np.ndarray, facing: float) -> np.ndarray:
    """Unit vector of a hanging limb at `angle` from the downward vertical (y up)."""
    return np.stack([facing * np.sin(angle_rad), -np.cos(angle_rad)], -1)


def _kinematics(body: Body, pose: dict, facing: float) -> dict:
    """Joint positions relative to the hip (y up), [T,2] each."""
    r = {k: np.radians(v) for k, v in pose.items() if k not in ("lift", "sway")}
    n = len(pose["rho"])
    torso_w = r["rho"] + r["lean"]
    up = -_down(torso_w, facing)
    j = {"hip": np.zeros((n, 2))}
    j["neck"] = body.torso * up
    j["shoulder"] = j["neck"] - body.shoulder_drop * up
    j["head"] = j["neck"] - (body.neck + body.head_r) * _down(torso_w + r["tilt"], facing)
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


def _chair_geometry(hip_x: float, seat_top: float, facing: float, h: float, rng: np.random.Generator) -> dict:
    """Chair under a seated hip (world coords, y up); the backrest is behind the sitter."""
    back = hip_x - facing * rng.uniform(0.08, 0.13) * h
    front = hip_x + facing * rng.uniform(0.12, 0.2) * h
    return dict(x0=min(back, front), x1=max(back, front), back=back, front=front, seat=seat_top,
                thick=rng.uniform(0.02, 0.035) * h, back_h=rng.uniform(0.22, 0.4) * h,
                leg_w=rng.uniform(0.01, 0.02) * h, colour=_random_colour(rng, 20, 230))


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
            _draw_chair(img, cv, _chair_geometry(hip, rng.uniform(0.22, 0.3) * person_h, face, person_h, rng),
                        ground_y)


# ----------------------------------------------------------------------------------------------
# Camera: brightness drift, jitter, noise, compression
# ----------------------------------------------------------------------------------------------

def _jitter(frames: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Sub-pixel camera shake (up to 1 px per axis) by bilinear resampling with clamped edges."""
    amp = rng.uniform(0.0, 1.0)
    if amp < 0.1:
        return frames
    t, h, w, _ = frames.shape
    out = np.empty_like(frames)
    for i in range(t):
        dx, dy = rng.uniform(-amp, amp, 2)
        xi = np.clip(np.arange(w) + dx, 0, w - 1)
        yi = np.clip(np.arange(h) + dy, 0, h - 1)
        x0, y0 = np.minimum(xi.astype(int), w - 2), np.minimum(yi.astype(int), h - 2)
        fx, fy = (xi - x0)[None, :, None], (yi - y0)[:, None, None]
        f = frames[i]
        top = f[y0][:, x0] * (1 - fx) + f[y0][:, x0 + 1] * fx
        bot = f[y0 + 1][:, x0] * (1 - fx) + f[y0 + 1][:, x0 + 1] * fx
        out[i] = top * (1 - fy) + bot * fy
    return out


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
    """Blockwise 8x8 DCT quantisation of planes [T,H,W] (edge-padded to multiples of 8)."""
    t, h, w = plane.shape
    ph, pw = -h % 8, -w % 8
    p = np.pad(plane, ((0, 0), (0, ph), (0, pw)), mode="edge")
    blocks = p.reshape(t, (h + ph) // 8, 8, (w + pw) // 8, 8)
    coef = np.einsum("ij,tajbk,lk->taibl", _DCT, blocks, _DCT, optimize=True)
    coef = np.round(coef / q[None, None, :, None, :]) * q[None, None, :, None, :]
    rec = np.einsum("ji,taibl,lk->tajbk", _DCT, coef, _DCT, optimize=True)
    return rec.reshape(t, h + ph, w + pw)[:, :h, :w]


def _compress(frames: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Lossy-codec look: YCbCr, optional 4:2:0 chroma subsampling, JPEG-style DCT quantisation."""
    quality = rng.uniform(25, 92)
    scale = (5000 / quality if quality < 50 else 200 - 2 * quality) / 100
    q_luma = np.maximum(np.floor(_JPEG_Q * scale + 0.5), 1)
    r, g, b = frames[..., 0], frames[..., 1], frames[..., 2]
    y = 0.299 * r + 0.587 * g + 0.114 * b
    cb = (b - y) * 0.564
    cr = (r - y) * 0.713
    y = _dct_quantise(y - 128, q_luma) + 128
    if rng.random() < 0.7:
        cb, cr = _subsample(cb), _subsample(cr)
    cb = _dct_quantise(cb, q_luma * 1.5)
    cr = _dct_quantise(cr, q_luma * 1.5)
    out = np.stack([y + 1.403 * cr, y - 0.344 * cb - 0.714 * cr, y + 1.773 * cb], -1)
    return out


def _subsample(c: np.ndarray) -> np.ndarray:
    """2x2 chroma averaging and nearest upsampling (4:2:0)."""
    t, h, w = c.shape
    p = np.pad(c, ((0, 0), (0, h % 2), (0, w % 2)), mode="edge")
    m = p.reshape(t, p.shape[1] // 2, 2, p.shape[2] // 2, 2).mean((2, 4))
    return np.repeat(np.repeat(m, 2, 1), 2, 2)[:, :h, :w]


def _camera(frames: np.ndarray, rng: np.random.Generator, compress: bool, drift_period: float | None = None) -> np.ndarray:
    """Brightness drift, jitter, sensor noise and compression; returns uint8."""
    n = len(frames)
    gain0, drift = rng.uniform(0.85, 1.15), rng.uniform(-0.15, 0.15)
    if drift_period is None:
        ramp = np.linspace(0.0, 1.0, n)
    else:  # long videos drift slowly back and forth instead of ramping for minutes
        ramp = 0.5 - 0.5 * np.cos(2 * np.pi * np.arange(n) / drift_period)
    frames = frames * (gain0 * (1 + drift * ramp)).astype(np.float32)[:, None, None, None]
    frames = _jitter(frames, rng)
    sigma = rng.uniform(0.0, 6.0)
    if sigma > 0.3:
        frames = frames + rng.standard_normal(frames.shape, dtype=np.float32) * np.float32(sigma)
    if compress and rng.random() < 0.85:
        frames = _compress(frames, rng)
    return np.clip(frames + 0.5, 0, 255).astype(np.uint8)


# ----------------------------------------------------------------------------------------------
# Clip rendering
# ----------------------------------------------------------------------------------------------

@dataclass
class _Actor:
    body: Body
    style: Style
    line_style: bool


def _scene_layout(rng: np.random.Generator, aspect: float, jump_room: float):
    """Body height and ground line; the head (and a jump's apex) mostly stays inside the frame."""
    height = rng.uniform(0.35, 0.75)
    ground_y = rng.uniform(0.8, 0.97)
    ground_y = min(0.98, max(ground_y, height * (1 + jump_room) + 0.03))
    return height, ground_y


def _x_extent(joints: dict, margin: float) -> tuple:
    xs = np.concatenate([v[:, 0] for v in joints.values()])
    return float(xs.min() - margin), float(xs.max() + margin)


def _clip_root(label: int, rng: np.random.Generator, rel: dict, pose: dict, body: Body, speed: float,
               facing: float, t: np.ndarray, dur: float, aspect: float) -> np.ndarray:
    """Hip x over time: travelling classes cross the middle of the frame, others stand anywhere
    (leaving room behind a sitter for the chair)."""
    h = body.height
    if speed > 0:
        mid = aspect / 2 + rng.uniform(-0.25, 0.25) * aspect
        return mid + facing * speed * h * (t - dur / 2)
    reach = 0.55 * h if CLASSES[label] == "fall" else 0.3 * h
    lo, hi = reach, aspect - reach
    anchor = rng.uniform(lo, hi) if hi > lo else aspect / 2
    return _anchored_hip_x(rel, pose, body, anchor)


def _sample_actor(rng: np.random.Generator, height: float, bg_colour: np.ndarray) -> _Actor:
    line_style = bool(rng.random() < 0.25)
    return _Actor(_sample_body(rng, height, line_style), _sample_style(rng, bg_colour, line_style, height),
                  line_style)


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
    person_h, ground_y = _scene_layout(actor_rng, aspect, 0.35 if name == "jump" else 0.0)
    cv = Canvas(width, height, aspect)
    bg = _background(scene_rng, cv, ground_y)
    actor = _sample_actor(actor_rng, person_h, bg.reshape(-1, 3).mean(0))
    facing = 1.0 if actor_rng.random() < 0.5 else -1.0
    t = np.arange(frames) / fps
    dur = frames / fps
    pose, speed = _class_pose(label, pose_rng, t, dur, fps)
    rel = _kinematics(actor.body, pose, facing)
    hip_x = _clip_root(label, actor_rng, rel, pose, actor.body, speed, facing, t, dur, aspect)
    joints = _place(actor.body, rel, pose, hip_x)

    chair = None
    keep_clear = [] if speed > 0 else [_x_extent(joints, 0.08 * person_h)]
    if name in ("sit_down", "stand_up"):
        k = int(np.argmin(joints["hip"][:, 1]))  # the seated frame
        chair = _chair_geometry(float(joints["hip"][k, 0]), float(joints["hip"][k, 1] - actor.body.r_thigh),
                                facing, person_h, scene_rng)
        keep_clear.append((chair["x0"] - 0.05 * person_h, chair["x1"] + 0.05 * person_h))
    _clutter(bg, cv, scene_rng, ground_y, person_h, keep_clear)
    if chair is not None:
        _draw_chair(bg, cv, chair, ground_y)

    img = np.repeat(bg[None], frames, 0)
    _draw_person(img, cv, joints, actor.body, actor.style, ground_y)
    out = _camera(img, cam_rng, compress)
    if not return_meta:
        return out
    meta = dict(joints=joints, body_height=person_h, ground_y=ground_y, aspect=aspect, facing=facing,
                speed=speed, chair=chair, r_thigh=actor.body.r_thigh)
    return out, meta
