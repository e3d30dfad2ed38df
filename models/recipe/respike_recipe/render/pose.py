"""Joint-angle trajectories of the ten classes, and the kinematics that turn them into joints.

Angles are in degrees: limbs that hang down (legs, arms) measure their angle from the downward
vertical, positive towards the facing direction; the torso measures its lean from the upward vertical,
positive forward. `rho` rotates the whole body forward (falls). Positions are in world units (frame
heights) with y measured upward from the ground line.

Nothing here knows the model: transitions start and last as long as the spec allows (the start
posture on the first frame, the end posture on the last), gaits start at any phase, and every joint
wobbles a little, as people do.
"""

from __future__ import annotations

import numpy as np

from .body import Body

CLASSES = ["idle", "walk", "run", "wave", "jump", "fall", "sit_down", "stand_up", "squat_down", "rise"]
POSE_KEYS = ("rho", "lean", "tilt", "th_n", "kn_n", "th_f", "kn_f", "ar_n", "el_n", "ar_f", "el_f",
             "lift", "sway")
JOINTS = ("hip", "neck", "shoulder", "head", "knee_n", "ankle_n", "toe_n", "knee_f", "ankle_f",
          "toe_f", "elbow_n", "hand_n", "elbow_f", "hand_f")
WALK_SPEED = (0.55, 1.25)  # body heights per second, inside the spec's 0.5-1.3
RUN_SPEED = (2.05, 3.45)  # inside the spec's 2.0-3.5
# Shortest transition: a person sits down or falls in about half a second at the quickest.
MIN_TRANSITION_S = 0.5
ANGLE_KEYS = ("lean", "tilt", "th_n", "kn_n", "th_f", "kn_f", "ar_n", "el_n", "ar_f", "el_f")


def smooth(p: np.ndarray) -> np.ndarray:
    p = np.clip(p, 0.0, 1.0)
    return p * p * (3 - 2 * p)


def standing(rng: np.random.Generator, n: int) -> dict:
    """A relaxed standing pose, slightly different per person."""
    pose = {k: np.zeros(n) for k in POSE_KEYS}
    pose["kn_n"] += rng.uniform(0, 8)
    pose["kn_f"] += rng.uniform(0, 8)
    pose["ar_n"] += rng.uniform(-6, 12)
    pose["ar_f"] += rng.uniform(-12, 6)
    pose["el_n"] += rng.uniform(5, 25)
    pose["el_f"] += rng.uniform(5, 25)
    pose["tilt"] += rng.uniform(-12, 12)
    pose["lean"] += rng.uniform(-3, 5)
    return pose


def progress(rng: np.random.Generator, t: np.ndarray, dur: float, fps: float, lo: float = 0.25,
             hi: float = 1.0) -> np.ndarray:
    """Progress 0..1 of a transition: it lasts lo..hi of the clip (at least MIN_TRANSITION_S), starts
    at any time that lets it finish by the last frame, and eases in and out at a random rate."""
    last = dur - 1.0 / fps
    length = float(np.clip(dur * rng.uniform(lo, hi), MIN_TRANSITION_S, last))
    start = rng.uniform(0.0, max(last - length, 0.0))
    p = np.clip((t - start) / length, 0.0, 1.0)
    return p ** rng.uniform(0.7, 1.4)  # some people start slowly, some finish slowly


def wobble(rng: np.random.Generator, t: np.ndarray, pose: dict, amp: float) -> dict:
    """Smooth, small, independent variation of every joint angle (degrees, up to `amp`)."""
    for k in ANGLE_KEYS:
        f = rng.uniform(0.2, 1.5, 2)
        ph = rng.uniform(0, 2 * np.pi, 2)
        a = rng.uniform(0, amp, 2)
        pose[k] = pose[k] + a[0] * np.sin(2 * np.pi * f[0] * t + ph[0]) + 0.5 * a[1] * np.sin(2 * np.pi * f[1] * t + ph[1])
    return pose


def _idle(rng, t, dur, fps):
    pose = standing(rng, len(t))
    f, ph = rng.uniform(0.2, 0.7), rng.uniform(0, 2 * np.pi)
    pose["lean"] += rng.uniform(0.5, 2.0) * np.sin(2 * np.pi * f * t + ph)
    pose["sway"] += rng.uniform(0.003, 0.012) * np.sin(2 * np.pi * f * t + ph + rng.uniform(0, 1))
    if rng.random() < 0.3:  # weight on one leg
        pose["kn_n" if rng.random() < 0.5 else "kn_f"] += rng.uniform(5, 15)
    return wobble(rng, t, pose, 2.0), 0.0


def _gait(rng, t, speed, amp, knee, arm, elbow, lean, stride_gain):
    """Alternating legs and opposite arm swing; the cycle rate follows from speed and stride."""
    pose = standing(rng, len(t))
    leg = 0.48  # hip-to-sole length in body heights
    cycles_per_s = speed / (4 * leg * np.sin(np.radians(amp)) * stride_gain)
    psi = 2 * np.pi * cycles_per_s * t + rng.uniform(0, 2 * np.pi)
    asym = rng.uniform(0.9, 1.1)  # a slight limp or a favoured leg
    for side, shift, gain in (("n", 0.0, 1.0), ("f", np.pi, asym)):
        ph = psi + shift
        pose["th_" + side] = gain * amp * np.sin(ph)
        # The knee bends while the thigh swings forward (foot in the air) and is nearly straight in stance.
        pose["kn_" + side] = 5 + knee * np.maximum(0.0, np.cos(ph)) ** rng.uniform(1.2, 1.8)
        pose["ar_" + side] = -arm * np.sin(ph) + rng.uniform(-4, 4)
        pose["el_" + side] = elbow + 0.3 * elbow * np.maximum(0.0, -np.sin(ph))
    if rng.random() < 0.15:  # hands in pockets or carrying something: arms barely swing
        for side in ("n", "f"):
            pose["ar_" + side] = 0.2 * pose["ar_" + side] + rng.uniform(0, 15)
            pose["el_" + side] = np.full(len(t), rng.uniform(20, 70))
    pose["lean"] += lean
    pose["lift"] += rng.uniform(0, 0.012) * np.cos(2 * psi)  # the body bobs twice per cycle
    return wobble(rng, t, pose, 3.0), psi


def walk(rng, t, dur, fps, speed=None):
    speed = rng.uniform(*WALK_SPEED) if speed is None else speed
    pose, _ = _gait(rng, t, speed, amp=rng.uniform(18, 32), knee=rng.uniform(30, 60),
                    arm=rng.uniform(8, 32), elbow=rng.uniform(5, 30), lean=rng.uniform(0, 6),
                    stride_gain=1.0)
    return pose, speed


def run(rng, t, dur, fps, speed=None):
    speed = rng.uniform(*RUN_SPEED) if speed is None else speed
    pose, psi = _gait(rng, t, speed, amp=rng.uniform(36, 52), knee=rng.uniform(75, 115),
                      arm=rng.uniform(28, 55), elbow=rng.uniform(70, 105), lean=rng.uniform(10, 24),
                      stride_gain=1.3)
    pose["lift"] += rng.uniform(0.02, 0.05) * np.sin(psi) ** 2  # flight phase between steps
    return pose, speed


def _wave(rng, t, dur, fps):
    pose = standing(rng, len(t))
    side = "n" if rng.random() < 0.6 else "f"
    upper = rng.uniform(95, 155)
    freq, amp = rng.uniform(0.7, 2.2), rng.uniform(22, 48)
    swing = amp * np.sin(2 * np.pi * freq * t + rng.uniform(0, 2 * np.pi))
    # The arm goes up during the first moments of some clips (the wave has just begun).
    rise = smooth((t - rng.uniform(-1.0, 0.3)) / 0.4) if rng.random() < 0.3 else np.ones(len(t))
    pose["ar_" + side] = pose["ar_" + side] * (1 - rise) + upper * rise
    # Forearm points up (180 degrees from hanging) and swings about that; elbow angle is relative.
    pose["el_" + side] = pose["el_" + side] * (1 - rise) + (180.0 - upper + swing) * rise
    pose["lean"] += rng.uniform(-2, 3)
    return wobble(rng, t, pose, 2.0), 0.0


def _jump(rng, t, dur, fps):
    pose = standing(rng, len(t))
    flight, ground = rng.uniform(0.36, 0.5), rng.uniform(0.3, 0.7)
    height, crouch = rng.uniform(0.2, 0.34), rng.uniform(40, 85)
    # One apex falls exactly on a frame so the sampled clip always shows the required clearance.
    apex = rng.integers(2, max(3, int(round(dur * fps)) - 2)) / fps
    tau = np.mod(t - apex + flight / 2, flight + ground)
    air = tau < flight
    s = np.clip(tau / flight, 0, 1)
    g = np.clip((tau - flight) / ground, 0, 1)
    bend = np.where(air, rng.uniform(5, 25), crouch * np.sin(np.pi * g))
    tuck = rng.uniform(0, 40) if rng.random() < 0.4 else 0.0  # knees pulled up in the air
    for side in ("n", "f"):
        pose["kn_" + side] = np.maximum(pose["kn_" + side], bend + np.where(air, tuck * np.sin(np.pi * s), 0))
        pose["th_" + side] = 0.55 * bend + np.where(air, 0.5 * tuck * np.sin(np.pi * s), 0)
        pose["ar_" + side] = np.where(air, rng.uniform(60, 170) * np.sin(np.pi * s), -25 * np.sin(np.pi * g))
    pose["lean"] += 0.35 * bend
    pose["lift"] = np.where(air, height * 4 * s * (1 - s), 0.0)
    return wobble(rng, t, pose, 2.0), 0.0


def _fall(rng, t, dur, fps):
    pose = standing(rng, len(t))
    p = progress(rng, t, dur, fps, 0.25, 0.7)
    direction = 1.0 if rng.random() < 0.65 else -1.0
    # Gravity: the body tips slowly, then accelerates to the ground.
    pose["rho"] = direction * rng.uniform(84, 95) * p ** 2
    buckle = rng.uniform(25, 75) * np.sin(np.pi * p)
    for side in ("n", "f"):
        pose["kn_" + side] += buckle
        pose["th_" + side] = 0.5 * buckle
        # Arms end along the ground, by the sides or stretched past the head, not propping the body:
        # for a face-down body "forward" points into the ground, so those angles stay at or below 0/180.
        reach = rng.uniform(-15, 0) if rng.random() < 0.5 else rng.uniform(172, 188)
        pose["ar_" + side] = pose["ar_" + side] * (1 - smooth(p)) + direction * reach * smooth(p)
        pose["el_" + side] *= 1 - smooth(p)
    pose["lean"] += rng.uniform(0, 5) * smooth(p)
    pose["tilt"] *= 1 - smooth(p)
    return pose, 0.0


def lower_params(rng: np.random.Generator) -> dict:
    """End posture of sitting down and of squatting: one distribution for both.

    The spec says the pairs differ only in the static chair, so the body must not tell them apart:
    hips end at or below the knees (a deep squat, or a low seat) with the same knee bend, lean and
    arms. A renderer whose squat were deeper would let the residual frames separate the pair."""
    end = dict(th=rng.uniform(92, 110), kn=rng.uniform(85, 135), lean=rng.uniform(0, 30))
    end["peak"] = rng.uniform(10, 32)
    mode = rng.integers(3)  # arms hang, reach forward, or rest on the thighs
    end["ar"] = [rng.uniform(0, 10), rng.uniform(35, 85), rng.uniform(25, 55)][mode]
    end["el"] = [rng.uniform(5, 20), rng.uniform(5, 40), rng.uniform(30, 70)][mode]
    return end


def lower(rng, t, dur, fps, end: dict, rising: bool = False):
    """Standing -> seated/squatting with feet planted (or back up when `rising`): the transition has
    its own onset and duration (`progress`); a rise is not a played-back descent."""
    pose = standing(rng, len(t))
    p = progress(rng, t, dur, fps)
    if rising:
        p = 1.0 - p
    s = smooth(p)
    for side in ("n", "f"):
        pose["th_" + side] = end["th"] * s
        pose["kn_" + side] = pose["kn_" + side] * (1 - s) + end["kn"] * s
        pose["ar_" + side] = pose["ar_" + side] * (1 - s) + end["ar"] * s
        pose["el_" + side] = pose["el_" + side] * (1 - s) + end["el"] * s
    # Leaning forward moves the weight over the feet mid-way, as people do.
    pose["lean"] = end["lean"] * s + end["peak"] * np.sin(np.pi * p)
    return pose, 0.0


def class_pose(label: int, rng: np.random.Generator, t: np.ndarray, dur: float, fps: float):
    """Pose trajectory and travel speed (body heights/s) of a clip of class `label`.

    sit_down and squat_down (and stand_up and rise) take the same draws from `rng`, so a pair rendered
    with one seed moves identically and differs only in the chair, as the spec says."""
    name = CLASSES[label]
    if name in ("sit_down", "squat_down"):
        return lower(rng, t, dur, fps, lower_params(rng))
    if name in ("stand_up", "rise"):
        return lower(rng, t, dur, fps, lower_params(rng), rising=True)
    return {"idle": _idle, "walk": walk, "run": run, "wave": _wave, "jump": _jump,
            "fall": _fall}[name](rng, t, dur, fps)


def simple_pose(name: str, rng, t, dur, fps):
    """The pose of a planted, self-contained action of a long video (idle, wave, jump, fall)."""
    return {"idle": _idle, "wave": _wave, "jump": _jump, "fall": _fall}[name](rng, t, dur, fps)


# ----------------------------------------------------------------------------------------------
# Kinematics
# ----------------------------------------------------------------------------------------------

def _down(angle_rad: np.ndarray, facing: float) -> np.ndarray:
    """Unit vector of a hanging limb at `angle` from the downward vertical (y up)."""
    return np.stack([facing * np.sin(angle_rad), -np.cos(angle_rad)], -1)


def _up(angle_rad: np.ndarray, facing: float) -> np.ndarray:
    """Unit vector of the torso leaning `angle` forward from the upward vertical (y up)."""
    return np.stack([facing * np.sin(angle_rad), np.cos(angle_rad)], -1)


def kinematics(body: Body, pose: dict, facing: float) -> dict:
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


def contact_radii(body: Body) -> dict:
    return {"hip": body.r_torso, "neck": body.r_torso, "shoulder": body.r_torso, "head": body.head_r,
            "knee_n": body.r_thigh, "knee_f": body.r_thigh, "ankle_n": body.ankle_h,
            "ankle_f": body.ankle_h, "toe_n": body.r_foot, "toe_f": body.r_foot,
            "elbow_n": body.r_upper_arm, "elbow_f": body.r_upper_arm, "hand_n": body.r_forearm,
            "hand_f": body.r_forearm}


def place(body: Body, rel: dict, pose: dict, hip_x: np.ndarray) -> dict:
    """World joints (y up from the ground): the lowest body point rests on the ground, plus lift."""
    radii = contact_radii(body)
    lowest = np.min(np.stack([rel[k][:, 1] - radii[k] for k in rel], 0), 0)
    hip_y = -lowest + pose["lift"] * body.height
    offset = np.stack([hip_x, hip_y], -1)
    return {k: v + offset for k, v in rel.items()}


def anchored_hip_x(rel: dict, pose: dict, body: Body, anchor: float) -> np.ndarray:
    """Hip x that keeps the feet planted at `anchor` (mean ankle x), plus sway."""
    feet = 0.5 * (rel["ankle_n"][:, 0] + rel["ankle_f"][:, 0])
    return anchor - feet + pose["sway"] * body.height


def extent(joints: dict, body: Body, frames=slice(None)) -> tuple:
    """Tight box (x0, y0, x1, y1; world, y up) of the drawn body over the given frames."""
    radii = contact_radii(body)
    xs = np.concatenate([[v[frames, 0] - radii[k], v[frames, 0] + radii[k]] for k, v in joints.items()], None)
    ys = np.concatenate([[v[frames, 1] - radii[k], v[frames, 1] + radii[k]] for k, v in joints.items()], None)
    return float(xs.min()), float(ys.min()), float(xs.max()), float(ys.max())
