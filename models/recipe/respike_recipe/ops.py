"""Operation counts, spike rates and the energy estimate.

Dense operations are counted per layer with forward hooks on one batch item: convolutions and linear
layers (output elements x fan-in) and the two attention matmuls (QK^T and AV). A layer fed by spikes
(conv1/conv2 of a spiking block, fed by lif1/lif2) costs rate x dense ops accumulates (AC, 0.9 pJ);
every other counted layer costs its dense ops as multiply-accumulates (MAC, 4.6 pJ). Norms,
activations, pooling and additions are not counted (the usual convention; they are small here).
"""
import re
from collections import defaultdict
from typing import Callable, Dict

import torch
from torch import nn

from .model import Attention

PJ_PER_MAC = 4.6
PJ_PER_AC = 0.9

_SYNAPTIC = re.compile(r"^snn\.stages\.(\d+)\.(\d+)\.conv([12])\.conv$")


def layer_ops(module: nn.Module, inputs, output) -> int:
    """Dense multiply-accumulates of one call of a conv, linear or attention module."""
    if isinstance(module, (nn.Conv2d, nn.Conv3d)):
        w = module.weight
        return output.numel() * (w.shape[1] * w[0, 0].numel())
    if isinstance(module, nn.Linear):
        return output.numel() * module.in_features
    if isinstance(module, Attention):
        x, k = inputs[0], inputs[1]
        return 2 * x.shape[0] * x.shape[1] * k.shape[1] * k.shape[2]
    return 0


@torch.no_grad()
def count_ops(model: nn.Module, fn: Callable, *args) -> Dict[str, int]:
    """Run fn(*args) with hooks on every counted module of `model`; returns name -> dense ops."""
    counts, handles = defaultdict(int), []
    for name, m in model.named_modules():
        if isinstance(m, (nn.Conv2d, nn.Conv3d, nn.Linear, Attention)):
            handles.append(m.register_forward_hook(
                lambda mod, i, o, name=name: counts.__setitem__(name, counts[name] + layer_ops(mod, i, o))))
    try:
        fn(*args)
    finally:
        for h in handles:
            h.remove()
    return dict(counts)


def synaptic_lif_index(layer_name: str, blocks_per_stage) -> int:
    """LIF layer feeding a spiking conv (in lif_layers order), or -1 for real-valued layers."""
    m = _SYNAPTIC.match(layer_name)
    if not m:
        return -1
    stage, block, conv = (int(g) for g in m.groups())
    return 2 * (sum(blocks_per_stage[:stage]) + block) + conv - 1


def layer_name(module_name: str) -> str:
    """snn.stages.0.1.conv1.conv -> snn.stage1.block1.conv1 (the naming of lif_layers)."""
    stage, block, conv = _SYNAPTIC.match(module_name).groups()
    return f"snn.stage{int(stage) + 1}.block{block}.conv{conv}"


def split_ops(ops: Dict[str, int], blocks_per_stage):
    """-> (MACs on real-valued inputs, [{layer, lif, dense_ops}] for layers fed by spikes)."""
    macs, synaptic = 0, []
    for name, n in ops.items():
        lif = synaptic_lif_index(name, blocks_per_stage)
        if lif < 0:
            macs += n
        else:
            synaptic.append({"layer": layer_name(name), "lif": lif, "dense_ops": n})
    return macs, sorted(synaptic, key=lambda s: s["lif"])


def energy_pj(macs: float, synaptic, rates) -> float:
    """macs x 4.6 pJ + sum over spike-fed layers of rate(lif) x dense ops x 0.9 pJ."""
    return macs * PJ_PER_MAC + sum(rates[s["lif"]] * s["dense_ops"] for s in synaptic) * PJ_PER_AC
