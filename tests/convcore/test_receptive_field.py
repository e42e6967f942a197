"""Receptive fields: the Distill formulas, the spec's table and the true gradient support."""

from __future__ import annotations

import numpy as np
import pytest

import convcore
from convcore.receptive_field import Layer, interval, intervals, map_sizes, paths, receptive_field

STACKS = [  # (layers as (k, s, p, d), r0, S0, P0), spec section 6, checked there against torch
    ([(3, 1, 1, 1)] * 2 + [(2, 2, 0, 1)] + [(3, 1, 1, 1)] * 2 + [(2, 2, 0, 1)], 16, 4, 6),
    ([(3, 1, 1, 1), (3, 1, 2, 2), (3, 1, 4, 4)], 15, 1, 7),
    ([(11, 4, 0, 1), (3, 2, 0, 1), (5, 1, 2, 1), (3, 2, 0, 1)], 67, 16, 16),
    ([(5, 2, 2, 1), (3, 2, 1, 1), (3, 1, 0, 2)], 25, 4, 4),
]


def support(layers, n, y):
    """Input pixels whose gradient reaches output y: backprop a one-hot through the stack."""
    maps = [np.ones((1, 1, 1, n))]
    for layer in layers:
        w = np.ones((1, 1, 1, layer.k))
        fn = convcore.conv_transpose2d if layer.transposed else convcore.conv2d
        maps.append(fn(maps[-1], w, stride=(1, layer.s), padding=(0, layer.p),
                       dilation=(1, layer.d)))  # fmt: skip
    g = np.zeros_like(maps[-1])
    g[..., y] = 1.0
    for layer, x in zip(reversed(layers), reversed(maps[:-1]), strict=True):
        w = np.ones((1, 1, 1, layer.k))
        kw = {"stride": (1, layer.s), "padding": (0, layer.p), "dilation": (1, layer.d)}
        if layer.transposed:
            op = g.shape[-1] - ((x.shape[-1] - 1) * layer.s - 2 * layer.p
                                + layer.d * (layer.k - 1) + 1)  # fmt: skip
            g = convcore.conv_transpose2d_backward(g, x, w, output_padding=(0, op), **kw)[0]
        else:
            g = convcore.conv2d_backward(g, x, w, **kw)[0]
    return np.flatnonzero(g[0, 0, 0]), [m.shape[-1] for m in maps]


@pytest.mark.parametrize("stack, r0, S0, P0", STACKS)
def test_closed_form_matches_the_spec_table_and_the_gradient_support(stack, r0, S0, P0):
    layers = [Layer(*t) for t in stack]
    rf = receptive_field(layers)
    assert (rf.size, rf.stride, rf.padding) == (r0, S0, P0)
    n = 96
    for y in range(3):
        hit, sizes = support(layers, n, y)
        u, v = rf.region(y)
        assert (hit.min(), hit.max()) == (max(u, 0), min(v, n - 1))
        assert interval(layers, sizes, y, y) == (max(u, 0), min(v, n - 1))
        assert rf.center(y) == (u + v) / 2


@pytest.mark.parametrize(
    "dilations, hull, connected",
    [((2,), 5, 3), ((2, 2), 9, 5), ((2, 4), 13, 7), ((1, 2, 4), 15, 15)],
)
def test_dilated_stacks_have_holes_inside_their_hull(dilations, hull, connected):
    layers = [Layer(3, 1, 0, d) for d in dilations]
    assert receptive_field(layers).size == hull
    hit, _ = support(layers, 40, 0)
    assert hit.max() - hit.min() + 1 == hull and len(hit) == connected


def test_transposed_receptive_field_depends_on_the_position():
    layers = [Layer(3, 2, 1, transposed=True)]
    sizes = [5, (5 - 1) * 2 - 2 + 2 + 1]
    spans = [interval(layers, sizes, o, o) for o in range(1, sizes[1] - 1)]
    widths = [b - a + 1 for a, b in spans]
    assert set(widths) == {1, 2} and widths[0] != widths[1]
    for o, (a, b) in enumerate(spans, start=1):
        hit, _ = support(layers, 5, o)
        assert (hit.min(), hit.max()) == (a, b)
        reached = np.flatnonzero(paths(layers, sizes, o))
        assert (reached.min(), reached.max()) == (a, b)
    with pytest.raises(convcore.ConvError, match="depends on the output position"):
        receptive_field(layers)


def test_recurrence_equals_closed_form(rng):
    for _ in range(50):
        depth = int(rng.integers(1, 6))
        k, s, d = rng.integers(1, 6, depth), rng.integers(1, 4, depth), rng.integers(1, 3, depth)
        layers = [Layer(int(a), int(b), 0, int(c)) for a, b, c in zip(k, s, d, strict=True)]
        r = 1
        for layer in reversed(layers):  # r_{l-1} = s_l r_l + (k_eff - s_l)
            r = layer.s * r + (layer.d * (layer.k - 1) + 1 - layer.s)
        assert receptive_field(layers).size == r


def test_bad_layers_are_refused():
    with pytest.raises(convcore.ConvError, match="stride"):
        Layer(3, 0)
    with pytest.raises(convcore.ConvError, match="one size per feature map"):
        interval([Layer(3)], [5], 0, 0)


@pytest.mark.parametrize("k, n", [(3, 1), (3, 5), (2, 4), (5, 3)])
def test_paths_of_a_uniform_stack_are_the_n_fold_box_convolution(k, n):
    """n stride-1 all-ones layers: the counts are the coefficients of (1 + z + ... + z^(k-1))^n."""
    expected = np.ones(1)
    for _ in range(n):
        expected = np.convolve(expected, np.ones(k))
    size = 40
    layers = [Layer(k)] * n
    sizes = [size - i * (k - 1) for i in range(n + 1)]
    counts = paths(layers, sizes, 0)
    assert counts[: len(expected)].tolist() == expected.astype(int).tolist()
    assert not counts[len(expected) :].any()


def test_visible_is_none_when_every_tap_falls_in_padding():
    """The public case: k2 s1 p1 d2 on one pixel reads padded 0 and 2, never the pixel."""
    layers = [Layer(2, 1, 1, 2)]
    sizes = map_sizes(layers, 1)
    assert sizes == [1, 1]
    assert interval(layers, sizes, 0, 0) is None
    assert not paths(layers, sizes, 0).any()


def test_intervals_are_the_first_and_last_position_a_path_reaches(rng):
    """On random stacks (conv and transposed), every map's interval is the path-count support."""
    checked = 0
    while checked < 60:
        depth = int(rng.integers(1, 4))
        layers = [Layer(int(rng.integers(1, 5)), int(rng.integers(1, 4)), int(rng.integers(0, 4)),
                        int(rng.integers(1, 4)), bool(rng.random() < 0.3))
                  for _ in range(depth)]  # fmt: skip
        n = int(rng.integers(1, 12))
        try:
            sizes = map_sizes(layers, n)
        except convcore.ConvError:
            continue
        y = int(rng.integers(0, sizes[-1]))
        per_map = intervals(layers, sizes, y, y)
        for i in range(len(layers) + 1):  # map i: paths from y down to map i
            reach = np.flatnonzero(paths(layers[i:], sizes[i:], y)) if i < len(layers) else [y]
            expected = (int(reach[0]), int(reach[-1])) if len(reach) else None
            assert per_map[i] == expected, (layers, sizes, y, i)
        assert interval(layers, sizes, y, y) == per_map[0]
        checked += 1
