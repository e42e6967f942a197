"""Pooling one window at a time: the step trace the explorer animates (window -> max or mean).

Rows and cols come from geometry.taps, windows from windows() over the same padded input the
fast path reads, and every value, chosen index and divisor is the fast path's own.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from .errors import ConvError
from .geometry import taps
from .pooling import Pool2dSpec, _avg, _divisor, _inputs, _max, padded
from .spec import Pair
from .trace import step_range
from .windows import windows

OPS = ("max", "avg")


@dataclass(frozen=True, slots=True)
class PoolStep:
    """Output element y[n, c, oh, ow] and the window it pooled.

    rows (kH,) and cols (kW,) are padded-input indices; inside (kH, kW) is True where the tap
    reads the input (not padding). window (kH, kW) holds the values read (-inf in max
    pooling's padding, 0 in avg's). For max: chosen = (i, j) tap and index = torch's flat
    h*W + w; for avg: total of the window and divisor, value = total / divisor.
    """

    index: int
    out: tuple[int, int, int, int]
    rows: np.ndarray
    cols: np.ndarray
    inside: np.ndarray
    window: np.ndarray
    value: float
    chosen: tuple[int, int] | None = None
    chosen_index: int | None = None
    total: float | None = None
    divisor: float | None = None


def pool_steps(
    x: np.ndarray,
    op: str,
    kernel_size: int | Pair,
    stride: int | Pair | None = None,
    padding: int | Pair = 0,
    dilation: int | Pair = 1,
    ceil_mode: bool = False,
    count_include_pad: bool = True,
    divisor_override: int | None = None,
    start: int = 0,
    stop: int | None = None,
) -> Iterator[PoolStep]:
    """Yield PoolStep start..stop-1 of max_pool2d (op='max') or avg_pool2d (op='avg').

    x: (N, C, H, W) or (C, H, W); steps run in (n, c, oh, ow) order. dilation is max only.
    Validates eagerly (raises ConvError on the call, not on the first next()).
    """
    if op not in OPS:
        raise ConvError(
            f"pooling must be 'max' or 'avg', got {op!r}", code="pool_op", params={"op": op}
        )
    if op == "avg" and dilation not in (1, (1, 1)):
        raise ConvError(
            f"average pooling has no dilation (as in PyTorch), got {dilation}; use dilation 1",
            code="pool_dilation",
            params={"dilation": str(dilation)},
        )
    x, _, spec = _inputs(x, kernel_size, stride, padding, dilation, ceil_mode)
    total = x.shape[0] * x.shape[1] * spec.out[0] * spec.out[1]
    if op == "max":
        return _max_steps(x, spec, *step_range(start, stop, total))
    divisor = _divisor(spec, count_include_pad, divisor_override)
    return _avg_steps(x, spec, divisor, *step_range(start, stop, total))


def _geometry(spec: Pool2dSpec, oh: int, ow: int):
    (kH, kW), (s_h, s_w), (d_h, d_w) = spec.kernel, spec.stride, spec.dilation
    rows, cols = taps(oh, kH, s_h, d_h), taps(ow, kW, s_w, d_w)
    (ph, pw), (H, W) = spec.padding, spec.size
    inside = ((rows >= ph) & (rows < ph + H))[:, None] & ((cols >= pw) & (cols < pw + W))[None]
    return rows, cols, inside


def _max_steps(x, spec: Pool2dSpec, start: int, stop: int) -> Iterator[PoolStep]:
    y, index = _max(x, spec)
    win = windows(padded(x, spec, -np.inf), spec.kernel, spec.stride, spec.dilation)
    W = spec.size[1]
    for k in range(start, stop):
        n, c, oh, ow = (int(i) for i in np.unravel_index(k, y.shape))
        rows, cols, inside = _geometry(spec, oh, ow)
        flat = int(index[n, c, oh, ow])
        # The chosen tap: the one whose input cell is torch's flat index h*W + w.
        i = int(np.nonzero(rows - spec.padding[0] == flat // W)[0][0])
        j = int(np.nonzero(cols - spec.padding[1] == flat % W)[0][0])
        yield PoolStep(k, (n, c, oh, ow), rows, cols, inside, win[n, c, oh, ow],
                       float(y[n, c, oh, ow]), (i, j), flat)  # fmt: skip


def _avg_steps(x, spec: Pool2dSpec, divisor, start: int, stop: int) -> Iterator[PoolStep]:
    y = _avg(x, spec, divisor)
    win = windows(padded(x, spec, 0.0), spec.kernel, spec.stride, spec.dilation)
    for k in range(start, stop):
        n, c, oh, ow = (int(i) for i in np.unravel_index(k, y.shape))
        rows, cols, inside = _geometry(spec, oh, ow)
        window = win[n, c, oh, ow]
        yield PoolStep(k, (n, c, oh, ow), rows, cols, inside, window, float(y[n, c, oh, ow]),
                       total=float(window.sum()), divisor=float(divisor[oh, ow]))  # fmt: skip
