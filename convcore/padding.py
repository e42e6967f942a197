"""Padding modes (torch's names) and their adjoint, which folds gradients back onto pixels."""

from __future__ import annotations

from typing import Any

import numpy as np

from .spec import Pair

# torch name -> numpy.pad mode; numpy's 'reflect' does not repeat the edge, like torch's.
NP_MODE = {"zeros": "constant", "reflect": "reflect", "replicate": "edge", "circular": "wrap"}


def pad(x: np.ndarray, padding: tuple[Pair, Pair], mode: str) -> np.ndarray:
    """x: (N, C, H, W) -> (N, C, H + top + bottom, W + left + right)."""
    if padding == ((0, 0), (0, 0)):
        return x
    return np.pad(x, ((0, 0), (0, 0), *padding), mode=NP_MODE[mode])  # type: ignore[call-overload]


def sources(n: int, p: Pair, mode: str) -> np.ndarray:
    """For each of the n + p_lo + p_hi padded positions, the input index it copies, or -1.

    Padding an index ramp with numpy.pad itself keeps this map in step with `pad`.
    """
    if mode == "zeros":
        return np.pad(np.arange(n), p, mode="constant", constant_values=-1)
    return np.pad(np.arange(n), p, mode=NP_MODE[mode])  # type: ignore[call-overload]


def unpad(dxp: np.ndarray, size: Pair, padding: tuple[Pair, Pair], mode: str) -> np.ndarray:
    """Adjoint of `pad`: dxp (N, C, Hp, Wp) -> dx (N, C, H, W).

    A padded cell is a copy of a real pixel, so its gradient is added back to that pixel.
    """
    (top, bottom), (left, right) = padding
    H, W = size
    if mode == "zeros":
        return dxp[:, :, top : top + H, left : left + W]
    for axis, n, p in ((2, H, padding[0]), (3, W, padding[1])):
        src = sources(n, p, mode)
        folded = np.zeros(dxp.shape[:axis] + (n,) + dxp.shape[axis + 1 :], dxp.dtype)
        index: list[Any] = [slice(None)] * dxp.ndim
        index[axis] = src
        np.add.at(folded, tuple(index), dxp)
        dxp = folded
    return dxp
