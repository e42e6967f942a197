"""The step-by-step traces explain the fast path: reassembled, they give its results."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import convcore
from convcore.padding import pad, unpad
from convcore.spec import Conv2dSpec


@st.composite
def configs(draw):
    """A valid conv2d: groups, dilation, every padding mode, strides that leave a remainder."""
    G = draw(st.sampled_from([1, 2]))
    C, F = G * draw(st.integers(1, 2)), G * draw(st.integers(1, 2))
    N = draw(st.integers(1, 2))
    k = (draw(st.integers(1, 3)), draw(st.integers(1, 3)))
    s = (draw(st.integers(1, 3)), draw(st.integers(1, 3)))
    d = (draw(st.integers(1, 2)), draw(st.integers(1, 2)))
    mode = draw(st.sampled_from(["zeros", "reflect", "replicate", "circular"]))
    p = draw(st.integers(0, 2))
    H = draw(st.integers(max(p + 1, d[0] * (k[0] - 1) + 1), 8))
    W = draw(st.integers(max(p + 1, d[1] * (k[1] - 1) + 1), 8))
    rng = np.random.default_rng(draw(st.integers(0, 2**16)))
    x = rng.integers(-5, 6, (N, C, H, W)).astype(float)
    w = rng.integers(-3, 4, (F, C // G, *k)).astype(float)
    b = rng.standard_normal(F) if draw(st.booleans()) else None
    return x, w, b, {"stride": s, "padding": p, "dilation": d, "groups": G, "padding_mode": mode}


@settings(max_examples=60, deadline=None)
@given(configs())
def test_forward_steps_rebuild_conv2d_and_index_the_padded_input(cfg):
    x, w, b, kw = cfg
    y = convcore.conv2d(x, w, b, **kw)
    xp = pad(x, Conv2dSpec.of(w.shape[2:], **kw).padding, kw["padding_mode"])
    H, W = x.shape[2:]
    p = kw["padding"]
    rebuilt = np.full(y.shape, np.nan)
    for step in convcore.forward_steps(x, w, b, **kw):
        n, f, oh, ow = step.out
        rebuilt[step.out] = step.value
        chans = list(step.channels)
        assert np.array_equal(step.window, xp[n][np.ix_(chans, step.rows, step.cols)])
        assert np.array_equal(step.kernel, w[f])
        assert np.allclose(step.products, step.window * w[f])
        assert np.isclose(step.partials.sum() + step.bias, step.value, rtol=1e-12, atol=1e-12)
        assert np.array_equal(step.row_pad, (step.rows < p) | (step.rows >= p + H))
        assert np.array_equal(step.col_pad, (step.cols < p) | (step.cols >= p + W))
    assert np.array_equal(rebuilt, y)


@settings(max_examples=40, deadline=None)
@given(configs())
def test_backward_steps_accumulate_to_conv2d_backward(cfg):
    x, w, _, kw = cfg
    y = convcore.conv2d(x, w, **kw)
    dy = np.random.default_rng(1).integers(-2, 3, y.shape).astype(float)
    dx, dw, db = convcore.conv2d_backward(dy, x, w, **kw)
    spec = Conv2dSpec.of(w.shape[2:], **kw)
    xp = pad(x, spec.padding, spec.padding_mode)
    dxp, dw_last, db_last = np.zeros(xp.shape), {}, {}
    for step in convcore.backward_steps(dy, x, w, **kw):
        n, f = step.out[:2]
        window = xp[n][np.ix_(list(step.channels), step.rows, step.cols)]
        assert np.allclose(step.dw_add, step.grad * window)
        assert np.allclose(step.dx_add, step.grad * w[f])
        dxp[n][np.ix_(list(step.channels), step.rows, step.cols)] += step.dx_add
        assert np.allclose(step.dx, dxp[n][np.ix_(list(step.channels), step.rows, step.cols)])
        dw_last[f], db_last[f] = step.dw, step.db
    assert np.allclose(unpad(dxp, x.shape[2:], spec.padding, spec.padding_mode), dx)
    assert all(np.allclose(dw_last[f], dw[f]) and np.isclose(db_last[f], db[f]) for f in dw_last)


@settings(max_examples=40, deadline=None)
@given(configs(), st.integers(0, 2), st.integers(0, 2))
def test_transpose_stamps_add_up_to_conv_transpose2d(cfg, op_h, op_w):
    x, w, b, kw = cfg
    s, d, G = kw["stride"], kw["dilation"], kw["groups"]
    op = (min(op_h, max(s[0], d[0]) - 1), min(op_w, max(s[1], d[1]) - 1))
    wt = np.random.default_rng(2).integers(-2, 3, (x.shape[1], w.shape[0] // G, *w.shape[2:]))
    bt = None if b is None else np.arange(w.shape[0], dtype=float)
    try:
        y = convcore.conv_transpose2d(x, wt, bt, s, kw["padding"], op, G, d)
    except convcore.ConvError:
        return  # too much padding for this input: covered by the engine's own tests
    acc = np.zeros_like(y) + (0 if bt is None else bt[:, None, None])
    for step in convcore.transpose_steps(x, wt, bt, s, kw["padding"], op, G, d):
        r, c = np.flatnonzero(step.row_in), np.flatnonzero(step.col_in)
        assert np.array_equal(step.stamp, step.value * wt[step.at[1]])
        chans = list(step.channels)
        acc[step.at[0]][np.ix_(chans, step.rows[r], step.cols[c])] += step.stamp[:, r][:, :, c]
        landed = acc[step.at[0]][np.ix_(chans, step.rows[r], step.cols[c])]
        assert np.allclose(step.total[:, r][:, :, c], landed)  # the running output, exactly
        assert np.isnan(step.total).sum() == step.total.size - landed.size
    assert np.allclose(acc, y)


def test_a_range_of_transpose_steps_carries_the_same_running_totals(rng):
    x, w, b = rng.standard_normal((2, 2, 3, 3)), rng.standard_normal((2, 1, 3, 3)), np.ones(1)
    whole = list(convcore.transpose_steps(x, w, b, stride=2, padding=1))
    part = list(convcore.transpose_steps(x, w, b, stride=2, padding=1, start=23, stop=30))
    for a, z in zip(whole[23:30], part, strict=True):
        assert np.array_equal(a.total, z.total, equal_nan=True) and a.index == z.index


@pytest.mark.parametrize("mode", ["zeros", "reflect"])
def test_a_range_of_backward_steps_starts_from_the_whole_traces_totals(rng, mode):
    x, w = rng.standard_normal((2, 2, 6, 5)), rng.standard_normal((3, 2, 3, 2))
    kw = {"stride": (2, 1), "padding": 1, "padding_mode": mode}
    dy = rng.standard_normal(convcore.conv2d(x, w, **kw).shape)
    whole = list(convcore.backward_steps(dy, x, w, **kw))
    part = list(convcore.backward_steps(dy, x, w, **kw, start=41, stop=60))
    for a, z in zip(whole[41:60], part, strict=True):
        assert a.index == z.index and np.allclose(a.dw, z.dw) and np.allclose(a.dx, z.dx)
        assert np.isclose(a.db, z.db)


def test_a_range_of_steps_is_a_slice_of_the_whole_trace(rng):
    x, w = rng.standard_normal((2, 2, 6, 5)), rng.standard_normal((3, 2, 3, 2))
    whole = [s.value for s in convcore.forward_steps(x, w, stride=(2, 1), padding=1)]
    part = [s.value for s in convcore.forward_steps(x, w, stride=(2, 1), padding=1,
                                                    start=7, stop=19)]  # fmt: skip
    assert part == whole[7:19] and len(whole) == convcore.conv2d(x, w, None, (2, 1), 1).size


@pytest.mark.parametrize("trace", [convcore.forward_steps, convcore.backward_steps])
def test_traces_validate_on_the_call_not_on_first_use(trace):
    x, w = np.zeros((1, 1, 2, 2)), np.zeros((1, 1, 3, 3))
    args = (np.zeros((1, 1, 1, 1)), x, w) if trace is convcore.backward_steps else (x, w)
    with pytest.raises(convcore.ConvError, match="effective kernel 3"):
        trace(*args)
