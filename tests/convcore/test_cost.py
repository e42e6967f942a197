"""conv_cost and output_size (convcore/cost.py) on the spec's section 7 numbers and torch."""

from __future__ import annotations

import pytest
import reference as ref
from conv_strategies import conv_configs, conv_refusal
from hypothesis import assume, given, settings

import convcore as cc


@pytest.mark.parametrize(
    "C_in, C_out, k, groups, params",
    [(3, 16, 3, 1, 448), (32, 64, 3, 4, 4_672), (32, 32, 3, 32, 320), (32, 64, 1, 1, 2_112)],
    ids=["3to16_k3", "32to64_k3_g4", "depthwise32_k3", "pointwise32to64"],
)
def test_parameter_counts_of_the_spec_layers(C_in, C_out, k, groups, params):
    cost = cc.conv_cost((1, C_in, 8, 8), C_out, k, padding=k // 2, groups=groups)
    assert cost.params == params
    assert cc.conv_cost((1, C_in, 8, 8), C_out, k, groups=groups, bias=False).params == (
        params - C_out
    )


@pytest.mark.parametrize(
    "shape, C_out, k, kwargs",
    [
        ((2, 3, 32, 32), 16, 3, {"padding": 1}),
        ((1, 32, 14, 15), 64, 3, {"groups": 4, "stride": 2}),
        ((3, 6, 9, 9), 12, (3, 2), {"groups": 6, "dilation": 2, "padding": (1, 0)}),
    ],
)
def test_macs_count_every_output_times_its_window_and_flops_are_twice_macs(shape, C_out, k, kwargs):
    cost = cc.conv_cost(shape, C_out, k, **kwargs)
    N, C_in, H, W = shape
    kH, kW = ref.two(k)
    (s_h, s_w), (p_h, p_w), (d_h, d_w) = (
        ref.two(kwargs.get(name, default))
        for name, default in (("stride", 1), ("padding", 0), ("dilation", 1))
    )
    H_out = ref.conv_out(H, kH, s_h, p_h, p_h, d_h)
    W_out = ref.conv_out(W, kW, s_w, p_w, p_w, d_w)
    g = kwargs.get("groups", 1)
    assert cost.output_shape == (N, C_out, H_out, W_out)
    assert cost.macs == N * C_out * H_out * W_out * (C_in // g) * kH * kW
    assert cost.flops == 2 * cost.macs


def test_groups_divide_parameters_and_macs_and_dilation_changes_neither():
    base = cc.conv_cost((1, 32, 16, 16), 64, 3, padding="same", bias=False)
    grouped = cc.conv_cost((1, 32, 16, 16), 64, 3, padding="same", groups=4, bias=False)
    dilated = cc.conv_cost((1, 32, 16, 16), 64, 3, padding="same", dilation=3, bias=False)
    assert (grouped.params * 4, grouped.macs * 4) == (base.params, base.macs)
    assert (dilated.params, dilated.macs) == (base.params, base.macs)


def test_transposed_cost_skips_the_inserted_zeros():
    cost = cc.conv_cost((1, 8, 10, 10), 4, 3, stride=2, kind="transposed")
    assert cost.flops == 57_600  # 2 x (1*8*10*10) x 4 x 3*3
    assert cost.output_shape == (1, 4, 21, 21)  # (10-1)*2 + 2 + 1
    assert cost.params == 8 * 4 * 9 + 4


def test_separable_cost_ratio_is_one_over_n_plus_one_over_k_squared():
    standard = cc.conv_cost((1, 32, 16, 16), 64, 3, padding="same", bias=False)
    separable = cc.conv_cost((1, 32, 16, 16), 64, 3, padding="same", bias=False, kind="separable")
    assert separable.output_shape == standard.output_shape
    assert separable.macs / standard.macs == pytest.approx(1 / 64 + 1 / 9)
    assert round(separable.macs / standard.macs, 5) == 0.12674
    assert separable.params == 9 * 32 + 32 * 64  # D_K^2 M + M N
    assert standard.params == 9 * 32 * 64


def test_separable_cost_with_depth_multiplier_and_bias():
    cost = cc.conv_cost((1, 3, 8, 8), 5, 3, padding=1, kind="separable", depth_multiplier=2)
    assert cost.params == (6 * 9 + 6) + (5 * 6 + 5)
    assert cost.macs == 6 * 8 * 8 * 9 + 5 * 8 * 8 * 6


def test_im2col_bytes_match_the_unfold_shape_and_the_115_mb_example():
    cost = cc.conv_cost((2, 3, 32, 32), 8, (3, 5), (2, 1), (1, 2), (1, 2), itemsize=8)
    assert cost.im2col_bytes == 2 * 45 * 448 * 8  # F.unfold -> (2, 45, 448)
    big = cc.conv_cost((1, 64, 224, 224), 64, 3, padding="same", itemsize=4)
    assert round(big.im2col_bytes / 1e6, 1) == 115.6


def test_unknown_kind_and_impossible_geometry_are_conv_errors():
    with pytest.raises(cc.ConvError, match="'depthwise'"):
        cc.conv_cost((1, 3, 8, 8), 4, 3, kind="depthwise")
    with pytest.raises(cc.ConvError, match=r"effective kernel 9"):
        cc.conv_cost((1, 3, 8, 8), 4, 5, dilation=2)
    with pytest.raises(cc.ConvError, match=r"groups 2.*\b3\b"):
        cc.conv_cost((1, 3, 8, 8), 4, 3, groups=2)
    with pytest.raises(cc.ConvError, match=r"groups 3.*\b4\b"):
        cc.conv_cost((1, 3, 8, 8), 4, 3, groups=3, kind="transposed")


@settings(max_examples=80, deadline=None)
@given(cfg=conv_configs(modes=("zeros",)))
def test_output_size_follows_the_floor_formula_or_refuses(cfg):
    p = {k: v for k, v in cfg.params.items() if k not in ("groups", "padding_mode")}
    size, kernel = cfg.x_shape[-2:], cfg.w_shape[2:]
    w_shape = (1, 1, *kernel)
    refusal = ref.conv_refusal((1, 1, *size), w_shape, **p)
    if refusal is not None:
        with pytest.raises(cc.ConvError):
            cc.output_size(size, kernel, **p)
        return
    (top, bottom), (left, right) = ref.sides(p["padding"], kernel, ref.two(p["dilation"]))
    (s_h, s_w), (d_h, d_w) = ref.two(p["stride"]), ref.two(p["dilation"])
    want = (
        ref.conv_out(size[0], kernel[0], s_h, top, bottom, d_h),
        ref.conv_out(size[1], kernel[1], s_w, left, right, d_w),
    )
    assert min(want) >= 1
    assert cc.output_size(size, kernel, **p) == want
    if p["padding"] == "same":
        assert want == tuple(size)


def test_transposed_output_size_formula_and_its_refusals():
    assert cc.output_size(10, 3, 2, transposed=True) == (21, 21)
    assert cc.output_size((5, 6), 3, (2, 3), (4, 1), (3, 1), True, (1, 2)) == (8, 18)
    with pytest.raises(cc.ConvError, match="would be 0"):
        cc.output_size(1, 4, padding=2, transposed=True)
    with pytest.raises(cc.ConvError, match="output padding 2"):
        cc.output_size(4, 3, stride=2, transposed=True, output_padding=2)


@settings(max_examples=40, deadline=None)
@given(cfg=conv_configs(max_size=9, max_kernel=4, modes=("zeros",)))
def test_conv_cost_output_shape_equals_the_shape_conv2d_returns(cfg):
    assume(conv_refusal(cfg) is None and len(cfg.x_shape) == 4)
    p = {k: v for k, v in cfg.params.items() if k != "padding_mode"}
    x, w, _ = cfg.arrays()
    cost = cc.conv_cost(cfg.x_shape, w.shape[0], w.shape[2:], **p)
    assert cost.output_shape == cc.conv2d(x, w, **p).shape


@pytest.mark.torch
@pytest.mark.parametrize(
    "shape, C_out, k, kwargs",
    [
        ((2, 3, 16, 16), 8, 3, {"padding": 1}),
        ((1, 8, 12, 10), 4, (3, 2), {"stride": 2, "groups": 4, "dilation": (2, 1)}),
        ((1, 6, 9, 9), 6, 5, {"groups": 6, "padding": "same"}),
    ],
)
def test_flops_equal_torch_flop_counter(shape, C_out, k, kwargs):
    torch = pytest.importorskip("torch")
    from torch.utils.flop_counter import FlopCounterMode

    kH, kW = ref.two(k)
    x = torch.zeros(shape, dtype=torch.float64)
    w = torch.zeros((C_out, shape[1] // kwargs.get("groups", 1), kH, kW), dtype=torch.float64)
    counter = FlopCounterMode(display=False)
    with counter:
        y = torch.nn.functional.conv2d(x, w, torch.zeros(C_out, dtype=torch.float64), **kwargs)
    cost = cc.conv_cost(shape, C_out, k, **kwargs)
    assert cost.flops == counter.get_total_flops()
    assert cost.output_shape == tuple(y.shape)
    conv = torch.nn.Conv2d(shape[1], C_out, k, groups=kwargs.get("groups", 1))
    assert cost.params == sum(p.numel() for p in conv.parameters())


@pytest.mark.torch
def test_transposed_flops_equal_torch_flop_counter():
    torch = pytest.importorskip("torch")
    from torch.utils.flop_counter import FlopCounterMode

    x, w = torch.zeros((1, 8, 10, 10)), torch.zeros((8, 4, 3, 3))
    counter = FlopCounterMode(display=False)
    with counter:
        torch.nn.functional.conv_transpose2d(x, w, stride=2)
    assert counter.get_total_flops() == 57_600
    assert cc.conv_cost((1, 8, 10, 10), 4, 3, stride=2, kind="transposed").flops == 57_600
