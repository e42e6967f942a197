"""Named filter kernels (convcore/kernels.py): shapes, sums, orientation and refusals."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import convcore as cc

SIZED = ("identity", "box", "gaussian", "motion_blur")
FIXED = tuple(name for name in cc.PRESETS if name not in SIZED)
BLUR = ("box", "gaussian", "motion_blur")
DERIVATIVE = (
    "sobel_x",
    "sobel_y",
    "scharr_x",
    "scharr_y",
    "prewitt_x",
    "prewitt_y",
    "laplacian",
    "outline",
)


def test_preset_names_are_the_documented_ones():
    assert set(cc.PRESETS) == set(SIZED) | set(DERIVATIVE) | {"sharpen", "emboss"}


@pytest.mark.parametrize("name", FIXED)
def test_fixed_presets_are_3x3_float64(name):
    k = cc.kernel(name)
    assert k.shape == (3, 3) and k.dtype == np.float64


@pytest.mark.parametrize("name", SIZED)
@pytest.mark.parametrize("size", [1, 3, 5, 7])
def test_sized_presets_honour_any_odd_size(name, size):
    k = cc.kernel(name, size)
    assert k.shape == (size, size) and k.dtype == np.float64


@pytest.mark.parametrize("name", BLUR)
@pytest.mark.parametrize("size", [3, 5, 9])
def test_blur_kernels_sum_to_one_so_flat_images_keep_their_brightness(name, size):
    k = cc.kernel(name, size)
    assert k.sum() == pytest.approx(1.0, abs=1e-12)
    assert np.all(k >= 0)


@pytest.mark.parametrize("name", DERIVATIVE)
def test_derivative_kernels_sum_to_zero_so_flat_images_give_zero(name):
    assert cc.kernel(name).sum() == 0.0


@pytest.mark.parametrize("name, total", [("sharpen", 1.0), ("emboss", 1.0), ("identity", 1.0)])
def test_sharpen_emboss_and_identity_keep_flat_brightness(name, total):
    assert cc.kernel(name).sum() == total


@pytest.mark.parametrize("axis", ["x", "y"])
@pytest.mark.parametrize("family", ["sobel", "scharr", "prewitt"])
def test_derivative_presets_respond_positively_to_intensity_rising_along_their_axis(family, axis):
    ramp = np.arange(6.0)
    image = np.tile(ramp, (6, 1)) if axis == "x" else np.tile(ramp[:, None], (1, 6))
    k = cc.kernel(f"{family}_{axis}")
    y = cc.conv2d(image[None, None], k[None, None])
    assert np.all(y > 0)
    other = "y" if axis == "x" else "x"
    assert np.all(cc.conv2d(image[None, None], cc.kernel(f"{family}_{other}")[None, None]) == 0)


@pytest.mark.parametrize("family", ["sobel", "scharr", "prewitt"])
def test_y_derivative_is_the_transpose_of_x(family):
    np.testing.assert_array_equal(cc.kernel(f"{family}_y"), cc.kernel(f"{family}_x").T)


def test_sobel_x_values():
    np.testing.assert_array_equal(cc.kernel("sobel_x"), [[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]])


@pytest.mark.parametrize("size", [3, 5, 7])
def test_gaussian_is_symmetric_and_peaks_in_the_centre(size):
    k = cc.kernel("gaussian", size)
    np.testing.assert_allclose(k, k.T, atol=1e-15)
    np.testing.assert_allclose(k, k[::-1, ::-1], atol=1e-15)
    assert k.argmax() == (size * size) // 2


def test_identity_kernel_with_same_padding_returns_the_image(rng):
    x = rng.standard_normal((1, 1, 6, 7))
    for size in (1, 3, 5):
        w = cc.kernel("identity", size)[None, None]
        np.testing.assert_array_equal(cc.conv2d(x, w, padding="same"), x)


def test_kernels_are_fresh_copies_that_callers_may_modify():
    cc.kernel("sobel_x")[0, 0] = 99.0
    cc.kernel("box", 3)[1, 1] = 99.0
    assert cc.kernel("sobel_x")[0, 0] == -1.0
    assert cc.kernel("box", 3)[1, 1] == pytest.approx(1 / 9)


def test_unknown_preset_is_a_conv_error_listing_the_choices():
    with pytest.raises(cc.ConvError, match=r"'blur'.*sobel_x"):
        cc.kernel("blur")


@pytest.mark.parametrize("name", SIZED)
@pytest.mark.parametrize("size", [0, -1])
def test_sized_presets_refuse_non_positive_sizes(name, size):
    with pytest.raises(cc.ConvError, match=rf"{name}.*got {size}"):
        cc.kernel(name, size)


@pytest.mark.parametrize("name", ["identity", "motion_blur", "sobel_x", "laplacian", "emboss"])
@pytest.mark.parametrize("size", [2, 4])
def test_presets_with_a_centre_refuse_even_sizes(name, size):
    with pytest.raises(cc.ConvError, match=rf"{name}.*odd size.*got {size}") as info:
        cc.kernel(name, size)
    assert info.value.code == "preset_size"


# ---- every size a preset sensibly has (issue 8, defect 7)

THREE = {  # the 3x3 values before presets grew sizes: they must not change
    "identity": [[0, 0, 0], [0, 1, 0], [0, 0, 0]],
    "sharpen": [[0, -1, 0], [-1, 5, -1], [0, -1, 0]],
    "sobel_x": [[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]],
    "scharr_x": [[-3, 0, 3], [-10, 0, 10], [-3, 0, 3]],
    "prewitt_x": [[-1, 0, 1], [-1, 0, 1], [-1, 0, 1]],
    "laplacian": [[0, 1, 0], [1, -4, 1], [0, 1, 0]],
    "emboss": [[-2, -1, 0], [-1, 1, 1], [0, 1, 2]],
    "outline": [[-1, -1, -1], [-1, 8, -1], [-1, -1, -1]],
    "motion_blur": [[0, 0, 0], [1 / 3, 1 / 3, 1 / 3], [0, 0, 0]],
    "box": [[1 / 9] * 3] * 3,
}


@pytest.mark.parametrize("name", THREE)
def test_the_3x3_presets_keep_their_values(name):
    np.testing.assert_allclose(cc.kernel(name), THREE[name], atol=1e-15)
    np.testing.assert_allclose(cc.kernel(name, (3, 3)), THREE[name], atol=1e-15)


def test_the_3x3_gaussian_keeps_opencvs_sigma():
    t = np.arange(3) - 1.0
    g = np.exp(-(t**2) / (2 * 0.8**2))  # sigma = 0.3((3-1)/2 - 1) + 0.8
    np.testing.assert_allclose(cc.kernel("gaussian"), np.outer(g, g) / np.outer(g, g).sum())


def test_5x5_sobel_is_the_published_table():
    """Intel IPP's 5x5 Sobel as quoted in stackoverflow.com/q/9567882 (it is OpenCV's
    getDerivKernels(1, 0, 5): [1,4,6,4,1] x [-1,-2,0,2,1]); IPP writes it for convolution,
    so the cross-correlation kernel is that table mirrored left-right."""
    ipp = np.array(
        [[1, 2, 0, -2, -1], [4, 8, 0, -8, -4], [6, 12, 0, -12, -6],
         [4, 8, 0, -8, -4], [1, 2, 0, -2, -1]], float)  # fmt: skip
    np.testing.assert_array_equal(cc.kernel("sobel_x", 5), ipp[:, ::-1])
    np.testing.assert_array_equal(cc.kernel("sobel_y", 5), ipp[:, ::-1].T)


def binomial_row(n):
    return np.array([math.comb(n - 1, i) for i in range(n)], float)


@pytest.mark.parametrize("n", [3, 5, 7, 9])
def test_sobel_of_any_odd_size_is_binomial_smoothing_times_smoothed_difference(n):
    deriv = np.convolve(binomial_row(n - 2), [-1, 0, 1])  # OpenCV getDerivKernels, order 1
    np.testing.assert_array_equal(cc.kernel("sobel_x", n), np.outer(binomial_row(n), deriv))


ODD = [(3, 3), (5, 5), (7, 7), (3, 5), (5, 3), (7, 3), (9, 9)]
DERIV = ["sobel_x", "sobel_y", "prewitt_x", "prewitt_y"]


@pytest.mark.parametrize("name", DERIV)
@pytest.mark.parametrize("size", ODD)
def test_first_derivatives_sum_to_zero_and_are_antisymmetric_along_their_axis(name, size):
    k = cc.kernel(name, size)
    assert k.shape == size and k.sum() == 0
    flip = k[:, ::-1] if name.endswith("_x") else k[::-1, :]
    np.testing.assert_array_equal(flip, -k)
    ramp = np.arange(12.0)
    image = np.tile(ramp, (12, 1)) if name.endswith("_x") else np.tile(ramp[:, None], (1, 12))
    assert np.all(cc.conv2d(image[None, None], k[None, None]) > 0)


@pytest.mark.parametrize("name", ["laplacian", "outline"])
@pytest.mark.parametrize("size", ODD)
def test_second_derivatives_sum_to_zero_are_symmetric_and_kill_ramps(name, size):
    k = cc.kernel(name, size)
    assert k.shape == size and k.sum() == 0
    np.testing.assert_array_equal(k, k[::-1, ::-1])
    if name == "laplacian":  # a discrete second derivative: zero on any linear ramp
        i, j = np.mgrid[:12, :12]
        y = cc.conv2d((2.0 * i + 3.0 * j)[None, None], k[None, None])
        np.testing.assert_allclose(y, 0, atol=1e-9)


@pytest.mark.parametrize("name", ["sharpen", "emboss", "identity"])
@pytest.mark.parametrize("size", ODD)
def test_sharpen_emboss_identity_keep_flat_brightness_at_every_size(name, size):
    assert cc.kernel(name, size).sum() == pytest.approx(1.0, abs=1e-12)


@pytest.mark.parametrize("name", ["box", "gaussian"])
@pytest.mark.parametrize("size", [(1, 1), (2, 2), (2, 5), (4, 3), (6, 6), (3, 8)])
def test_box_and_gaussian_exist_for_every_rectangle(name, size):
    k = cc.kernel(name, size)
    assert k.shape == size and k.sum() == pytest.approx(1.0) and np.all(k > 0)
    np.testing.assert_allclose(k, k[::-1, ::-1], atol=1e-15)


def test_preset_sizes_lists_every_preset_with_sizes_it_really_has():
    table = cc.preset_sizes(max_side=9)
    assert [row["name"] for row in table] == list(cc.PRESETS)
    for row in table:
        for k in row["square"]:
            assert cc.kernel(row["name"], k).shape == (k, k)
        for k in set(range(1, 10)) - set(row["square"]):
            if row["sizes"] != "fixed":
                with pytest.raises(cc.ConvError):
                    cc.kernel(row["name"], k)
        if row["rectangular"]:
            assert cc.kernel(row["name"], (3, 5)).shape == (3, 5)
    assert next(r for r in table if r["name"] == "sobel_x")["square"] == [3, 5, 7, 9]
    assert next(r for r in table if r["name"] == "box")["square"] == list(range(1, 10))


@settings(max_examples=150, deadline=None)
@given(name=st.sampled_from(list(cc.PRESETS)), kH=st.integers(-1, 9), kW=st.integers(-1, 9))
def test_every_size_a_preset_refusal_suggests_is_accepted(name, kH, kW):
    try:
        cc.kernel(name, (kH, kW))
    except cc.ConvError as e:
        assert e.code in ("preset_size", "kernel_too_small")
        for h, w in e.params.get("choices", []):
            assert cc.kernel(name, (h, w)).shape == (h, w)
