"""Step-by-step trace of conv_transpose2d: each input element stamps its kernel on the output.

The stamp positions come from geometry.taps, as in the forward trace (trace.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from .arrays import transpose_inputs
from .geometry import ConvShape, taps
from .spec import Pair
from .trace import step_range


@dataclass(frozen=True, slots=True)
class TransposeStep:
    """Input element x[n, c, h, w] stamps x * weight[c] onto the output (which starts at bias).

    stamp: (F_g, kH, kW) over output `channels`; rows (kH,)/cols (kW,) are output indices,
    where row_in/col_in are False for taps cropped away by padding (or past output_padding).
    """

    index: int
    at: tuple[int, int, int, int]
    channels: range
    rows: np.ndarray
    cols: np.ndarray
    row_in: np.ndarray
    col_in: np.ndarray
    value: float
    stamp: np.ndarray
    total: np.ndarray  # (F_g, kH, kW) running output under the stamp after it; NaN if cropped


def transpose_steps(
    x: np.ndarray,
    weight: np.ndarray,
    bias: np.ndarray | None = None,
    stride: int | Pair = 1,
    padding: int | Pair = 0,
    output_padding: int | Pair = 0,
    groups: int = 1,
    dilation: int | Pair = 1,
    start: int = 0,
    stop: int | None = None,
) -> Iterator[TransposeStep]:
    """Yield one stamp per input element of conv_transpose2d, in (n, c, h, w) order.

    The output is bias plus the sum of every stamp's in-bounds taps.
    """
    x, weight, bias, shape, _ = transpose_inputs(
        x, weight, bias, stride, padding, output_padding, groups, dilation
    )
    return _transpose(x, weight, bias, shape, *step_range(start, stop, x.size))


def _transpose(x, weight, bias, shape: ConvShape, start: int, stop: int) -> Iterator[TransposeStep]:
    spec = shape.spec
    (kH, kW), (s_h, s_w), (d_h, d_w) = spec.kernel, spec.stride, spec.dilation
    (top, _), (left, _) = spec.padding
    H_out, W_out = shape.size
    C_g, F_g = x.shape[1] // spec.groups, weight.shape[1]
    out = np.zeros((x.shape[0], shape.C_in, H_out, W_out), x.dtype)
    if bias is not None:
        out += bias[:, None, None]
    per_sample = x[0].size  # running totals restart with each sample: replay from its start
    for k in range(start - start % per_sample, stop):
        n, c, h, w = (int(i) for i in np.unravel_index(k, x.shape))
        # The equivalent conv reads output row r at padded index r + top: undo that offset.
        rows, cols = taps(h, kH, s_h, d_h) - top, taps(w, kW, s_w, d_w) - left
        row_in, col_in = (rows >= 0) & (rows < H_out), (cols >= 0) & (cols < W_out)
        chans = range(c // C_g * F_g, c // C_g * F_g + F_g)
        stamp = x[n, c, h, w] * weight[c]  # (F_g, kH, kW)
        ri, ci = row_in.nonzero()[0], col_in.nonzero()[0]
        at = np.ix_(np.arange(chans.start, chans.stop), rows[ri], cols[ci])
        local = np.ix_(np.arange(F_g), ri, ci)
        out[n][at] += stamp[local]
        if k < start:
            continue
        total = np.full(stamp.shape, np.nan)
        total[local] = out[n][at]
        yield TransposeStep(
            k, (n, c, h, w), chans, rows, cols, row_in, col_in, float(x[n, c, h, w]), stamp, total
        )
