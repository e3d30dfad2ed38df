"""Train one model of the ablation (hybrid, ann, snn, c3d) with one recipe.

    /usr/bin/python3 -m respike_recipe.train --model hybrid --out runs/hybrid
    /usr/bin/python3 -m respike_recipe.train --model hybrid --out runs/hybrid --resume
    /usr/bin/python3 -m respike_recipe.train --model hybrid --config full --data ucf101 \
        --root /data/ucf101 --split 1 --device cuda --out runs/ucf101-hybrid

Cross-entropy, AdamW (lr 2e-3, weight decay 0.05; SGD is an option) with a per-iteration cosine
schedule after a one-epoch linear warm-up, gradient-norm clipping, plain back-propagation through the unrolled
timesteps with the ATan surrogate. A checkpoint is written after every epoch; --resume continues
from the last one with the same optimizer, schedule and RNG state.
"""
import argparse
import json
import math
import random
import sys
import time
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from torch.utils.data import DataLoader

from . import data as D
from .model import MODES, ReSpikeConfig, build_model, count_params
from .render import CLASSES, FAMILIES, RENDER_VERSION
from .runs import CHECKPOINT, load_checkpoint, load_config, save_config

# AdamW, not the paper's SGD: with SGD (lr 0.1, batch 16) the RGB-only models sat at chance for 7
# epochs (ANN-only) or 3+ (C3D) before learning, and a 3-epoch hybrid pilot reached val 0.557 vs 0.623
# with AdamW; AdamW lifted the ANN-only off chance in its first epoch. Data, not epochs, is what the
# hybrid lacked: 900 clips per class for 10 epochs reached 83.3% test against 76.1% for 300 per class
# for 20 epochs (the same model; 5620 against 3740 steps), and took 36 minutes with rendering on one
# core of this 2-core machine. One thread per process: small convolutions barely gain from a second
# thread, so two models train side by side on two cores.
DEFAULT_EPOCHS = 10
DEFAULT_TRAIN_PER_CLASS = 900
# One model serves whole frames and the person crops of the per-person elements.
DEFAULT_CROP_SHARE = 0.4
# Real H.264 (temporal artefacts included) on top of the renderer's own block quantisation.
DEFAULT_H264_SHARE = 0.4
# An epoch of the full config on UCF-101 runs for many minutes: say where it is at most once a minute.
PROGRESS_EVERY_S = 60.0


def parse_args(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", choices=MODES, required=True)
    ap.add_argument("--out", required=True, help="run folder (config, checkpoint, log)")
    ap.add_argument("--epochs", type=int)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--resume", action="store_true")
    ap.add_argument("--init", metavar="RUN",
                    help="start from the weights of RUN's last checkpoint (same model config) with a fresh "
                         "optimizer and schedule: a warm restart that lengthens a finished run")
    ap.add_argument("--config", choices=["small", "full"], default="small")
    ap.add_argument("--set", action="append", default=[], metavar="FIELD=VALUE",
                    help="override a ReSpikeConfig field, e.g. --set stem_pool=false --set size=96 (JSON values)")
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--optimizer", choices=["sgd", "adamw"], default="adamw")
    ap.add_argument("--lr", type=float, help="default: 2e-3 (adamw), 0.1 (sgd)")
    ap.add_argument("--weight-decay", type=float, help="default: 0.05 (adamw), 1e-4 (sgd)")
    ap.add_argument("--warmup-epochs", type=float, default=1.0)
    ap.add_argument("--branch-loss", type=float, default=0.0,
                    help="hybrid only: weight of the extra loss of each branch's share of the head alone "
                         "(the logged training loss includes it)")
    ap.add_argument("--data", choices=["synthetic", "ucf101", "hmdb51"], default="synthetic")
    ap.add_argument("--root", help="dataset root for ucf101/hmdb51")
    ap.add_argument("--split", type=int, default=1, help="official split for ucf101/hmdb51")
    ap.add_argument("--train-per-class", type=int, default=DEFAULT_TRAIN_PER_CLASS)
    ap.add_argument("--val-per-class", type=int, default=30)
    ap.add_argument("--holdout", choices=FAMILIES, action="append", default=[],
                    help="synthetic: leave this style family out of training and validation (repeatable)")
    ap.add_argument("--crop-share", type=float, default=DEFAULT_CROP_SHARE,
                    help="synthetic: share of clips framed as a crop box around the person")
    ap.add_argument("--crowd-share", type=float, default=0.0,
                    help="synthetic: share of those crops cut from a wide view with 1-3 other people in it")
    ap.add_argument("--window-share", type=float, default=0.0,
                    help="synthetic: share of the whole-frame clips cut from a short long video, across the "
                         "boundary of two actions as often as not, labelled by the action covering most of it")
    ap.add_argument("--h264-share", type=float, default=DEFAULT_H264_SHARE,
                    help="synthetic: share of training clips passed through a real H.264 encoder")
    ap.add_argument("--label-smoothing", type=float, default=0.1)
    ap.add_argument("--device", default="cpu")
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--workers", type=int, default=0)
    return ap.parse_args(argv)


def training_families(args) -> tuple:
    return tuple(f for f in FAMILIES if f not in args.holdout)


def datasets(args, size):
    """-> (train set, val set, class names). Synthetic validation clips come from the training
    families: a held-out family is seen only by the evaluation."""
    if args.data == "synthetic":
        kw = dict(size=size, families=training_families(args), crop_share=args.crop_share,
                  crowd_share=args.crowd_share, window_share=args.window_share)
        train = D.SyntheticClips(D.build_split("train", args.train_per_class, h264_share=args.h264_share, **kw),
                                 train=True)
        val = D.SyntheticClips(D.build_split("val", args.val_per_class, **kw), train=False)
        return train, val, list(CLASSES)
    reader = {"ucf101": D.ucf101, "hmdb51": D.hmdb51}[args.data]
    train = reader(args.root, args.split, train=True, size=size)
    # The official lists have no validation split: validate on the test list (reported as such).
    val = reader(args.root, args.split, train=False, size=size)
    return train, val, train.classes


def make_optimizer(args, model):
    if args.optimizer == "sgd":
        args.lr, args.weight_decay = args.lr or 0.1, args.weight_decay or 1e-4
        return torch.optim.SGD(model.parameters(), lr=args.lr, momentum=0.9, weight_decay=args.weight_decay)
    args.lr, args.weight_decay = args.lr or 2e-3, args.weight_decay or 0.05
    return torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=args.weight_decay)


def cosine_lr(step, total, warmup, base):
    if step < warmup:
        return base * (step + 1) / warmup
    return 0.5 * base * (1 + math.cos(math.pi * (step - warmup) / max(1, total - warmup)))


def clip_loss(model, x, y, branch_loss: float = 0.0, smoothing: float = 0.0):
    """-> (clip logits, loss). With branch_loss > 0 a hybrid also pays that weight times the loss of
    each branch's share of the head alone, so neither branch can leave the other to learn what both
    should (the hybrid's ANN under-learnt the chair that ANN-only models see)."""
    if branch_loss == 0.0 or model.cfg.mode != "hybrid":
        logits = model(x)
        return logits, F.cross_entropy(logits, y, label_smoothing=smoothing)
    ann_pooled, snn_mean, _ = model.group_features(x)
    logits = model.per_clip(model.head(ann_pooled, snn_mean)).mean(dim=1)
    branches = sum(F.cross_entropy(model.per_clip(b).mean(dim=1), y)
                   for b in model.branch_logits(ann_pooled, snn_mean))
    return logits, F.cross_entropy(logits, y, label_smoothing=smoothing) + branch_loss * branches


def run_epoch(model, loader, device, optimizer=None, schedule=None, branch_loss: float = 0.0, label="",
              smoothing: float = 0.0):
    """One pass; trains when an optimizer is given. -> (mean loss, accuracy).
    While training, a progress line goes to stderr at most every PROGRESS_EVERY_S seconds."""
    training = optimizer is not None
    model.train(training)
    total_loss, correct, seen = 0.0, 0, 0
    start = last_report = time.time()
    with torch.set_grad_enabled(training):
        for batch, (x, y) in enumerate(loader, start=1):
            x, y = x.to(device, non_blocking=True), y.to(device, non_blocking=True)
            logits, loss = clip_loss(model, x, y, branch_loss if training else 0.0, smoothing if training else 0.0)
            if training:
                for group in optimizer.param_groups:
                    group["lr"] = schedule()
                optimizer.zero_grad(set_to_none=True)
                loss.backward()
                torch.nn.utils.clip_grad_norm_(model.parameters(), 5.0)
                optimizer.step()
            total_loss += float(loss) * len(y)
            correct += int((logits.argmax(1) == y).sum())
            seen += len(y)
            now = time.time()
            if training and now - last_report >= PROGRESS_EVERY_S and batch < len(loader):
                last_report, elapsed = now, now - start
                print(f"  {label} {batch}/{len(loader)} batches, loss {total_loss / seen:.4f}, {elapsed:.0f} s, "
                      f"about {elapsed / batch * (len(loader) - batch):.0f} s to go", file=sys.stderr, flush=True)
    return total_loss / seen, correct / seen


def seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def rng_state():
    return {"torch": torch.get_rng_state(), "numpy": np.random.get_state(), "python": random.getstate()}


def set_rng_state(state):
    torch.set_rng_state(state["torch"])
    np.random.set_state(state["numpy"])
    random.setstate(state["python"])


def overrides(pairs) -> dict:
    """FIELD=VALUE pairs with JSON values (lists become tuples, as in the config)."""
    out = {}
    for pair in pairs:
        field, value = pair.split("=", 1)
        parsed = json.loads(value)
        out[field] = tuple(parsed) if isinstance(parsed, list) else parsed
    return out


def init_weights(model, cfg, run: Path, device):
    """Loads RUN's last weights into MODEL; refuses a run of another architecture in one line."""
    theirs, ours = ReSpikeConfig.from_dict(load_config(run)["model"]).to_dict(), cfg.to_dict()
    if theirs != ours:
        diff = sorted(k for k in ours if theirs.get(k) != ours[k])
        raise SystemExit(f"--init {run}: its model config differs in {', '.join(diff)}")
    model.load_state_dict(load_checkpoint(run, device)["model"])
    print(f"starting from the weights of {run}", flush=True)


def main(argv=None):
    args = parse_args(argv)
    torch.set_num_threads(args.threads)
    out = Path(args.out)
    seed_everything(args.seed)
    epochs = args.epochs or DEFAULT_EPOCHS

    factory, fields = getattr(ReSpikeConfig, args.config), overrides(args.set)
    train_set, val_set, classes = datasets(args, factory(**fields).size)
    cfg = factory(mode=args.model, num_classes=len(classes), **fields)
    model = build_model(cfg).to(args.device)
    optimizer = make_optimizer(args, model)
    start, history = 0, []
    if args.resume and (out / CHECKPOINT).exists():
        ckpt = load_checkpoint(out, args.device)
        model.load_state_dict(ckpt["model"])
        optimizer.load_state_dict(ckpt["optimizer"])
        start, history = ckpt["epoch"] + 1, ckpt["history"]
        set_rng_state(ckpt["rng"])
        epochs = load_config(out)["train"]["epochs"]
        print(f"resuming {out} at epoch {start + 1}/{epochs}", flush=True)
    else:
        if args.init:
            init_weights(model, cfg, Path(args.init), args.device)
        data = {"render_version": RENDER_VERSION, "families": list(training_families(args))} if args.data == "synthetic" else {}
        save_config(out, cfg, {"train": {**vars(args), "epochs": epochs, **data}, "classes": classes,
                               "command": " ".join(["/usr/bin/python3", "-m", "respike_recipe.train",
                                                    *sys.argv[1:]])})
    loader_kw = dict(batch_size=args.batch_size, num_workers=args.workers,
                     pin_memory=args.device.startswith("cuda"))
    train_loader = DataLoader(train_set, shuffle=True, drop_last=True, **loader_kw)
    val_loader = DataLoader(val_set, shuffle=False, **loader_kw)
    per_epoch = len(train_loader)
    if per_epoch == 0:  # drop_last leaves no batch, and an epoch would divide by zero
        raise SystemExit(f"{len(train_set)} training clips are fewer than one batch of {args.batch_size}: "
                         "lower --batch-size or add clips")
    step = start * per_epoch
    print(f"{args.model}: {count_params(model)} parameters, {len(train_set)} train / {len(val_set)} val "
          f"clips, {epochs} epochs of {per_epoch} batches", flush=True)

    def schedule():
        nonlocal step
        lr = cosine_lr(step, epochs * per_epoch, int(args.warmup_epochs * per_epoch), args.lr)
        step += 1
        return lr

    for epoch in range(start, epochs):
        t0 = time.time()
        loss, train_acc = run_epoch(model, train_loader, args.device, optimizer, schedule, args.branch_loss,
                                    label=f"epoch {epoch + 1}/{epochs}:", smoothing=args.label_smoothing)
        _, val_acc = run_epoch(model, val_loader, args.device)
        seconds = time.time() - t0
        history.append({"epoch": epoch + 1, "loss": loss, "train_acc": train_acc, "val_acc": val_acc,
                        "seconds": seconds})
        print(f"epoch {epoch + 1}/{epochs} loss {loss:.4f} train acc {train_acc:.4f} "
              f"val acc {val_acc:.4f} {seconds:.1f} s", flush=True)
        torch.save({"model": model.state_dict(), "optimizer": optimizer.state_dict(), "epoch": epoch,
                    "history": history, "rng": rng_state()}, out / (CHECKPOINT + ".tmp"))
        (out / (CHECKPOINT + ".tmp")).replace(out / CHECKPOINT)


if __name__ == "__main__":
    main()
