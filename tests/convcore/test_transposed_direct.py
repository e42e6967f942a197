"""Transposed conv as a direct conv (convcore/transposed_direct.py): spread, pad or crop, flip."""

from __future__ import annotations

import numpy as np
import pytest
from conv_strategies import transposed_configs, transposed_size
from hypothesis import given, settings
from views_io import cases, load

import convcore as cc
from convcore.transposed_direct import direct_padding, flip_swap, spread

ATOL = 1e-12


def direct(x, w, b, params):
    """conv2d over the zero-inserted input, stride 1, no padding: the claimed equivalent."""
    z, wf = cc.transposed_as_conv2d(x, w, **params)
    return cc.conv2d(z, wf, b, dilation=params.get("dilation", 1), groups=params.get("groups", 1))


@settings(max_examples=150, deadline=None)
@given(cfg=transposed_configs(max_size=5, max_kernel=3))
def test_direct_conv_equals_conv_transpose2d_or_both_refuse(cfg):
    x, w, b = cfg.arrays()
    if min(transposed_size(cfg)) < 1:
        for call in (cc.conv_transpose2d, cc.transposed_as_conv2d):
            with pytest.raises(cc.ConvError):
                call(x, w, **cfg.params)
        return
    want = cc.conv_transpose2d(x, w, b, **cfg.params)
    got = direct(x, w, b, cfg.params)
    assert got.shape == want.shape
    np.testing.assert_allclose(got, want, rtol=0, atol=ATOL)


def test_padding_beyond_the_dilated_kernel_crops_the_spread_input(rng):
    x, w = rng.standard_normal((1, 2, 4, 4)), rng.standard_normal((2, 2, 3, 2))
    params = {"stride": 3, "padding": (3, 2)}  # q = 2 - 3 = -1 (crop), 1 - 2 = -1 (crop)
    assert direct_padding((3, 2), (3, 2), (0, 0), (1, 1)) == ((-1, -1), (-1, -1))
    z, _ = cc.transposed_as_conv2d(x, w, **params)
    np.testing.assert_array_equal(z[0], spread(x, (3, 3))[0][:, 1:-1, 1:-1])
    np.testing.assert_allclose(
        direct(x, w, None, params), cc.conv_transpose2d(x, w, **params), rtol=0, atol=ATOL
    )


def test_zeros_sit_between_inputs_and_output_padding_adds_on_the_far_side_only(rng):
    x, w = rng.standard_normal((2, 3)), np.ones((1, 1, 3, 3))
    z, _ = cc.transposed_as_conv2d(x[None], w, stride=2, padding=1, output_padding=1)
    # spread 3x5, then q = 2 - 1 = 1 before and 1 + 1 after on each axis.
    assert z.shape == (1, 1 + 3 + 2, 1 + 5 + 2)
    np.testing.assert_array_equal(z[0, 1:4:2, 1:6:2], x)
    assert np.count_nonzero(z) == x.size
    np.testing.assert_array_equal(z[0, -2:], 0)
    np.testing.assert_array_equal(z[0, :, -2:], 0)


def test_flipped_kernel_is_rot180_with_channels_swapped_per_group(rng):
    w = rng.standard_normal((4, 3, 2, 3))  # C_in 4, groups 2 -> C_g 2, F_g 3
    wf = flip_swap(w, 2)
    assert wf.shape == (6, 2, 2, 3)
    for g in range(2):
        for o in range(3):
            for c in range(2):
                np.testing.assert_array_equal(wf[g * 3 + o, c], w[g * 2 + c, o, ::-1, ::-1])


def test_t1_by_hand_spread_and_flipped_kernel():
    x = np.array([[[[1.0, 2.0], [3.0, 4.0]]]])
    z, wf = cc.transposed_as_conv2d(x, x, stride=2)
    np.testing.assert_array_equal(
        z[0, 0],
        [[0, 0, 0, 0, 0], [0, 1, 0, 2, 0], [0, 0, 0, 0, 0], [0, 3, 0, 4, 0], [0, 0, 0, 0, 0]],
    )
    np.testing.assert_array_equal(wf[0, 0], [[4, 3], [2, 1]])
    np.testing.assert_array_equal(
        cc.conv2d(z, wf)[0, 0], [[1, 2, 2, 4], [3, 4, 6, 8], [3, 6, 4, 8], [9, 12, 12, 16]]
    )


@pytest.mark.parametrize("path", cases("convT"), ids=lambda p: p.stem)
def test_direct_conv_equals_torch_conv_transpose2d_fixture(path):
    c = load(path)
    got = direct(c["x"], c["w"], c.get("b"), c["params"])
    assert got.shape == c["y"].shape
    np.testing.assert_allclose(got, c["y"], rtol=0, atol=ATOL)


def test_refusals_are_conv_transpose2d_s():
    x, w = np.ones((1, 2, 3, 3)), np.ones((2, 1, 3, 3))
    with pytest.raises(cc.ConvError, match="output padding"):
        cc.transposed_as_conv2d(x, w, stride=2, output_padding=2)
    with pytest.raises(cc.ConvError, match="groups"):
        cc.transposed_as_conv2d(x, w, groups=3)


def test_unbatched_input_gives_an_unbatched_spread(rng):
    x, w = rng.standard_normal((2, 3, 3)), rng.standard_normal((2, 1, 2, 2))
    z, _ = cc.transposed_as_conv2d(x, w, stride=2)
    z4, _ = cc.transposed_as_conv2d(x[None], w, stride=2)
    np.testing.assert_array_equal(z, z4[0])


@pytest.mark.torch
@settings(max_examples=80, deadline=None)
@given(cfg=transposed_configs(max_size=5, max_kernel=3))
def test_direct_conv_equals_live_torch(cfg):
    pytest.importorskip("torch")
    import torch_oracle as oracle

    if min(transposed_size(cfg)) < 1:
        return
    x, w, b = cfg.arrays()
    x = x if x.ndim == 4 else x[None]
    want = oracle.conv_transpose2d(x, w, b, **cfg.params)[0]
    np.testing.assert_allclose(direct(x, w, b, cfg.params), want, rtol=0, atol=1e-10)


@settings(max_examples=60, deadline=None)
@given(cfg=transposed_configs(max_size=5, max_kernel=3))
def test_direct_cells_mark_exactly_where_z_holds_the_input(cfg):
    if min(transposed_size(cfg)) < 1:
        return
    x = np.arange(1.0, np.prod(cfg.x_shape) + 1).reshape(cfg.x_shape)  # no zeros in x
    z, _ = cc.transposed_as_conv2d(x, np.ones(cfg.w_shape), **cfg.params)
    kinds = cc.direct_cells(cfg.x_shape, cfg.w_shape, **cfg.params)
    z = z if z.ndim == 4 else z[None]
    assert kinds.shape == z.shape[2:]
    np.testing.assert_array_equal(kinds == 2, z[0, 0] != 0)
