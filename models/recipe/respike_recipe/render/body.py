"""How a person is built and drawn: proportions, clothes and drawing style, per style family.

A `Body` holds segment lengths and radii (world units); a `Look` says how its parts are painted
(flat colours, lines, a soft silhouette, patterned or photo-textured clothes, shaded mannequin parts)
and which extras it wears (hair or a hat, a backpack, a coat). `sample_body` and `sample_look`
draw them from the family's ranges; `draw_person` paints the side view back to front.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import colours
from .raster import Canvas, Paint, draw_parts
from .textures import PHOTOS


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
    taper: float = 1.0  # radius at a limb's far end relative to its near end


@dataclass
class Look:
    shirt: Paint
    pants: Paint
    skin: Paint
    shoes: Paint
    short_sleeves: bool = False
    outline: np.ndarray | None = None
    outline_w: float = 0.0
    far_shade: float = 1.0
    ring_head: bool = False
    hair: Paint | None = None
    hat: bool = False
    backpack: Paint | None = None
    coat: bool = False


def sample_body(rng: np.random.Generator, height: float, family: str) -> Body:
    """Proportions around an adult's, varied per family, scaled so that standing height is `height`."""
    j = lambda lo=0.9, hi=1.1: rng.uniform(lo, hi)
    head = {"stick": j(0.8, 1.5), "shaded": j(0.85, 1.25)}.get(family, j(0.8, 1.3))
    torso, neck, head_r = 0.30 * j(), 0.035 * j(0.5, 1.5), 0.065 * head
    legs = j(0.85, 1.15)
    thigh, shank, ankle_h = 0.245 * j() * legs, 0.235 * j() * legs, 0.03
    scale = height / (ankle_h + shank + thigh + torso + neck + 2 * head_r)
    thick = {"stick": 0.0, "silhouette": rng.uniform(0.9, 1.6), "night": rng.uniform(1.0, 1.6)}.get(
        family, rng.uniform(0.7, 1.5))
    radii = np.array([0.075, 0.045, 0.038, 0.032, 0.026, 0.022]) * thick
    if family == "stick":
        radii = np.full(6, rng.uniform(0.008, 0.024))
    else:
        radii[0] *= rng.uniform(0.75, 1.35)  # torso width varies independently of limbs
    r = radii * height
    taper = rng.uniform(0.6, 0.9) if family == "shaded" else 1.0
    return Body(height, torso * scale, neck * scale, head_r * scale, 0.03 * scale, thigh * scale,
                shank * scale, ankle_h * scale, 0.075 * scale * j(0.8, 1.3), 0.17 * j() * scale,
                0.17 * j() * scale, r[0], r[1], r[2], r[3], r[4], r[5], taper)


def _cloth(rng: np.random.Generator, colour: np.ndarray, family: str, height: float) -> Paint:
    """A clothing paint: flat in the flat family, patterned or photo-textured in the photo family,
    shaded as a cylinder in the shaded and photo families."""
    paint = Paint(colour)
    if family == "photo" and rng.random() < 0.75:
        paint.pattern = str(rng.choice(["stripes", "checks", "dots", "noise", "photo"]))
        paint.period = height * rng.uniform(0.02, 0.08)
        paint.contrast = rng.uniform(0.15, 0.5)
        paint.texture = int(rng.integers(len(PHOTOS) if paint.pattern == "photo" else 1000))
    if family in ("photo", "shaded", "night"):
        paint.shade = rng.uniform(0.2, 0.5) if family != "shaded" else rng.uniform(0.4, 0.8)
        paint.light = rng.uniform(-1, 1)
    return paint


def sample_look(rng: np.random.Generator, family: str, bg: np.ndarray, height: float) -> Look:
    """Clothes, skin and extras; colours stand out from the background `bg` (mean colour) by luma or
    hue, a few tries each, as people mostly do on camera."""
    c = lambda: colours.contrasting(rng, bg)
    if family == "silhouette":
        # One colour for the whole body: a backlit person, a shadow, a flat icon.
        tone = colours.contrasting(rng, bg, min_luma_gap=70)
        paints = [Paint(tone.copy(), soft=rng.uniform(1.0, 2.5)) for _ in range(4)]
        return Look(*paints, far_shade=float(rng.uniform(0.85, 1.0)))
    if family == "stick":
        one = c()
        col = lambda: one if rng.random() < 0.6 else c()
        return Look(Paint(col()), Paint(col()), Paint(col()), Paint(col()), far_shade=float(rng.uniform(0.5, 1.0)),
                    ring_head=bool(rng.random() < 0.5))
    if family == "shaded" and rng.random() < 0.5:
        # A mannequin: one material, strongly shaded.
        mat = _cloth(rng, c(), family, height)
        return Look(mat, mat, mat, Paint(mat.colour * 0.7, shade=mat.shade, light=mat.light),
                    far_shade=float(rng.uniform(0.6, 0.9)))
    skin = colours.skin(rng)
    if rng.random() < 0.15:  # a non-skin head (hoods, masks, cartoon styles)
        skin = c()
    look = Look(shirt=_cloth(rng, c(), family, height), pants=_cloth(rng, c(), family, height),
                skin=Paint(skin, shade=0.3 if family in ("photo", "shaded", "night") else 0.0,
                           light=float(rng.uniform(-1, 1))),
                shoes=Paint(colours.uniform(rng, 0, 120)), short_sleeves=bool(rng.random() < 0.4),
                far_shade=float(rng.uniform(0.55, 1.0)))
    for p in (look.shirt, look.pants, look.skin, look.shoes):
        p.soft = rng.uniform(1.0, 2.0) if family == "night" else 1.0
    if family == "flat" and rng.random() < 0.4:
        look.outline = colours.uniform(rng, 0, 60) if rng.random() < 0.7 else colours.uniform(rng, 200, 255)
        look.outline_w = height * rng.uniform(0.006, 0.014)
    if family != "stick" and rng.random() < 0.6:
        look.hair = Paint(colours.hair(rng) if rng.random() < 0.8 else c(), shade=look.skin.shade)
        look.hat = bool(rng.random() < 0.25)
    if family in ("photo", "shaded", "flat", "night") and rng.random() < 0.25:
        look.backpack = _cloth(rng, c(), family, height)
    look.coat = family in ("photo", "shaded", "flat") and rng.random() < 0.2
    return look


def draw_person(img: np.ndarray, cv: Canvas, joints: dict, body: Body, look: Look, ground_y: float,
                facing: float) -> None:
    """Far limbs, torso, near leg, head, near arm: back to front in a side view (joints in world
    coordinates, y up from the ground; img [T,H,W,3])."""
    s = {k: np.stack([v[:, 0], ground_y - v[:, 1]], -1) for k, v in joints.items()}
    tp = body.taper

    def leg(side):
        return [(s["hip"], s["knee_" + side], body.r_thigh, body.r_thigh * tp),
                (s["knee_" + side], s["ankle_" + side], body.r_shank, body.r_shank * tp)]

    def arm(side):
        return [(s["shoulder"], s["elbow_" + side], body.r_upper_arm, body.r_upper_arm * tp),
                (s["elbow_" + side], s["hand_" + side], body.r_forearm, body.r_forearm * tp)]

    def foot(side):
        return [(s["ankle_" + side], s["toe_" + side], body.r_foot, body.r_foot)]

    def layer(parts, paint, shade=1.0, ring=0.0):
        if shade != 1.0:
            paint = Paint(**{**paint.__dict__, "colour": (paint.colour * shade).astype(np.float32)})
        if look.outline is not None:
            draw_parts(img, cv, parts, Paint(look.outline, soft=paint.soft), grow=look.outline_w, ring=ring)
        draw_parts(img, cv, parts, paint, ring=ring)

    def draw_arm(side, shade):
        if look.short_sleeves:
            layer(arm(side)[1:], look.skin, shade)
            layer(arm(side)[:1], look.shirt, shade)
        else:
            layer(arm(side), look.shirt, shade)

    axis = s["neck"] - s["hip"]
    axis = axis / (np.linalg.norm(axis, axis=-1, keepdims=True) + 1e-9)
    back = -facing * np.stack([-axis[:, 1], axis[:, 0]], -1)  # across the torso, away from the face
    fs = look.far_shade
    layer(leg("f"), look.pants, fs)
    layer(foot("f"), look.shoes, fs)
    draw_arm("f", fs)
    if look.backpack is not None:
        top, bottom = s["shoulder"] + back * body.r_torso, s["hip"] * 0.35 + s["shoulder"] * 0.65 + back * body.r_torso
        layer([(bottom, top, 0.8 * body.r_torso, 0.8 * body.r_torso)], look.backpack)
    layer([(s["hip"], s["neck"], body.r_torso * (1.1 if tp < 1 else 1.0), body.r_torso * (1.25 if tp < 1 else 1.0))],
          look.shirt)
    layer(leg("n"), look.pants)
    layer(foot("n"), look.shoes)
    if look.coat:
        hem = s["hip"] + 0.45 * (s["knee_n"] + s["knee_f"] - 2 * s["hip"]) / 2
        layer([(s["hip"] + 0.2 * (s["neck"] - s["hip"]), hem, body.r_torso, 1.35 * body.r_torso)], look.shirt)
    ring = body.r_torso if look.ring_head else 0.0
    head = s["head"]
    if look.hair is not None and not look.ring_head:
        up = axis * body.head_r * 0.25 + back * body.head_r * 0.2
        r = body.head_r * (1.05 if not look.hat else 1.1)
        layer([(head + up, head + up, r, r)], look.hair)
    layer([(head, head, body.head_r, body.head_r)], look.skin, ring=ring)
    if look.hat and look.hair is not None and not look.ring_head:
        top = head + axis * body.head_r * 0.75
        layer([(top - back * body.head_r * 1.1, top + back * body.head_r * 0.9, 0.25 * body.head_r,
                0.25 * body.head_r)], look.hair)
    draw_arm("n", 1.0)
