"""Live property tests against torch 2.13.0 (float64): same shapes, same values, same refusals."""

from __future__ import annotations

import numpy as np
import pytest
from conv_strategies import conv_configs, transposed_configs
from hypothesis import event, given, settings

import convcore as cc

pytest.importorskip("torch")
import torch_oracle as oracle  # noqa: E402

pytestmark = [
    pytest.mark.torch,
    pytest.mark.filterwarnings("ignore:Using padding='same':UserWarning"),
]
ATOL = 1e-10


def close(got, want, what):
    assert got.shape == want.shape, what
    np.testing.assert_allclose(got, want, rtol=0, atol=ATOL, err_msg=what)


@settings(max_examples=150, deadline=None)
@given(cfg=conv_configs())
def test_conv2d_and_its_gradients_equal_torch_or_both_refuse(cfg):
    x, w, b = cfg.arrays()
    try:
        y_t = oracle.conv2d(x, w, b, **cfg.params)[0]
    except Exception:  # noqa: BLE001 - torch refuses in several exception types
        y_t = None
    event("refused" if y_t is None or y_t.size == 0 else "computed")
    if y_t is None or y_t.size == 0:
        with pytest.raises(cc.ConvError):
            cc.conv2d(x, w, b, **cfg.params)
        return
    y = cc.conv2d(x, w, b, **cfg.params)
    close(y, y_t, "y")
    gy = cfg.grad_output(y_t.shape)
    _, dx_t, dw_t, db_t = oracle.conv2d(x, w, b, gy, **cfg.params)
    dx, dw, db = cc.conv2d_backward(gy, x, w, **cfg.params)
    close(dx, dx_t, "dx")
    close(dw, dw_t, "dw")
    if db_t is not None:
        close(db, db_t, "db")


@settings(max_examples=100, deadline=None)
@given(cfg=transposed_configs(max_size=8, max_kernel=5))
def test_conv_transpose2d_and_its_gradients_equal_torch_or_both_refuse(cfg):
    x, w, b = cfg.arrays()
    try:
        y_t = oracle.conv_transpose2d(x, w, b, **cfg.params)[0]
    except Exception:  # noqa: BLE001
        y_t = None
    event("refused" if y_t is None or y_t.size == 0 else "computed")
    if y_t is None or y_t.size == 0:  # torch returns an empty tensor for size 0 (spec 10)
        with pytest.raises(cc.ConvError):
            cc.conv_transpose2d(x, w, b, **cfg.params)
        return
    close(cc.conv_transpose2d(x, w, b, **cfg.params), y_t, "y")
    gy = cfg.grad_output(y_t.shape)
    _, dx_t, dw_t, db_t = oracle.conv_transpose2d(x, w, b, gy, **cfg.params)
    dx, dw, db = cc.conv_transpose2d_backward(gy, x, w, **cfg.params)
    close(dx, dx_t, "dx")
    close(dw, dw_t, "dw")
    if db_t is not None:
        close(db, db_t, "db")


@settings(max_examples=60, deadline=None)
@given(cfg=conv_configs(max_size=9, max_kernel=4))
def test_output_size_equals_torch_output_shape_or_both_refuse(cfg):
    x, w, b = cfg.arrays()
    p = {k: v for k, v in cfg.params.items() if k != "groups"}
    try:
        shape_t = oracle.conv2d(x, w, b, **cfg.params)[0].shape[-2:]
    except Exception:  # noqa: BLE001
        shape_t = None
    mode = p.pop("padding_mode")
    if shape_t is None:
        if mode == "zeros" and cfg.params["groups"] == 1:  # geometry alone explains the refusal
            with pytest.raises(cc.ConvError):
                cc.output_size(cfg.x_shape[-2:], cfg.w_shape[2:], **p)
        return
    assert cc.output_size(cfg.x_shape[-2:], cfg.w_shape[2:], **p) == tuple(shape_t)


def test_transposed_conv_with_string_padding_is_refused_by_both():
    x, w = np.ones((1, 1, 4, 4)), np.ones((1, 1, 3, 3))
    with pytest.raises(TypeError):
        oracle.conv_transpose2d(x, w, None, padding="same")
    for padding in ("same", "valid"):
        with pytest.raises(cc.ConvError, match="transposed"):
            cc.conv_transpose2d(x, w, padding=padding)


def test_constant_padding_mode_is_refused_by_both():
    x, w = np.ones((1, 1, 4, 4)), np.ones((1, 1, 3, 3))
    with pytest.raises(ValueError, match="padding_mode"):
        oracle.conv2d(x, w, None, padding=1, padding_mode="constant")
    with pytest.raises(cc.ConvError, match="'constant'"):
        cc.conv2d(x, w, padding=1, padding_mode="constant")


@pytest.mark.parametrize("mode", ["zeros", "reflect", "replicate", "circular"])
@pytest.mark.parametrize("stride", [1, 2])
def test_nan_output_and_input_gradient_equal_torch_in_every_padding_mode(mode, stride, rng):
    x, w = rng.standard_normal((1, 2, 5, 6)), rng.standard_normal((3, 2, 3, 3))
    x[0, 1, 1, 0] = np.nan
    w[:, :, 1, 1] = 0.0  # a zero tap still propagates NaN (0 * NaN = NaN)
    p = {"stride": stride, "padding": 2, "padding_mode": mode}
    y_t = oracle.conv2d(x, w, None, **p)[0]
    y = cc.conv2d(x, w, **p)
    np.testing.assert_array_equal(np.isnan(y), np.isnan(y_t))
    np.testing.assert_allclose(y, y_t, rtol=0, atol=ATOL, equal_nan=True)
    gy = rng.standard_normal(y_t.shape)
    dx_t = oracle.conv2d(x, w, None, gy, **p)[1]
    dx = cc.conv2d_backward(gy, x, w, **p)[0]
    assert not np.isnan(dx_t).any()
    np.testing.assert_allclose(dx, dx_t, rtol=0, atol=ATOL)


@pytest.mark.filterwarnings("ignore:invalid value encountered:RuntimeWarning")
def test_nan_weight_gradient_equals_torch():
    x = np.arange(25.0).reshape(1, 1, 5, 5)
    x[0, 0, 2, 0] = np.nan
    w, gy = np.arange(1.0, 10.0).reshape(1, 1, 3, 3), np.ones((1, 1, 3, 3))
    dw_t = oracle.conv2d(x, w, None, gy)[2]
    assert np.isnan(dw_t[0, 0, :, 0]).all() and not np.isnan(dw_t[0, 0, :, 1:]).any()
    np.testing.assert_array_equal(cc.conv2d_backward(gy, x, w)[1], dw_t)
