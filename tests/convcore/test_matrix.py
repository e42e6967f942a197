"""The conv layer as a matrix (convcore/matrix.py) against conv2d, torch's Jacobian and counts."""

from __future__ import annotations

import numpy as np
import pytest
from conv_strategies import conv_configs, conv_refusal
from hypothesis import given, settings
from views_io import cases, load

import convcore as cc

ATOL = 1e-12


def row_bias(b: np.ndarray | None, y_shape: tuple[int, ...]) -> np.ndarray:
    """Each row's output-channel bias, rows (n, c_out, i, j) in C order."""
    if b is None:
        return np.zeros(int(np.prod(y_shape)))
    return np.broadcast_to(b[:, None, None], y_shape).ravel()


@settings(max_examples=120, deadline=None)
@given(cfg=conv_configs(max_size=6, max_kernel=3))
def test_matrix_times_flat_input_plus_bias_equals_conv2d_or_both_refuse(cfg):
    x, w, b = cfg.arrays()
    if conv_refusal(cfg):
        with pytest.raises(cc.ConvError):
            cc.conv2d_matrix(x.shape, w, **cfg.params)
        return
    matrix, tap = cc.conv2d_matrix(x.shape, w, **cfg.params)
    y = cc.conv2d(x, w, b, **cfg.params)
    assert matrix.shape == (y.size, x.size) and tap.shape == matrix.shape
    np.testing.assert_allclose(matrix @ x.ravel() + row_bias(b, y.shape), y.ravel(), atol=ATOL)
    # tap names the one weight at its entry; -1 marks zeros and folded sums.
    single = tap >= 0
    np.testing.assert_array_equal(matrix[single], w.ravel()[tap[single]])
    assert tap.min() >= -1 and tap.max() < w.size
    if cfg.params["padding_mode"] == "zeros":  # nothing folds: every non-zero is one weight
        np.testing.assert_array_equal(matrix[~single], 0)


def test_circular_padding_folds_several_weights_onto_one_entry():
    w = np.array([1.0, 2.0, 4.0]).reshape(1, 1, 1, 3)
    # A 2-wide input padded circularly by 1 reads (x1, x0, x1, x0): w0 and w2 meet on one pixel.
    matrix, tap = cc.conv2d_matrix((1, 1, 1, 2), w, padding=(0, 1), padding_mode="circular")
    np.testing.assert_array_equal(matrix, [[2.0, 1.0 + 4.0], [1.0 + 4.0, 2.0]])
    np.testing.assert_array_equal(tap, [[1, -1], [-1, 1]])


def test_shared_weights_repeat_and_unread_inputs_stay_empty():
    w = np.arange(1.0, 10.0).reshape(1, 1, 3, 3)
    matrix, tap = cc.conv2d_matrix((1, 1, 4, 4), w)  # 2x2 output, each row 9 of 16 inputs
    assert (matrix != 0).sum(axis=1).tolist() == [9, 9, 9, 9]
    assert [(tap == t).sum() for t in range(9)] == [4] * 9  # every weight in every row
    np.testing.assert_array_equal(matrix[0].reshape(4, 4)[:3, :3], w[0, 0])
    np.testing.assert_array_equal(matrix[3].reshape(4, 4)[1:, 1:], w[0, 0])


@pytest.mark.parametrize("path", cases("matrix"), ids=lambda p: p.stem)
def test_matrix_equals_torch_jacobian_of_nn_conv2d(path):
    c = load(path)
    matrix, tap = cc.conv2d_matrix(tuple(c["x_shape"]), c["w"], **c["params"])
    assert matrix.shape == c["matrix"].shape
    np.testing.assert_allclose(matrix, c["matrix"], rtol=0, atol=ATOL)
    np.testing.assert_array_equal(matrix[tap >= 0], c["w"].ravel()[tap[tap >= 0]])


def test_too_large_a_matrix_is_refused_with_a_code_before_allocating():
    with pytest.raises(cc.ConvError) as err:
        cc.conv2d_matrix((1, 3, 64, 64), np.ones((8, 3, 3, 3)), padding=1)
    assert err.value.code == "matrix_too_large"
    assert err.value.params["rows"] == 8 * 64 * 64 and err.value.params["cols"] == 3 * 64 * 64


def test_unbatched_input_shape_counts_as_one_sample(rng):
    w = rng.standard_normal((2, 1, 2, 2))
    a, _ = cc.conv2d_matrix((1, 3, 3), w)
    b, _ = cc.conv2d_matrix((1, 1, 3, 3), w)
    np.testing.assert_array_equal(a, b)


@settings(max_examples=60, deadline=None)
@given(cfg=conv_configs(max_size=6, max_kernel=3, strings=False))
def test_counts_match_conv_cost_and_the_matrix_itself(cfg):
    if conv_refusal(cfg):
        return
    x, w, b = cfg.arrays()
    p = cfg.params
    counts = cc.matrix_counts(x.shape, w.shape, bias=cfg.bias, **p)
    N, C_in, H, W = cfg.batched_x_shape
    cost = cc.conv_cost(
        (N, C_in, H, W), w.shape[0], w.shape[2:], p["stride"], p["padding"], p["dilation"],
        p["groups"], cfg.bias, itemsize=8,
    )  # fmt: skip
    assert counts.conv.params == cost.params and counts.conv.macs == cost.macs
    matrix, _ = cc.conv2d_matrix(x.shape, w, **p)
    assert (counts.rows, counts.cols) == matrix.shape
    assert counts.conv.nonzeros == np.count_nonzero(matrix)  # random weights: no cancellation
    n_in, n_out = C_in * H * W, counts.rows // N
    assert counts.dense.params == n_in * n_out + (n_out if cfg.bias else 0)
    assert counts.dense.nonzeros == counts.dense.macs == N * n_in * n_out
    assert counts.conv.nonzeros <= counts.conv.macs


def test_counts_of_the_lesson_example_3x3_on_5x5():
    counts = cc.matrix_counts((1, 1, 5, 5), (1, 1, 3, 3))
    assert (counts.rows, counts.cols) == (9, 25)
    assert counts.conv == cc.LayerCounts(params=10, nonzeros=81, macs=81)
    assert counts.dense == cc.LayerCounts(params=25 * 9 + 9, nonzeros=225, macs=225)
