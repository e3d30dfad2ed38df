"""Long multi-action videos of one person, with the ground-truth timeline."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import body as B
from . import camera, pose as P, scene as S
from .clip import scene_layout, x_extent
from .raster import Canvas
from .splits import clip_family


@dataclass
class Segment:
    label: str
    start: int
    joints: dict
    lift: np.ndarray
    facing: float


class LongPlanner:
    """Chains 2-4 s actions with continuous posture and position: sit_down is followed by stand_up,
    squat_down by rise, a fall ends the video, and the person walks to the one static chair before
    sitting. Walks and runs head for the side with more room so the person stays in view."""

    def __init__(self, rng, body: B.Body, aspect: float, fps: float, chair_hip_x: float, chair_facing: float,
                 sit_end: dict):
        self.rng, self.body, self.aspect, self.fps = rng, body, aspect, fps
        self.chair_hip_x, self.chair_facing, self.sit_end = chair_hip_x, chair_facing, sit_end
        self.segments: list = []
        self.frame = 0

    def add(self, label: str, pose: dict, facing: float, hip_x: np.ndarray) -> float:
        rel = P.kinematics(self.body, pose, facing)
        hip = hip_x(rel) if callable(hip_x) else hip_x
        self.segments.append(Segment(label, self.frame, P.place(self.body, rel, pose, hip), pose["lift"], facing))
        self.frame += len(hip)
        return float(hip[-1])

    def anchored(self, label: str, pose: dict, facing: float, x: float) -> float:
        """A planted action whose first hip position is x."""
        def hip(rel):
            h = P.anchored_hip_x(rel, pose, self.body, 0.0)
            return h - h[0] + x
        return self.add(label, pose, facing, hip)

    def travel(self, label: str, t: np.ndarray, x: float, target: float) -> float:
        h = self.body.height
        facing = 1.0 if target > x else -1.0
        speed = abs(target - x) / (h * len(t) / self.fps)
        pose, _ = (P.walk if label == "walk" else P.run)(self.rng, t, len(t) / self.fps, self.fps, speed)
        return self.add(label, pose, facing, x + facing * speed * h * t)

    def sit_start(self, t: np.ndarray) -> tuple:
        """The sit_down pose and the hip x it must start from to land on the chair."""
        pose, _ = P.lower(self.rng, t, len(t) / self.fps, self.fps, self.sit_end)
        rel = P.kinematics(self.body, pose, self.chair_facing)
        h = P.anchored_hip_x(rel, pose, self.body, 0.0)
        return pose, self.chair_hip_x - (h[-1] - h[0])


def sitting(rng: np.random.Generator, body: B.Body, fps: float) -> tuple:
    """(end posture of sitting down, the facing the chair makes a sitter take, seat height): a long
    video's one chair is built for its person's own sitting posture."""
    sit_end = P.lower_params(rng)
    chair_facing = 1.0 if rng.random() < 0.5 else -1.0
    seated = P.kinematics(body, P.lower(rng, np.array([10.0]), 2.0, fps, sit_end)[0], chair_facing)
    seated = P.place(body, seated, {"lift": np.zeros(1)}, np.zeros(1))
    return sit_end, chair_facing, float(seated["hip"][0, 1] - body.r_thigh)


def person_chair(rng: np.random.Generator, body: B.Body, hip_x: float, seat: float, facing: float) -> dict:
    return S.chair_geometry(hip_x, seat, facing, body.height, rng, np.full(3, 128.0, np.float32), 1.9 * body.r_torso)


def plan_long(planner: LongPlanner, n_frames: int, x: float, facing: float) -> list:
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
            pose, _ = P.lower(rng, t, dur, fps, planner.sit_end, rising=True)
            x = planner.anchored("stand_up", pose, planner.chair_facing, x)
            posture, facing = "stand", planner.chair_facing
            continue
        if posture == "squat":
            pose, _ = P.lower(rng, t, dur, fps, squat_end, rising=True)
            x = planner.anchored("rise", pose, facing, x)
            posture = "stand"
            continue
        choice = rng.choice(["idle", "walk", "run", "wave", "jump", "sit_down", "squat_down", "fall"],
                            p=[0.12, 0.2, 0.1, 0.12, 0.12, 0.16, 0.12, 0.06])
        room = (aspect - margin - x, x - margin)  # ahead to the right, to the left
        go_right = room[0] >= room[1]
        reach = max(room) / (h * dur)  # fastest speed that stays in view
        if choice == "run" and reach < P.RUN_SPEED[0]:
            choice = "walk"
        if choice == "walk" and reach < P.WALK_SPEED[0]:
            choice = "idle"
        if choice in ("walk", "run"):
            lo, hi = P.WALK_SPEED if choice == "walk" else P.RUN_SPEED
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
            elif not P.WALK_SPEED[0] <= dist / (h * walk_n / fps) <= P.WALK_SPEED[1]:
                walk_n = -1  # too near (or far) for a 2-4 s walk: step away first, sit later
            if walk_n >= 0 and (left == walk_n + n or left >= walk_n + n + 2 * fps):
                if walk_n:
                    x = planner.travel("walk", np.arange(walk_n) / fps, x, start)
                # Turns round in front of the chair if needed, then sits.
                x = planner.anchored("sit_down", pose, planner.chair_facing, start)
                posture = "seated"
                continue
            if walk_n < 0 and reach >= P.WALK_SPEED[0]:
                dist = rng.uniform(P.WALK_SPEED[0], min(P.WALK_SPEED[1], reach)) * h * dur
                x = planner.travel("walk", t, x, x + dist if go_right else x - dist)
                facing = 1.0 if go_right else -1.0
                continue
            choice = "idle"
        if choice == "squat_down":
            if abs(x - planner.chair_hip_x) < 0.8 * h:  # never squat in front of the chair
                choice = "wave"
            else:
                squat_end = P.lower_params(rng)
                pose, _ = P.lower(rng, t, dur, fps, squat_end)
                x = planner.anchored("squat_down", pose, facing, x)
                posture = "squat"
                continue
        if choice == "fall" and left - n > 0:
            choice = "idle"  # a fall only ends the video
        pose, _ = P.simple_pose(choice, rng, t, dur, fps)
        x = planner.anchored(choice, pose, facing, x)
        if choice == "fall":
            posture = "lying"  # the last segment: nothing in this benchmark gets a person up again
    return planner.segments


@dataclass
class LongVideo:
    """A planned long video: the person's motion over every frame, the scene, and the camera."""
    fps: float
    family: str
    body: B.Body
    person_h: float
    ground_y: float
    chair_hip_x: float
    segments: list
    joints: dict
    lift: np.ndarray
    facing: np.ndarray
    scene: object
    look: object
    cam_rng: np.random.Generator
    cam: dict
    ramp: np.ndarray

    @property
    def frames(self) -> int:
        return len(self.lift)

    def timeline(self) -> list:
        return [{"label": s.label, "start_s": s.start / self.fps,
                 "end_s": min(self.frames, s.start + len(s.joints["hip"])) / self.fps} for s in self.segments]

    def labels(self) -> list:
        """The action of every frame."""
        out = []
        for s in self.segments:
            out += [s.label] * len(s.joints["hip"])
        return out[:self.frames]

    def draw(self, width: int, height: int, aspect: float, first: int = 0, last: int | None = None) -> np.ndarray:
        """Frames [first, last) as uint8 [n, height, width, 3], drawn and filmed 32 at a time."""
        last = self.frames if last is None else last
        cv = Canvas(width, height, aspect)
        bg = self.scene.draw(cv)
        feet_x = 0.5 * (self.joints["ankle_n"][:, 0] + self.joints["ankle_f"][:, 0])
        out = np.empty((last - first, height, width, 3), np.uint8)
        for a in range(first, last, 32):
            b = min(a + 32, last)
            img = np.repeat(bg[None], b - a, 0)
            self.scene.draw_shadows(img, cv, feet_x[a:b], 0.3 * self.person_h, self.lift[a:b])
            # Facing changes only between segments; draw each run of equal facing on its own.
            edges = [0] + [k for k in range(1, b - a) if self.facing[a + k] != self.facing[a + k - 1]] + [b - a]
            for lo, hi in zip(edges[:-1], edges[1:]):
                B.draw_person(img[lo:hi], cv, {k: v[a + lo:a + hi] for k, v in self.joints.items()}, self.body,
                              self.look, self.ground_y, float(self.facing[a + lo]))
            out[a - first:b - first] = camera.camera(img, self.cam_rng, self.cam, self.ramp[a:b])
        return out


def plan_long_video(seed, aspect: float, fps: float = 8.0, duration_s: float = 60.0, compress: bool = True,
                    family: str | None = None) -> LongVideo:
    """Everything of a long video but its pixels (`seed` an int, or a pair of ints with `family` given)."""
    family = clip_family(seed + 99) if family is None else family
    entropy = [seed, 99] if np.isscalar(seed) else [*seed, 99]
    plan_rng, actor_rng, scene_rng, cam_rng = (np.random.default_rng(s) for s in np.random.SeedSequence(entropy).spawn(4))
    # A small person, so that walks and some runs fit in the frame.
    person_h, ground_y = scene_layout(actor_rng, 0.35, heights=(0.35, 0.42))
    body = B.sample_body(actor_rng, person_h, family)

    sit_end, chair_facing, seat = sitting(plan_rng, body, fps)
    chair_hip_x = float(plan_rng.uniform(0.3, 0.7) * aspect)
    chair = person_chair(scene_rng, body, chair_hip_x, seat, chair_facing)

    n_frames = int(round(duration_s * fps))
    planner = LongPlanner(plan_rng, body, aspect, fps, chair_hip_x, chair_facing, sit_end)
    start_x = float(plan_rng.uniform(0.2, 0.8) * aspect)
    segments = plan_long(planner, n_frames, start_x, 1.0 if plan_rng.random() < 0.5 else -1.0)
    joints = {k: np.concatenate([s.joints[k] for s in segments])[:n_frames] for k in P.JOINTS}
    lift = np.concatenate([s.lift for s in segments])[:n_frames]
    facing = np.concatenate([np.full(len(s.lift), s.facing) for s in segments])[:n_frames]

    keep_clear = [x_extent(joints, 0.25 * person_h), (chair["x0"] - 0.1 * person_h, chair["x1"] + 0.1 * person_h)]
    scene = S.sample_scene(scene_rng, family, aspect, ground_y, person_h, keep_clear, chair)
    look = B.sample_look(actor_rng, family, scene.mean_colour(), person_h)
    cam = camera.sample_camera(cam_rng, compress, family)
    # Slow back-and-forth drift instead of one ramp over minutes.
    ramp = 0.5 - 0.5 * np.cos(2 * np.pi * np.arange(n_frames) / (fps * cam_rng.uniform(8, 20)))
    return LongVideo(fps, family, body, person_h, ground_y, chair_hip_x, segments, joints, lift, facing, scene,
                     look, cam_rng, cam, ramp)


def render_long_video(seed: int, width: int, height: int, fps: float = 8.0, duration_s: float = 60.0,
                      aspect: float | None = None, compress: bool = True, return_meta: bool = False,
                      family: str | None = None):
    """A multi-action video of one person: frames uint8 [N,H,W,3] and the timeline, a list of
    {"label", "start_s", "end_s"} covering the whole video in order.

    `family` is the style family (default: drawn from the seed). With return_meta=True also returns a
    dict: joints (name -> [N,2] world coords, as for `render_clip`), body_height, chair_hip_x (where a
    sitter's hip lands on the one chair) and family."""
    aspect = width / height if aspect is None else float(aspect)
    video = plan_long_video(seed, aspect, fps, duration_s, compress, family)
    out, timeline = video.draw(width, height, aspect), video.timeline()
    if not return_meta:
        return out, timeline
    return out, timeline, dict(joints=video.joints, body_height=video.person_h, chair_hip_x=video.chair_hip_x,
                               family=video.family)


# A window is cut from a video this long (seconds): one to three actions, so that most windows cross one
# boundary and some lie inside one action.
WINDOW_VIDEO_S = (4.0, 10.0)
# Videos tried for a window whose majority is the class asked for, before the plain clip stands in (a fall
# only ends a video, so it is the rarest majority).
WINDOW_TRIES = 150


def render_window(label: int, seed: int, width: int, height: int, frames: int = 16, fps: float = 8.0,
                  aspect: float | None = None, compress: bool = True, family: str | None = None,
                  return_meta: bool = False):
    """`frames` consecutive frames of a short long video, whole frames, labelled by the action that covers
    most of them (at least half): what a camera's clips are, where actions follow each other and a clip
    straddles two. Videos [seed, k] for k = 0, 1, ... are planned until a window's majority action is
    class `label` (the window's start drawn uniformly); None if none is within WINDOW_TRIES. With
    return_meta=True also returns {"labels": the action of each frame, "family"}."""
    aspect = width / height if aspect is None else float(aspect)
    family = clip_family(seed) if family is None else family
    name = P.CLASSES[label]
    for k in range(WINDOW_TRIES):
        rng = np.random.default_rng([int(seed), 23, k])
        duration = max(frames / fps, round(rng.uniform(*WINDOW_VIDEO_S) * fps) / fps)
        video = plan_long_video((int(seed), k), aspect, fps, duration, compress, family)
        if video.frames < frames:
            continue
        first = int(rng.integers(0, video.frames - frames + 1))
        labels = video.labels()[first:first + frames]
        if 2 * labels.count(name) < frames or max(labels, key=labels.count) != name:
            continue
        out = video.draw(width, height, aspect, first, first + frames)
        return (out, dict(labels=labels, family=video.family)) if return_meta else out
    return None
