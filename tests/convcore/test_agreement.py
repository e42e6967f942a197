"""Every public function given one configuration accepts it or refuses it, together."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

import convcore as cc


def verdict(fn):
    """('ok', shape) or ('refused', code)."""
    try:
        return "ok", fn()
    except cc.ConvError as e:
        return "refused", e.code


@st.composite
def layers(draw):
    small = st.integers(0, 4)
    return {
        "H": draw(st.integers(1, 6)),
        "W": draw(st.integers(1, 6)),
        "C_in": draw(st.sampled_from([1, 2, 4])),
        "C_out": draw(st.sampled_from([1, 2, 3, 4])),
        "k": (draw(st.integers(1, 4)), draw(st.integers(1, 4))),
        "stride": (draw(st.integers(1, 3)), draw(st.integers(1, 3))),
        "padding": draw(st.one_of(st.tuples(small, small), st.sampled_from(["same", "valid"]))),
        "dilation": (draw(st.integers(1, 3)), draw(st.integers(1, 3))),
        "groups": draw(st.sampled_from([1, 2, 4])),
        "op": (draw(st.integers(0, 2)), draw(st.integers(0, 2))),
        "mode": draw(st.sampled_from(["zeros", "reflect", "circular"])),
    }


@settings(max_examples=200, deadline=None)
@given(c=layers())
def test_conv2d_trace_output_size_and_cost_agree(c):
    x = np.ones((1, c["C_in"], c["H"], c["W"]))
    g = c["groups"]
    w = np.ones((c["C_out"], max(c["C_in"] // g, 1), *c["k"]))
    kw = {"stride": c["stride"], "padding": c["padding"], "dilation": c["dilation"]}
    mode = c["mode"]
    conv = verdict(lambda: cc.conv2d(x, w, groups=g, padding_mode=mode, **kw).shape)
    steps = verdict(
        lambda: next(cc.forward_steps(x, w, groups=g, padding_mode=mode, **kw)).window.shape
    )
    cost = verdict(
        lambda: (
            cc.conv_cost(
                x.shape, c["C_out"], c["k"], groups=g, padding_mode=mode, **kw
            ).output_shape
        )  # fmt: skip
    )
    if c["C_in"] % g == 0:  # else w's second size cannot be C_in / g: a weight mistake
        assert conv[0] == steps[0] == cost[0], (conv, steps, cost)
        if conv[0] == "ok":
            assert conv[1] == cost[1]
        else:
            assert conv[1] == steps[1] == cost[1]
    one = verdict(lambda: cc.conv2d(x[:, :1], w[:1, :1], padding_mode=mode, **kw).shape[2:])
    size = verdict(lambda: cc.output_size((c["H"], c["W"]), c["k"], padding_mode=mode, **kw))
    assert one == size


@settings(max_examples=200, deadline=None)
@given(c=layers())
def test_transposed_functions_agree(c):
    x = np.ones((1, c["C_in"], c["H"], c["W"]))
    g = c["groups"]
    F_g = max(c["C_out"] // g, 1)
    w = np.ones((c["C_in"], F_g, *c["k"]))
    kw = {
        "stride": c["stride"],
        "padding": c["padding"],
        "dilation": c["dilation"],
        "output_padding": c["op"],
    }
    conv = verdict(lambda: cc.conv_transpose2d(x, w, groups=g, **kw).shape)
    steps = verdict(lambda: next(cc.transpose_steps(x, w, groups=g, **kw)).stamp.shape)
    cost = verdict(
        lambda: (
            cc.conv_cost(x.shape, F_g * g, c["k"], groups=g, kind="transposed", **kw).output_shape
        )  # fmt: skip
    )
    assert conv[0] == steps[0] == cost[0], (conv, steps, cost)
    if conv[0] == "ok":
        assert conv[1] == cost[1]
    else:
        assert conv[1] == steps[1] == cost[1]
    one = verdict(lambda: cc.conv_transpose2d(x[:, :1], w[:1, :1], **kw).shape[2:])
    size = verdict(lambda: cc.output_size((c["H"], c["W"]), c["k"], transposed=True, **kw))
    assert one == size


@settings(max_examples=100, deadline=None)
@given(c=layers(), m=st.integers(1, 2))
def test_separable_and_its_cost_agree(c, m):
    x = np.ones((1, c["C_in"], c["H"], c["W"]))
    dw, pw = np.ones((m * c["C_in"], 1, *c["k"])), np.ones((c["C_out"], m * c["C_in"], 1, 1))
    kw = {"stride": c["stride"], "padding": c["padding"], "dilation": c["dilation"]}
    mode = c["mode"]
    run = verdict(lambda: cc.separable_conv2d(x, dw, pw, padding_mode=mode, **kw).shape)
    cost = verdict(
        lambda: (
            cc.conv_cost(
                x.shape,
                c["C_out"],
                c["k"],
                kind="separable",
                depth_multiplier=m,
                padding_mode=mode,
                **kw,
            ).output_shape
        )  # fmt: skip
    )
    assert run == cost


def test_same_padding_is_refused_by_every_transposed_path():
    """The public case: output_size and conv_cost used to accept what conv_transpose2d refuses."""
    x, w = np.ones((1, 1, 2, 2)), np.ones((1, 1, 2, 2))
    for call in (
        lambda: cc.output_size(2, 2, padding="same", transposed=True),
        lambda: cc.conv_cost((1, 1, 2, 2), 1, 2, padding="same", kind="transposed"),
        lambda: cc.conv_transpose2d(x, w, padding="same"),
        lambda: list(cc.transpose_steps(x, w, padding="same")),
    ):
        assert verdict(call) == ("refused", "transposed_padding_word")
