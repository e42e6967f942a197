"""Padding modes (convcore/padding.py): what is padded, the limits, and the gradient fold-back."""

from __future__ import annotations

import numpy as np
import pytest
import reference as ref

import convcore as cc

X9 = np.arange(1.0, 10.0).reshape(1, 1, 3, 3)
ONE = np.ones((1, 1, 1, 1))  # a 1x1 identity kernel: conv2d returns the padded input itself


@pytest.mark.parametrize(
    "mode, rows",
    [
        ("zeros", [[0, 0, 0, 0, 0], [0, 1, 2, 3, 0]]),
        ("reflect", [[5, 4, 5, 6, 5], [2, 1, 2, 3, 2]]),
        ("replicate", [[1, 1, 2, 3, 3], [1, 1, 2, 3, 3]]),
        ("circular", [[9, 7, 8, 9, 7], [3, 1, 2, 3, 1]]),
    ],
)
def test_padding_by_one_gives_the_spec_table_rows(mode, rows):
    padded = cc.conv2d(X9, ONE, padding=1, padding_mode=mode)[0, 0]
    assert padded.shape == (5, 5)
    np.testing.assert_array_equal(padded[:2], rows)
    np.testing.assert_array_equal(padded[1:4, 1:4], X9[0, 0])  # the image sits in the middle


@pytest.mark.parametrize("mode", ref.MODES)
def test_engine_padding_equals_the_reference_index_rules(mode, rng):
    x = rng.standard_normal((1, 1, 4, 5))
    # (3, 4) on a 4x5 image: the largest padding reflect (q < n) and circular (q <= n) allow
    got = cc.conv2d(x, ONE, padding=(3, 4), padding_mode=mode)
    want = ref.conv2d(x, ONE, padding=(3, 4), padding_mode=mode)
    np.testing.assert_array_equal(got, want)


@pytest.mark.parametrize(
    "mode, dx",
    [
        ("zeros", [[4, 6, 6, 4], [6, 9, 9, 6], [6, 9, 9, 6], [4, 6, 6, 4]]),
        ("reflect", [[4, 8, 8, 4], [8, 16, 16, 8], [8, 16, 16, 8], [4, 8, 8, 4]]),
        ("replicate", [[9] * 4] * 4),
        ("circular", [[9] * 4] * 4),
    ],
)
def test_p1_gradient_of_padded_cells_folds_back_onto_their_source_pixels(mode, dx, rng):
    x, w = rng.standard_normal((1, 1, 4, 4)), np.ones((1, 1, 3, 3))
    got, _, _ = cc.conv2d_backward(np.ones((1, 1, 4, 4)), x, w, padding=1, padding_mode=mode)
    np.testing.assert_array_equal(got[0, 0], dx)
    # 16 outputs x 9 taps = 144 unit gradients; zeros drops the 44 that land on padding.
    assert got.sum() == (100 if mode == "zeros" else 144)


@pytest.mark.parametrize("n", [1, 2, 3, 5])
def test_reflect_needs_padding_smaller_than_the_input(n):
    x, w = np.ones((1, 1, n, n)), np.ones((1, 1, 1, 1))
    if n > 1:
        assert cc.conv2d(x, w, padding=n - 1, padding_mode="reflect").shape[-1] == 3 * n - 2
    with pytest.raises(cc.ConvError, match=rf"reflect padding {n} must be smaller than .* {n}"):
        cc.conv2d(x, w, padding=n, padding_mode="reflect")


@pytest.mark.parametrize("n", [1, 2, 3])
def test_circular_allows_padding_up_to_the_input_but_not_beyond(n):
    x, w = np.arange(float(n * n)).reshape(1, 1, n, n), np.ones((1, 1, 1, 1))
    y = cc.conv2d(x, w, padding=n, padding_mode="circular")
    np.testing.assert_array_equal(y[0, 0], np.tile(x[0, 0], (3, 3)))
    with pytest.raises(cc.ConvError, match=rf"circular padding {n + 1} cannot exceed .* {n}"):
        cc.conv2d(x, w, padding=n + 1, padding_mode="circular")


@pytest.mark.parametrize("mode", ["zeros", "replicate"])
def test_zeros_and_replicate_accept_any_padding(mode):
    y = cc.conv2d(np.full((1, 1, 2, 2), 3.0), ONE, padding=7, padding_mode=mode)
    assert y.shape == (1, 1, 16, 16)
    assert y[0, 0, 0, 0] == (0.0 if mode == "zeros" else 3.0)


def test_padding_limits_are_checked_per_axis():
    x = np.ones((1, 1, 2, 6))
    assert cc.conv2d(x, ONE, padding=(1, 5), padding_mode="reflect").shape == (1, 1, 4, 16)
    with pytest.raises(cc.ConvError, match="height 2"):
        cc.conv2d(x, ONE, padding=(2, 1), padding_mode="reflect")


def test_same_padding_with_reflect_pads_the_odd_pixel_bottom_right(rng):
    x = rng.standard_normal((1, 1, 5, 6))
    # k = 2: T = 1, so top/left get 0 and bottom/right get 1 reflected row/column.
    w = np.zeros((1, 1, 2, 2))
    w[0, 0, 0, 0] = 1.0  # reads padded (i, j) = the pixel itself
    np.testing.assert_array_equal(cc.conv2d(x, w, padding="same", padding_mode="reflect"), x)
    w = np.zeros((1, 1, 2, 2))
    w[0, 0, 1, 1] = 1.0  # reads padded (i+1, j+1); row 5 / column 6 mirror row 3 / column 4
    y = cc.conv2d(x, w, padding="same", padding_mode="reflect")[0, 0]
    np.testing.assert_array_equal(y[:4, :5], x[0, 0, 1:, 1:])
    np.testing.assert_array_equal(y[4, :5], x[0, 0, 3, 1:])
    np.testing.assert_array_equal(y[:4, 5], x[0, 0, 1:, 4])
    assert y[4, 5] == x[0, 0, 3, 4]
