"""A training run on disk: runs/NAME/{config.json, checkpoint.pt, eval.json}."""
import json
from pathlib import Path

import torch

from .model import ReSpikeConfig, build_model

CONFIG = "config.json"
CHECKPOINT = "checkpoint.pt"
EVAL = "eval.json"


def save_config(run: Path, cfg: ReSpikeConfig, extra: dict):
    run.mkdir(parents=True, exist_ok=True)
    (run / CONFIG).write_text(json.dumps({"model": cfg.to_dict(), **extra}, indent=2) + "\n")


def load_config(run: Path) -> dict:
    return json.loads((Path(run) / CONFIG).read_text())


def load_checkpoint(run: Path, device="cpu") -> dict:
    # Our own checkpoints hold the RNG states (NumPy arrays, Python tuples), which torch >= 2.6 refuses
    # to unpickle by default.
    return torch.load(Path(run) / CHECKPOINT, map_location=device, weights_only=False)


def load_model(run: Path, device="cpu"):
    """-> (config, model in eval mode with the last checkpoint's weights)."""
    cfg = ReSpikeConfig.from_dict(load_config(run)["model"])
    model = build_model(cfg)
    model.load_state_dict(load_checkpoint(run, device)["model"])
    return cfg, model.to(device).eval()
