"""The train entry point end to end on a tiny synthetic split."""
import json

import numpy as np
import pytest
import torch

from respike_recipe import evaluate, train
from respike_recipe.model import ReSpikeConfig, build_model
from respike_recipe.render import RENDER_VERSION
from respike_recipe.runs import load_checkpoint


def test_trains_and_checkpoints_every_epoch(tmp_path, tiny_train, capsys):
    tiny_train(tmp_path / "run", "--epochs", "2", "--batch-size", "4")
    ckpt = load_checkpoint(tmp_path / "run")
    assert ckpt["epoch"] == 1 and [h["epoch"] for h in ckpt["history"]] == [1, 2]
    assert all(torch.isfinite(v).all() for v in ckpt["model"].values() if v.is_floating_point())
    config = json.loads((tmp_path / "run" / "config.json").read_text())
    assert config["train"]["render_version"] == RENDER_VERSION and config["model"]["size"] == 32
    assert "epoch 2/2" in capsys.readouterr().out


def test_init_starts_a_new_run_from_a_finished_runs_weights(tmp_path, tiny_train, capsys):
    tiny_train(tmp_path / "first", "--epochs", "1", "--batch-size", "4")
    first = load_checkpoint(tmp_path / "first")["model"]
    tiny_train(tmp_path / "again", "--epochs", "1", "--batch-size", "4", "--init", str(tmp_path / "first"),
               "--lr", "1e-9")
    assert "starting from the weights of" in capsys.readouterr().out
    again = load_checkpoint(tmp_path / "again")
    assert [h["epoch"] for h in again["history"]] == [1]
    # a negligible lr: only BatchNorm's running statistics move, every learnt weight is the first run's
    learnt = [k for k, v in first.items() if v.is_floating_point() and "running" not in k]
    assert learnt and all(torch.allclose(first[k], again["model"][k], atol=1e-6) for k in learnt)
    fresh = build_model(ReSpikeConfig(mode="ann", num_classes=10, size=32)).state_dict()
    assert not all(torch.allclose(fresh[k], again["model"][k], atol=1e-6) for k in learnt)
    with pytest.raises(SystemExit, match="model config differs in size"):
        tiny_train(tmp_path / "other", "--epochs", "1", "--set", "size=48", "--init", str(tmp_path / "first"))


def test_a_split_smaller_than_one_batch_is_a_clear_error(tmp_path, tiny_train):
    with pytest.raises(SystemExit, match="fewer than one batch of 64"):
        tiny_train(tmp_path / "run", "--epochs", "1", "--batch-size", "64")


def test_branch_loss_adds_the_loss_of_each_branchs_share_of_the_head():
    torch.manual_seed(0)
    model = build_model(ReSpikeConfig(size=32)).train()
    x, y = torch.randn(2, 16, 3, 32, 32), torch.tensor([1, 2])
    plain_logits, plain = train.clip_loss(model, x, y)
    logits, loss = train.clip_loss(model, x, y, 0.5)
    assert torch.allclose(logits, plain_logits, atol=1e-6) and loss > plain
    ann_pooled, snn_mean, _ = model.group_features(x)
    ann_share, snn_share = model.branch_logits(ann_pooled, snn_mean)
    # The head is linear: the two shares add up to its logits, with the bias in both.
    assert torch.allclose(ann_share + snn_share - model.classifier.bias, model.head(ann_pooled, snn_mean),
                          atol=1e-5)


def test_a_hybrid_trains_with_the_branch_loss(tmp_path, tiny_train, capsys):
    tiny_train(tmp_path / "run", "--epochs", "1", "--batch-size", "4", "--branch-loss", "0.5", model="hybrid")
    assert json.loads((tmp_path / "run" / "config.json").read_text())["train"]["branch_loss"] == 0.5
    assert "epoch 1/1" in capsys.readouterr().out


def test_evaluate_on_the_val_split_leaves_the_test_metrics_alone(tmp_path, tiny_train):
    run, out = tmp_path / "run", tmp_path / "selection.json"
    tiny_train(run, "--epochs", "1", "--batch-size", "4")
    evaluate.main(["--split", "val", "--per-class", "1", "--runs", str(run), "--out", str(out)])
    result = json.loads(out.read_text())[str(run)]
    confusion = np.array(result["confusion"])
    assert result["split"] == "val" and result["val_clips"] == confusion.sum() == 10
    assert result["val_accuracy"] == pytest.approx(np.trace(confusion) / 10)
    assert not (run / "eval.json").exists()


def test_a_long_epoch_reports_its_progress(tmp_path, tiny_train, capsys, monkeypatch):
    monkeypatch.setattr(train, "PROGRESS_EVERY_S", 0.0)
    tiny_train(tmp_path / "run", "--epochs", "1", "--batch-size", "4")
    err = capsys.readouterr().err
    assert "epoch 1/1: 1/5 batches" in err and "epoch 1/1: 4/5 batches" in err
    assert "5/5 batches" not in err  # the epoch line itself reports the end


def test_holdout_trains_without_the_family_and_generalisation_measures_it(tmp_path, tiny_train):
    from respike_recipe import generalisation
    tiny_train(tmp_path / "run", "--epochs", "1", "--batch-size", "4", "--holdout", "photo")
    config = json.loads((tmp_path / "run" / "config.json").read_text())
    assert "photo" not in config["train"]["families"] and len(config["train"]["families"]) == 5
    row = generalisation.measure_run(tmp_path / "run", per_class=1)
    assert row["holdout"] == ["photo"]
    for key in ("photo_frame", "photo_crop", "seen_frame", "seen_crop"):
        assert 0.0 <= row[key] <= 1.0
