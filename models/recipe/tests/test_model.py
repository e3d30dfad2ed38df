"""LIF semantics, the surrogate, BN folding, streaming == clip, and the full-size config."""
import copy
import math

import pytest
import torch

from respike_recipe.model import (ATanSpike, ConvBN, LIF, ReSpikeConfig, build_model, fold_batchnorm,
                                  streaming_group_logits)

torch.set_num_threads(2)


def lif_run(xs, v=None):
    x = torch.tensor(xs, dtype=torch.float32).view(-1, 1, 1)
    return LIF().eval()(x, v)


def test_lif_decays_towards_input_without_firing():
    spikes, v, _ = lif_run([1.0, 1.0, 1.0])
    # v <- 0.25 v + 0.75 x: 0.75, 0.9375, 0.984375 (never reaches the threshold 1.0)
    assert spikes.flatten().tolist() == [0.0, 0.0, 0.0]
    assert v.item() == pytest.approx(0.984375, abs=1e-7)


def test_lif_fires_at_threshold_and_hard_resets():
    spikes, v, counts = lif_run([1.0, 2.0, 0.0, 1.0])
    # 0.75 -> 0.1875 + 1.5 = 1.6875 >= 1: spike, reset to 0 -> 0 -> 0.75
    assert spikes.flatten().tolist() == [0.0, 1.0, 0.0, 0.0]
    assert counts.flatten().tolist() == [0.0, 1.0, 0.0, 0.0]
    assert v.item() == pytest.approx(0.75)


def test_lif_threshold_is_inclusive_and_state_is_carried():
    spikes, v, _ = lif_run([0.0], v=torch.tensor([[4.0]]))  # 0.25 * 4 = 1.0 exactly
    assert spikes.item() == 1.0 and v.item() == 0.0


def test_atan_surrogate_gradient():
    u = torch.tensor([0.0, 0.5, -0.25], requires_grad=True)
    ATanSpike.apply(u, 2.0).sum().backward()
    expected = [1.0 / (1 + (math.pi / 2 * 2 * x) ** 2) for x in (0.0, 0.5, -0.25)]  # (a/2)/(1+(pi a u/2)^2)
    assert u.grad.tolist() == pytest.approx(expected, rel=1e-6)


def test_lif_training_forward_equals_eval_and_reset_is_detached():
    x = torch.tensor([0.9, 1.5, 0.3, 2.0]).view(-1, 1, 1).requires_grad_()
    lif = LIF().train()
    spikes, _, _ = lif(x)
    assert torch.equal(spikes, LIF().eval()(x)[0])
    spikes.sum().backward()  # surrogate gradients flow through the unrolled steps
    assert x.grad is not None and torch.all(x.grad > 0)


def randomise_bn(model, seed=0):
    g = torch.Generator().manual_seed(seed)
    for m in model.modules():
        if isinstance(m, (torch.nn.BatchNorm2d, torch.nn.BatchNorm3d)):
            c = m.num_features
            m.running_mean.copy_(torch.randn(c, generator=g) * 0.1)
            m.running_var.copy_(torch.rand(c, generator=g) * 0.5 + 0.75)
            m.weight.data.copy_(torch.rand(c, generator=g) * 0.5 + 0.75)
            m.bias.data.copy_(torch.randn(c, generator=g) * 0.1)
    return model.eval()


def test_convbn_fold_is_equivalent():
    m = randomise_bn(ConvBN(3, 5, 3, 2))
    x = torch.randn(2, 3, 9, 9)
    ref = m(x)
    m.fold()
    assert isinstance(m.bn, torch.nn.Identity)
    assert torch.allclose(m(x), ref, atol=1e-5)


@pytest.mark.parametrize("mode", ["hybrid", "c3d"])
def test_model_fold_is_equivalent(mode):
    torch.manual_seed(0)
    model = randomise_bn(build_model(ReSpikeConfig(mode=mode)))
    x = torch.randn(2, 16, 3, 64, 64)
    with torch.no_grad():
        ref = model(x)
        folded = fold_batchnorm(copy.deepcopy(model))
        assert not any(isinstance(m, torch.nn.modules.batchnorm._BatchNorm) for m in folded.modules())
        assert (folded(x) - ref).abs().max() <= 1e-4


@pytest.mark.parametrize("pos", [False, True])
def test_streaming_equals_clip(pos):
    torch.manual_seed(0)
    model = randomise_bn(build_model(ReSpikeConfig(fusion_pos=pos)))
    x = torch.randn(3, 16, 3, 64, 64) * 3  # large residuals, so that the SNN spikes
    with torch.no_grad():
        clip_groups, counts = model.group_logits(x, return_counts=True)
        streamed = streaming_group_logits(model, x)
    assert counts.sum() > 0
    assert (streamed - clip_groups).abs().max() <= 1e-4
    assert (streamed.mean(1) - model(x)).abs().max() <= 1e-4


def test_state_resets_at_every_group():
    torch.manual_seed(0)
    model = randomise_bn(build_model(ReSpikeConfig()))
    x = torch.randn(1, 16, 3, 64, 64) * 3
    y = x.clone()
    y[:, :4] = torch.randn(1, 4, 3, 64, 64) * 3  # change group 0 only
    with torch.no_grad():
        a, b = model.group_logits(x), model.group_logits(y)
    assert not torch.allclose(a[:, 0], b[:, 0])
    assert torch.equal(a[:, 1:], b[:, 1:])


def test_fusion_is_identity_at_init():
    torch.manual_seed(0)
    cfg = ReSpikeConfig()
    hybrid = build_model(cfg).eval()
    snn_only = build_model(ReSpikeConfig(mode="snn")).eval()
    x = torch.randn(3, 2, 3, 64, 64)  # [T, B, 3, H, W]
    snn_only.snn.load_state_dict(hybrid.snn.state_dict(), strict=False)
    with torch.no_grad():
        key = torch.randn(2, 3, 64, 64)
        context = hybrid.ann_key(key)[1]
        assert torch.equal(hybrid.snn_run(x, None, context)[0], snn_only.snn_run(x)[0])


@pytest.mark.parametrize("mode", ["ann", "snn", "c3d"])
def test_ablation_modes_train_one_step(mode):
    model = build_model(ReSpikeConfig(mode=mode)).train()
    loss = model(torch.randn(2, 16, 3, 64, 64)).logsumexp(1).mean()
    loss.backward()
    assert all(p.grad is not None for p in model.parameters() if p.requires_grad)


def test_full_size_config_forward_backward():
    """ResNet-50 ANN + spiking ResNet-18 at 224x224, s=4, T=8 (two groups), one training step."""
    cfg = ReSpikeConfig.full(clip_frames=8)
    model = build_model(cfg).train()
    assert len(model.snn.lif_names()) == 16
    assert model.ann.channels == [256, 512, 1024, 2048]
    logits = model(torch.randn(1, 8, 3, 224, 224))
    assert logits.shape == (1, cfg.num_classes)
    logits.logsumexp(1).sum().backward()
    assert model.ann.stem[0].conv.weight.grad is not None
    assert model.snn.stem[0].conv.weight.grad is not None


@pytest.mark.parametrize("pos", [False, True])
def test_fusion_sees_where_the_key_frame_content_is_only_with_position_codes(pos):
    # Without position codes cross-attention pools the key-frame tokens as a set: moving the content
    # changes nothing, so a residual cannot be matched to the key frame at the same place.
    from respike_recipe.model import FusionBlock
    torch.manual_seed(0)
    block = FusionBlock(32, 32, 16, ff_mult=2, pos=pos).eval()
    torch.nn.init.normal_(block.proj_out.weight)  # not the identity it starts as
    snn_map, ann_map = torch.randn(1, 32, 8, 8), torch.randn(1, 32, 8, 8)
    with torch.no_grad():
        a = block(snn_map, *block.context(ann_map))
        b = block(snn_map, *block.context(ann_map.flip(-1)))
    assert torch.allclose(a, b, atol=1e-5) != pos
