"""Every ConvError carries a stable code and the numbers of its sentence; suggestions work."""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import convcore as cc
from convcore.receptive_field import Layer, interval, map_sizes, paths, receptive_field

ENGINE = Path(cc.__file__).parent
ONES = np.ones((1, 2, 5, 5))
W = np.ones((3, 2, 3, 3))


def test_every_raise_in_the_engine_writes_a_literal_code():
    for path in ENGINE.glob("*.py"):
        text = path.read_text()
        for m in re.finditer(r"raise ConvError\((.*?)\n\s*\)", text, flags=re.S):
            assert re.search(r'code="[a-z][a-z0-9_]*"', m.group(1)), (path.name, m.group(1))
        bare = re.findall(r"raise ConvError\([^\n]*\)$", text, flags=re.M)
        assert not bare, (path.name, bare)


BAD_CALLS = {
    "stride 0": lambda: cc.conv2d(ONES, W, stride=0),
    "dilation 0": lambda: cc.conv2d(ONES, W, dilation=(1, 0)),
    "negative padding": lambda: cc.conv2d(ONES, W, padding=(0, -2)),
    "padding word": lambda: cc.conv2d(ONES, W, padding="full"),
    "same strided": lambda: cc.conv2d(ONES, W, padding="same", stride=2),
    "groups 0": lambda: cc.conv2d(ONES, W, groups=0),
    "groups float": lambda: cc.conv2d(ONES, W, groups=2.5),
    "stride float": lambda: cc.conv2d(ONES, W, stride=1.5),
    "mode": lambda: cc.conv2d(ONES, W, padding_mode="constant"),
    "groups 4/5": lambda: cc.conv_cost((1, 4, 5, 5), 5, 3, groups=2),
    "weight channels": lambda: cc.conv2d(np.ones((1, 6, 5, 5)), np.ones((9, 3, 3, 3)), groups=3),
    "kernel too large": lambda: cc.conv2d(ONES, np.ones((3, 2, 7, 7)), padding=0),
    "dilated too large": lambda: cc.conv2d(ONES, W, dilation=3),
    "reflect": lambda: cc.conv2d(ONES, W, padding=5, padding_mode="reflect"),
    "circular": lambda: cc.conv2d(ONES, W, padding=6, padding_mode="circular"),
    "bias": lambda: cc.conv2d(ONES, W, np.ones(4)),
    "x rank": lambda: cc.conv2d(np.ones((5, 5)), W),
    "x empty": lambda: cc.conv2d(np.ones((1, 2, 0, 5)), W),
    "w rank": lambda: cc.conv2d(ONES, np.ones((3, 3))),
    "w empty": lambda: cc.conv2d(ONES, np.ones((3, 2, 0, 3))),
    "strings": lambda: cc.conv2d(np.array([["a"]]), W),
    "grad shape": lambda: cc.conv2d_backward(np.ones((1, 3, 2, 2)), ONES, W),
    "T padding word": lambda: cc.conv_transpose2d(ONES, np.ones((2, 1, 3, 3)), padding="same"),
    "T weight": lambda: cc.conv_transpose2d(ONES, np.ones((3, 1, 3, 3))),
    "T groups": lambda: cc.conv_transpose2d(ONES, np.ones((2, 1, 3, 3)), groups=3),
    "T op": lambda: cc.conv_transpose2d(ONES, np.ones((2, 1, 3, 3)), stride=2, output_padding=2),
    "T too small": lambda: cc.conv_transpose2d(
        np.ones((1, 1, 1, 1)), np.ones((1, 1, 4, 4)), padding=2
    ),  # fmt: skip
    "T grad": lambda: cc.conv_transpose2d_backward(ONES, ONES, np.ones((2, 1, 3, 3))),
    "T mode": lambda: cc.conv_cost((1, 2, 5, 5), 2, 3, kind="transposed", padding_mode="reflect"),
    "cost kind": lambda: cc.conv_cost((1, 2, 5, 5), 2, 3, kind="depthwise"),
    "cost multiplier": lambda: cc.conv_cost(
        (1, 2, 5, 5), 2, 3, kind="separable", depth_multiplier=0
    ),  # fmt: skip
    "output_size same T": lambda: cc.output_size(2, 2, padding="same", transposed=True),
    "sep dw": lambda: cc.separable_conv2d(ONES, np.ones((2, 2, 3, 3)), np.ones((4, 2, 1, 1))),
    "sep pw": lambda: cc.separable_conv2d(ONES, np.ones((2, 1, 3, 3)), np.ones((4, 2, 3, 3))),
    "sep multiple": lambda: cc.separable_conv2d(ONES, np.ones((3, 1, 3, 3)), np.ones((4, 3, 1, 1))),
    "sep pw channels": lambda: cc.separable_conv2d(
        ONES, np.ones((4, 1, 3, 3)), np.ones((4, 2, 1, 1))
    ),  # fmt: skip
    "preset": lambda: cc.kernel("blur"),
    "preset size": lambda: cc.kernel("gaussian", 0),
    "start": lambda: list(cc.forward_steps(ONES, W, start=27)),
    "stop before start": lambda: list(cc.forward_steps(ONES, W, start=5, stop=3)),
    "layer": lambda: Layer(3, 0),
    "pool layer padding": lambda: Layer(2, 2, 2, pool=True),
    "ceil on a conv layer": lambda: Layer(3, ceil_mode=True),
    "layer too large": lambda: map_sizes([Layer(7)], 3),
    "rf transposed": lambda: receptive_field([Layer(3, 2, 1, transposed=True)]),
    "map sizes": lambda: interval([Layer(3)], [5], 0, 0),
    "position": lambda: paths([Layer(3)], [5, 3], 3),
    "kernel 0": lambda: cc.output_size(5, 0),
    "kernel mismatch": lambda: cc.check((1, 1, 5, 5), (1, 1, 3, 3), cc.Conv2dSpec.of(5)),
    "T mode spec": lambda: cc.check_transpose(
        (1, 1, 3, 3), (1, 1, 3, 3), cc.Conv2dSpec.of(3, padding_mode="reflect"), (0, 0)
    ),
    "pool kernel 0": lambda: cc.max_pool2d(ONES, 0),
    "pool stride 0": lambda: cc.max_pool2d(ONES, 2, stride=0),
    "pool dilation 0": lambda: cc.max_pool2d(ONES, 2, dilation=0),
    "pool padding": lambda: cc.max_pool2d(ONES, 3, padding=2),
    "pool too large": lambda: cc.max_pool2d(ONES, 7),
    "pool padding only": lambda: cc.max_pool2d(np.ones((1, 1, 1, 1)), 2, padding=1, dilation=2),
    "pool divisor": lambda: cc.avg_pool2d(ONES, 2, divisor_override=0),
    "pool rank": lambda: cc.max_pool2d(np.ones((5, 5)), 2),
    "pool empty": lambda: cc.max_pool2d(np.ones((1, 0, 5)), 2),
    "pool op": lambda: cc.pool_steps(ONES, "min", 2),
    "logits rank": lambda: cc.softmax_cross_entropy(np.ones((1, 2, 3)), np.array([0])),
    "target floats": lambda: cc.softmax_cross_entropy(np.ones((2, 3)), np.array([0.0, 1.0])),
    "target = classes": lambda: cc.softmax_cross_entropy(np.ones((2, 3)), np.array([0, 3])),
    "linear weight rank": lambda: cc.linear(np.ones(3), np.ones(3)),
    "linear in_features": lambda: cc.linear(np.ones((2, 3)), np.ones((4, 5))),
    "learn image rank": lambda: cc.learn_kernel(np.ones((1, 5, 5))),
    "learn init": lambda: cc.learn_kernel(cc.noise_image(8), init="ones"),
    "learn lr": lambda: cc.learn_kernel(cc.noise_image(8), lr=0),
    "learn iterations": lambda: cc.learn_kernel(cc.noise_image(8), iterations=-1),
    "erf no layers": lambda: cc.effective_field([], 9),
    "erf weights": lambda: cc.effective_field([(3, 1, 0, 1)], 9, weights="ones"),
    "erf seeds": lambda: cc.effective_field([(3, 1, 0, 1)], 9, seeds=0),
    # 1x1 layers: the centre reads one input, -2.3 in seed 0's noise, so its ReLU is off
    "erf all off": lambda: cc.effective_field([(1, 1, 0, 1)] * 2, 5, relu_between=True),
    "matrix too large": lambda: cc.conv2d_matrix((1, 2, 64, 64), W),
    "signal rank": lambda: cc.signals.convolve1d(np.ones((2, 2)), np.ones(3)),
    "uneven taus": lambda: cc.signals.flip_slide(np.sin, np.cos, 0.0, np.array([0.0, 1.0, 3.0])),
}


def _numbers(value):
    """Every int/float/str leaf of a params value."""
    if isinstance(value, (list, tuple)):
        for v in value:
            yield from _numbers(v)
    else:
        yield value


@pytest.mark.parametrize("call", BAD_CALLS.values(), ids=BAD_CALLS.keys())
def test_each_refusal_has_a_code_and_its_params_are_the_sentences_numbers(call):
    with pytest.raises(cc.ConvError) as info:
        call()
    e = info.value
    assert re.fullmatch(r"[a-z][a-z0-9_]*", e.code) and e.code != "invalid"
    assert json.loads(json.dumps(e.params)) == e.params  # JSON-ready, lists not tuples
    for v in _numbers(list(e.params.values())):
        assert str(v) in str(e), (e.code, v, str(e))


def test_every_code_in_the_engine_is_reached_by_some_bad_call():
    written = set()
    for path in ENGINE.glob("*.py"):
        written |= set(re.findall(r'code="([a-z0-9_]+)"', path.read_text()))
    reached = set()
    for call in BAD_CALLS.values():
        try:
            call()
        except cc.ConvError as e:
            reached.add(e.code)
    assert reached == written


def test_groups_suggestions_divide_both_channel_counts():
    for C_in, C_out, g in [(4, 5, 2), (4, 6, 4), (4, 6, 3), (6, 9, 4)]:
        with pytest.raises(cc.ConvError) as info:
            cc.conv_cost((1, C_in, 5, 5), C_out, 3, groups=g)
        assert info.value.code == "groups_not_divisor"
        for choice in info.value.params["choices"]:
            cc.conv_cost((1, C_in, 5, 5), C_out, 3, groups=choice)
            cc.conv2d(np.ones((1, C_in, 5, 5)), np.ones((C_out, C_in // choice, 3, 3)),
                      groups=choice)  # fmt: skip
    with pytest.raises(cc.ConvError, match=r"choose groups from 1$"):
        cc.conv_cost((1, 4, 5, 5), 5, 3, groups=2)


# ---- every suggested value is accepted when tried (property over random configurations)


@st.composite
def plans(draw):
    """A layer as a form would send it; often invalid in one or two ways."""
    ax = st.integers(-1, 7)
    t = draw(st.booleans())
    return {
        "transposed": t,
        "size": (draw(st.integers(1, 8)), draw(st.integers(1, 8))),
        "C_in": draw(st.integers(1, 8)),
        "C_out": draw(st.integers(1, 8)),
        "kernel": (draw(st.integers(0, 7)), draw(st.integers(0, 7))),
        "stride": (draw(ax), draw(ax)),
        "padding": draw(st.one_of(st.tuples(ax, ax), st.sampled_from(["same", "valid", "full"]))),
        "dilation": (draw(st.integers(0, 3)), draw(st.integers(0, 3))),
        "groups": draw(st.integers(0, 6)),
        "mode": draw(st.sampled_from(["zeros", "reflect", "circular", "replicate", "edge"])),
        "op": (draw(st.integers(-1, 3)), draw(st.integers(-1, 3))),
    }


def attempt(plan):
    """conv_cost on the plan (the checks every function shares); the ConvError or None."""
    try:
        cc.conv_cost(
            (1, plan["C_in"], *plan["size"]),
            plan["C_out"],
            plan["kernel"],
            plan["stride"],
            plan["padding"],
            plan["dilation"],
            plan["groups"],
            kind="transposed" if plan["transposed"] else "standard",
            output_padding=plan["op"],
            padding_mode=plan["mode"],
        )
    except cc.ConvError as e:
        return e
    return None


def _with(plan, key, value, axis=None):
    new = dict(plan)
    if axis is None:
        new[key] = value
        return new
    old = new[key]
    old = (0, 0) if old == "valid" else old
    if isinstance(old, str):  # 'same' or a bad word: a number now
        old = (0, 0)
    i = ("height", "width").index(axis)
    new[key] = tuple(value if j == i else old[j] for j in range(2))
    return new


def suggestions(plan, e):
    """The plans that try each value the error suggests (empty if it suggests none)."""
    p, axis = e.params, e.params.get("axis")
    table = {
        "groups_not_divisor": lambda: [_with(plan, "groups", c) for c in p["choices"]],
        "padding_mode_unknown": lambda: [_with(plan, "mode", c) for c in p["choices"]],
        "transposed_padding_mode": lambda: [_with(plan, "mode", "zeros")],
        "padding_word_unknown": lambda: [_with(plan, "padding", c) for c in p["choices"]],
        "same_padding_strided": lambda: [_with(plan, "stride", (1, 1)),
                                         _with(plan, "padding", tuple(p["padding"]))],
        "output_padding_out_of_range": lambda: [_with(plan, "op", c, axis) for c in p["choices"]],
        "transposed_output_too_small": lambda: [_with(plan, "padding", c, axis)
                                                for c in range(p["max_padding"] + 1)],
        "kernel_too_large": lambda: [_with(plan, "kernel", p["max_kernel"], axis)]
        + ([_with(plan, "padding", p["min_padding"], axis)] if "min_padding" in p else []),
        "reflect_padding_too_large": lambda: [_with(plan, "padding", p["max_padding"], axis)],
        "circular_padding_too_large": lambda: [_with(plan, "padding", p["max_padding"], axis)],
        "stride_too_small": lambda: [_with(plan, "stride", (1, 1))],
        "dilation_too_small": lambda: [_with(plan, "dilation", (1, 1))],
        "kernel_too_small": lambda: [_with(plan, "kernel", (1, 1))],
        "padding_negative": lambda: [_with(plan, "padding", (0, 0))],
        "groups_too_small": lambda: [_with(plan, "groups", 1)],
    }  # fmt: skip
    return table.get(e.code, list)()


@settings(max_examples=400, deadline=None)
@given(plan=plans())
def test_every_suggested_value_is_accepted_when_tried(plan):
    """Trying a suggestion cures that mistake; following them never comes back round."""
    seen = []
    for _ in range(12):
        e = attempt(plan)
        if e is None:
            return
        assert (e.code, e.params.get("axis")) not in seen, (seen, str(e))
        seen.append((e.code, e.params.get("axis")))
        tries = suggestions(plan, e)
        for tried in tries:
            again = attempt(tried)
            same = again is not None and again.code == e.code
            assert not (same and again.params.get("axis") == e.params.get("axis")), (
                str(e), tried, str(again))  # fmt: skip
        if not tries:
            return
        plan = tries[0]
    raise AssertionError(f"suggestions went round: {seen}")
