"""ReSpike (Xiao et al., 2024): a hybrid ANN + SNN video classifier, plus the ablation baselines.

A clip of T frames is split into T/s groups of s frames. The first frame of a group (the key frame)
goes through a ResNet (the ANN); the other s-1 frames become signed residuals r_j = x_j - x_key that
drive a spiking ResNet of LIF neurons, one residual per timestep. After some SNN stages a transformer
block lets the SNN tokens attend to the ANN stage features of the same key frame. A linear classifier
reads [GAP(ANN s4) ; GAP(time-mean SNN output)] per group; clip logits are the mean over groups.

The hybrid is written as three streaming pieces, and the whole-clip forward is built from them:
  ann_key(key)                       -> ann_pooled, context (cross-attention keys/values per stage)
  snn_run(residuals, states, context) -> states, features, spike counts    (snn_step = snn_run, T=1)
  head(ann_pooled, snn_mean)          -> logits
`snn_run` applies each conv/BN to all T*B frames at once and only loops over time inside the LIF
layers: BatchNorm statistics over all timesteps keep training stable, and running it with T=1 and
explicit membranes is exactly one streaming step.

Modes (same recipe, for the ablation): `hybrid`; `ann` (key frames only); `snn` (residual frames only,
no fusion); `c3d`, a separate 3D-CNN baseline on all frames (see C3D).
"""
import math
from dataclasses import asdict, dataclass, fields
from typing import List, Optional, Sequence, Tuple

import torch
import torch.nn.functional as F
from torch import nn

MODES = ("hybrid", "ann", "snn", "c3d")


@dataclass
class ReSpikeConfig:
    mode: str = "hybrid"
    num_classes: int = 10
    size: int = 64                      # square input, pixels
    stride: int = 4                     # s: frames per group (1 key frame + s-1 residual frames)
    clip_frames: int = 16               # T
    fps: float = 8.0
    ann_block: str = "basic"            # "basic" (ResNet-18/34 layout) or "bottleneck" (ResNet-50)
    ann_widths: Tuple[int, ...] = (16, 32, 64, 128)
    ann_depths: Tuple[int, ...] = (1, 1, 1, 1)
    ann_stem_kernel: int = 3            # ANN stem conv kxk/s2: 3 for small inputs, 7 at 224
    stem_pool: bool = True              # maxpool 3x3/s2 after both stems (ResNet at 224): stage maps
                                        # stay the same size in both branches either way
    snn_widths: Tuple[int, ...] = (16, 32, 64, 128)
    snn_depths: Tuple[int, ...] = (1, 1, 1, 1)
    fusion_stages: Tuple[int, ...] = (2, 3, 4)
    ff_mult: int = 2                    # GEGLU hidden width = ff_mult x channels
    head_dim: int = 16                  # attention head dim; heads = SNN stage channels / head_dim
    fusion_pool_to: int = 8             # SNN maps larger than this side are avg-pooled to it for the
                                        # attention and the update upsampled (the paper's "downsample"
                                        # variant); 0 = never
    fusion_pos: bool = False            # add fixed 2D sine codes of token positions to the attention
                                        # queries and keys (not the values): without them the
                                        # attention cannot match a place in the residual to the same
                                        # place in the key frame (the reference has none; no
                                        # gain with 300 clips per class, +0.6 and +2.8 points over
                                        # two seeds with 900: the shipped hybrid sets it)
    lif_decay: float = 0.25             # v <- decay * v + (1 - decay) * x  (tau = 4/3)
    lif_threshold: float = 1.0
    surrogate_alpha: float = 2.0
    c3d_widths: Tuple[int, ...] = (16, 32, 64, 128)

    @property
    def groups(self) -> int:
        return self.clip_frames // self.stride

    @property
    def steps(self) -> int:
        return self.stride - 1

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict) -> "ReSpikeConfig":
        known = {f.name for f in fields(cls)}
        return cls(**{k: tuple(v) if isinstance(v, list) else v for k, v in d.items() if k in known})

    @classmethod
    def small(cls, **overrides) -> "ReSpikeConfig":
        """The CPU default: 64x64 synthetic clips."""
        return cls(**overrides)

    @classmethod
    def full(cls, **overrides) -> "ReSpikeConfig":
        """The paper's size: ResNet-50 ANN + spiking ResNet-18 at 224x224, head dim 32."""
        base = dict(size=224, ann_block="bottleneck", ann_widths=(64, 128, 256, 512),
                    ann_depths=(3, 4, 6, 3), ann_stem_kernel=7, stem_pool=True, snn_widths=(64, 128, 256, 512),
                    snn_depths=(2, 2, 2, 2), head_dim=32, fusion_pool_to=0, ff_mult=4,
                    c3d_widths=(64, 128, 256, 512))
        base.update(overrides)
        return cls(**base)


# ----------------------------------------------------------------------------------------------
# Building blocks


class ConvBN(nn.Module):
    """Conv (no bias) + BatchNorm, foldable into one biased conv for export."""

    def __init__(self, cin, cout, kernel, stride=1, dims=2):
        super().__init__()
        conv = nn.Conv2d if dims == 2 else nn.Conv3d
        ks = (kernel,) * dims if isinstance(kernel, int) else tuple(kernel)
        st = (stride,) * dims if isinstance(stride, int) else tuple(stride)
        self.conv = conv(cin, cout, ks, st, padding=tuple(k // 2 for k in ks), bias=False)
        self.bn = nn.BatchNorm2d(cout) if dims == 2 else nn.BatchNorm3d(cout)

    def forward(self, x):
        return self.bn(self.conv(x))

    @torch.no_grad()
    def fold(self):
        """Fold the BN's running statistics into the conv (eval semantics), then drop the BN."""
        if isinstance(self.bn, nn.Identity):
            return
        bn = self.bn
        scale = bn.weight / torch.sqrt(bn.running_var + bn.eps)
        bias = bn.bias - bn.running_mean * scale
        if self.conv.bias is not None:
            bias = bias + self.conv.bias * scale
        self.conv.weight.mul_(scale.view(-1, *([1] * (self.conv.weight.dim() - 1))))
        self.conv.bias = nn.Parameter(bias)
        self.bn = nn.Identity()


def fold_batchnorm(model: nn.Module) -> nn.Module:
    """Fold every ConvBN of `model` in place (call on an eval-mode copy)."""
    for m in model.modules():
        if isinstance(m, ConvBN):
            m.fold()
    return model


def time_distributed(fn, x):
    """Apply a per-frame module to [T, B, ...] by flattening time into the batch."""
    t = x.shape[0]
    y = fn(x.flatten(0, 1))
    return y.reshape(t, -1, *y.shape[1:])


# ----------------------------------------------------------------------------------------------
# LIF neuron


class ATanSpike(torch.autograd.Function):
    """Heaviside forward, ATan surrogate backward: d spike / d u = (a/2) / (1 + (pi/2 * a * u)^2)."""

    @staticmethod
    def forward(ctx, u, alpha: float):
        ctx.save_for_backward(u)
        ctx.alpha = alpha
        return (u >= 0).to(u.dtype)

    @staticmethod
    def backward(ctx, grad):
        (u,) = ctx.saved_tensors
        a = ctx.alpha
        return grad * (a / 2) / (1 + (math.pi / 2 * a * u) ** 2), None


class LIF(nn.Module):
    """Leaky integrate-and-fire over a [T, B, ...] input with an explicit membrane.

    v <- decay * v + (1 - decay) * x;  spike = v >= threshold;  v <- v * (1 - spike)  (hard reset to 0,
    reset path detached). Outside training the spike is the plain comparison, which exports as
    GreaterOrEqual + Cast and needs no custom op.
    """

    def __init__(self, decay=0.25, threshold=1.0, alpha=2.0):
        super().__init__()
        self.decay, self.threshold, self.alpha = decay, threshold, alpha

    def fire(self, v):
        if self.training and torch.is_grad_enabled():
            return ATanSpike.apply(v - self.threshold, self.alpha)
        return (v >= self.threshold).to(v.dtype)

    def forward(self, x, v: Optional[torch.Tensor] = None):
        """Returns (spikes [T, B, ...], final membrane [B, ...], spike counts [T, B])."""
        if v is None:
            v = torch.zeros_like(x[0])
        spikes = []
        for t in range(x.shape[0]):
            v = self.decay * v + (1.0 - self.decay) * x[t]
            s = self.fire(v)
            v = v * (1.0 - s.detach())
            spikes.append(s)
        spikes = torch.stack(spikes)
        return spikes, v, spikes.flatten(2).sum(2)


# ----------------------------------------------------------------------------------------------
# ANN branch: ResNet on key frames


class BasicBlock(nn.Module):
    expansion = 1

    def __init__(self, cin, width, stride):
        super().__init__()
        cout = width * self.expansion
        self.conv1 = ConvBN(cin, width, 3, stride)
        self.conv2 = ConvBN(width, cout, 3)
        self.shortcut = ConvBN(cin, cout, 1, stride) if stride != 1 or cin != cout else nn.Identity()

    def forward(self, x):
        y = self.conv2(F.relu(self.conv1(x)))
        return F.relu(y + self.shortcut(x))


class Bottleneck(nn.Module):
    expansion = 4

    def __init__(self, cin, width, stride):
        super().__init__()
        cout = width * self.expansion
        self.conv1 = ConvBN(cin, width, 1)
        self.conv2 = ConvBN(width, width, 3, stride)
        self.conv3 = ConvBN(width, cout, 1)
        self.shortcut = ConvBN(cin, cout, 1, stride) if stride != 1 or cin != cout else nn.Identity()

    def forward(self, x):
        y = self.conv3(F.relu(self.conv2(F.relu(self.conv1(x)))))
        return F.relu(y + self.shortcut(x))


class ResNet(nn.Module):
    """Returns the four stage outputs s1..s4 of one frame batch [N, 3, H, W]."""

    def __init__(self, cfg: ReSpikeConfig):
        super().__init__()
        block = {"basic": BasicBlock, "bottleneck": Bottleneck}[cfg.ann_block]
        stem_width = cfg.ann_widths[0]
        stem = [ConvBN(3, stem_width, cfg.ann_stem_kernel, 2), nn.ReLU()]
        self.stem = nn.Sequential(*stem, *([nn.MaxPool2d(3, 2, 1)] if cfg.stem_pool else []))
        self.stages = nn.ModuleList()
        cin = stem_width
        for i, (width, depth) in enumerate(zip(cfg.ann_widths, cfg.ann_depths)):
            blocks = []
            for j in range(depth):
                blocks.append(block(cin, width, 2 if (i > 0 and j == 0) else 1))
                cin = width * block.expansion
            self.stages.append(nn.Sequential(*blocks))
        self.channels = [w * block.expansion for w in cfg.ann_widths]

    def forward(self, x) -> List[torch.Tensor]:
        x = self.stem(x)
        outs = []
        for stage in self.stages:
            x = stage(x)
            outs.append(x)
        return outs


# ----------------------------------------------------------------------------------------------
# Cross-attention fusion


class Attention(nn.Module):
    """Multi-head attention; keys and values are projected by the caller (`project_context`)
    so that the cross-attention's K/V of a key frame are computed once per group."""

    def __init__(self, dim, context_dim, head_dim):
        super().__init__()
        self.heads, self.head_dim = dim // head_dim, head_dim
        self.to_q = nn.Linear(dim, dim, bias=False)
        self.to_k = nn.Linear(context_dim, dim, bias=False)
        self.to_v = nn.Linear(context_dim, dim, bias=False)
        self.to_out = nn.Linear(dim, dim)

    def split_heads(self, x):
        return x.reshape(x.shape[0], x.shape[1], self.heads, self.head_dim).transpose(1, 2)

    def project_context(self, tokens, pos=0.0):
        return self.to_k(tokens + pos), self.to_v(tokens)

    def forward(self, x, k, v, pos=0.0):
        q, k, v = self.split_heads(self.to_q(x + pos)), self.split_heads(k), self.split_heads(v)
        attn = torch.softmax(q @ k.transpose(-1, -2) * self.head_dim ** -0.5, dim=-1)
        out = (attn @ v).transpose(1, 2).reshape(x.shape[0], x.shape[1], -1)
        return self.to_out(out)


def position_codes(h: int, w: int, dim: int, device=None) -> torch.Tensor:
    """[h*w, dim] fixed sine codes of the token centres in frame coordinates 0..1 (half the channels
    for y, half for x), so that an SNN token and an ANN token over the same place share a code
    whatever their grid sizes. Frequencies pi..16 pi resolve places a sixteenth of the frame apart."""
    n = dim // 4
    freqs = math.pi * 2.0 ** torch.linspace(0.0, 4.0, n, device=device)
    ys = (torch.arange(h, dtype=torch.float32, device=device) + 0.5) / h
    xs = (torch.arange(w, dtype=torch.float32, device=device) + 0.5) / w
    yy, xx = torch.meshgrid(ys, xs, indexing="ij")
    parts = []
    for coord in (yy.reshape(-1, 1) * freqs, xx.reshape(-1, 1) * freqs):
        parts += [torch.sin(coord), torch.cos(coord)]
    codes = torch.cat(parts, dim=1)
    return F.pad(codes, (0, dim - codes.shape[1]))


class GEGLU(nn.Module):
    def __init__(self, dim, mult=4):
        super().__init__()
        self.proj = nn.Linear(dim, dim * mult * 2)
        self.out = nn.Linear(dim * mult, dim)

    def forward(self, x):
        a, gate = self.proj(x).chunk(2, dim=-1)
        return self.out(a * F.gelu(gate))


class FusionBlock(nn.Module):
    """GroupNorm -> 1x1 conv to tokens -> self-attn -> cross-attn (K/V: ANN) -> GEGLU -> zero-init
    1x1 conv, added to the SNN map: the block is the identity at initialisation.
    With `pool > 1` the SNN map is average-pooled by that factor before the block and the update is
    upsampled (nearest) after it: attention cost falls by pool^4 on the largest maps."""

    def __init__(self, channels, context_channels, head_dim, ff_mult=4, pool=1, pos=False):
        super().__init__()
        self.pool, self.pos = pool, pos
        self.norm = nn.GroupNorm(min(32, max(1, channels // 4)), channels, eps=1e-6)
        self.proj_in = nn.Conv2d(channels, channels, 1)
        self.norm1, self.norm2, self.norm3 = (nn.LayerNorm(channels) for _ in range(3))
        self.self_attn = Attention(channels, channels, head_dim)
        self.cross_attn = Attention(channels, context_channels, head_dim)
        self.ff = GEGLU(channels, ff_mult)
        self.proj_out = nn.Conv2d(channels, channels, 1)
        nn.init.zeros_(self.proj_out.weight)
        nn.init.zeros_(self.proj_out.bias)

    def context(self, ann_feature):
        """ANN stage map [N, Ca, h, w] -> cross-attention (keys, values) [N, h*w, C]."""
        return self.cross_attn.project_context(ann_feature.flatten(2).transpose(1, 2), self.codes(ann_feature))

    def codes(self, feature_map):
        """Position codes for the tokens of a [N, C, h, w] map, on its device (0 without codes)."""
        _, c, h, w = feature_map.shape
        return position_codes(h, w, c, feature_map.device) if self.pos else 0.0

    def forward(self, x, k, v):
        h = F.avg_pool2d(x, self.pool) if self.pool > 1 else x
        n, c, hh, ww = h.shape
        pos = self.codes(h)
        t = self.proj_in(self.norm(h)).flatten(2).transpose(1, 2)
        y = self.norm1(t)
        t = t + self.self_attn(y, *self.self_attn.project_context(y, pos), pos)
        t = t + self.cross_attn(self.norm2(t), k, v, pos)
        t = t + self.ff(self.norm3(t))
        update = self.proj_out(t.transpose(1, 2).reshape(n, c, hh, ww))
        if self.pool > 1:
            update = F.interpolate(update, scale_factor=self.pool, mode="nearest")
        return x + update


# ----------------------------------------------------------------------------------------------
# SNN branch: spiking ResNet on residual frames


class SpikingBlock(nn.Module):
    """Pre-activation: y = BN(conv(LIF(x))); y = BN(conv(LIF(y))); out = y + shortcut(x)."""

    def __init__(self, cin, cout, stride, cfg: ReSpikeConfig):
        super().__init__()
        lif = dict(decay=cfg.lif_decay, threshold=cfg.lif_threshold, alpha=cfg.surrogate_alpha)
        self.lif1, self.conv1 = LIF(**lif), ConvBN(cin, cout, 3, stride)
        self.lif2, self.conv2 = LIF(**lif), ConvBN(cout, cout, 3)
        if stride != 1 or cin != cout:
            pool = nn.AvgPool2d(stride) if stride != 1 else nn.Identity()
            self.shortcut = nn.Sequential(pool, ConvBN(cin, cout, 1))
        else:
            self.shortcut = nn.Identity()

    def forward(self, x, v1, v2):
        """x: [T, B, C, H, W] real-valued. Returns (out, v1, v2, counts [T, B, 2])."""
        s1, v1, c1 = self.lif1(x, v1)
        y = time_distributed(self.conv1, s1)
        s2, v2, c2 = self.lif2(y, v2)
        y = time_distributed(self.conv2, s2) + time_distributed(self.shortcut, x)
        return y, v1, v2, torch.stack([c1, c2], dim=-1)


class SpikingResNet(nn.Module):
    def __init__(self, cfg: ReSpikeConfig, ann_channels: Optional[Sequence[int]] = None):
        super().__init__()
        w0 = cfg.snn_widths[0]
        # No neuron in the stem: the first LIF layer encodes the real-valued residual.
        stem = [ConvBN(3, w0, 3, 2)] + ([nn.MaxPool2d(3, 2, 1)] if cfg.stem_pool else [])
        self.stem = nn.Sequential(*stem)
        self.stages = nn.ModuleList()
        cin = w0
        for i, (width, depth) in enumerate(zip(cfg.snn_widths, cfg.snn_depths)):
            self.stages.append(nn.ModuleList(
                SpikingBlock(cin if j == 0 else width, width, 2 if (i > 0 and j == 0) else 1, cfg)
                for j in range(depth)))
            cin = width
        self.fusion_stages = tuple(cfg.fusion_stages) if ann_channels is not None else ()
        self.fusions = nn.ModuleDict({
            str(k): FusionBlock(cfg.snn_widths[k - 1], ann_channels[k - 1], cfg.head_dim,
                                cfg.ff_mult, self.fusion_pool(cfg, k), cfg.fusion_pos)
            for k in self.fusion_stages})
        self.out_channels = cin

    @staticmethod
    def fusion_pool(cfg: ReSpikeConfig, stage: int) -> int:
        side = cfg.size // 2 // (2 if cfg.stem_pool else 1) // 2 ** (stage - 1)
        return max(1, side // cfg.fusion_pool_to) if cfg.fusion_pool_to else 1

    def blocks(self):
        return [b for stage in self.stages for b in stage]

    def lif_names(self) -> List[str]:
        return [f"snn.stage{i + 1}.block{j}.lif{n}"
                for i, stage in enumerate(self.stages) for j in range(len(stage)) for n in (1, 2)]

    def forward(self, residuals, states: Optional[List[torch.Tensor]] = None, context=None):
        """residuals [T, B, 3, H, W]; states: one membrane per LIF layer (None: zeros);
        context: list of (k, v) per fusion stage. Returns (features [T, B, C], states, counts [T, B, L])."""
        states = list(states) if states is not None else [None] * (2 * len(self.blocks()))
        x = time_distributed(self.stem, residuals)
        steps = x.shape[0]
        new_states, counts, i = [], [], 0
        for k, stage in enumerate(self.stages, start=1):
            for block in stage:
                x, v1, v2, c = block(x, states[i], states[i + 1])
                new_states += [v1, v2]
                counts.append(c)
                i += 2
            if k in self.fusion_stages:
                ck, cv = context[self.fusion_stages.index(k)]
                # Frames are time-major after flattening: repeat the group's context per step.
                ck, cv = ck.repeat(steps, 1, 1), cv.repeat(steps, 1, 1)
                fusion = self.fusions[str(k)]
                x = time_distributed(lambda f: fusion(f, ck, cv), x)
        features = x.mean(dim=(3, 4))
        return features, new_states, torch.cat(counts, dim=-1)


# ----------------------------------------------------------------------------------------------
# The ReSpike model (modes hybrid / ann / snn)


class ReSpike(nn.Module):
    def __init__(self, cfg: ReSpikeConfig):
        super().__init__()
        assert cfg.mode in ("hybrid", "ann", "snn"), cfg.mode
        self.cfg = cfg
        use_ann, use_snn = cfg.mode in ("hybrid", "ann"), cfg.mode in ("hybrid", "snn")
        self.ann = ResNet(cfg) if use_ann else None
        fusion_channels = self.ann.channels if cfg.mode == "hybrid" else None
        self.snn = SpikingResNet(cfg, fusion_channels) if use_snn else None
        feat = (self.ann.channels[-1] if use_ann else 0) + (self.snn.out_channels if use_snn else 0)
        self.classifier = nn.Linear(feat, cfg.num_classes)

    # --- streaming pieces -----------------------------------------------------------------
    def ann_key(self, key):
        """Key frame [N, 3, H, W] -> (pooled s4 [N, Ca], [(k, v) per fusion stage])."""
        stages = self.ann(key)
        context = []
        if self.snn is not None:
            context = [self.snn.fusions[str(k)].context(stages[k - 1]) for k in self.snn.fusion_stages]
        return stages[-1].mean(dim=(2, 3)), context

    def snn_run(self, residuals, states=None, context=None):
        return self.snn(residuals, states, context)

    def snn_step(self, residual, states, context):
        """One timestep: residual [N, 3, H, W] -> (states, feature [N, Cs], counts [N, L])."""
        features, states, counts = self.snn_run(residual.unsqueeze(0), states, context)
        return states, features[0], counts[0]

    def head(self, ann_pooled=None, snn_mean=None):
        parts = [p for p in (ann_pooled, snn_mean) if p is not None]
        return self.classifier(torch.cat(parts, dim=1))

    # --- whole clip -------------------------------------------------------------------------
    def split_groups(self, frames):
        """[N, T, 3, H, W] -> key frames [N*G, 3, H, W], residuals [s-1, N*G, 3, H, W]."""
        s = self.cfg.stride
        g = frames.reshape(-1, s, *frames.shape[2:])
        key = g[:, 0]
        return key, (g[:, 1:] - key.unsqueeze(1)).transpose(0, 1)

    def group_features(self, frames):
        """-> (pooled ANN s4 [N*G, Ca] or None, time-mean SNN output [N*G, Cs] or None, spike counts)."""
        key, residuals = self.split_groups(frames)
        ann_pooled, context, snn_mean, counts = None, None, None, None
        if self.ann is not None:
            ann_pooled, context = self.ann_key(key)
        if self.snn is not None:
            features, _, counts = self.snn_run(residuals, None, context)
            snn_mean = features.mean(dim=0)
        return ann_pooled, snn_mean, counts

    def branch_logits(self, ann_pooled, snn_mean):
        """Each branch's share of the linear head (the other branch's features zeroed), for the
        training-only branch loss of a hybrid."""
        return (self.head(ann_pooled, torch.zeros_like(snn_mean)),
                self.head(torch.zeros_like(ann_pooled), snn_mean))

    def per_clip(self, head_logits):
        """Head logits of every group [N*G, K] -> [N, G, K]."""
        return head_logits.reshape(-1, self.cfg.groups, self.cfg.num_classes)

    def group_logits(self, frames, return_counts=False):
        ann_pooled, snn_mean, counts = self.group_features(frames)
        logits = self.per_clip(self.head(ann_pooled, snn_mean))
        return (logits, counts) if return_counts else logits

    def forward(self, frames):
        return self.group_logits(frames).mean(dim=1)


@torch.no_grad()
def streaming_group_logits(model: ReSpike, frames, return_spikes=False):
    """The streaming reference: group by group, one SNN step per residual frame with explicit
    membranes (what the engine does with the exported graphs). frames [N, T, 3, H, W] -> [N, G, K]
    (and the spike total per clip [N] with return_spikes)."""
    n, s = frames.shape[0], model.cfg.stride
    rows, spikes = [], torch.zeros(n)
    for g in range(model.cfg.groups):
        key = frames[:, g * s]
        ann_pooled, context = model.ann_key(key) if model.ann is not None else (None, None)
        states, features = None, []
        for j in range(1, s):
            states, feature, counts = model.snn_step(frames[:, g * s + j] - key, states, context)
            features.append(feature)
            spikes += counts.sum(dim=1)
        rows.append(model.head(ann_pooled, torch.stack(features).mean(dim=0)))
    logits = torch.stack(rows, dim=1).reshape(n, model.cfg.groups, -1)
    return (logits, spikes) if return_spikes else logits


# ----------------------------------------------------------------------------------------------
# 3D-CNN baseline


class Conv2Plus1D(nn.Module):
    """R(2+1)D factorised 3D conv: spatial (1,3,3) then temporal (3,1,1), BN + ReLU between.
    The middle width keeps the parameter count of a full 3x3x3 conv (Tran et al., 2018)."""

    def __init__(self, cin, cout, stride):
        super().__init__()
        st, ss = stride
        mid = (27 * cin * cout) // (9 * cin + 3 * cout)
        self.spatial = ConvBN(cin, mid, (1, 3, 3), (1, ss, ss), dims=3)
        self.temporal = ConvBN(mid, cout, (3, 1, 1), (st, 1, 1), dims=3)

    def forward(self, x):
        return self.temporal(F.relu(self.spatial(x)))


class Block2Plus1D(nn.Module):
    def __init__(self, cin, cout, stride):
        super().__init__()
        self.conv1 = Conv2Plus1D(cin, cout, stride)
        self.conv2 = Conv2Plus1D(cout, cout, (1, 1))
        self.shortcut = (ConvBN(cin, cout, 1, (stride[0], stride[1], stride[1]), dims=3)
                         if stride != (1, 1) or cin != cout else nn.Identity())

    def forward(self, x):
        return F.relu(self.conv2(F.relu(self.conv1(x))) + self.shortcut(x))


class C3D(nn.Module):
    """R(2+1)D-18-style 3D CNN on all T frames: stem (3,3,3)/s(1,2,2) + spatial max-pool; stage 1
    keeps time and space, stages 2-4 halve both. One block per stage at the small config, two at full
    size."""

    def __init__(self, cfg: ReSpikeConfig):
        super().__init__()
        self.cfg = cfg
        w = cfg.c3d_widths
        depth = 2 if cfg.size >= 112 else 1
        # The same stem downsampling as the hybrid's branches (conv/s2, then a spatial max-pool as in
        # C3D's pool1): without the pool the model sat at chance for 3 epochs and cost 427 M MACs a clip.
        pool = [nn.MaxPool3d((1, 3, 3), (1, 2, 2), (0, 1, 1))] if cfg.stem_pool else []
        self.stem = nn.Sequential(ConvBN(3, w[0], 3, (1, 2, 2), dims=3), nn.ReLU(), *pool)
        stages, cin = [], w[0]
        for i, width in enumerate(w):
            stride = (2, 2) if i > 0 else (1, 1)
            stages += [Block2Plus1D(cin if j == 0 else width, width, stride if j == 0 else (1, 1))
                       for j in range(depth)]
            cin = width
        self.stages = nn.Sequential(*stages)
        self.classifier = nn.Linear(cin, cfg.num_classes)

    def forward(self, frames):
        x = self.stages(self.stem(frames.transpose(1, 2)))  # [N, C, T, H, W]
        return self.classifier(x.mean(dim=(2, 3, 4)))


def build_model(cfg: ReSpikeConfig) -> nn.Module:
    return C3D(cfg) if cfg.mode == "c3d" else ReSpike(cfg)


def count_params(model: nn.Module) -> int:
    return sum(p.numel() for p in model.parameters())
