"""Datasets: cached synthetic splits, and the UCF-101 / HMDB-51 readers on tiny fake folders."""

import base64
import json
import os
from pathlib import Path

import numpy as np
import pytest
import torch

from respike_recipe.data import SyntheticClips, build_split, decode_video, hmdb51, resize, sample_window, ucf101
from respike_recipe.render import CLASSES, render_clip, split_seeds, write_mp4


def test_split_seeds_are_disjoint_and_nested():
    seeds = {s: set(split_seeds(s, 50)[1]) for s in ("train", "val", "test")}
    assert not seeds["train"] & seeds["val"] and not seeds["train"] & seeds["test"]
    assert not seeds["val"] & seeds["test"]
    assert set(split_seeds("train", 10)[1]) <= seeds["train"]


def test_build_split_and_dataset(tmp_path):
    path = build_split("val", 2, size=32, out_dir=tmp_path)
    data = np.load(path)
    assert data["clips"].shape == (20, 16, 32, 32, 3) and data["clips"].dtype == np.uint8
    assert data["labels"].dtype == np.int64 and sorted(set(data["labels"])) == list(range(len(CLASSES)))
    assert build_split("val", 2, size=32, out_dir=tmp_path) == path  # cached
    x, y = SyntheticClips(path)[3]
    assert x.shape == (16, 3, 32, 32) and x.dtype == torch.float32 and y == int(data["labels"][3])
    raw = torch.from_numpy(data["clips"][3]).permute(0, 3, 1, 2).float() / 255
    assert torch.allclose(x[:, 0] * 0.229 + 0.485, raw[:, 0], atol=1e-5)
    xa, _ = SyntheticClips(path, train=True)[3]
    assert xa.shape == x.shape


def axis_weights(n_in: int, n_out: int) -> np.ndarray:
    """Dense [out, in] weights of one axis: the mean of bin [floor(i*in/out), ceil((i+1)*in/out)) when
    shrinking, half-pixel linear interpolation when growing (as FramePreprocessorTest in Java)."""
    w = np.zeros((n_out, n_in))
    for i in range(n_out):
        if n_in > n_out:
            lo, hi = (i * n_in) // n_out, -((-(i + 1) * n_in) // n_out)
            w[i, lo:hi] = 1.0 / (hi - lo)
        else:
            f = max((i + 0.5) * n_in / n_out - 0.5, 0.0)
            i0 = int(f)
            w[i, i0] += 1 - (f - i0)
            w[i, min(i0 + 1, n_in - 1)] += f - i0
    return w


@pytest.mark.parametrize("src", [(23, 37), (90, 160), (4, 5), (9, 37), (12, 16)])
def test_resize_averages_when_shrinking_and_interpolates_when_growing(src):
    x = torch.randint(0, 256, (2, 3, *src)).float()
    expected = np.einsum("yj,xi,ncji->ncyx", axis_weights(src[0], 12), axis_weights(src[1], 16), x.double().numpy())
    assert np.allclose(resize(x, 12, 16).numpy(), expected, atol=1e-3)


def test_odd_widths_survive_the_row_padding_of_rgb_buffers(tmp_path):
    clip = render_clip(1, 2, 90, 90, compress=False)  # 270-byte rows, padded to 272 by GStreamer
    write_mp4(clip, tmp_path / "clip.mp4", 8.0, quantizer=0)
    decoded = decode_video(tmp_path / "clip.mp4", 90)
    assert decoded.shape == clip.shape and np.abs(decoded - clip).mean() < 8  # 4:2:0 chroma of a noisy clip


def test_decoding_resizes_the_frames_at_the_videos_own_size(tmp_path):
    write_mp4(render_clip(3, 1, 128, 128), tmp_path / "clip.mp4", 8.0)
    native = decode_video(tmp_path / "clip.mp4", 128)
    decoded = decode_video(tmp_path / "clip.mp4", 48)
    assert native.shape == (16, 128, 128, 3) and decoded.shape == (16, 48, 48, 3) and decoded.dtype == np.float32
    expected = resize(torch.from_numpy(native).permute(0, 3, 1, 2), 48, 48).permute(0, 2, 3, 1)
    assert np.array_equal(decoded, expected.numpy())


def test_sample_window():
    assert list(sample_window(40, 16, False)) == list(range(12, 28))
    assert list(sample_window(10, 16, False))[-7:] == [9] * 7
    w = sample_window(40, 16, True, np.random.default_rng(0))
    assert len(w) == 16 and np.all(np.diff(w) == 1)


@pytest.fixture(scope="module")
def videos(tmp_path_factory):
    """Three short MP4s shared by the fake dataset folders."""
    root = tmp_path_factory.mktemp("videos")
    paths = []
    for i, label in enumerate((1, 4, 6)):
        p = root / f"{i}.mp4"
        write_mp4(render_clip(label, i, 96, 72, frames=20), p, 8.0)
        paths.append(p)
    return paths


def test_ucf101_reader(tmp_path, videos):
    lists = tmp_path / "ucfTrainTestlist"
    lists.mkdir()
    (lists / "classInd.txt").write_text("1 Walking\n2 Jumping\n")
    for name, src in (("Walking/v_Walking_g01_c01.avi", 0), ("Jumping/v_Jumping_g01_c01.avi", 1),
                      ("Jumping/v_Jumping_g02_c01.avi", 2)):
        (tmp_path / "UCF-101" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "UCF-101" / name).write_bytes(videos[src].read_bytes())
    (lists / "trainlist01.txt").write_text("Walking/v_Walking_g01_c01.avi 1\nJumping/v_Jumping_g01_c01.avi 2\n")
    (lists / "testlist01.txt").write_text("Jumping/v_Jumping_g02_c01.avi\n")
    train, test = ucf101(tmp_path, 1, True, size=32), ucf101(tmp_path, 1, False, size=32)
    assert train.classes == ["Walking", "Jumping"] and len(train) == 2 and len(test) == 1
    x, y = test[0]
    assert x.shape == (16, 3, 32, 32) and y == 1
    assert train[0][1] == 0 and train[1][0].shape == (16, 3, 32, 32)


def test_hmdb51_reader(tmp_path, videos):
    splits = tmp_path / "testTrainMulti_7030_splits"
    splits.mkdir()
    for cls, rows in (("jump", [("a.avi", 1, 0), ("b.avi", 2, 1)]), ("walk", [("c.avi", 1, 2), ("d.avi", 0, 0)])):
        (tmp_path / cls).mkdir()
        for name, _, src in rows:
            (tmp_path / cls / name).write_bytes(videos[src].read_bytes())
        (splits / f"{cls}_test_split1.txt").write_text("".join(f"{n} {m} \n" for n, m, _ in rows))
    train, test = hmdb51(tmp_path, 1, True, size=24), hmdb51(tmp_path, 1, False, size=24)
    assert train.classes == ["jump", "walk"]
    assert [p.name for p, _ in train.items] == ["a.avi", "c.avi"] and [l for _, l in train.items] == [0, 1]
    assert [p.name for p, _ in test.items] == ["b.avi"]
    x, y = test[0]
    assert x.shape == (16, 3, 24, 24) and y == 0


def test_split_names_its_families_framing_and_codec(tmp_path):
    crops = build_split("val", 1, size=32, out_dir=tmp_path, families=("stick",), crop_share=1.0)
    assert "_stick_crop100_h2640" in crops.name
    frames = build_split("val", 1, size=32, out_dir=tmp_path, families=("stick",))
    coded = build_split("val", 1, size=32, out_dir=tmp_path, families=("stick",), h264_share=1.0)
    a, b, c = (np.load(p)["clips"].astype(float) for p in (crops, frames, coded))
    assert np.abs(a - b).mean() > 5  # crops are other pictures than whole frames
    assert 0 < np.abs(c - b).mean() < 12  # the codec changes pixels, not the picture
    with pytest.raises(ValueError, match="families"):
        build_split("val", 1, size=32, out_dir=tmp_path, families=("nosuch",))


RESIZE_PARITY = Path(__file__).resolve().parents[2] / "src/test/resources/resize_parity.json"


def parity_image(width: int, height: int) -> np.ndarray:
    """[height, width, 3] uint8 from a formula that FramePreprocessorTest computes the same way."""
    y, x, c = np.meshgrid(np.arange(height), np.arange(width), np.arange(3), indexing="ij")
    return ((x * 37 + y * 101 + c * 53 + (x * x * y) % 97) % 256).astype(np.uint8)


def test_resize_parity_fixture_is_what_torch_computes():
    """The fixture Java's FramePreprocessor is held to bit for bit (frame -> resize -> / 255, CHW float32 planes). Rewrite it with
    RESPIKE_WRITE_FIXTURES=1 if the recipe's resize ever changes, and the Java test tells whether it follows."""
    cases = []
    for sw, sh, ow, oh in [(320, 180, 32, 32), (160, 90, 16, 12), (37, 23, 16, 12), (5, 4, 16, 12), (37, 9, 16, 12)]:
        frame = torch.from_numpy(parity_image(sw, sh)).permute(2, 0, 1)[None].float()
        planes = (resize(frame, oh, ow) / 255.0)[0].numpy().astype("<f4")
        cases.append({"source": [sw, sh], "size": [ow, oh], "planes_f32le": base64.b64encode(planes.tobytes()).decode()})
    if os.environ.get("RESPIKE_WRITE_FIXTURES") == "1":
        RESIZE_PARITY.write_text(json.dumps({"cases": cases}) + "\n")
    assert json.loads(RESIZE_PARITY.read_text())["cases"] == cases
