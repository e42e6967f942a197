"""conv2d and convolve2d (convcore/conv.py) against the loop reference and the spec's examples."""

from __future__ import annotations

import numpy as np
import pytest
import reference as ref
from conv_strategies import conv_configs, conv_refusal
from hypothesis import assume, given, settings

import convcore as cc

SMALL = {"max_size": 7, "max_kernel": 3, "max_channels": 2}


def batch(a: np.ndarray) -> np.ndarray:
    return a if a.ndim == 4 else a[None]


@settings(max_examples=60, deadline=None)
@given(cfg=conv_configs(**SMALL))
def test_conv2d_equals_naive_reference(cfg):
    assume(conv_refusal(cfg) is None)
    x, w, b = cfg.arrays()
    y = cc.conv2d(x, w, b, **cfg.params)
    want = ref.conv2d(batch(x), w, b, **cfg.params)
    np.testing.assert_allclose(batch(y), want, rtol=0, atol=1e-10)
    assert y.ndim == x.ndim


@settings(max_examples=30, deadline=None)
@given(cfg=conv_configs(**SMALL))
def test_conv2d_is_linear_in_x_and_in_w(cfg):
    assume(conv_refusal(cfg) is None)
    x, w, _ = cfg.arrays()
    rng = np.random.default_rng(cfg.seed + 7)
    x2, w2 = rng.standard_normal(x.shape), rng.standard_normal(w.shape)
    a, c = 1.5, -0.25
    p = cfg.params
    np.testing.assert_allclose(
        cc.conv2d(a * x + c * x2, w, **p),
        a * cc.conv2d(x, w, **p) + c * cc.conv2d(x2, w, **p),
        rtol=1e-12,
        atol=1e-12,
    )
    np.testing.assert_allclose(
        cc.conv2d(x, a * w + c * w2, **p),
        a * cc.conv2d(x, w, **p) + c * cc.conv2d(x, w2, **p),
        rtol=1e-12,
        atol=1e-12,
    )


def test_non_square_everything_equals_the_reference(rng):
    """Spec 8.5: kernel (3, 5), stride (2, 1), padding (1, 2), dilation (1, 2)."""
    x, w, b = rng.standard_normal((2, 3, 9, 11)), rng.standard_normal((4, 3, 3, 5)), np.ones(4)
    p = {"stride": (2, 1), "padding": (1, 2), "dilation": (1, 2)}
    y = cc.conv2d(x, w, b, **p)
    assert y.shape == (2, 4, 5, 7)  # (9+2-3)//2+1, (11+4-9)//1+1
    np.testing.assert_allclose(y, ref.conv2d(x, w, b, **p), rtol=0, atol=1e-10)


def test_bias_is_added_once_per_output_channel_at_every_position(rng):
    x, w = rng.standard_normal((2, 3, 6, 5)), rng.standard_normal((4, 3, 3, 3))
    b = np.array([1.0, -2.0, 0.5, 10.0])
    diff = cc.conv2d(x, w, b, padding=1) - cc.conv2d(x, w, padding=1)
    np.testing.assert_allclose(diff, np.broadcast_to(b[:, None, None], diff.shape), atol=1e-12)


def test_unbatched_input_gives_unbatched_output_equal_to_the_batch_of_one(rng):
    x, w = rng.standard_normal((3, 6, 7)), rng.standard_normal((2, 3, 3, 2))
    y = cc.conv2d(x, w, stride=(2, 1), padding=(1, 0))
    assert y.shape == (2, 3, 6)
    np.testing.assert_array_equal(y, cc.conv2d(x[None], w, stride=(2, 1), padding=(1, 0))[0])


def test_groups_equal_split_conv_concat(rng):
    x, w, b = rng.standard_normal((2, 6, 7, 7)), rng.standard_normal((9, 2, 3, 3)), np.arange(9.0)
    y = cc.conv2d(x, w, b, groups=3)
    parts = [
        cc.conv2d(x[:, 2 * g : 2 * g + 2], w[3 * g : 3 * g + 3], b[3 * g : 3 * g + 3])
        for g in range(3)
    ]
    np.testing.assert_allclose(y, np.concatenate(parts, axis=1), rtol=0, atol=1e-12)


def test_one_by_one_kernel_is_a_per_pixel_channel_matmul_and_subsamples_with_stride(rng):
    x, w = rng.standard_normal((2, 3, 6, 5)), rng.standard_normal((4, 3, 1, 1))
    want = np.einsum("oc,nchw->nohw", w[:, :, 0, 0], x)
    np.testing.assert_allclose(cc.conv2d(x, w), want, rtol=0, atol=1e-12)
    np.testing.assert_allclose(cc.conv2d(x, w, stride=2), want[:, :, ::2, ::2], atol=1e-12)


def test_kernel_is_not_flipped_impulse_gives_kernel_rotated_180():
    delta = np.zeros((1, 1, 3, 3))
    delta[0, 0, 1, 1] = 1.0
    w = np.arange(1.0, 10.0).reshape(1, 1, 3, 3)
    y = cc.conv2d(delta, w, padding=1)
    np.testing.assert_array_equal(y[0, 0], [[9, 8, 7], [6, 5, 4], [3, 2, 1]])
    np.testing.assert_array_equal(cc.convolve2d(delta, w, padding=1)[0, 0], w[0, 0])


def test_conv1d_style_ramp_is_cross_correlation_not_numpy_convolve():
    x = np.arange(1.0, 6.0).reshape(1, 1, 1, 5)
    w = np.array([1.0, 0.0, -1.0]).reshape(1, 1, 1, 3)
    assert list(np.convolve(x.ravel(), w.ravel(), "valid")) == [2, 2, 2]
    np.testing.assert_array_equal(cc.conv2d(x, w).ravel(), [-2, -2, -2])
    np.testing.assert_array_equal(cc.convolve2d(x, w).ravel(), [2, 2, 2])


@settings(max_examples=25, deadline=None)
@given(cfg=conv_configs(**SMALL))
def test_convolve2d_equals_conv2d_with_the_flipped_kernel(cfg):
    assume(conv_refusal(cfg) is None)
    x, w, b = cfg.arrays()
    got = cc.convolve2d(x, w, b, **cfg.params)
    want = cc.conv2d(x, np.ascontiguousarray(w[..., ::-1, ::-1]), b, **cfg.params)
    np.testing.assert_allclose(got, want, rtol=0, atol=1e-12)


def test_float32_in_gives_float32_out_and_ints_give_float64(rng):
    x, w = rng.standard_normal((1, 2, 5, 5)), rng.standard_normal((3, 2, 3, 3))
    assert cc.conv2d(x.astype(np.float32), w.astype(np.float32)).dtype == np.float32
    assert cc.conv2d(x, w).dtype == np.float64
    assert cc.conv2d(x.astype(np.float32), w).dtype == np.float64  # widest float wins
    ints = cc.conv2d(np.full((1, 1, 4, 4), 200, np.uint8), np.ones((1, 1, 3, 3), np.uint8))
    assert ints.dtype == np.float64
    np.testing.assert_array_equal(ints, 1800.0)


def test_nan_pixel_poisons_every_window_that_covers_it_even_with_zero_weight():
    x = np.arange(25.0).reshape(1, 1, 5, 5)
    x[0, 0, 2, 2] = np.nan
    mask = np.zeros((5, 5), bool)
    mask[1:4, 1:4] = True
    hole = np.ones((1, 1, 3, 3))
    hole[0, 0, 1, 1] = 0.0
    for w in (hole, np.zeros((1, 1, 3, 3))):
        np.testing.assert_array_equal(np.isnan(cc.conv2d(x, w, padding=1)[0, 0]), mask)


@pytest.mark.parametrize("mode", ref.MODES)
def test_nan_reaches_the_outputs_that_read_its_padded_copies(mode):
    x = np.arange(20.0).reshape(1, 1, 4, 5)
    x[0, 0, 0, 1] = np.nan
    w = np.zeros((1, 1, 3, 3))
    y = cc.conv2d(x, w, padding=2, padding_mode=mode)
    want = ref.conv2d(x, w, padding=2, padding_mode=mode)
    np.testing.assert_array_equal(np.isnan(y), np.isnan(want))
    # Padded copies of pixel (0, 1): reflect mirrors it to column -1 as well; replicate copies
    # only the edge pixels; circular wraps it to row 4 and column 5 (worked out by hand).
    assert np.isnan(y).sum() == {"zeros": 9, "reflect": 12, "replicate": 9, "circular": 20}[mode]


@pytest.mark.filterwarnings("ignore:invalid value encountered:RuntimeWarning")
def test_inf_times_zero_weight_is_nan_as_in_torch():
    x = np.zeros((1, 1, 3, 3))
    x[0, 0, 1, 1] = np.inf
    assert np.isnan(cc.conv2d(x, np.zeros((1, 1, 3, 3)))[0, 0, 0, 0])


@pytest.mark.parametrize(
    "bad",
    [np.array([["a", "b"], ["c", "d"]]), np.array([[1 + 1j]]), np.array([None, 1], dtype=object)],
    ids=["str", "complex", "object"],
)
def test_non_numeric_arrays_raise_conv_error(bad):
    good = np.ones((1, 1, 3, 3))
    with pytest.raises(cc.ConvError, match="numbers"):
        cc.conv2d(bad, good)
    with pytest.raises(cc.ConvError, match="numbers"):
        cc.conv2d(good, bad)
