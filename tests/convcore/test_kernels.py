"""Named filter kernels (convcore/kernels.py): shapes, sums, orientation and refusals."""

from __future__ import annotations

import numpy as np
import pytest

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
@pytest.mark.parametrize("size", [0, 2, 4, -1])
def test_sized_presets_refuse_even_or_non_positive_sizes(name, size):
    with pytest.raises(cc.ConvError, match=rf"{name}.*odd size.*got {size}"):
        cc.kernel(name, size)
