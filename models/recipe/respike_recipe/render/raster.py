"""Anti-aliased rasterisation of world-space shapes into a pixel grid (a camera's view).

A `Canvas` is the view of a W x H pixel grid onto a rectangle of the world (units of the scene's
frame height, y down on screen): the whole frame, or a crop box around a person. Shapes are given in
world coordinates, so one scene drawn into two views shows the same things. Coverage is the signed
distance to a shape's edge divided by the pixel's extent along the edge normal (a box filter), which
anti-aliases correctly on non-square pixels too.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import textures


class Canvas:
    """Pixel-centre world coordinates of a W x H grid showing the world rectangle at (x0, y0) of size
    view_w x view_h (default: the whole frame of the given aspect)."""

    def __init__(self, width: int, height: int, aspect: float, view: tuple | None = None):
        x0, y0, vw, vh = view if view is not None else (0.0, 0.0, aspect, 1.0)
        self.w, self.h, self.aspect = width, height, aspect
        self.view = (x0, y0, vw, vh)
        self.pw, self.ph = vw / width, vh / height
        self.x = (x0 + (np.arange(width) + 0.5) * self.pw).astype(np.float32)
        self.y = (y0 + (np.arange(height) + 0.5) * self.ph).astype(np.float32)

    def cols(self, x0: float, x1: float) -> slice:
        a, b = (x0 - self.view[0]) / self.pw, (x1 - self.view[0]) / self.pw
        return slice(int(np.clip(np.floor(a), 0, self.w)), int(np.clip(np.ceil(b), 0, self.w)))

    def rows(self, y0: float, y1: float) -> slice:
        a, b = (y0 - self.view[1]) / self.ph, (y1 - self.view[1]) / self.ph
        return slice(int(np.clip(np.floor(a), 0, self.h)), int(np.clip(np.ceil(b), 0, self.h)))

    def grid(self) -> tuple:
        return np.meshgrid(self.x, self.y)


@dataclass
class Paint:
    """How a body part or a prop is filled: a colour, optionally patterned in the part's own
    coordinates (so a pattern moves with the limb), shaded across its width as a lit cylinder, and
    with edges softened `soft` times a pixel."""
    colour: np.ndarray
    pattern: str | None = None  # "stripes", "checks", "dots", "noise", "photo"
    period: float = 0.05
    contrast: float = 0.3
    texture: int = 0  # photo index for "photo"
    shade: float = 0.0
    light: float = 0.0  # -1..1: which side of a part is lit
    soft: float = 1.0

    def field(self, u: np.ndarray, v: np.ndarray, r: np.ndarray) -> np.ndarray:
        """Colour [.., 3] at part coordinates u (along, world units), v (across, signed), r (radius)."""
        f = np.ones_like(u)
        if self.shade:
            across = np.clip(v / np.maximum(r, 1e-6), -1, 1)
            f = f * (1 - self.shade * (0.5 * (1 - np.sqrt(1 - across ** 2)) + 0.5 * self.light * across))
        col = self.colour * f[..., None]
        if self.pattern is None:
            return col
        p = self.period
        if self.pattern == "stripes":
            m = np.sign(np.sin(2 * np.pi * u / p))
        elif self.pattern == "checks":
            m = np.sign(np.sin(2 * np.pi * u / p) * np.sin(2 * np.pi * v / p))
        elif self.pattern == "dots":
            m = 2.0 * (np.hypot(np.mod(u, p) - p / 2, np.mod(v, p) - p / 2) < 0.3 * p) - 1.0
        elif self.pattern == "noise":
            m = textures.value_noise(u / p, v / p, self.texture)
        else:
            return col * textures.photo_luma(self.texture, u / p, v / p)[..., None] * 1.6
        return col * (1 + self.contrast * m)[..., None]


def _segment(cv: Canvas, a: np.ndarray, b: np.ndarray, ys: slice, xs: slice):
    """Per frame and pixel of a sub-grid: h (0..1 along a->b), e (offset from the axis), d = |e|, and
    the pixel's extent along the edge normal."""
    px = cv.x[xs][None, None, :]
    py = cv.y[ys][None, :, None]
    ax, ay = a[:, 0, None, None].astype(np.float32), a[:, 1, None, None].astype(np.float32)
    abx, aby = (b[:, 0] - a[:, 0])[:, None, None], (b[:, 1] - a[:, 1])[:, None, None]
    dx, dy = px - ax, py - ay
    length2 = abx * abx + aby * aby + 1e-12
    h = np.clip((dx * abx + dy * aby) / length2, 0.0, 1.0)
    ex, ey = dx - h * abx, dy - h * aby
    d = np.sqrt(ex * ex + ey * ey) + 1e-9
    foot = (np.abs(ex) * cv.pw + np.abs(ey) * cv.ph) / d + 1e-9
    length = np.sqrt(length2)
    # Signed distance across the axis (for patterns and shading); along-axis distance from a.
    v = (dy * abx - dx * aby) / length
    u = h * length
    return h, d, foot, u, v


def draw_parts(img: np.ndarray, cv: Canvas, parts: list, paint: Paint, grow: float = 0.0,
               ring: float = 0.0) -> None:
    """Composite tapered capsules (a [T,2], b [T,2], radius at a, radius at b; screen coords) in one
    paint onto img [T,H,W,3], in place. With `ring` > 0 a part is a circle outline of that half-width."""
    pts = np.concatenate([np.concatenate([a, b], 0) for a, b, _, _ in parts], 0)
    rmax = max(max(ra, rb) for _, _, ra, rb in parts) + grow + ring + 2 * paint.soft * max(cv.pw, cv.ph)
    xs = cv.cols(pts[:, 0].min() - rmax, pts[:, 0].max() + rmax)
    ys = cv.rows(pts[:, 1].min() - rmax, pts[:, 1].max() + rmax)
    if xs.stop <= xs.start or ys.stop <= ys.start:
        return
    cover, colour = None, None
    flat = paint.pattern is None and not paint.shade
    for a, b, ra, rb in parts:
        h, d, foot, u, v = _segment(cv, a, b, ys, xs)
        r = ra + (rb - ra) * h + grow
        edge = (ring - np.abs(d - r)) if ring > 0 else (r - d)
        c = np.clip(edge / (foot * paint.soft) + 0.5, 0.0, 1.0)
        if flat:
            cover = c if cover is None else np.maximum(cover, c)
            continue
        # Patterned parts are composited one by one so each keeps its own pattern coordinates.
        region = img[:, ys, xs]
        region += c[..., None] * (paint.field(u, v, r) - region)
    if flat:
        region = img[:, ys, xs]
        region += cover[..., None] * (paint.colour - region)


def draw_rect(img: np.ndarray, cv: Canvas, x0: float, x1: float, y0: float, y1: float,
              colour: np.ndarray, alpha: float = 1.0) -> None:
    """Exact-coverage axis-aligned rectangle (screen coords) on a static image [H,W,3]."""
    cx = np.clip((np.minimum(cv.x + cv.pw / 2, x1) - np.maximum(cv.x - cv.pw / 2, x0)) / cv.pw, 0, 1)
    cy = np.clip((np.minimum(cv.y + cv.ph / 2, y1) - np.maximum(cv.y - cv.ph / 2, y0)) / cv.ph, 0, 1)
    cover = alpha * cy[:, None, None] * cx[None, :, None]
    img += cover * (colour - img)


def draw_polygon(img: np.ndarray, cv: Canvas, pts: np.ndarray, colour, alpha: float = 1.0,
                 soft: float = 1.0) -> None:
    """A convex polygon (vertices [K,2] in screen coords, either winding) on a static image [H,W,3];
    `colour` is an RGB triple or an image-sized colour field."""
    X, Y = cv.grid()
    centre = pts.mean(0)
    d = np.full(X.shape, -np.inf, np.float32)
    foot = np.ones(X.shape, np.float32)
    for p, q in zip(pts, np.roll(pts, -1, 0)):
        n = np.array([q[1] - p[1], p[0] - q[0]])
        n = n / (np.linalg.norm(n) + 1e-12)
        if np.dot(centre - p, n) > 0:
            n = -n  # outward normal
        dist = (X - p[0]) * n[0] + (Y - p[1]) * n[1]
        closer = dist > d
        d = np.where(closer, dist, d)
        foot = np.where(closer, abs(n[0]) * cv.pw + abs(n[1]) * cv.ph, foot)
    cover = alpha * np.clip(-d / (foot * soft) + 0.5, 0, 1)[..., None]
    img += cover * (colour - img)


def draw_ellipse(img: np.ndarray, cv: Canvas, cx: float, cy: float, rx: float, ry: float, colour,
                 alpha: float = 1.0, soft: float = 1.0) -> None:
    """An axis-aligned ellipse on a static image [H,W,3] (or, with a colour field, textured)."""
    X, Y = cv.grid()
    q = np.sqrt(((X - cx) / rx) ** 2 + ((Y - cy) / ry) ** 2) + 1e-9
    # Distance to the edge along the radius, approximately, in world units.
    dist = (q - 1) * np.sqrt(((X - cx) ** 2 + (Y - cy) ** 2)) / q
    cover = alpha * np.clip(-dist / (max(cv.pw, cv.ph) * soft) + 0.5, 0, 1)[..., None]
    img += cover * (colour - img)
