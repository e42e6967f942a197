"""Receptive fields of stacked conv layers (Araujo, Norris & Sim, Distill 2019).

Layers are listed from the input up. Each recurrence is one line; `region` answers the user's
question: which input pixels can output index y see?
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .backward import conv2d_backward
from .errors import ConvError
from .geometry import out_size, span, taps, transpose_out_size
from .pooling import pool_out_size
from .transposed import conv_transpose2d_backward


@dataclass(frozen=True)
class Layer:
    """One layer along one axis: kernel k, stride s, left/top padding p, dilation d.

    transposed: a conv_transpose2d layer; pool: a pooling window (max or avg read the same
    inputs, so the field is a conv's), whose ceil_mode may add one output (pool_out_size).
    """

    k: int
    s: int = 1
    p: int = 0
    d: int = 1
    transposed: bool = False
    pool: bool = False
    ceil_mode: bool = False

    def __post_init__(self) -> None:
        if min(self.k, self.s, self.d) < 1 or self.p < 0:
            raise ConvError(
                f"a layer needs kernel, stride, dilation >= 1 and padding >= 0, "
                f"got k={self.k}, s={self.s}, p={self.p}, d={self.d}",
                code="layer_invalid",
                params={"k": self.k, "s": self.s, "p": self.p, "d": self.d},
            )
        if self.pool and self.p > self.k // 2:  # torch's pool2d_shape_check
            raise ConvError(
                f"pooling padding {self.p} must be at most half the kernel "
                f"({self.k} // 2 = {self.k // 2}), as in PyTorch",
                code="layer_pool_padding",
                params={"padding": self.p, "kernel": self.k, "max": self.k // 2},
            )
        if (self.ceil_mode and not self.pool) or (self.pool and self.transposed):
            raise ConvError(
                "ceil_mode belongs to pooling layers, and a pooling layer is not transposed",
                code="layer_kind",
                params={},
            )

    @property
    def kind(self) -> str:
        return "pool" if self.pool else "convT" if self.transposed else "conv"

    def out_size(self, n: int) -> int:
        """This layer's output length for an input of length n (may be < 1)."""
        if self.transposed:
            return transpose_out_size(n, self.k, self.s, self.p, self.d, 0)
        if self.pool:
            return pool_out_size(n, self.k, self.s, self.p, self.d, self.ceil_mode)
        return out_size(n, self.k, self.s, (self.p, self.p), self.d)


@dataclass(frozen=True)
class ReceptiveField:
    """size r0, effective stride S0 and effective padding P0 of the top layer's units."""

    size: int
    stride: int
    padding: int

    def region(self, y: int) -> tuple[int, int]:
        """Input interval [u, v] seen by output y (may reach into padding: clip to display)."""
        u = y * self.stride - self.padding
        return u, u + self.size - 1

    def center(self, y: int) -> float:
        return y * self.stride - self.padding + (self.size - 1) / 2


def receptive_field(layers: list[Layer]) -> ReceptiveField:
    """r0 = sum (k_l - 1) prod_{i<l} s_i + 1; S0 = prod s_l; P0 = sum p_l prod_{i<l} s_i.

    Dilation enters as the effective kernel d(k-1)+1. Transposed layers have no single
    receptive field (it depends on the position): use `interval` for them.
    """
    size, stride, padding = 1, 1, 0
    for layer in layers:
        if layer.transposed:
            raise ConvError(
                "a transposed layer's receptive field depends on the output position; "
                "use interval() for stacks with transposed layers",
                code="receptive_field_transposed",
            )
        size += (span(layer.k, layer.d) - 1) * stride
        padding += layer.p * stride
        stride *= layer.s
    return ReceptiveField(size, stride, padding)


def map_sizes(layers: list[Layer], n: int) -> list[int]:
    """Length of every feature map from the input (n) up; a layer that no longer fits raises."""
    sizes = [n]
    for i, la in enumerate(layers, start=1):
        m = la.out_size(sizes[-1])
        if m < 1:
            raise ConvError(
                f"layer {i} (kernel {la.k}, dilation {la.d}) is larger than its "
                f"padded input {sizes[-1] + 2 * la.p}: the stack ends before it",
                code="layer_too_large",
                params={
                    "layer": i,
                    "kernel": la.k,
                    "dilation": la.d,
                    "padded": sizes[-1] + 2 * la.p,
                },
            )
        sizes.append(m)
    return sizes


def interval(layers: list[Layer], sizes: list[int], a: int, b: int) -> tuple[int, int] | None:
    """First and last input position that a path reaches from outputs [a, b] of the top layer.

    sizes: the length of each feature map from the input up (len(layers) + 1 entries).
    Exact, holes included: a position counts only if some tap actually reads it, so a dilated
    or strided stack whose taps all fall in padding reaches nothing. Returns None then.
    """
    return intervals(layers, sizes, a, b)[0]


def intervals(
    layers: list[Layer], sizes: list[int], a: int, b: int
) -> list[tuple[int, int] | None]:
    """`interval` on every feature map, from the input up to the top ([a, b] clipped there)."""
    _check_sizes(layers, sizes)
    reached = [np.zeros(sizes[-1], bool)]
    reached[0][max(a, 0) : max(min(b, sizes[-1] - 1) + 1, 0)] = True
    for layer, n in zip(reversed(layers), reversed(sizes[:-1]), strict=True):
        reached.insert(0, _reached_below(layer, reached[0], n))
    return [_ends(r) for r in reached]


def _reached_below(layer: Layer, above: np.ndarray, n: int) -> np.ndarray:
    """(n,) True at input positions that feed some True output in above (m,).

    Output o of a conv reads input taps(o) - p; input i of a transposed conv writes output
    taps(i) - p: the same index function as the engine, read in the other direction.
    """
    below = np.zeros(n, bool)
    if layer.transposed:
        to = taps(np.arange(n), layer.k, layer.s, layer.d) - layer.p  # (n, k) outputs written
        hit = (to >= 0) & (to < above.size)
        below[:] = (hit & above[np.where(hit, to, 0)]).any(axis=1)
    else:
        rows = taps(np.flatnonzero(above), layer.k, layer.s, layer.d) - layer.p  # (m', k)
        below[rows[(rows >= 0) & (rows < n)]] = True
    return below


def _ends(mask: np.ndarray) -> tuple[int, int] | None:
    hit = np.flatnonzero(mask)
    return (int(hit[0]), int(hit[-1])) if hit.size else None


def _check_sizes(layers: list[Layer], sizes: list[int]) -> None:
    if len(sizes) != len(layers) + 1:
        raise ConvError(
            f"give one size per feature map: {len(layers) + 1}, got {len(sizes)}",
            code="map_sizes_count",
            params={"expected": len(layers) + 1, "got": len(sizes)},
        )


def paths(layers: list[Layer], sizes: list[int], y: int) -> np.ndarray:
    """How many paths join each input pixel to output y when every weight is 1: (sizes[0],).

    It is dy/dx of that all-ones stack, computed with the engine's own backward: zero outside
    the receptive field and in the holes a dilated stack leaves, and peaked in the middle: the
    effective receptive field (Luo et al. 2016) of a uniform linear network.
    """
    _check_sizes(layers, sizes)
    if not 0 <= y < sizes[-1]:
        raise ConvError(
            f"the output position {y} must be from 0 to {sizes[-1] - 1}",
            code="position_out_of_range",
            params={"y": y, "last": sizes[-1] - 1},
        )
    g = np.zeros((1, 1, 1, sizes[-1]))
    g[..., y] = 1.0
    for layer, n in zip(reversed(layers), reversed(sizes[:-1]), strict=True):
        x, w = np.zeros((1, 1, 1, n)), np.ones((1, 1, 1, layer.k))
        s, p, d = (1, layer.s), (0, layer.p), (1, layer.d)
        if layer.transposed:
            op = g.shape[-1] - transpose_out_size(n, layer.k, layer.s, layer.p, layer.d, 0)
            g = conv_transpose2d_backward(g, x, w, s, p, (0, op), 1, d)[0]
        else:  # ceil_mode's last window reads past the padding: zeros there, then dropped
            extra = g.shape[-1] - out_size(n, layer.k, layer.s, (layer.p, layer.p), layer.d)
            x = np.zeros((1, 1, 1, n + extra))
            g = conv2d_backward(g, x, w, s, p, d)[0][..., :n]
    return np.rint(g[0, 0, 0]).astype(np.int64)
