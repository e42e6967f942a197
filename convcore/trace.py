"""Step-by-step traces: the same math as the fast path, one sliding-window step at a time.

Every index comes from geometry.taps and every window from windows(); every output value is
the fast path's own, so a trace explains conv2d rather than recomputing it differently.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from . import lowering
from .arrays import conv_inputs, grad_inputs
from .conv import forward
from .errors import ConvError
from .geometry import ConvShape, taps
from .padding import pad
from .spec import Pair
from .windows import windows

CHUNK = 512  # steps computed together with array ops, then handed out one by one


@dataclass(frozen=True, slots=True)
class Step:
    """One output element y[n, f, oh, ow] and the dot product that made it.

    rows (kH,) and cols (kW,) are padded-input indices of the taps; row_pad/col_pad flag the
    ones that fall in padding. window, kernel, products: (C_g, kH, kW) over `channels`.
    """

    index: int
    out: tuple[int, int, int, int]
    channels: range
    rows: np.ndarray
    cols: np.ndarray
    row_pad: np.ndarray
    col_pad: np.ndarray
    window: np.ndarray
    kernel: np.ndarray
    products: np.ndarray
    partials: np.ndarray  # (C_g,) one sum per input channel
    bias: float
    value: float


@dataclass(frozen=True, slots=True)
class BackwardStep:
    """What output element (n, f, oh, ow) adds to each gradient, and the running totals.

    dw_add = dy * window and dx_add = dy * kernel, both (C_g, kH, kW); dx_add lands on the
    padded input at (channels, rows, cols). dw (C_g, kH, kW) is the running dW[f], dx the running
    dXp at the window, db the running db[f].
    """

    index: int
    out: tuple[int, int, int, int]
    channels: range
    rows: np.ndarray
    cols: np.ndarray
    grad: float
    dw_add: np.ndarray
    dx_add: np.ndarray
    dw: np.ndarray
    dx: np.ndarray
    db: float


def forward_steps(
    x: np.ndarray,
    weight: np.ndarray,
    bias: np.ndarray | None = None,
    stride: int | Pair = 1,
    padding: int | Pair | str = 0,
    dilation: int | Pair = 1,
    groups: int = 1,
    padding_mode: str = "zeros",
    start: int = 0,
    stop: int | None = None,
) -> Iterator[Step]:
    """Yield Step start..stop-1 of conv2d, in (n, f, oh, ow) order; args as conv2d.

    Validates eagerly (raises ConvError on the call, not on the first next()).
    """
    x, weight, bias, shape, _ = conv_inputs(
        x, weight, bias, stride, padding, dilation, groups, padding_mode
    )
    return _forward(x, weight, bias, shape, *step_range(start, stop, shape.steps))


def _forward(x, weight, bias, shape: ConvShape, start: int, stop: int) -> Iterator[Step]:
    spec = shape.spec
    (top, _), (left, _) = spec.padding
    (kH, kW), (s_h, s_w), (d_h, d_w) = spec.kernel, spec.stride, spec.dilation
    G, C_g, F_g = spec.groups, shape.C_in // spec.groups, shape.C_out // spec.groups
    H, W = shape.size
    y = forward(x, weight, bias, shape)
    win = windows(
        pad(x, spec.padding, spec.padding_mode), spec.kernel, spec.stride, spec.dilation
    )  # (N, C_in, H_out, W_out, kH, kW)
    b = np.zeros(shape.C_out) if bias is None else bias
    for a in range(start, stop, CHUNK):
        k = np.arange(a, min(a + CHUNK, stop))
        n, f, oh, ow = np.unravel_index(k, (shape.N, shape.C_out, *shape.out))
        g = f // F_g
        grouped = win[n, :, oh, ow].reshape(len(k), G, C_g, kH, kW)
        wins = grouped[np.arange(len(k)), g]  # (chunk, C_g, kH, kW)
        prods = wins * weight[f]
        partials = prods.sum(axis=(2, 3))  # (chunk, C_g)
        rows, cols = taps(oh, kH, s_h, d_h), taps(ow, kW, s_w, d_w)  # (chunk, kH), (chunk, kW)
        row_pad = (rows < top) | (rows >= top + H)
        col_pad = (cols < left) | (cols >= left + W)
        values = y[n, f, oh, ow]
        for t in range(len(k)):
            gt = int(g[t])
            yield Step(
                int(k[t]),
                (int(n[t]), int(f[t]), int(oh[t]), int(ow[t])),
                range(gt * C_g, gt * C_g + C_g),
                rows[t],
                cols[t],
                row_pad[t],
                col_pad[t],
                wins[t],
                weight[f[t]],
                prods[t],
                partials[t],
                float(b[f[t]]),
                float(values[t]),
            )


def backward_steps(
    grad_output: np.ndarray,
    x: np.ndarray,
    weight: np.ndarray,
    stride: int | Pair = 1,
    padding: int | Pair | str = 0,
    dilation: int | Pair = 1,
    groups: int = 1,
    padding_mode: str = "zeros",
    start: int = 0,
    stop: int | None = None,
) -> Iterator[BackwardStep]:
    """Yield how each output element's dy is accumulated into dW, dXp and db.

    After the last step (start=0, stop=None) the totals equal conv2d_backward: dW and db
    directly, dX once padding.unpad folds the padded cells back.
    """
    dy, x, weight, shape, _ = grad_inputs(
        grad_output, x, weight, stride, padding, dilation, groups, padding_mode
    )
    return _backward(dy, x, weight, shape, *step_range(start, stop, shape.steps))


def _backward(dy, x, weight, shape: ConvShape, start: int, stop: int) -> Iterator[BackwardStep]:
    spec = shape.spec
    (kH, kW), (s_h, s_w), (d_h, d_w) = spec.kernel, spec.stride, spec.dilation
    C_g, F_g = shape.C_in // spec.groups, shape.C_out // spec.groups
    win = windows(pad(x, spec.padding, spec.padding_mode), spec.kernel, spec.stride, spec.dilation)
    # Totals so far: steps before `start` are the fast path's gradients of dy's first `start`
    # entries (steps run in dy's C order), so a range starts where the whole trace would be.
    before = np.where(np.arange(dy.size).reshape(dy.shape) < start, dy, 0.0)
    low = lowering.Lowering.of(shape)
    dw = lowering.weight_grad(lowering.to_phases(x, low), before, low)
    dxp = lowering.input_grad(before, weight, low)  # (N, C_in, Hp, Wp), padding cells too
    db = before.sum(axis=(0, 2, 3))
    for k in range(start, stop):
        n, f, oh, ow = (int(i) for i in np.unravel_index(k, dy.shape))
        chans = range(f // F_g * C_g, f // F_g * C_g + C_g)
        rows, cols = taps(oh, kH, s_h, d_h), taps(ow, kW, s_w, d_w)
        at = np.ix_(np.arange(chans.start, chans.stop), rows, cols)
        g = dy[n, f, oh, ow]
        dw_add, dx_add = g * win[n, chans.start : chans.stop, oh, ow], g * weight[f]
        dw[f] += dw_add
        dxp[n][at] += dx_add
        db[f] += g
        yield BackwardStep(k, (n, f, oh, ow), chans, rows, cols, float(g), dw_add, dx_add,
                           dw[f].copy(), dxp[n][at], float(db[f]))  # fmt: skip


def step_range(start: int, stop: int | None, total: int) -> tuple[int, int]:
    """Steps [start, stop) of `total`: a non-empty range inside the trace (stop is clipped)."""
    if start < 0 or start >= total:
        raise ConvError(
            f"start {start} must be a step from 0 to the last step {total - 1}",
            code="step_start_out_of_range",
            params={"start": start, "last": total - 1},
        )
    if stop is not None and stop <= start:
        raise ConvError(
            f"stop {stop} must be larger than start {start}",
            code="step_stop_before_start",
            params={"start": start, "stop": stop},
        )
    return start, total if stop is None else min(stop, total)
