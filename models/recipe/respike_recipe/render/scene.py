"""The static scene: wall and floor, props, the chair, light, and the person's shadow.

A scene is sampled once (`sample_scene`) into world-space drawing steps and drawn into any view
(`Scene.draw`): the whole frame or a crop box around a person show the same wall, the same props and
the same chair. Nothing random happens at draw time; textures are functions of position.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from . import colours, textures
from .raster import Canvas, draw_ellipse, draw_polygon, draw_rect

@dataclass
class Scene:
    aspect: float
    ground_y: float
    steps: list = field(default_factory=list)
    shadow: float = 0.0  # opacity of the soft shadow under the person
    light_x: float = 0.0  # where the light comes from (-1 left .. 1 right): stretches the shadow

    def mean_colour(self) -> np.ndarray:
        """The mean colour of the wall as drawn (textures, light and decorations included)."""
        cv = Canvas(24, 24, self.aspect, (0.0, 0.0, self.aspect, self.ground_y))
        return self.draw(cv).reshape(-1, 3).mean(0)

    def draw(self, cv: Canvas) -> np.ndarray:
        img = np.zeros((cv.h, cv.w, 3), np.float32)
        for step in self.steps:
            step(img, cv)
        return img

    def draw_shadows(self, img: np.ndarray, cv: Canvas, feet_x: np.ndarray, width: float,
                     lift: np.ndarray, ground_y: float | None = None) -> None:
        """The person's contact shadow on the floor (at `ground_y`, default the scene's ground line),
        per frame [T,H,W,3] (fainter in the air)."""
        if self.shadow <= 0:
            return
        ground_y = self.ground_y if ground_y is None else ground_y
        for k in range(len(img)):
            alpha = self.shadow / (1.0 + 8.0 * max(float(lift[k]), 0.0))
            draw_ellipse(img[k], cv, float(feet_x[k]) + self.light_x * 0.4 * width, ground_y,
                         width * (1 + 0.8 * abs(self.light_x)), 0.12 * width, np.zeros(3, np.float32),
                         alpha=alpha, soft=3.0)


# ----------------------------------------------------------------------------------------------
# Walls and floors
# ----------------------------------------------------------------------------------------------

def _surface(rng: np.random.Generator, family: str, base: np.ndarray, is_floor: bool):
    """A colour field f(X, Y, cv) -> [H,W,3] for a wall or floor in the family's manner."""
    seed = int(rng.integers(1 << 30))
    amp = rng.uniform(8, 35)
    if family == "photo":
        index, scale = int(rng.integers(len(textures.PHOTOS))), rng.uniform(150, 900)
        tint = rng.uniform(0.6, 1.3, 3).astype(np.float32)
        off = rng.uniform(0, 1000, 2)
        gain = rng.uniform(0.6, 1.1)

        def photo(X, Y, cv):
            c = textures.photo(index, X * scale + off[0], Y * scale + off[1], cv.pw * scale)
            return c * tint * gain
        return photo
    kinds = {"flat": ["plain", "blotches", "stripes", "tiles", "grain"],
             "stick": ["plain", "plain", "grid", "grain"],
             "silhouette": ["plain", "sky" if not is_floor else "plain"],
             "shaded": ["bricks", "tiles", "wood", "blotches", "perspective" if is_floor else "panels"],
             "night": ["plain", "grain", "blotches", "bricks"]}[family]
    kind = str(rng.choice(kinds))
    period = rng.uniform(0.03, 0.25)
    other = colours.uniform(rng, 20, 235)

    def surface(X, Y, cv):
        out = np.broadcast_to(base, X.shape + (3,)).astype(np.float32).copy()
        if kind == "blotches":
            out += amp * textures.fractal_noise(X / (period * 3), Y / (period * 3), seed)[..., None]
        elif kind == "stripes":
            out += amp * np.sign(np.sin(2 * np.pi * X / period))[..., None]
        elif kind == "panels":
            out += amp * (np.mod(X, period * 2) < 0.1 * period)[..., None] * -1.0
        elif kind == "tiles":
            out += amp * np.sign(np.sin(2 * np.pi * X / period) * np.sin(2 * np.pi * Y / period))[..., None]
        elif kind == "grain":
            out += amp * 0.6 * textures.value_noise(X / (cv.pw * 1.5), Y / (cv.ph * 1.5), seed)[..., None]
        elif kind == "grid":
            line = (np.mod(X, period) < cv.pw) | (np.mod(Y, period) < cv.ph)
            out += np.where(line[..., None], other - out, 0) * 0.35
        elif kind == "sky":
            t = np.clip(Y, 0, 1)[..., None]
            out = base * (1 - t) + other * t
        elif kind == "bricks":
            bh = period * 0.5
            row = np.floor(Y / bh)
            xs = X + 0.5 * period * np.mod(row, 2)
            mortar = (np.mod(Y, bh) < 0.12 * bh) | (np.mod(xs, period) < 0.08 * period)
            shade = 0.15 * textures.value_noise(xs / period, row, seed)
            out = out * (1 + shade)[..., None]
            out = np.where(mortar[..., None], out * 0.6 + 60, out)
        elif kind == "wood":
            grain = np.sin(2 * np.pi * (Y / (period * 0.3)) + 3 * textures.value_noise(X / period, Y / period, seed))
            out += amp * 0.5 * grain[..., None]
        elif kind == "perspective":
            # Floor boards converging to a vanishing point above the frame's centre.
            vx = cv.aspect / 2
            depth = np.maximum(Y - 0.5, 1e-3)
            lines = np.sin(2 * np.pi * (X - vx) / depth * period * 2)
            out += amp * np.sign(lines)[..., None] * 0.6
        return out
    return surface


def _light(rng: np.random.Generator, family: str):
    """Multiplicative light over the scene: gradients, a lamp's pool, dark corners."""
    gy, gx = rng.uniform(-0.3, 0.3), rng.uniform(-0.25, 0.25)
    pools = []
    if family in ("night", "shaded") or rng.random() < 0.2:
        for _ in range(rng.integers(1, 4)):
            pools.append((rng.uniform(0, 1.8), rng.uniform(0.3, 1.0), rng.uniform(0.15, 0.6), rng.uniform(0.3, 1.5)))
    floor_gain = 0.25 if family == "night" else 1.0

    def light(X, Y, cv):
        g = 1.0 + gy * (Y - 0.5) + gx * (X / cv.aspect - 0.5)
        if pools:
            base = floor_gain
            for px, py, r, s in pools:
                base = base + s * np.exp(-((X - px) ** 2 + (Y - py) ** 2) / (2 * r * r))
            g = g * base
        return np.maximum(g, 0.05)
    return light


def _base_step(rng: np.random.Generator, family: str, ground_y: float):
    wall = colours.uniform(rng, 10, 140) if family == "night" else colours.uniform(rng, 20, 235)
    floor = colours.uniform(rng, 10, 140) if family == "night" else colours.uniform(rng, 20, 235)
    if rng.random() < 0.3:
        floor = np.clip(wall * rng.uniform(0.6, 1.3), 0, 255).astype(np.float32)
    if family == "silhouette" and rng.random() < 0.7:
        wall = colours.uniform(rng, 150, 255)  # backlit: a bright sky or window behind
    wall_f, floor_f = _surface(rng, family, wall, False), _surface(rng, family, floor, True)
    light = _light(rng, family)
    line = colours.uniform(rng) if rng.random() < 0.6 else None
    line_w = rng.uniform(0.002, 0.006)

    def base(img, cv):
        X, Y = cv.grid()
        is_floor = (Y > ground_y)[..., None]
        img[:] = np.where(is_floor, floor_f(X, Y, cv), wall_f(X, Y, cv)) * light(X, Y, cv)[..., None]
        if line is not None:
            draw_rect(img, cv, -10, 10, ground_y - line_w, ground_y + line_w, line)
    return base, wall


# ----------------------------------------------------------------------------------------------
# Props and the chair
# ----------------------------------------------------------------------------------------------

def _prop_colour(rng: np.random.Generator, family: str, wall: np.ndarray):
    """A prop's colour, or a photo-textured colour field in the photo family."""
    if family == "silhouette":
        return colours.contrasting(rng, wall, min_luma_gap=60) * rng.uniform(0.8, 1.0)
    if family == "night":
        return colours.uniform(rng, 0, 120)
    return colours.uniform(rng, 0, 255)


def _textured(rng, family, colour):
    """Wrap a flat colour into a function of the view, textured in the photo family."""
    if family != "photo" or rng.random() < 0.4:
        return lambda cv: colour
    index, scale, off = int(rng.integers(len(textures.PHOTOS))), rng.uniform(300, 1200), rng.uniform(0, 500, 2)

    def field(cv):
        X, Y = cv.grid()
        return textures.photo(index, X * scale + off[0], Y * scale + off[1], cv.pw * scale) * (colour / 128.0)
    return field


def chair_geometry(hip_x: float, seat_top: float, facing: float, h: float, rng: np.random.Generator,
                   bg: np.ndarray, clearance: float = 0.0) -> dict:
    """Chair under a seated hip (world coords, y up); the backrest is behind the sitter.

    Its seat reaches well behind the hip, beyond the sitter's back (and backpack) by `clearance`, and
    its backrest is tall, so a seated person does not hide it."""
    back = hip_x - facing * max(rng.uniform(0.13, 0.2) * h, clearance + 0.04 * h)
    front = hip_x + facing * rng.uniform(0.1, 0.18) * h
    return dict(x0=min(back, front), x1=max(back, front), back=back, front=front, seat=seat_top,
                thick=rng.uniform(0.04, 0.065) * h, back_h=rng.uniform(0.3, 0.45) * h,
                leg_w=rng.uniform(0.018, 0.03) * h, colour=colours.contrasting(rng, bg),
                arm=bool(rng.random() < 0.3), cushion=bool(rng.random() < 0.3))


def draw_chair(img: np.ndarray, cv: Canvas, chair: dict, ground_y: float, colour=None) -> None:
    """Seat slab, two legs and a backrest (an armrest, a cushion), on a static image [H,W,3]."""
    c = chair["colour"] if colour is None else colour
    sy, lw = ground_y - chair["seat"], chair["leg_w"]
    inward = np.sign(chair["front"] - chair["back"])
    draw_rect(img, cv, chair["x0"], chair["x1"], sy, sy + chair["thick"], c)
    for x in (chair["back"], chair["front"]):
        xl = x + inward * lw * (1 if x == chair["back"] else -1)
        draw_rect(img, cv, xl - lw, xl + lw, sy, ground_y, c)
    xb = chair["back"] + inward * lw
    draw_rect(img, cv, xb - 1.3 * lw, xb + 1.3 * lw, sy - chair["back_h"], sy, c)
    if chair.get("arm"):
        ya = sy - 0.45 * chair["back_h"]
        draw_rect(img, cv, chair["x0"], chair["x1"], ya, ya + 0.8 * lw, c)
    if chair.get("cushion"):
        draw_rect(img, cv, chair["x0"] + lw, chair["x1"] - lw, sy - 0.5 * chair["thick"], sy, c * 0.8 + 30)


def _free_spots(occupied: list, aspect: float, width: float) -> list:
    """Intervals [lo, hi] of admissible left edges for an object of `width` that avoids `occupied`."""
    edges = [(0.0, 0.0)] + sorted(occupied) + [(aspect, aspect)]
    spots = []
    for (_, a_hi), (b_lo, _) in zip(edges[:-1], edges[1:]):
        if b_lo - a_hi > width:
            spots.append((a_hi, b_lo - width))
    return spots


PROPS = ("box", "pole", "chair", "cone", "bin", "bush", "table", "lamp")


def _prop(rng, family, kind, x0, w, g, person_h, wall):
    """One floor prop at left edge x0, width w, standing on the ground line g: a drawing step."""
    colour = _textured(rng, family, _prop_colour(rng, family, wall))
    h = person_h
    if kind == "box":
        bh = rng.uniform(0.1, 0.5) * h
        lid = rng.random() < 0.5
        def step(img, cv):
            c = colour(cv)
            draw_rect(img, cv, x0, x0 + w, g - bh, g, c)
            if lid:
                draw_rect(img, cv, x0, x0 + w, g - bh, g - 0.9 * bh, c * 0.7)
        return step
    if kind == "pole":
        ph = rng.uniform(0.5, 1.3) * h
        return lambda img, cv: draw_rect(img, cv, x0, x0 + w, g - ph, g, colour(cv))
    if kind == "lamp":
        ph = rng.uniform(0.9, 1.6) * h
        lamp = colours.uniform(rng, 180, 255)
        def step(img, cv):
            draw_rect(img, cv, x0 + 0.4 * w, x0 + 0.6 * w, g - ph, g, colour(cv))
            draw_ellipse(img, cv, x0 + 0.5 * w, g - ph, 0.5 * w, 0.3 * w, lamp)
        return step
    if kind == "cone":
        ch = rng.uniform(0.2, 0.45) * h
        pts = np.array([[x0, g], [x0 + w, g], [x0 + 0.5 * w, g - ch]])
        return lambda img, cv: draw_polygon(img, cv, pts, colour(cv))
    if kind == "bin":
        bh = rng.uniform(0.25, 0.5) * h
        pts = np.array([[x0 + 0.1 * w, g], [x0 + 0.9 * w, g], [x0 + w, g - bh], [x0, g - bh]])
        return lambda img, cv: draw_polygon(img, cv, pts, colour(cv))
    if kind == "bush":
        bh = rng.uniform(0.15, 0.5) * h
        blobs = [(x0 + rng.uniform(0.2, 0.8) * w, g - rng.uniform(0.2, 0.7) * bh, rng.uniform(0.2, 0.4) * w,
                  rng.uniform(0.25, 0.45) * bh) for _ in range(rng.integers(2, 5))]
        def step(img, cv):
            c = colour(cv)
            for k, (cx, cy, rx, ry) in enumerate(blobs):
                draw_ellipse(img, cv, cx, cy, rx, ry, c * (0.85 + 0.1 * k))
        return step
    if kind == "table":
        th = rng.uniform(0.35, 0.5) * h
        def step(img, cv):
            c = colour(cv)
            draw_rect(img, cv, x0, x0 + w, g - th, g - th + 0.04 * h, c)
            for x in (x0 + 0.03 * w, x0 + 0.9 * w):
                draw_rect(img, cv, x, x + 0.07 * w, g - th, g, c * 0.8)
        return step
    face = 1.0 if rng.random() < 0.5 else -1.0
    chair = chair_geometry(x0 + 0.15 * h, rng.uniform(0.22, 0.3) * h, face, h, rng, wall, 0.1 * h)
    return lambda img, cv: draw_chair(img, cv, chair, g, colour(cv) if family == "photo" else None)


def _wall_decor(rng, family, aspect, g, person_h, wall):
    """Windows, doors and posters on the wall: high up, away from where a chair would be read."""
    w = rng.uniform(0.15, 0.6) * person_h
    x0 = rng.uniform(-0.1, aspect)
    y1 = g - rng.uniform(0.55, 1.0) * person_h
    y0 = y1 - rng.uniform(0.2, 0.7) * person_h
    colour = _textured(rng, family, _prop_colour(rng, family, wall))
    frame = colours.uniform(rng)
    def step(img, cv):
        draw_rect(img, cv, x0 - 0.01, x0 + w + 0.01, y0 - 0.01, y1 + 0.01, frame)
        draw_rect(img, cv, x0, x0 + w, y0, y1, colour(cv))
    return step


def sample_scene(rng: np.random.Generator, family: str, aspect: float, ground_y: float, person_h: float,
                 keep_clear: list, chair: dict | None = None, clutter: tuple = (0, 4), chairs: tuple = ()) -> Scene:
    """Wall, floor, light, wall decorations and floor props outside the `keep_clear` x-intervals; a
    `chair` on the ground line, or `chairs` as (chair, its own ground line) pairs, drawn last in
    colours that stand out from the wall."""
    base, wall = _base_step(rng, family, ground_y)
    scene = Scene(aspect, ground_y, [base])
    for _ in range(rng.integers(0, 3) if family in ("shaded", "photo") else rng.integers(0, 2)):
        scene.steps.append(_wall_decor(rng, family, aspect, ground_y, person_h, wall))
    occupied = list(keep_clear)
    weights = {"flat": [4, 3, 1, 1, 1, 0, 0, 0], "stick": [3, 3, 1, 1, 0, 0, 1, 0],
               "silhouette": [2, 2, 1, 1, 1, 2, 1, 2], "photo": [3, 1, 1, 1, 2, 2, 2, 1],
               "shaded": [2, 1, 1, 2, 2, 2, 2, 1], "night": [2, 2, 1, 1, 1, 1, 1, 3]}[family]
    p = np.array(weights, float) / sum(weights)
    lo, hi = clutter[0], clutter[1] + (2 if family == "shaded" and clutter[1] else 0)
    for _ in range(rng.integers(lo, hi) if hi > lo else lo):
        kind = str(rng.choice(PROPS, p=p))
        w = {"box": rng.uniform(0.1, 0.35), "pole": rng.uniform(0.015, 0.04), "chair": 0.3, "cone": rng.uniform(0.08, 0.2),
             "bin": rng.uniform(0.12, 0.25), "bush": rng.uniform(0.2, 0.5), "table": rng.uniform(0.4, 0.7),
             "lamp": rng.uniform(0.04, 0.08)}[kind] * person_h
        spots = _free_spots(occupied, aspect, w)
        if not spots:
            break
        a, b = spots[rng.integers(len(spots))]
        x0 = rng.uniform(a, b)
        occupied.append((x0, x0 + w))
        scene.steps.append(_prop(rng, family, kind, x0, w, ground_y, person_h, wall))
    placed = ([(chair, ground_y)] if chair is not None else []) + list(chairs)
    if placed:
        wall_mean = scene.mean_colour()
    for c, g in sorted(placed, key=lambda p: p[1]):  # farther chairs first
        # The chair tells sitting from squatting: it stands out from the wall by brightness, which
        # survives greyscale cameras and colour casts.
        c["colour"] = colours.contrasting(rng, wall_mean, min_luma_gap=60)
        scene.steps.append(lambda img, cv, c=c, g=g: draw_chair(img, cv, c, g))
    scene.shadow = {"photo": 0.45, "shaded": 0.55, "silhouette": 0.35, "flat": 0.2, "night": 0.3, "stick": 0.0}[family]
    scene.shadow *= rng.uniform(0.0, 1.0) if rng.random() < 0.7 else 0.0
    scene.light_x = float(rng.uniform(-1, 1))
    return scene
