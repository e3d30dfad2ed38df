"""Fixtures shared by the recipe's tests."""
import functools

import pytest

from respike_recipe import data as D
from respike_recipe import train


@pytest.fixture
def tiny_train(tmp_path, monkeypatch):
    """-> train(out, *extra, model="ann"): the train entry point on a 2-clips-per-class split at 32 px,
    its cache in tmp_path."""
    monkeypatch.setattr(D, "build_split", functools.partial(D.build_split, out_dir=tmp_path / "data"))

    def run(out, *extra, model="ann"):
        train.main(["--model", model, "--out", str(out), "--set", "size=32", "--train-per-class", "2",
                    "--val-per-class", "1", *extra])
    return run
