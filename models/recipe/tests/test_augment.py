"""Camera-like clip augmentation: shape and range kept, reproducible, every op acts, one geometry per clip."""

import pytest
import torch

from respike_recipe import augment as A


def scene(t=8, h=40, w=48, moving=False):
    """float [T,3,H,W] in 0..255: a colour gradient with an off-centre bright square, which moves
    2 px a frame to the right when moving."""
    yy, xx = torch.meshgrid(torch.arange(h, dtype=torch.float32), torch.arange(w, dtype=torch.float32),
                            indexing="ij")
    frame = torch.stack([40 + 3 * xx, 60 + 2 * yy, 200 - 2 * xx])
    clip = frame.repeat(t, 1, 1, 1)
    for k in range(t):
        x0 = 6 + (2 * k if moving else 0)
        clip[k, :, 10:22, x0:x0 + 10] = torch.tensor([250.0, 230.0, 30.0]).view(3, 1, 1)
    return clip


@pytest.fixture
def only(monkeypatch):
    """only(name): every op off but `name`, which is always on."""
    def set_only(name):
        for key in A.P:
            monkeypatch.setitem(A.P, key, 1.0 if key == name else 0.0)
    return set_only


def test_shape_dtype_range_and_input_untouched():
    x = scene()
    before = x.clone()
    for seed in range(20):
        y = A.camera_augment(x, torch.Generator().manual_seed(seed))
        assert y.shape == x.shape and y.dtype == torch.float32
        assert y.min() >= 0 and y.max() <= 255
    assert torch.equal(x, before)
    assert A.camera_augment(x.to(torch.uint8), torch.Generator().manual_seed(0)).dtype == torch.float32


def test_same_generator_state_same_output():
    x = scene()
    a = A.camera_augment(x, torch.Generator().manual_seed(7))
    b = A.camera_augment(x, torch.Generator().manual_seed(7))
    c = A.camera_augment(x, torch.Generator().manual_seed(8))
    assert torch.equal(a, b) and not torch.equal(a, c)


@pytest.mark.parametrize("name", list(A.P))
def test_each_op_changes_the_clip_when_forced_on(only, name):
    only(name)
    x = scene()
    for seed in range(3):
        y = A.camera_augment(x, torch.Generator().manual_seed(seed))
        assert (y - x).abs().mean() > 1.0, f"{name} with seed {seed} left the clip as it was"


def test_all_ops_off_is_identity(only):
    only("none")
    x = scene()
    assert torch.equal(A.camera_augment(x, torch.Generator().manual_seed(0)), x)


def test_strength_zero_leaves_only_the_flip(monkeypatch):
    for key in A.P:
        monkeypatch.setitem(A.P, key, 1.0)
    x = scene()
    assert torch.allclose(A.camera_augment(x, torch.Generator().manual_seed(0), strength=0.0), x.flip(-1))


@pytest.mark.parametrize("seed", range(6))
def test_a_static_scene_stays_static_apart_from_noise(monkeypatch, seed):
    """All ops on but noise: every frame of a static clip gets the same transform."""
    for key in A.P:
        monkeypatch.setitem(A.P, key, 0.0 if key == "noise" else 1.0)
    monkeypatch.setitem(A.P, "zoom_in", float(seed % 2))  # zoom-in on odd seeds, zoom-out on even ones
    y = A.camera_augment(scene(), torch.Generator().manual_seed(seed))
    assert (y - y[:1]).abs().max() < 1e-3


def test_noise_is_fresh_in_every_frame(only):
    only("noise")
    x = scene()
    d = A.camera_augment(x, torch.Generator().manual_seed(0)) - x
    assert 0.5 < d.std() < 9 and (d[1] - d[0]).abs().mean() > 0.5


def test_motion_keeps_its_direction(only):
    """Zoom and offset scale the motion but keep it coherent: the square still moves right, frame after
    frame, by about the same amount (its edges fall on whole pixels, hence the tolerance)."""
    only("zoom_in")
    y = A.camera_augment(scene(moving=True), torch.Generator().manual_seed(3))
    bright = y[:, 2] < 100  # the yellow square has little blue; the gradient has more
    cols = torch.arange(y.shape[-1], dtype=torch.float32)
    centre = torch.stack([cols[m.any(0)].mean() for m in bright])
    steps = centre[1:] - centre[:-1]
    assert (steps > 1.5).all() and (steps - steps.mean()).abs().max() < 1.0


def test_greyscale_has_equal_channels(only):
    only("grey")
    y = A.camera_augment(scene(), torch.Generator().manual_seed(0))
    assert (y[:, 0] - y[:, 1]).abs().max() < 1e-3 and (y[:, 1] - y[:, 2]).abs().max() < 1e-3


def test_zoom_out_pads_with_edge_pixels(only):
    only("zoom_out")
    x = torch.full((2, 3, 40, 48), 17.0)
    x[:, :, :, :24] = 200.0  # left half bright, right half dark: the padding copies the nearest edge
    y = A.camera_augment(x, torch.Generator().manual_seed(0))
    assert torch.allclose(y[:, :, :, 0], torch.tensor(200.0)) and torch.allclose(y[:, :, :, -1], torch.tensor(17.0))


def test_blur_matrix_matches_a_replicate_padded_convolution():
    x = torch.rand(2, 3, 20, 17) * 255
    sigma, r = 1.1, 3
    k = torch.exp(-0.5 * (torch.arange(-r, r + 1.0) / sigma) ** 2)
    k = k / k.sum()
    ref = torch.nn.functional.pad(x.reshape(6, 1, 20, 17), (r, r, r, r), mode="replicate")
    ref = torch.nn.functional.conv2d(torch.nn.functional.conv2d(ref, k.view(1, 1, 1, -1)), k.view(1, 1, -1, 1))
    assert torch.allclose(A._blur(x, sigma), ref.view(2, 3, 20, 17), atol=1e-3)
