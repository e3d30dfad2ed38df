"""Accuracy at camera frame sizes: rendered MP4 folders, decoded and scaled by GStreamer."""
import json

import numpy as np
import pytest

from respike_recipe import camera_sizes, evaluate_mp4, report
from respike_recipe.render import RENDER_VERSION


def test_measures_each_size_once_and_agrees_with_evaluate_mp4(tmp_path, tiny_train, monkeypatch):
    run, out = tmp_path / "run", tmp_path / "sizes.json"
    tiny_train(run, "--epochs", "1", "--batch-size", "4")
    monkeypatch.setattr(camera_sizes, "DEFAULT_CACHE", tmp_path / "data")
    argv = ["--runs", str(run), "--sizes", "48x36", "64x36", "--per-class", "1", "--out", str(out)]
    camera_sizes.main(argv)
    result = json.loads(out.read_text())
    entry = result["runs"]["run"]
    assert result["sizes"] == ["48x36", "64x36"] and result["clips_per_size"] == 10
    confusion = np.array(entry["confusion"])
    assert confusion.sum() == 20
    assert entry["mean_accuracy"] == pytest.approx(np.trace(confusion) / 20)
    folder = tmp_path / "data" / f"mp4_test_1x10_64x36_{RENDER_VERSION}"
    per_file = evaluate_mp4.evaluate_mp4(run, folder)
    assert entry["accuracy"]["64x36"] == per_file["mp4_accuracy"]
    for p in per_file["mp4_predictions"]:  # the scores the Java test compares file by file
        assert abs(sum(p["scores"]) - 1) < 1e-3 and int(np.argmax(p["scores"])) == p["predicted"]

    # The second measurement reuses the rendered folders.
    monkeypatch.setattr(camera_sizes, "write_clips", lambda *a: pytest.fail("rendered again"))
    camera_sizes.main(argv)
    assert json.loads(out.read_text()) == result


def test_a_malformed_frame_size_is_a_clear_error(capsys):
    with pytest.raises(SystemExit):
        camera_sizes.main(["--runs", "x", "--sizes", "160-120", "--out", "y"])
    assert "frame size '160-120' is not WIDTHxHEIGHT" in capsys.readouterr().err


def test_the_model_card_judges_the_targets_on_the_mean_over_sizes():
    labels = [f"c{i}" for i in range(10)]

    def at(mode, acc, uj):
        return {"mode": mode, "test_accuracy": acc, "energy_uj_per_clip": uj, "labels": labels}

    def cam(mode, accs):
        confusion = np.diag([10] * 10)
        confusion[1, 2] = 3
        return {"mode": mode, "accuracy": dict(zip(["96x72", "160x120"], accs)), "mean_accuracy": float(np.mean(accs)),
                "confusion": confusion.tolist()}

    results = {"hybrid": at("hybrid", 0.93, 100.0), "ann": at("ann", 0.70, 20.0), "c3d": at("c3d", 0.94, 800.0)}
    cameras = {"sizes": ["96x72", "160x120"], "clips_per_size": 100,
               "runs": {"h": cam("hybrid", [0.94, 0.97]), "a": cam("ann", [0.70, 0.74]), "c": cam("c3d", [0.95, 0.97])}}
    text = "\n".join(report.camera_section(results, cameras))
    assert "| ReSpike hybrid | 94.0 | 97.0 | 95.5 |" in text
    assert "- Hybrid >= 95%: 95.5% -> met" in text
    assert "at least 15 points below the hybrid: +23.5 points -> met" in text
    assert "1/8.0 of its energy at -0.5 points -> met" in text
    assert "c1 -> c2 (3)" in text
