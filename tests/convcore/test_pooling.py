"""max_pool2d, avg_pool2d (convcore/pooling.py): torch fixtures, live torch, gradients, refusals."""

from __future__ import annotations

import numpy as np
import pytest
from golden_io import load
from hypothesis import given, settings
from hypothesis import strategies as st
from layer_checks import by_op, numeric_grad

import convcore as cc
from convcore import pooling
from convcore.geometry import taps

POOLS = by_op("max_pool2d", "avg_pool2d")


def run(c):
    """Replay one pooling fixture: (y, dx, indices or None)."""
    p = c["params"]
    if c["op"] == "max_pool2d":
        y, index = cc.max_pool2d(c["x"], return_indices=True, **p)
        return y, cc.max_pool2d_backward(c["gy"], c["x"], **p), index
    return cc.avg_pool2d(c["x"], **p), cc.avg_pool2d_backward(c["gy"], c["x"], **p), None


@pytest.mark.parametrize("path", POOLS, ids=[p.stem for p in POOLS])
def test_pooling_equals_torch_fixture(path):
    c = load(path)
    assert c["torch"].startswith("2.13.0")
    y, dx, index = run(c)
    assert y.dtype == dx.dtype == np.float64
    np.testing.assert_allclose(y, c["y"], rtol=0, atol=1e-12)
    np.testing.assert_allclose(dx, c["dx"], rtol=0, atol=1e-12)
    if index is not None:
        assert index.dtype == np.int64
        np.testing.assert_array_equal(index, c["indices"])


def test_fixtures_cover_ties_nan_ceil_dilation_and_both_counts():
    names = {p.stem for p in POOLS}
    assert {"pool_max_ties", "pool_max_nan", "pool_max_ceil_drop", "pool_max_dilated"} <= names
    assert {"pool_avg_pad_include", "pool_avg_pad_exclude", "pool_avg_divisor"} <= names


def test_ties_go_to_the_first_maximum_in_window_order():
    x = np.array([[[[1.0, 3, 3], [2, 3, 1], [0, 1, 2]]]])
    y, index = cc.max_pool2d(x, 2, stride=1, return_indices=True)
    np.testing.assert_array_equal(y[0, 0], [[3, 3], [3, 3]])
    np.testing.assert_array_equal(index[0, 0], [[1, 1], [4, 4]])
    dx = cc.max_pool2d_backward(np.ones((1, 1, 2, 2)), x, 2, stride=1)
    np.testing.assert_array_equal(dx[0, 0], [[0, 2, 0], [0, 2, 0], [0, 0, 0]])


def test_a_nan_wins_and_the_last_nan_is_chosen():
    x = np.array([[[[np.nan, 1.0, np.nan, 0.0]]]])
    y, index = cc.max_pool2d(x, (1, 4), return_indices=True)
    assert np.isnan(y).all() and index.item() == 2


def test_ceil_mode_keeps_a_partial_window_but_not_one_starting_in_right_padding():
    x = np.arange(25.0).reshape(1, 1, 5, 5)
    assert cc.max_pool2d(x, 2, ceil_mode=True).shape == (1, 1, 3, 3)
    assert cc.max_pool2d(x, 2).shape == (1, 1, 2, 2)
    # (5 + 2 - 2) / 2 rounds up to 3 windows + 1 = 4, but the 4th would start at 6 >= 5 + 1.
    assert pooling.pool_out_size(5, 2, 2, 1, 1, True) == 3
    assert pooling.pool_out_size(6, 3, 2, 1, 1, True) == 4


def test_avg_divisor_counts_padding_but_never_cells_past_it():
    x = np.arange(25.0).reshape(1, 1, 5, 5)
    y = cc.avg_pool2d(x, 2, ceil_mode=True)
    assert y[0, 0, 0, 2] == (4 + 9) / 2  # the last window is cut at the input's edge
    y = cc.avg_pool2d(x, 3, 2, padding=1, ceil_mode=True)
    assert y[0, 0, 0, 0] == pytest.approx((0 + 1 + 5 + 6) / 9)
    y = cc.avg_pool2d(x, 3, 2, padding=1, count_include_pad=False)
    assert y[0, 0, 0, 0] == pytest.approx((0 + 1 + 5 + 6) / 4)


def test_tap_is_geometry_taps_for_every_window():
    x = np.random.default_rng(1).standard_normal((1, 2, 9, 8))
    spec = pooling.pool_spec(x.shape, (3, 2), (2, 3), (1, 1), (2, 1), ceil_mode=True)
    xp = pooling.padded(x, spec, -np.inf)
    rows = taps(np.arange(spec.out[0]), 3, 2, 2)
    cols = taps(np.arange(spec.out[1]), 2, 3, 1)
    for i in range(3):
        for j in range(2):
            want = xp[:, :, rows[:, i][:, None], cols[:, j][None, :]]
            np.testing.assert_array_equal(pooling.tap(xp, i, j, spec), want)


GRAD_CONFIGS = [
    {"kernel_size": 2},
    {"kernel_size": 3, "stride": 2, "padding": 1, "ceil_mode": True},
    {"kernel_size": (2, 3), "stride": (1, 2), "padding": (1, 0)},
]


@pytest.mark.parametrize("params", GRAD_CONFIGS)
def test_max_pool_backward_equals_central_differences(params, rng):
    x = rng.standard_normal((2, 2, 6, 7))  # distinct values: max is differentiable here
    gy = rng.standard_normal(cc.max_pool2d(x, **params).shape)
    dx = cc.max_pool2d_backward(gy, x, **params)
    num = numeric_grad(lambda a: float((cc.max_pool2d(a, **params) * gy).sum()), x.copy())
    np.testing.assert_allclose(dx, num, rtol=0, atol=1e-7)


@pytest.mark.parametrize(
    "params", GRAD_CONFIGS + [{"kernel_size": 3, "padding": 1, "count_include_pad": False}]
)
def test_avg_pool_backward_equals_central_differences(params, rng):
    x = rng.standard_normal((1, 2, 6, 7))
    gy = rng.standard_normal(cc.avg_pool2d(x, **params).shape)
    dx = cc.avg_pool2d_backward(gy, x, **params)
    num = numeric_grad(lambda a: float((cc.avg_pool2d(a, **params) * gy).sum()), x.copy())
    np.testing.assert_allclose(dx, num, rtol=0, atol=1e-8)


REFUSALS = [
    ({"kernel_size": 2, "padding": 2}, "pool_padding"),
    ({"kernel_size": 3, "padding": 2, "dilation": 3}, "pool_padding"),
    ({"kernel_size": 0}, "pool_kernel_size"),
    ({"kernel_size": 2, "stride": 0}, "pool_stride"),
    ({"kernel_size": 2, "dilation": 0}, "pool_dilation"),
    ({"kernel_size": 7}, "pool_output_size"),
    ({"kernel_size": (1, 2), "padding": (0, 1), "dilation": (1, 4)}, "pool_window_in_padding"),
]


@pytest.mark.parametrize(("params", "code"), REFUSALS)
def test_max_pool_refuses_with_a_code(params, code):
    with pytest.raises(cc.ConvError) as err:
        cc.max_pool2d(np.zeros((1, 1, 3, 3)), **params)
    assert err.value.code == code and err.value.params


def test_avg_pool_refusals():
    with pytest.raises(cc.ConvError) as err:
        cc.avg_pool2d(np.zeros((1, 1, 4, 4)), 2, divisor_override=0)
    assert err.value.code == "pool_divisor"
    with pytest.raises(cc.ConvError) as err:
        cc.avg_pool2d(np.zeros((4, 4)), 2)
    assert err.value.code == "pool_input_dims"
    with pytest.raises(cc.ConvError) as err:
        cc.avg_pool2d_backward(np.zeros((1, 1, 3, 3)), np.zeros((1, 1, 4, 4)), 2)
    assert err.value.code == "grad_output_shape"


@st.composite
def pool_configs(draw):
    unbatched = draw(st.booleans())
    shape = (draw(st.integers(1, 2)), draw(st.integers(1, 2)),
             draw(st.integers(1, 9)), draw(st.integers(1, 9)))  # fmt: skip
    k = (draw(st.integers(1, 4)), draw(st.integers(1, 4)))
    params = {
        "kernel_size": k,
        "stride": draw(st.none() | st.tuples(st.integers(1, 3), st.integers(1, 3))),
        "padding": (draw(st.integers(0, 2)), draw(st.integers(0, 2))),
        "ceil_mode": draw(st.booleans()),
    }
    seed = draw(st.integers(0, 2**16))
    x = np.random.default_rng(seed).integers(-3, 4, shape).astype(float)  # ties on purpose
    return (x[0] if unbatched else x), params, draw(st.integers(1, 3)), draw(st.booleans())


@settings(max_examples=60, deadline=None)
@given(cfg=pool_configs())
def test_pool_output_shape_is_the_formula_and_backward_is_the_adjoint(cfg):
    x, params, d, _ = cfg
    try:
        y = cc.max_pool2d(x, dilation=d, **params)
    except cc.ConvError:
        return
    H, W = x.shape[-2:]
    s = params["stride"] or params["kernel_size"]
    want = tuple(pooling.pool_out_size(n, k, st_, p, d, params["ceil_mode"]) for n, k, st_, p in
                 zip((H, W), params["kernel_size"], s, params["padding"], strict=True))  # fmt: skip
    assert y.shape[-2:] == want
    # <avg(x), g> = <x, avg_backward(g)>: the backward is the forward's adjoint (avg is linear).
    try:
        a = cc.avg_pool2d(x, **params)
    except cc.ConvError:
        return
    g = np.random.default_rng(0).standard_normal(a.shape)
    lhs = (a * g).sum()
    rhs = (x * cc.avg_pool2d_backward(g, x, **params)).sum()
    assert lhs == pytest.approx(rhs, abs=1e-9)


@pytest.mark.torch
@settings(max_examples=120, deadline=None)
@given(cfg=pool_configs())
def test_pooling_equals_torch_live_or_both_refuse(cfg):
    torch = pytest.importorskip("torch")
    F = torch.nn.functional
    x, params, d, include = cfg
    kw = dict(params)
    xt = torch.tensor(x, requires_grad=True)
    for op in ("max", "avg"):
        try:
            if op == "max":
                yt, it = F.max_pool2d(xt, dilation=d, return_indices=True, **kw)
            else:
                yt = F.avg_pool2d(xt, count_include_pad=include, **kw)
        except RuntimeError:
            with pytest.raises(cc.ConvError):
                _engine(op, x, d, include, kw)
            continue
        try:
            y, index, dx_of = _engine(op, x, d, include, kw)
        except cc.ConvError as err:
            assert err.code == "pool_window_in_padding"  # torch answers -inf, out-of-range index
            continue
        np.testing.assert_allclose(y, yt.detach().numpy(), rtol=0, atol=1e-12)
        if index is not None:
            np.testing.assert_array_equal(index, it.numpy())
        gy = np.random.default_rng(1).standard_normal(y.shape)
        xt.grad = None
        yt.backward(torch.tensor(gy))
        np.testing.assert_allclose(dx_of(gy), xt.grad.numpy(), rtol=0, atol=1e-12)


def _engine(op, x, d, include, kw):
    if op == "max":
        y, index = cc.max_pool2d(x, dilation=d, return_indices=True, **kw)
        return y, index, lambda g: cc.max_pool2d_backward(g, x, dilation=d, **kw)
    y = cc.avg_pool2d(x, count_include_pad=include, **kw)
    return y, None, lambda g: cc.avg_pool2d_backward(g, x, count_include_pad=include, **kw)


@settings(max_examples=60, deadline=None)
@given(
    shape=st.tuples(st.integers(1, 2), st.integers(1, 3), st.integers(2, 9), st.integers(2, 9)),
    k=st.tuples(st.integers(1, 3), st.integers(1, 3)),
    seed=st.integers(0, 2**16),
)
def test_tiling_fast_path_equals_the_tap_walk(shape, k, seed):
    x = np.random.default_rng(seed).integers(-2, 3, shape).astype(float)  # ties
    x[x == -2] = -np.inf
    if k[0] > shape[2] or k[1] > shape[3]:
        return
    spec = pooling.pool_spec(x.shape, k)
    y1, i1 = pooling._max_tiles(x, spec)
    y2, i2 = pooling._max_taps(x, spec)
    np.testing.assert_array_equal(y1, y2)
    np.testing.assert_array_equal(i1, i2)
