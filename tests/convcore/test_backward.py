"""conv2d_backward (convcore/backward.py): loop reference, central differences, spec values."""

from __future__ import annotations

import numpy as np
import pytest
import reference as ref
from conv_strategies import conv_configs, conv_refusal
from hypothesis import assume, given, settings

import convcore as cc


def batch(a: np.ndarray) -> np.ndarray:
    return a if a.ndim == 4 else a[None]


@settings(max_examples=50, deadline=None)
@given(cfg=conv_configs(max_size=7, max_kernel=3, max_channels=2))
def test_conv2d_backward_equals_naive_reference(cfg):
    assume(conv_refusal(cfg) is None)
    x, w, _ = cfg.arrays()
    y = cc.conv2d(x, w, **cfg.params)
    gy = cfg.grad_output(y.shape)
    dx, dw, db = cc.conv2d_backward(gy, x, w, **cfg.params)
    assert dx.shape == x.shape and dw.shape == w.shape and db.shape == (w.shape[0],)
    want = ref.conv2d_backward(batch(gy), batch(x), w, **cfg.params)
    for got, exp in zip((batch(dx), dw, db), want, strict=True):
        np.testing.assert_allclose(got, exp, rtol=0, atol=1e-10)


GRADCHECK = [
    {"stride": 1, "padding": 1},
    {"stride": (2, 1), "padding": (1, 2), "dilation": (1, 2)},
    {"stride": 2, "padding": 2, "dilation": 2, "groups": 2},
    {"padding": "same"},
]


@pytest.mark.parametrize("mode", ref.MODES)
@pytest.mark.parametrize("params", GRADCHECK, ids=["s1p1", "nonsquare", "s2d2g2", "same"])
def test_conv2d_backward_matches_central_differences(mode, params, rng):
    G = params.get("groups", 1)
    x = rng.standard_normal((2, 2 * G, 5, 6))  # (N, C_in, H, W)
    w = rng.standard_normal((2 * G, 2, 3, 2))  # non-square kernel
    b = rng.standard_normal(2 * G)
    p = {**params, "padding_mode": mode}
    gy = rng.standard_normal(cc.conv2d(x, w, b, **p).shape)

    def loss():
        return float(np.sum(cc.conv2d(x, w, b, **p) * gy))

    dx, dw, db = cc.conv2d_backward(gy, x, w, **p)
    np.testing.assert_allclose(dx, ref.central_difference(loss, x), rtol=1e-6, atol=1e-7)
    np.testing.assert_allclose(dw, ref.central_difference(loss, w), rtol=1e-6, atol=1e-7)
    np.testing.assert_allclose(db, ref.central_difference(loss, b), rtol=1e-6, atol=1e-7)


def test_golden_g1_gradients_of_sum_of_outputs():
    x, w = np.arange(1.0, 26.0).reshape(1, 1, 5, 5), np.arange(1.0, 10.0).reshape(1, 1, 3, 3)
    dx, dw, db = cc.conv2d_backward(np.ones((1, 1, 3, 3)), x, w, stride=2, padding=1)
    row_a, row_b = [5, 10, 5, 10, 5], [10, 20, 10, 20, 10]
    np.testing.assert_array_equal(dx[0, 0], [row_a, row_b, row_a, row_b, row_a])
    np.testing.assert_array_equal(dw[0, 0], [[52, 78, 52], [78, 117, 78], [52, 78, 52]])
    np.testing.assert_array_equal(db, [9])


def test_golden_g6_rows_lost_to_the_floor_get_zero_gradient():
    x, w = np.arange(1.0, 37.0).reshape(1, 1, 6, 6), np.arange(1.0, 10.0).reshape(1, 1, 3, 3)
    dx, _, _ = cc.conv2d_backward(np.ones((1, 1, 2, 2)), x, w, stride=2)
    want = [
        [1, 2, 4, 2, 3, 0],
        [4, 5, 10, 5, 6, 0],
        [8, 10, 20, 10, 12, 0],
        [4, 5, 10, 5, 6, 0],
        [7, 8, 16, 8, 9, 0],
        [0, 0, 0, 0, 0, 0],
    ]
    np.testing.assert_array_equal(dx[0, 0], want)


def test_stride_skipping_pixels_leaves_them_zero_gradient(rng):
    x, w = rng.standard_normal((1, 1, 7, 7)), rng.standard_normal((1, 1, 2, 2))
    dx, _, _ = cc.conv2d_backward(rng.standard_normal((1, 1, 2, 2)), x, w, stride=3)
    skipped = [2, 5, 6]
    assert np.all(dx[0, 0, skipped, :] == 0) and np.all(dx[0, 0, :, skipped] == 0)
    assert np.all(dx[0, 0, [0, 1, 3, 4]][:, [0, 1, 3, 4]] != 0)


def test_weight_and_bias_gradients_sum_over_the_batch(rng):
    x, w = rng.standard_normal((3, 2, 5, 5)), rng.standard_normal((4, 2, 3, 3))
    gy = rng.standard_normal((3, 4, 3, 3))
    _, dw, db = cc.conv2d_backward(gy, x, w)
    singles = [cc.conv2d_backward(gy[n], x[n], w) for n in range(3)]
    np.testing.assert_allclose(dw, sum(s[1] for s in singles), rtol=0, atol=1e-12)
    np.testing.assert_allclose(db, sum(s[2] for s in singles), rtol=0, atol=1e-12)


def test_unbatched_gradients_have_unbatched_shapes(rng):
    x, w = rng.standard_normal((2, 5, 4)), rng.standard_normal((3, 2, 2, 2))
    dx, dw, db = cc.conv2d_backward(rng.standard_normal((3, 4, 3)), x, w)
    assert (dx.shape, dw.shape, db.shape) == ((2, 5, 4), (3, 2, 2, 2), (3,))


def test_b1_input_gradient_is_the_transposed_conv_of_grad_output_with_op_a(rng):
    x, w = rng.standard_normal((1, 4, 11, 10)), rng.standard_normal((8, 2, 4, 3))
    p = {"stride": (3, 2), "padding": (1, 2), "dilation": (2, 3), "groups": 2}
    gy = rng.standard_normal(cc.conv2d(x, w, **p).shape)
    dx, _, _ = cc.conv2d_backward(gy, x, w, **p)
    # a = (H + 2p - d(k-1) - 1) mod s per axis: (11 + 2 - 6 - 1) % 3, (10 + 4 - 6 - 1) % 2
    a = ((11 + 2 - 6 - 1) % 3, (10 + 4 - 6 - 1) % 2)
    assert a == (0, 1)
    want = cc.conv_transpose2d(gy, w, output_padding=a, **p)
    np.testing.assert_allclose(dx, want, rtol=0, atol=1e-12)


def test_float32_gradients_stay_float32(rng):
    x, w = (
        rng.standard_normal((1, 2, 5, 5), np.float32),
        rng.standard_normal((3, 2, 3, 3), np.float32),
    )
    grads = cc.conv2d_backward(np.ones((1, 3, 3, 3), np.float32), x, w)
    assert [g.dtype for g in grads] == [np.float32] * 3


def test_nan_in_x_leaves_the_input_gradient_finite():
    x = np.ones((1, 1, 5, 5))
    x[0, 0, 2, 2] = np.nan
    dx, dw, _ = cc.conv2d_backward(np.ones((1, 1, 5, 5)), x, np.ones((1, 1, 3, 3)), padding=1)
    assert np.all(np.isfinite(dx))  # dx never reads x
    assert np.all(np.isnan(dw))  # every tap's windows touch the centre pixel


@pytest.mark.filterwarnings("ignore:invalid value encountered:RuntimeWarning")
@pytest.mark.parametrize("where, params", [((2, 0), {}), ((2, 5), {"stride": 2})])
def test_nan_in_x_poisons_only_the_weight_taps_whose_windows_read_it(where, params):
    size = 5 if not params else 6
    x = np.arange(float(size * size)).reshape(1, 1, size, size)
    x[(0, 0, *where)] = np.nan
    w = np.arange(1.0, 10.0).reshape(1, 1, 3, 3)
    gy = np.ones(cc.conv2d(x, w, **params).shape)
    _, dw, _ = cc.conv2d_backward(gy, x, w, **params)
    _, want, _ = ref.conv2d_backward(gy, x, w, **params)
    np.testing.assert_array_equal(np.isnan(dw), np.isnan(want))


@pytest.mark.filterwarnings("ignore:invalid value encountered:RuntimeWarning")
def test_inf_weight_reaches_only_the_pixels_its_tap_reads():
    x = np.arange(36.0).reshape(1, 1, 6, 6)
    w = np.arange(1.0, 10.0).reshape(1, 1, 3, 3)
    w[0, 0, 0, 0] = np.inf
    gy = np.ones((1, 1, 2, 2))
    dx, _, _ = cc.conv2d_backward(gy, x, w, stride=2)
    want, _, _ = ref.conv2d_backward(gy, x, w, stride=2)
    np.testing.assert_array_equal(dx, want)  # torch: dx[0, 4] = 3, only (0,0),(0,2),(2,0),(2,2) inf


def test_grad_output_of_the_wrong_shape_is_refused_with_both_shapes(rng):
    x, w = rng.standard_normal((1, 2, 5, 5)), rng.standard_normal((3, 2, 3, 3))
    with pytest.raises(cc.ConvError, match=r"\(1, 3, 3, 3\).*\(1, 3, 5, 5\)"):
        cc.conv2d_backward(np.ones((1, 3, 5, 5)), x, w)
