"""H.264 round trip through GStreamer: faithful at low quantizers, worse at high ones, clips independent."""

import numpy as np
import pytest

from respike_recipe.h264 import roundtrip

T = 8


def clips(n, h=48, w=64, seed=0):
    """uint8 [n,T,h,w,3]: smooth gradients with a square moving 2 px a frame, different per clip."""
    rng = np.random.default_rng(seed)
    yy, xx = np.mgrid[0:h, 0:w]
    out = np.empty((n, T, h, w, 3), np.uint8)
    for i in range(n):
        base = np.stack([(2 * xx + rng.uniform(0, 60)), (2 * yy + rng.uniform(0, 60)),
                         np.full((h, w), rng.uniform(40, 200))], -1) + rng.normal(0, 3, (h, w, 3))
        colour, y0, x0 = rng.uniform(0, 255, 3), int(rng.integers(4, h - 20)), int(rng.integers(4, w - 36))
        for k in range(T):
            f = base.copy()
            f[y0:y0 + 14, x0 + 2 * k:x0 + 2 * k + 14] = colour
            out[i, k] = np.clip(f, 0, 255)
    return out


def psnr(a, b):
    return 10 * np.log10(255.0 ** 2 / np.mean((a.astype(np.float64) - b) ** 2))


def test_close_at_q20_and_worse_at_q40():
    x = clips(4)
    y = roundtrip(x, [20, 20, 40, 40])
    assert y.shape == x.shape and y.dtype == np.uint8
    good, bad = psnr(y[:2], x[:2]), psnr(y[2:], x[2:])
    assert good > 28 and bad < good - 2, (good, bad)
    assert not np.array_equal(y[:2], x[:2])  # really went through a lossy codec


def test_odd_width_not_a_multiple_of_four():
    for h, w in ((48, 90), (35, 45)):
        x = clips(2, h, w)
        y = roundtrip(x, [20, 20])
        assert y.shape == x.shape and psnr(y, x) > 28


def test_no_leakage_between_clips_of_one_stream():
    """A clip decodes the same whatever clips come before and after it in the encoder's stream."""
    x = clips(5, seed=1)
    noise = np.random.default_rng(2).integers(0, 256, x.shape[1:], dtype=np.uint8)
    flat = np.full(x.shape[1:], 128, np.uint8)
    a = roundtrip(np.stack([x[0], x[1], x[2]]), [30] * 3)[1]
    b = roundtrip(np.stack([noise, x[1], flat]), [30] * 3)[1]
    c = roundtrip(np.stack([flat, x[1], x[3]]), [30] * 3)[1]
    alone = roundtrip(x[1:2], [30])[0]
    assert np.array_equal(a, b) and np.array_equal(a, c) and np.array_equal(a, alone)


def test_mixed_quantizers_keep_clip_order():
    x = clips(6, seed=3)
    q = [40, 20, 30, 20, 40, 30]
    y = roundtrip(x, q, processes=2)
    for i in range(6):
        same_q = [j for j in range(6) if q[j] == q[i]]
        assert np.array_equal(y[i], roundtrip(x[same_q], [q[i]] * len(same_q))[same_q.index(i)])
        assert psnr(y[i], x[i]) > max(psnr(y[i], x[j]) for j in range(6) if j != i) + 3


def test_bad_input_is_refused():
    with pytest.raises(ValueError, match="uint8"):
        roundtrip(clips(1).astype(np.float32), [20])
    with pytest.raises(ValueError, match="quantizers"):
        roundtrip(clips(2), [20])
    with pytest.raises(ValueError, match="0..50"):
        roundtrip(clips(1), [51])
