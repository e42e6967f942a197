"""im2col for display (convcore/patches.py): the trace's windows as columns, one GEMM per group."""

from __future__ import annotations

import numpy as np
import pytest
from conv_strategies import conv_configs, conv_refusal
from hypothesis import given, settings
from views_io import cases, load

import convcore as cc


@settings(max_examples=120, deadline=None)
@given(cfg=conv_configs(max_size=8, max_kernel=3))
def test_weight_matrix_times_patches_equals_conv2d_or_both_refuse(cfg):
    x, w, b = cfg.arrays()
    if conv_refusal(cfg):
        with pytest.raises(cc.ConvError):
            cc.im2col(x, w, b, **cfg.params)
        return
    low = cc.im2col(x, w, b, **cfg.params)
    y = cc.conv2d(x, w, b, **cfg.params)
    y = y if y.ndim == 4 else y[None]
    N, C_out, H_out, W_out = y.shape
    G = cfg.params["groups"]
    assert low.cols.shape == (N, G, w[0].size, H_out * W_out)
    assert low.weight_matrix.shape == (C_out, w[0].size)
    np.testing.assert_allclose(low.output, y, rtol=0, atol=1e-12)


def test_integer_valued_inputs_give_exactly_conv2d(rng):
    x = rng.integers(-9, 10, (2, 4, 7, 8)).astype(float)
    w, b = rng.integers(-3, 4, (6, 2, 3, 2)).astype(float), np.arange(6.0)
    p = {"stride": (2, 1), "padding": (1, 2), "dilation": (1, 2), "groups": 2}
    for mode in ("zeros", "reflect", "replicate", "circular"):
        np.testing.assert_array_equal(
            cc.im2col(x, w, b, padding_mode=mode, **p).output,
            cc.conv2d(x, w, b, padding_mode=mode, **p),
        )


def test_each_column_is_the_trace_window_of_its_step(rng):
    x, w = rng.standard_normal((2, 4, 5, 6)), rng.standard_normal((6, 2, 2, 3))
    p = {"stride": (1, 2), "padding": 1, "dilation": (2, 1), "groups": 2, "padding_mode": "reflect"}
    low = cc.im2col(x, w, **p)
    for step in cc.forward_steps(x, w, **p):
        n, f, oh, ow = step.out
        g, column, row = low.locate(step.out)
        assert (g, column, row) == (f // 3, oh * low.out_size[1] + ow, f)
        np.testing.assert_array_equal(low.cols[n, g, :, column], step.window.ravel())
        np.testing.assert_array_equal(low.weight_matrix[row], step.kernel.ravel())
        assert low.weight_matrix[row] @ low.cols[n, g, :, column] == pytest.approx(step.value)


@pytest.mark.parametrize("path", cases("unfold"), ids=lambda p: p.stem)
def test_patch_matrix_equals_torch_unfold(path):
    c = load(path)
    p = dict(c["params"])
    kH, kW = p.pop("kernel_size")
    C_in = c["x"].shape[1]
    low = cc.im2col(c["x"], np.zeros((1, C_in, kH, kW)), **p)
    N, G, rows, L = low.cols.shape
    np.testing.assert_array_equal(low.cols.reshape(N, G * rows, L), c["cols"])


def test_patch_bytes_are_conv_costs_im2col_bytes_about_k_squared_times_the_input():
    x, w = np.zeros((1, 3, 32, 32)), np.zeros((8, 3, 3, 3))
    low = cc.im2col(x, w, padding=1)
    assert low.patch_bytes == cc.conv_cost(x.shape, 8, 3, padding=1, itemsize=8).im2col_bytes
    assert low.input_bytes == x.nbytes and low.ratio == 9.0
    assert cc.im2col(x, w, padding=1, stride=2).ratio == 9 / 4
