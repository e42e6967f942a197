"""Shape checks and sizes (convcore/geometry.py, convcore/spec.py): refuse early and clearly."""

from __future__ import annotations

import numpy as np
import pytest
from conv_strategies import conv_configs, conv_refusal, pairs
from hypothesis import given, settings
from hypothesis import strategies as st

import convcore as cc

X = np.ones((1, 2, 5, 5))
W = np.ones((3, 2, 3, 3))


CALLS = {
    "conv2d": lambda **p: cc.conv2d(X, W, **p),
    "conv2d_backward": lambda **p: cc.conv2d_backward(np.ones((1, 3, 3, 3)), X, W, **p),
    "conv_transpose2d": lambda **p: cc.conv_transpose2d(X, np.ones((2, 3, 3, 3)), **p),
    "conv_transpose2d_backward": lambda **p: cc.conv_transpose2d_backward(
        np.ones((1, 3, 7, 7)), X, np.ones((2, 3, 3, 3)), **p
    ),
}


@pytest.mark.parametrize("name", CALLS)
def test_sentinel_sits_on_the_work_path_of_every_entry_point(name, no_work):
    """Guards the tests below: a valid call must reach the sentinel, or they would prove nothing."""
    with pytest.raises(no_work):
        CALLS[name]()


@pytest.mark.parametrize(
    "kwargs, match",
    [
        ({"stride": 0}, r"stride must be at least 1, got 0"),
        ({"stride": (1, 0)}, r"stride.*\(1, 0\)"),
        ({"padding": -1}, r"padding cannot be negative, got -1"),
        ({"padding": (0, -2)}, r"negative.*-2"),
        ({"dilation": 0}, r"dilation must be at least 1, got 0"),
        ({"padding": "same", "stride": 2}, r"'same' needs stride 1, got stride 2"),
        ({"padding": "full"}, r"'full'"),
        ({"groups": 0}, r"groups.*at least 1, got 0"),
        ({"groups": 2.0}, r"groups.*2\.0"),
        ({"groups": True}, r"groups.*True"),
        ({"stride": 1.5}, r"stride.*1\.5"),
        ({"stride": (1, 2, 3)}, r"stride.*\(1, 2, 3\)"),
        ({"padding_mode": "constant"}, r"'constant'"),
    ],
)
def test_bad_hyperparameters_raise_conv_error_naming_the_value_before_any_work(
    kwargs, match, no_work
):
    with pytest.raises(cc.ConvError, match=match):
        cc.conv2d(X, W, **kwargs)
    with pytest.raises(cc.ConvError, match=match):
        cc.conv2d_backward(np.ones((1, 3, 3, 3)), X, W, **kwargs)


def test_kernel_larger_than_padded_input_names_every_number(no_work):
    msg = (
        r"effective kernel 5 \(kernel 3, dilation 2\) is larger than the padded input 4 "
        r"\(input 2 \+ padding 1 \+ 1\)"
    )
    with pytest.raises(cc.ConvError, match=msg):
        cc.conv2d(np.ones((1, 1, 2, 2)), np.ones((1, 1, 3, 3)), padding=1, dilation=2)


def test_dilation_alone_can_make_the_kernel_too_large(no_work):
    # i=3, k=2, d=3: k <= i but k_eff = 4 > 3 (torch reports the dilated size too)
    with pytest.raises(cc.ConvError, match=r"effective kernel 4 \(kernel 2, dilation 3\)"):
        cc.conv2d(np.ones((1, 1, 3, 3)), np.ones((1, 1, 2, 2)), dilation=3)


def test_kernel_fitting_exactly_gives_a_one_pixel_output():
    y = cc.conv2d(np.ones((1, 1, 2, 2)), np.ones((1, 1, 3, 3)), padding=1, dilation=1)
    assert y.shape == (1, 1, 2, 2)
    y = cc.conv2d(np.ones((1, 1, 4, 4)), np.ones((1, 1, 2, 2)), dilation=3)
    assert y.shape == (1, 1, 1, 1)


@pytest.mark.parametrize(
    "x_shape, w_shape, groups, match",
    [
        ((1, 6, 5, 5), (9, 1, 3, 3), 4, r"groups 4 must divide both the input channels 6 .*1, 3$"),
        ((1, 6, 5, 5), (8, 2, 3, 3), 3, r"groups 3 .* output channels 8: choose groups from 1, 2$"),
        ((2, 6, 7, 7), (9, 3, 3, 3), 3, r"6/3 = 2.*has 3"),
        ((1, 2, 5, 5), (3, 3, 3, 3), 1, r"2/1 = 2.*has 3"),
    ],
)
def test_channel_and_group_mismatches_are_refused_with_the_numbers(
    x_shape, w_shape, groups, match, no_work
):
    with pytest.raises(cc.ConvError, match=match):
        cc.conv2d(np.ones(x_shape), np.ones(w_shape), groups=groups)


@pytest.mark.parametrize(
    "x, w, b, match",
    [
        (np.ones((5, 5)), W, None, r"got 2 dimensions"),
        (np.ones((1, 1, 2, 5, 5)), W, None, r"got 5 dimensions"),
        (np.ones((0, 2, 5, 5)), W, None, r"at least 1.*\(0, 2, 5, 5\)"),
        (np.ones((1, 2, 0, 5)), W, None, r"at least 1"),
        (X, np.ones((3, 2, 3)), None, r"weight must be \(C_out, .*got 3 dimensions"),
        (X, np.ones((3, 2, 0, 3)), None, r"weight size must be at least 1, got \(3, 2, 0, 3\)"),
        (X, W, np.ones(4), r"bias.*\(3\).*\(4,\)"),
        (X, W, np.ones((3, 1)), r"bias.*\(3, 1\)"),
    ],
    ids=["x_2d", "x_5d", "batch_0", "height_0", "w_3d", "kernel_0", "bias_4", "bias_2d"],
)
def test_wrong_array_shapes_are_conv_errors_before_any_work(x, w, b, match, no_work):
    with pytest.raises(cc.ConvError, match=match):
        cc.conv2d(x, w, b)


def test_conv_error_is_a_value_error_so_callers_can_catch_either():
    assert issubclass(cc.ConvError, ValueError)


@st.composite
def wild_configs(draw):
    """Anything a form could send: zero/negative numbers included, plus valid conv configs."""
    cfg = draw(conv_configs(max_size=8, max_kernel=4))
    if draw(st.booleans()):
        key = draw(st.sampled_from(("stride", "padding", "dilation", "groups")))
        cfg.params[key] = draw(st.one_of(pairs(-2, 0), st.integers(-2, 0)))
        if key == "groups" and not isinstance(cfg.params[key], int):
            cfg.params[key] = 0
    return cfg


@settings(max_examples=120, deadline=None)
@given(cfg=wild_configs())
def test_any_configuration_either_gives_a_nonempty_output_or_raises_conv_error(cfg):
    x, w, b = cfg.arrays()
    try:
        y = cc.conv2d(x, w, b, **cfg.params)
    except cc.ConvError as e:
        assert str(e)
        assert conv_refusal(cfg) is not None, f"engine refused a valid conv: {e}"
        return
    assert conv_refusal(cfg) is None
    assert y.size > 0 and min(y.shape) >= 1


@pytest.mark.parametrize(
    "k, d, split",
    [
        (2, 1, (0, 1)),
        (3, 1, (1, 1)),
        (4, 1, (1, 2)),
        (4, 2, (3, 3)),
        (2, 3, (1, 2)),
        (6, 3, (7, 8)),
    ],
)
def test_same_padding_puts_the_odd_pixel_bottom_right(k, d, split):
    """T = d(k-1); top/left gets floor(T/2): seen as where a 1x1-of-ones impulse lands."""
    H = max(sum(split) + 1, 7)
    x = np.zeros((1, 1, H, H))
    x[0, 0, 0, 0] = 1.0
    w = np.zeros((1, 1, k, k))
    w[0, 0, 0, 0] = 1.0  # first tap reads padded index i: output i sees input i - top
    y = cc.conv2d(x, w, padding="same", dilation=d)
    assert y.shape == x.shape
    top = split[0]
    assert y[0, 0, top, top] == 1.0 and y.sum() == 1.0


@settings(max_examples=100, deadline=None)
@given(k=st.integers(1, 6), s=st.integers(1, 4), d=st.integers(1, 4), o=st.integers(0, 9))
def test_tap_phases_are_the_taps_split_by_stride(k, s, d, o):
    from convcore.geometry import tap_phases, taps

    q, r = tap_phases(k, s, d)
    assert [(o + a) * s + b for a, b in zip(q, r, strict=True)] == taps(o, k, s, d).tolist()
    assert all(0 <= b < s for b in r)


def test_the_fast_paths_layout_reads_the_traces_taps(rng):
    """Each lowering tap (phase, offset) addresses exactly the padded cell geometry.taps names."""
    from convcore import lowering
    from convcore.geometry import taps

    for _ in range(30):
        kH, kW, s_h, s_w, d_h, d_w = (int(v) for v in rng.integers(1, 4, 6))
        H, W = int(rng.integers(d_h * (kH - 1) + 1, 12)), int(rng.integers(d_w * (kW - 1) + 1, 12))
        spec = cc.Conv2dSpec.of((kH, kW), (s_h, s_w), 0, (d_h, d_w))
        shape = cc.check((1, 1, H, W), (1, 1, kH, kW), spec)
        low = lowering.Lowering.of(shape)
        Hq, Wq = low.grid
        for oh in range(shape.out[0]):
            for ow in range(shape.out[1]):
                for t, (i, j) in enumerate(np.ndindex(kH, kW)):
                    flat = oh * Wq + ow + low.offset[t]
                    rh, rw = divmod(low.phase[t], s_w)
                    row, col = divmod(flat, Wq)
                    assert row * s_h + rh == taps(oh, kH, s_h, d_h)[i]
                    assert col * s_w + rw == taps(ow, kW, s_w, d_w)[j]
