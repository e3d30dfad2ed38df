"""Wide views with several people, each with their own timeline of actions, and per-person ground
truth (shared/spec/synthetic-actions.md, "Multi-person scenes").

People stand at their own depth on one floor: nearer people are lower in the frame and taller (10-40%
of the frame height), and are drawn over farther ones, so people who cross occlude each other. Some
walk in through a frame edge first and some walk out at the end. Anyone who sits has a chair of
their own; nothing stands on the floor where someone could squat. Ground truth per frame and person:
a track id that never changes, the tight box of the drawn body in pixels (clipped to the frame; None
while outside it) and the action label.
"""

from __future__ import annotations

import numpy as np

from . import body as B
from . import camera, pose as P, scene as S
from .clip import depth_layout
from .long import LongPlanner, person_chair, plan_long, sitting
from .raster import Canvas
from .splits import clip_family, sample_aspect

def _person(rng, fps, n_frames, aspect, height, family, enter=None, leave=None):
    """One person's segments (joints, labels) over n_frames: maybe walking in first, maybe out last
    (always, where `enter` / `leave` is True)."""
    body = B.sample_body(rng, height, family)
    sit_end, chair_facing, seat = sitting(rng, body, fps)
    chair_hip_x = float(rng.uniform(0.15, 0.85) * aspect)
    planner = LongPlanner(rng, body, aspect, fps, chair_hip_x, chair_facing, sit_end)
    x = float(rng.uniform(0.15, 0.85) * aspect)
    facing = 1.0 if rng.random() < 0.5 else -1.0
    if (rng.random() < 0.5) if enter is None else enter:  # walks in through the nearer edge
        edge = -0.3 * height if x < aspect / 2 else aspect + 0.3 * height
        speed = rng.uniform(*P.WALK_SPEED)
        n = int(np.clip(round(abs(x - edge) / (speed * height) * fps), 2 * fps, n_frames / 2))
        planner.travel("walk", np.arange(n) / fps, edge, x)
        facing = 1.0 if x > edge else -1.0
    exit_n = int(rng.uniform(2, 4) * fps) if ((rng.random() < 0.5) if leave is None else leave) else 0
    if exit_n >= n_frames and not planner.segments:  # a video shorter than the walk out: act, then leave
        exit_n = n_frames // 2
    plan_long(planner, n_frames - exit_n, x, facing)
    if exit_n and planner.segments[-1].label != "fall" and planner.frame < n_frames:
        last = float(planner.segments[-1].joints["hip"][-1, 0])
        edge = -0.4 * height if last < aspect / 2 else aspect + 0.4 * height
        n = n_frames - planner.frame
        if abs(edge - last) / (height * n / fps) <= P.WALK_SPEED[1]:
            planner.travel("walk", np.arange(n) / fps, last, edge)
        else:
            planner.travel("run", np.arange(n) / fps, last, edge)
    while planner.frame < n_frames:  # a fall ended the plan early: lie still
        seg = planner.segments[-1]
        k = n_frames - planner.frame
        planner.segments.append(type(seg)(seg.label, planner.frame, {j: np.repeat(v[-1:], k, 0) for j, v in seg.joints.items()},
                                          np.zeros(k), seg.facing))
        planner.frame = n_frames
    chair = None
    if any(s.label in ("sit_down", "stand_up") for s in planner.segments):
        chair = person_chair(rng, body, chair_hip_x, seat, chair_facing)
    return body, planner.segments, chair


def render_multi_video(seed: int, width: int = 640, height: int = 360, fps: float = 8.0, duration_s: float = 30.0,
                       people: int | None = None, family: str | None = None, aspect: float | None = None,
                       compress: bool = True, in_view: tuple | None = None):
    """-> (frames uint8 [N,H,W,3], truth): truth has fps, width, height, family and "people": per
    person a track_id, its timeline [{"label", "start_s", "end_s"}], per-frame labels and per-frame
    boxes [x0, y0, x1, y1] in pixels (None where the person is outside the frame).

    `in_view` = (start_s, seconds): the people are in the scene only then, walking in first and out
    last; the rest of the video is the empty scene (label None), as a surveillance camera mostly sees."""
    aspect = width / height if aspect is None else float(aspect)
    plan_rng, look_rng, scene_rng, cam_rng = (np.random.default_rng(s) for s in np.random.SeedSequence([seed, 4242]).spawn(4))
    family = family or clip_family(seed + 4242)
    n = int(people or plan_rng.integers(2, 5))
    n_frames = int(round(duration_s * fps))
    first, shown = 0, n_frames
    if in_view is not None:
        first = int(round(in_view[0] * fps))
        shown = min(int(round(in_view[1] * fps)), n_frames - first)
        if first < 0 or shown < 4 * fps:
            raise ValueError(f"in_view {in_view}: needs a start inside the video and at least 4 s in view")
    horizon = float(plan_rng.uniform(0.3, 0.5))
    persons = []
    windowed = True if in_view is not None else None  # walks in and out; else as the plan draws it
    for track, (h, ground) in enumerate(depth_layout(plan_rng, horizon, n)):
        body, segments, chair = _person(plan_rng, fps, shown, aspect, h, family, windowed, windowed)
        # World positions far outside the frame: nobody is drawn where the window does not reach.
        joints = {k: np.full((n_frames, 2), [-10.0 * aspect, 0.0]) for k in P.JOINTS}
        for k in P.JOINTS:
            joints[k][first:first + shown] = np.concatenate([s.joints[k] for s in segments])[:shown]
        lift, facing = np.zeros(n_frames), np.ones(n_frames)
        lift[first:first + shown] = np.concatenate([s.lift for s in segments])[:shown]
        facing[first:first + shown] = np.concatenate([np.full(len(s.lift), s.facing) for s in segments])[:shown]
        for seg in segments:
            seg.start += first
        persons.append(dict(track=track, height=h, ground=ground, body=body, segments=segments, chair=chair,
                            joints=joints, lift=lift, facing=facing, window=(first, first + shown)))
    chairs = [(p["chair"], p["ground"]) for p in persons if p["chair"] is not None]
    scene = S.sample_scene(scene_rng, family, aspect, horizon, float(np.mean([p["height"] for p in persons])), [],
                           clutter=(0, 0), chairs=chairs)
    wall = scene.mean_colour()
    for p in persons:
        p["look"] = B.sample_look(look_rng, family, wall, p["height"])
    cv = Canvas(width, height, aspect)
    bg = scene.draw(cv)
    cam = camera.sample_camera(cam_rng, compress, family)
    ramp = 0.5 - 0.5 * np.cos(2 * np.pi * np.arange(n_frames) / (fps * cam_rng.uniform(8, 20)))
    order = sorted(persons, key=lambda p: p["ground"])  # farther first
    out = np.empty((n_frames, height, width, 3), np.uint8)
    for a in range(0, n_frames, 32):
        b = min(a + 32, n_frames)
        img = np.repeat(bg[None], b - a, 0)
        for p in order:
            j = p["joints"]
            feet = 0.5 * (j["ankle_n"][a:b, 0] + j["ankle_f"][a:b, 0])
            scene.draw_shadows(img, cv, feet, 0.3 * p["height"], p["lift"][a:b], p["ground"])
            facing = p["facing"][a:b]
            edges = [0] + [k for k in range(1, b - a) if facing[k] != facing[k - 1]] + [b - a]
            for lo, hi in zip(edges[:-1], edges[1:]):
                B.draw_person(img[lo:hi], cv, {k: v[a + lo:a + hi] for k, v in j.items()}, p["body"], p["look"],
                              p["ground"], float(facing[lo]))
        out[a:b] = camera.camera(img, cam_rng, cam, ramp[a:b])
    truth = {"fps": fps, "width": width, "height": height, "family": family, "frames": n_frames,
             "people": [_truth(p, fps, n_frames, width, height, aspect) for p in persons]}
    return out, truth


def _truth(p: dict, fps: float, n_frames: int, width: int, height: int, aspect: float) -> dict:
    labels = np.full(n_frames, None, object)
    timeline = []
    for s in p["segments"]:
        end = min(p["window"][1], s.start + len(s.lift))
        labels[s.start:end] = s.label
        if timeline and timeline[-1]["label"] == s.label and s.label != "walk":
            timeline[-1]["end_s"] = end / fps
        else:
            timeline.append({"label": s.label, "start_s": s.start / fps, "end_s": end / fps})
    boxes = []
    sx, sy = width / aspect, height
    for k in range(n_frames):
        x0, y0, x1, y1 = P.extent(p["joints"], p["body"], slice(k, k + 1))
        # World y is up from this person's ground line; screen y is down from the top.
        box = [x0 * sx, (p["ground"] - y1) * sy, x1 * sx, (p["ground"] - y0) * sy]
        clipped = [max(box[0], 0.0), max(box[1], 0.0), min(box[2], width), min(box[3], height)]
        boxes.append([round(v, 1) for v in clipped] if clipped[2] > clipped[0] and clipped[3] > clipped[1] else None)
    return {"track_id": p["track"], "height": round(p["height"] * height, 1), "timeline": timeline,
            "labels": labels.tolist(), "boxes": boxes}
