"""Replay the committed torch 2.13.0 fixtures (tests/golden/*.npz) with convcore alone."""

from __future__ import annotations

import numpy as np
import pytest
import reference as ref
from golden_io import FILES, GRADS, by_op, case, load, refused_call, replay

import convcore as cc

REPLAYABLE = by_op("conv2d", "conv_transpose2d", "separable")
REFUSED = by_op("refuse")
SPEC_IDS = (
    "D1 D2 G1 G6 S1 DL1 P1_zeros P1_reflect P1_replicate P1_circular GR DW DW_K2 "
    "T1 T2 T3 T4 B1 N1 N1_zero_kernel U1"
).split()


def ids(paths):
    return [p.stem for p in paths]


def test_fixtures_cover_every_spec_case_id_and_stay_small():
    names = {p.stem for p in FILES}
    assert set(SPEC_IDS) <= names
    assert sum(n.startswith("S2_k") for n in names) == 12  # k in {2,3,4,(2,5)} x d in {1,2,(3,1)}
    assert sum(n.startswith("P2_") for n in names) == 5
    assert sum(n.startswith("rand_conv_") for n in names) >= 40
    assert sum(n.startswith("rand_convT_") for n in names) >= 10
    assert sum(n.startswith("sep_") for n in names) >= 5
    assert sum(p.stat().st_size for p in FILES) < 2 * 1024 * 1024


def test_fixtures_were_made_by_the_pinned_torch_in_float64():
    for path in FILES:
        c = load(path)
        assert c["torch"].startswith("2.13.0"), path.stem
        for key in ("y", *GRADS):
            if key in c:
                assert c[key].dtype == np.float64, (path.stem, key)


@pytest.mark.parametrize("path", REPLAYABLE, ids=ids(REPLAYABLE))
def test_engine_float64_equals_torch_fixture(path):
    c = load(path)
    got = replay(c)
    for key, value in got.items():
        assert value.dtype == np.float64, key
        assert value.shape == c[key].shape, key
        np.testing.assert_allclose(value, c[key], rtol=0, atol=1e-10, equal_nan=True, err_msg=key)


@pytest.mark.parametrize("path", REPLAYABLE, ids=ids(REPLAYABLE))
def test_engine_float32_stays_float32_and_close_to_torch(path):
    c = load(path)
    got = replay(c, np.float32)
    for key, value in got.items():
        assert value.dtype == np.float32, key
        want = c[key]
        scale = np.nanmax(np.abs(want)) if want.size and not np.all(np.isnan(want)) else 1.0
        np.testing.assert_allclose(
            value, want, rtol=1e-5, atol=1e-5 * scale, equal_nan=True, err_msg=key
        )


@pytest.mark.parametrize("path", REFUSED, ids=ids(REFUSED))
def test_engine_refuses_what_torch_refused_with_a_conv_error(path):
    c = load(path)
    assert c["torch_error"]  # what torch said, kept for the reader
    with pytest.raises(cc.ConvError):
        refused_call(c)


SMALL = [p for p in by_op("conv2d", "conv_transpose2d") if load(p)["x"].size <= 400]


@pytest.mark.parametrize("path", SMALL, ids=ids(SMALL))
def test_naive_reference_reproduces_torch_fixture(path):
    """The loop oracle is itself checked against torch, so its agreement with the engine counts."""
    c = load(path)
    x, w, gy, b, p = c["x"], c["w"], c["gy"], c.get("b"), c["params"]
    if x.ndim == 3:
        x, gy = x[None], gy[None]
    if c["op"] == "conv2d":
        y = ref.conv2d(x, w, b, **p)
        grads = ref.conv2d_backward(gy, x, w, **p)
    else:
        y = ref.conv_transpose2d(x, w, b, **p)
        grads = ref.conv_transpose2d_backward(gy, x, w, **p)
    want_y, want_dx = c["y"], c["dx"]
    if c["x"].ndim == 3:
        want_y, want_dx = want_y[None], want_dx[None]
    np.testing.assert_allclose(y, want_y, rtol=0, atol=1e-10, equal_nan=True)
    for got, want in zip(grads, (want_dx, c["dw"], c["db"]), strict=True):
        np.testing.assert_allclose(got, want, rtol=0, atol=1e-10, equal_nan=True)


# The fixtures themselves must hold the numbers the spec states (section 9), so a bad fixture
# cannot silently agree with a bad engine.
SPEC_VALUES = {
    "D1": [[12, 12, 17], [10, 17, 19], [9, 6, 14]],
    "D2": [[6, 17, 3], [8, 17, 13], [6, 4, 4]],
    "G1": [[128.5, 241.5, 184.5], [441.5, 681.5, 453.5], [320.5, 457.5, 280.5]],
    "S1": [[14, 18, 22, 12], [30, 34, 38, 20], [46, 50, 54, 28], [27, 29, 31, 16]],
    "DL1": [[144, 153, 162], [207, 216, 225], [270, 279, 288]],
    "T1": [[1, 2, 2, 4], [3, 4, 6, 8], [3, 6, 4, 8], [9, 12, 12, 16]],
    "T2": [[1, 4, 4], [6, 20, 16], [9, 24, 16]],
    "T3": [[1, 2, 1, 1], [2, 4, 2, 2], [1, 2, 1, 1], [1, 2, 1, 1]],
    "U1": [[1800] * 3] * 3,
}


@pytest.mark.parametrize("name", sorted(SPEC_VALUES))
def test_fixture_and_engine_hold_the_spec_value(name):
    c = case(name)
    np.testing.assert_array_equal(c["y"][0, 0], SPEC_VALUES[name])
    np.testing.assert_allclose(replay(c)["y"][0, 0], SPEC_VALUES[name], rtol=0, atol=1e-10)


def test_same_fixtures_keep_the_input_size():
    for path in FILES:
        if path.stem.startswith("S2_"):
            c = load(path)
            assert c["y"].shape[2:] == c["x"].shape[2:], path.stem
            assert replay(c)["y"].shape == c["y"].shape, path.stem


def test_uint8_image_is_computed_in_float_and_never_wraps_like_torch_uint8():
    c = case("U1")
    assert c["x"].dtype == np.uint8
    y = cc.conv2d(c["x"], c["w"])
    assert y.dtype.kind == "f"
    np.testing.assert_array_equal(y, np.full((1, 1, 3, 3), 1800.0))
    assert np.all(c["y_torch_uint8"] == 8)  # torch's uint8 conv wraps: 1800 mod 256
    uint8_weight = cc.conv2d(c["x"], c["w"].astype(np.uint8))
    np.testing.assert_array_equal(uint8_weight, y)


def test_nan_fixture_mask_is_the_center_block_even_for_a_zero_kernel():
    mask = np.zeros((5, 5), bool)
    mask[1:4, 1:4] = True
    for name in ("N1", "N1_zero_kernel"):
        c = case(name)
        y = replay(c)["y"][0, 0]
        np.testing.assert_array_equal(np.isnan(y), mask, err_msg=name)
        np.testing.assert_array_equal(np.isnan(c["y"][0, 0]), mask, err_msg=name)
