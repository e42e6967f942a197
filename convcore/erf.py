"""Effective receptive field (Luo, Li, Urtasun & Zemel, NeurIPS 2016): |dy_center / dx|.

Seed dL/dy = 1 at the centre unit of the top map ((H_out - 1) // 2 per axis) and 0
elsewhere, backpropagate with conv2d_backward (and relu_backward), and take |dx| summed over
input channels, averaged over `seeds` draws, normalised to sum 1. With all-ones weights and
no ReLU this is the path count, an n-fold box convolution: for n stride-1 k x k layers its
per-axis variance is n (k^2 - 1) / 12 (a box of width k has variance (k^2 - 1) / 12, and
variances add), so its width grows like sqrt(n) while the theoretical field grows like n.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .backward import conv2d_backward
from .conv import conv2d
from .errors import ConvError
from .layers import relu, relu_backward

WEIGHTS = ("uniform", "random")


@dataclass(frozen=True)
class EffectiveField:
    """erf: (size, size) map summing to 1; mean and std: (rows, cols) of its marginals."""

    erf: np.ndarray
    mean: tuple[float, float]
    std: tuple[float, float]
    center: tuple[int, int]  # the top map's unit whose gradient this is
    out_size: tuple[int, int]  # the top map's (H_out, W_out)


def effective_field(
    layers: Sequence[tuple[int, int, int, int]],
    size: int,
    weights: str = "uniform",
    relu_between: bool = False,
    seeds: int = 1,
    channels: int = 4,
) -> EffectiveField:
    """ERF of a stack of square conv layers (k, s, p, d), input first, on a size x size input.

    Args:
      weights: 'uniform' (1 channel, all ones: path counts) or 'random' (`channels` wide,
        He-normal N(0, 2 / fan_in) weights, seeds 0..seeds-1, the last layer 1 channel).
      relu_between: a ReLU after every layer but the last; the input is then N(0, 1) noise
        from the same seed, so the ReLU masks differ between draws.
    Raises ConvError (erf_layers, erf_weights, erf_seeds, erf_zero, or conv2d's own).
    """
    _check(layers, weights, seeds, channels)
    total = np.zeros((size, size))
    center, out = (0, 0), (0, 0)
    for seed in range(seeds if weights == "random" else 1):
        grad, center, out = _gradient(layers, size, weights, relu_between, seed, channels)
        total += np.abs(grad).sum(axis=0)  # (size, size), summed over input channels
    if not total.sum() > 0:
        raise ConvError(
            f"every path to the centre unit is switched off by ReLU in these {seeds} draws of "
            f"{channels} channels; use more seeds or more channels",
            code="erf_zero",
            params={"seeds": seeds, "channels": channels},
        )
    erf = total / total.sum()
    axes = np.arange(size)
    mean, std = [], []
    for marginal in (erf.sum(axis=1), erf.sum(axis=0)):
        m = float(marginal @ axes)
        mean.append(m)
        std.append(float(np.sqrt(marginal @ (axes - m) ** 2)))
    return EffectiveField(erf, (mean[0], mean[1]), (std[0], std[1]), center, out)


def _gradient(layers, size, weights, relu_between, seed, channels):
    """d y[0, 0, center] / dx for one draw: (C_in, size, size), plus the centre and map size."""
    rng = np.random.default_rng(seed)
    wide = 1 if weights == "uniform" else channels
    ws = []
    for i, (k, *_) in enumerate(layers):
        c_in, c_out = (1 if i == 0 else wide), (1 if i == len(layers) - 1 else wide)
        he = np.sqrt(2 / (c_in * k * k))  # He et al. 2015: keeps the signal's variance per layer
        shape = (c_out, c_in, k, k)
        ws.append(np.ones(shape) if weights == "uniform" else rng.standard_normal(shape) * he)
    a = rng.standard_normal((1, 1, size, size)) if relu_between else np.zeros((1, 1, size, size))
    inputs, pre = [], []
    for i, ((_, s, p, d), w) in enumerate(zip(layers, ws, strict=True)):
        inputs.append(a)
        z = conv2d(a, w, stride=s, padding=p, dilation=d)  # (1, C, H_l, W_l)
        pre.append(z)
        a = relu(z) if relu_between and i < len(layers) - 1 else z
    H_out, W_out = a.shape[-2:]
    center = ((H_out - 1) // 2, (W_out - 1) // 2)
    g = np.zeros_like(a)
    g[0, 0, center[0], center[1]] = 1.0
    for i in range(len(layers) - 1, -1, -1):
        if relu_between and i < len(layers) - 1:
            g = relu_backward(g, pre[i])
        _, s, p, d = layers[i]
        g = conv2d_backward(g, inputs[i], ws[i], stride=s, padding=p, dilation=d)[0]
    return g[0], center, (H_out, W_out)


def _check(layers, weights: str, seeds: int, channels: int) -> None:
    if not layers or any(len(la) != 4 for la in layers):
        raise ConvError(
            f"give at least one layer, each as (kernel, stride, padding, dilation); got "
            f"{len(layers)} layers, not all of four numbers",
            code="erf_layers",
            params={"layers": len(layers)},
        )
    if weights not in WEIGHTS:
        raise ConvError(
            f"weights must be 'uniform' or 'random', got {weights!r}",
            code="erf_weights",
            params={"weights": weights},
        )
    if seeds < 1 or channels < 1:
        raise ConvError(
            f"seeds and channels must be at least 1, got {seeds} and {channels}",
            code="erf_seeds",
            params={"seeds": seeds, "channels": channels},
        )
