"""Camera-like train-time augmentation of one clip: framing (zoom in/out, offset, flip), optics (blur),
colour processing (white balance, brightness, contrast, saturation, hue, greyscale, gamma) and sensor
noise, so the model meets more than its renderer's look.

Parameters are drawn once per clip and applied to every frame alike: the clip's motion stays coherent
and the frame differences that the spiking branch reads get no fake motion. Only the sensor noise is
fresh in every frame, as on a camera. Compression artefacts are real H.264 round trips (h264.py).
"""

from __future__ import annotations

import math

import torch
import torch.nn.functional as F

# Probability of each op per clip; tests force single ops on through this table.
P = {"zoom_in": 0.35, "zoom_out": 0.35, "flip": 0.5, "blur": 0.3, "colour": 0.8, "grey": 0.15,
     "gamma": 0.3, "noise": 0.5}

# BT.601 RGB -> (Y, Cb, Cr) without offsets: saturation and hue act on the chroma plane.
_YCC = torch.tensor([[0.299, 0.587, 0.114], [-0.168736, -0.331264, 0.5], [0.5, -0.418688, -0.081312]])
_RGB = torch.linalg.inv(_YCC)


def camera_augment(x: torch.Tensor, g: torch.Generator | None = None, strength: float = 1.0) -> torch.Tensor:
    """float [T,3,H,W] in 0..255 -> a camera-like variant, same shape, float32 in 0..255 (not rounded).

    Each op of P is applied with its probability; its parameters come from g (the global generator
    when None), so the same generator state gives the same output. strength scales every op's
    magnitude (0: only the horizontal flip remains). x is not modified."""
    t, c, h, w = x.shape
    if c != 3:
        raise ValueError(f"camera_augment: expected [T,3,H,W], got {tuple(x.shape)}")
    # A fixed number of draws whatever ops are on, so one op's probability does not reshuffle the others.
    u = torch.rand(22, generator=g, dtype=torch.float64).tolist()
    on = {name: u[i] < p for i, (name, p) in enumerate(P.items())}
    # One draw picks zoom-in, zoom-out or neither, so each has exactly its probability.
    on["zoom_out"] = P["zoom_in"] <= u[0] < P["zoom_in"] + P["zoom_out"]
    s = max(0.0, float(strength))
    source, x = x, x.float()
    if on["zoom_in"]:
        x = _zoom_in(x, 1 - 0.3 * s * u[8], _aspect(u[9], s), u[10], u[11])
    elif on["zoom_out"]:
        x = _zoom_out(x, 1 - 0.4 * s * u[8], _aspect(u[9], s), u[10], u[11])
    if on["flip"]:
        x = x.flip(-1)
    if on["blur"] and s > 0:
        x = _blur(x, 1.2 * s * (0.25 + 0.75 * u[12]))
    if (on["colour"] or on["grey"]) and s > 0:
        x = _colour(x, _colour_matrix(u[13:20], s, on["colour"], on["grey"]))
    if on["gamma"] and s > 0:
        x = _gamma(x, math.exp(s * math.log(1.5) * (2 * u[20] - 1)))
    if on["noise"] and s > 0:
        x = torch.randn(x.shape, generator=g).mul_(8.0 * s * (0.25 + 0.75 * u[21])).add_(x)
    return x.clamp(0, 255) if x is source else x.clamp_(0, 255)


def _aspect(u: float, s: float) -> float:
    """Width/height stretch, log-uniform in [1/1.15, 1.15] at strength 1."""
    return math.exp(s * math.log(1.15) * (2 * u - 1))


def _sizes(h: int, w: int, scale: float, aspect: float) -> tuple:
    sh = min(1.0, scale / math.sqrt(aspect))
    sw = min(1.0, scale * math.sqrt(aspect))
    return max(1, round(h * sh)), max(1, round(w * sw))


def _zoom_in(x: torch.Tensor, scale: float, aspect: float, oy: float, ox: float) -> torch.Tensor:
    """Crop scale (0.7-1) of each axis at offset fractions oy, ox, resized back to the frame size."""
    h, w = x.shape[-2:]
    ch, cw = _sizes(h, w, scale, aspect)
    if (ch, cw) == (h, w):
        return x
    y0, x0 = int(oy * (h - ch + 1)), int(ox * (w - cw + 1))
    return F.interpolate(x[:, :, y0:y0 + ch, x0:x0 + cw], size=(h, w), mode="bilinear", align_corners=False)


def _zoom_out(x: torch.Tensor, scale: float, aspect: float, oy: float, ox: float) -> torch.Tensor:
    """Content shrunk to scale (0.6-1) of each axis, placed at offset fractions oy, ox; the border
    repeats the content's edge pixels (a flat colour would be an easy cue of the augmentation)."""
    h, w = x.shape[-2:]
    ch, cw = _sizes(h, w, scale, aspect)
    if (ch, cw) == (h, w):
        return x
    x = F.interpolate(x, size=(ch, cw), mode="bilinear", align_corners=False, antialias=True)
    y0, x0 = int(oy * (h - ch + 1)), int(ox * (w - cw + 1))
    return F.pad(x, (x0, w - cw - x0, y0, h - ch - y0), mode="replicate")


def _blur(x: torch.Tensor, sigma: float) -> torch.Tensor:
    """Separable Gaussian blur of every frame and channel, edges replicated: one banded matrix per axis,
    as two matrix products cost less than conv2d's single-channel paths on the CPU."""
    h, w = x.shape[-2:]
    return torch.matmul(_blur_matrix(h, sigma).t(), torch.matmul(x, _blur_matrix(w, sigma)))


def _blur_matrix(n: int, sigma: float) -> torch.Tensor:
    """[n, n] with row @ matrix = the blurred row; taps beyond the ends read the end pixels."""
    r = max(1, math.ceil(2.5 * sigma))
    taps = torch.arange(-r, r + 1)
    k = torch.exp(-0.5 * (taps.float() / sigma) ** 2)
    src = (torch.arange(n).view(n, 1) + taps.view(1, -1)).clamp(0, n - 1)  # [out, tap] -> input index
    m = torch.zeros(n, n)
    m.index_put_((src.reshape(-1), torch.arange(n).repeat_interleave(len(taps))), k.repeat(n) / k.sum(),
                 accumulate=True)
    return m


def _colour_matrix(u: list, s: float, colour: bool, grey: bool) -> tuple:
    """(M [3,3], b [3]) of one affine RGB map: white balance gains, brightness gain and offset,
    contrast about mid-grey, saturation and hue rotation in the chroma plane, then greyscale."""
    m, b = torch.eye(3), torch.zeros(3)
    if colour:
        gains = torch.tensor([1 + 0.1 * s * (2 * u[0] - 1), 1.0, 1 + 0.1 * s * (2 * u[1] - 1)])
        m = torch.diag(gains) @ m
        gain = math.exp(s * math.log(1.3) * (2 * u[2] - 1))
        contrast = math.exp(s * math.log(1.35) * (2 * u[3] - 1))
        # y = contrast * (gain * x - 128) + 128 + offset: the offset shifts the black level a little.
        m = gain * contrast * m
        b = torch.full((3,), 128 * (1 - contrast) + 15 * s * (2 * u[4] - 1))
        saturation = math.exp(s * math.log(1.6) * (2 * u[5] - 1))
        angle = s * math.radians(20) * (2 * u[6] - 1)
        rot = torch.tensor([[math.cos(angle), -math.sin(angle)], [math.sin(angle), math.cos(angle)]])
        chroma = torch.eye(3)
        chroma[1:, 1:] = saturation * rot
        m, b = _RGB @ chroma @ _YCC @ m, _RGB @ chroma @ _YCC @ b
    if grey:
        luma = torch.zeros(3, 3)
        luma[0, 0] = 1.0
        m, b = _RGB @ luma @ _YCC @ m, _RGB @ luma @ _YCC @ b
    return m, b


def _colour(x: torch.Tensor, mb: tuple) -> torch.Tensor:
    m, b = mb
    return torch.einsum("ij,tjhw->tihw", m, x).add_(b.view(1, 3, 1, 1))


def _gamma(x: torch.Tensor, gamma: float) -> torch.Tensor:
    """255 * (x / 255) ** gamma through a 256-entry table on the clip rounded to 8 bits, as a camera's
    tone curve works: 3x cheaper than pow."""
    table = (torch.arange(256, dtype=torch.float32) / 255).pow_(gamma).mul_(255)
    return torch.take(table, x.clamp(0, 255).add_(0.5).long())
