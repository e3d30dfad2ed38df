"""The train entry point end to end on a tiny synthetic split."""
import functools
import json

import pytest
import torch

from respike_recipe import data as D
from respike_recipe import train
from respike_recipe.render import RENDER_VERSION
from respike_recipe.runs import load_checkpoint


@pytest.fixture
def tiny_cache(tmp_path, monkeypatch):
    monkeypatch.setattr(D, "build_split", functools.partial(D.build_split, out_dir=tmp_path / "data"))


def run(out, *extra):
    train.main(["--model", "ann", "--out", str(out), "--set", "size=32", "--train-per-class", "2",
                "--val-per-class", "1", *extra])


def test_trains_and_checkpoints_every_epoch(tmp_path, tiny_cache, capsys):
    run(tmp_path / "run", "--epochs", "2", "--batch-size", "4")
    ckpt = load_checkpoint(tmp_path / "run")
    assert ckpt["epoch"] == 1 and [h["epoch"] for h in ckpt["history"]] == [1, 2]
    assert all(torch.isfinite(v).all() for v in ckpt["model"].values() if v.is_floating_point())
    config = json.loads((tmp_path / "run" / "config.json").read_text())
    assert config["train"]["render_version"] == RENDER_VERSION and config["model"]["size"] == 32
    assert "epoch 2/2" in capsys.readouterr().out


def test_a_split_smaller_than_one_batch_is_a_clear_error(tmp_path, tiny_cache):
    with pytest.raises(SystemExit, match="fewer than one batch of 64"):
        run(tmp_path / "run", "--epochs", "1", "--batch-size", "64")
