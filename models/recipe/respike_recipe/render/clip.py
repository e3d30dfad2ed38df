"""One clip of one person doing one action, framed as a whole camera frame, as a crop box that
follows the person (what a per-person pipeline feeds the model), or as that crop of a wide view in
which other people do their own actions around the person ("crowd": neighbours pass through the box,
stand in front of the person or behind, as in a tracked scene)."""

from __future__ import annotations

import numpy as np

from . import body as B
from . import camera, pose as P, scene as S
from .raster import Canvas
from .splits import clip_family

FRAMINGS = ("frame", "crop", "crowd")
# Person height as a share of the frame height: the spec's range for whole-frame clips, and the
# multi-person scenes' range for the wide views that crops are cut from.
FRAME_HEIGHTS = (0.35, 0.75)
CROP_HEIGHTS = (0.10, 0.40)
# What a neighbour does: any class that needs no chair of its own.
NEIGHBOUR_CLASSES = ("idle", "walk", "run", "wave", "jump", "fall", "squat_down", "rise")


def depth_layout(rng: np.random.Generator, horizon: float, n: int) -> list:
    """(height, ground line) of n people on one floor below `horizon`: nearer is taller and lower."""
    out = []
    for _ in range(n):
        height = rng.uniform(*CROP_HEIGHTS)
        t = (height - CROP_HEIGHTS[0]) / (CROP_HEIGHTS[1] - CROP_HEIGHTS[0])
        ground = horizon + 0.04 + t * (0.97 - horizon - 0.04) + rng.uniform(-0.02, 0.02)
        out.append((height, float(np.clip(ground, horizon + 0.02, 0.985))))
    return out


def scene_layout(rng: np.random.Generator, jump_room: float, heights: tuple = FRAME_HEIGHTS):
    """Body height and ground line; the head (and a jump's apex) mostly stays inside the frame."""
    height = rng.uniform(*heights)
    ground_y = rng.uniform(0.8, 0.97)
    ground_y = min(0.98, max(ground_y, height * (1 + jump_room) + 0.03))
    return height, ground_y


def x_extent(joints: dict, margin: float) -> tuple:
    """(left, right) of every joint over the clip, widened by `margin` (what props keep clear of)."""
    xs = np.concatenate([v[:, 0] for v in joints.values()])
    return float(xs.min() - margin), float(xs.max() + margin)


def _clip_root(rng: np.random.Generator, rel: dict, pose: dict, body: B.Body, speed: float,
               facing: float, t: np.ndarray, dur: float, aspect: float) -> np.ndarray:
    """Hip x over time: travelling classes cross the frame, others stand anywhere (leaving room
    behind a sitter for the chair)."""
    h = body.height
    if speed > 0:
        # A path that fits in the frame lies wholly inside it; a longer one is centred so the person
        # is seen for as much of the clip as the static camera allows.
        half = 0.5 * speed * h * dur
        slack = max(0.0, aspect / 2 - half - 0.2 * h)
        mid = aspect / 2 + rng.uniform(-1, 1) * slack
        return mid + facing * speed * h * (t - dur / 2)
    # Place the planted feet so the whole action (a fall's lying body, a chair behind a sitter) fits.
    hip0 = P.anchored_hip_x(rel, pose, body, 0.0)
    xs = np.concatenate([v[:, 0] + hip0 for v in rel.values()])
    lo, hi = -xs.min() + 0.25 * h, aspect - xs.max() - 0.25 * h
    anchor = rng.uniform(lo, hi) if hi > lo else (lo + hi) / 2
    return P.anchored_hip_x(rel, pose, body, anchor)


def crop_views(rng: np.random.Generator, joints: dict, body: B.Body, ground_y: float, aspect: float,
               n: int) -> list:
    """[(first frame, (x0, y0, side, side))]: square crop boxes (screen coords) that follow the person
    as a tracker's box does: held for a few frames, centred on the person's box over that time, with
    context around it, jittered in place and size."""
    hold = int(rng.choice([2, 4, 8]))
    context = rng.uniform(1.2, 1.8)
    views = []
    for a in range(0, n, hold):
        frames = range(a, min(a + hold, n))
        x0, y0, x1, y1 = P.extent(joints, body, slice(frames.start, frames.stop))
        # The box of the person (as a detector sees one frame), widened to most of the path that a
        # fast walker or runner covers while the box is held.
        one = max(max(b[2] - b[0], b[3] - b[1]) for b in (P.extent(joints, body, slice(k, k + 1)) for k in frames))
        side = context * max(one, 0.75 * max(x1 - x0, y1 - y0)) * rng.uniform(0.92, 1.08)
        side = min(side, 1.0)
        cx = 0.5 * (x0 + x1) + rng.normal(0, 0.04) * side
        cy = ground_y - 0.5 * (y0 + y1) + rng.normal(0, 0.04) * side  # screen y
        left = float(np.clip(cx - side / 2, 0.0, max(aspect - side, 0.0)))
        top = float(np.clip(cy - side / 2, 0.0, 1.0 - side))
        views.append((a, (left, top, side, side)))
    return views


def _neighbours(rng: np.random.Generator, layout: list, family: str, hip_x: np.ndarray, person_h: float,
                t: np.ndarray, dur: float, fps: float) -> list:
    """Other people of a crowd clip: [(ground, body, joints, lift, facing)], each doing a clip of its
    own near the person (a walker or runner crosses the person's place halfway through the clip)."""
    out = []
    centre = float(hip_x.mean())
    for height, ground in layout:
        body = B.sample_body(rng, height, family)
        facing = 1.0 if rng.random() < 0.5 else -1.0
        label = P.CLASSES.index(str(rng.choice(NEIGHBOUR_CLASSES)))
        pose, speed = P.class_pose(label, rng, t, dur, fps)
        rel = P.kinematics(body, pose, facing)
        x = centre + (1.0 if rng.random() < 0.5 else -1.0) * rng.uniform(0.2, 1.2) * max(height, person_h)
        hip = (x + facing * speed * height * (t - dur / 2) if speed > 0
               else P.anchored_hip_x(rel, pose, body, x))
        out.append((ground, body, P.place(body, rel, pose, hip), pose["lift"], facing))
    return out


def render_clip(label: int, seed: int, width: int = 64, height: int = 64, frames: int = 16, fps: float = 8.0,
                aspect: float | None = None, compress: bool = True, return_meta: bool = False,
                family: str | None = None, framing: str = "frame"):
    """Render one clip of class `label`: uint8 [frames, height, width, 3] RGB.

    `family` is the style family (default: the seed's, `splits.clip_family`); `framing` "frame" shows
    the whole camera frame (of display `aspect`, stretched to width x height), "crop" a square box
    around the person cut from a wide view. With return_meta=True also returns a dict: joints (name ->
    [frames,2] world coords, y up from the ground, in frame heights), body_height, ground_y, aspect,
    facing, speed, chair (or None), family, framing, views ([(first frame, (x0, y0, w, h))]) and
    neighbours ([{ground, height, joints}] of a crowd clip's other people)."""
    if framing not in FRAMINGS:
        raise ValueError(f"framing must be one of {FRAMINGS}, not {framing!r}")
    aspect = width / height if aspect is None else float(aspect)
    family = clip_family(seed) if family is None else family
    name = P.CLASSES[label]
    pose_rng, actor_rng, scene_rng, cam_rng, view_rng, crowd_rng = (
        np.random.default_rng(s) for s in np.random.SeedSequence(seed).spawn(6))
    # Pose, body and placement come from streams that do not depend on the label, so paired classes
    # (sit_down/squat_down, stand_up/rise) rendered with one seed move identically.
    heights = FRAME_HEIGHTS if framing == "frame" else CROP_HEIGHTS
    person_h, ground_y = scene_layout(actor_rng, 0.35 if name == "jump" else 0.0, heights)
    horizon = ground_y
    if framing == "crowd":
        # The person and the neighbours stand at their own depths on a floor below the horizon.
        horizon = float(crowd_rng.uniform(0.3, 0.5))
        layout = depth_layout(crowd_rng, horizon, 1 + int(crowd_rng.integers(1, 4)))
        person_h, ground_y = layout[0]
    body = B.sample_body(actor_rng, person_h, family)
    facing = 1.0 if actor_rng.random() < 0.5 else -1.0
    t = np.arange(frames) / fps
    dur = frames / fps
    pose, speed = P.class_pose(label, pose_rng, t, dur, fps)
    rel = P.kinematics(body, pose, facing)
    hip_x = _clip_root(actor_rng, rel, pose, body, speed, facing, t, dur, aspect)
    joints = P.place(body, rel, pose, hip_x)
    others = (_neighbours(crowd_rng, layout[1:], family, joints["hip"][:, 0], person_h, t, dur, fps)
              if framing == "crowd" else [])

    chair = None
    keep_clear = [] if speed > 0 else [x_extent(joints, 0.25 * person_h)]
    if name in ("sit_down", "stand_up"):
        k = int(np.argmin(joints["hip"][:, 1]))  # the seated frame
        chair = S.chair_geometry(float(joints["hip"][k, 0]), float(joints["hip"][k, 1] - body.r_thigh),
                                 facing, person_h, scene_rng, np.full(3, 128.0, np.float32), 1.9 * body.r_torso)
        keep_clear.append((chair["x0"] - 0.05 * person_h, chair["x1"] + 0.05 * person_h))
    scene = S.sample_scene(scene_rng, family, aspect, horizon, person_h, keep_clear,
                           chairs=[(chair, ground_y)] if chair is not None else [])
    wall = scene.mean_colour()
    look = B.sample_look(actor_rng, family, wall, person_h)
    # Everyone back to front: (ground, body, joints, lift, facing, look).
    people = sorted([(ground_y, body, joints, pose["lift"], facing, look)]
                    + [o + (B.sample_look(crowd_rng, family, wall, o[1].height),) for o in others],
                    key=lambda p: p[0])

    views = [(0, None)] if framing == "frame" else crop_views(view_rng, joints, body, ground_y, aspect, frames)
    img = np.empty((frames, height, width, 3), np.float32)
    bounds = [a for a, _ in views] + [frames]
    for (a, view), b in zip(views, bounds[1:]):
        cv = Canvas(width, height, aspect, view)
        part = img[a:b]
        part[:] = scene.draw(cv)[None]
        for ground, who, js, lift, faces, dress in people:
            feet_x = 0.5 * (js["ankle_n"][a:b, 0] + js["ankle_f"][a:b, 0])
            scene.draw_shadows(part, cv, feet_x, 0.3 * who.height, lift[a:b], ground)
            B.draw_person(part, cv, {k: v[a:b] for k, v in js.items()}, who, dress, ground, faces)
    out = camera.camera(img, cam_rng, camera.sample_camera(cam_rng, compress, family), np.linspace(0.0, 1.0, frames))
    if not return_meta:
        return out
    meta = dict(joints=joints, body_height=person_h, ground_y=ground_y, aspect=aspect, facing=facing,
                speed=speed, chair=chair, r_thigh=body.r_thigh, family=family, framing=framing,
                neighbours=[dict(ground=o[0], height=o[1].height, joints=o[2]) for o in others],
                views=[(a, v if v is not None else (0.0, 0.0, aspect, 1.0)) for a, v in views])
    return out, meta
