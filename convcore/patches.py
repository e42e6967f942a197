"""im2col for display: each window a column, each filter a row, the conv one matrix product.

This is the textbook lowering (torch's F.unfold), materialised in full so that a page can show
the patch matrix and highlight one column, one row and one output cell per step. It is built
from the trace's window view (windows.windows over padding.pad, taps from geometry.taps), so
column oh*W_out + ow of the patch matrix *is* Step.window of output (oh, ow).

The engine's fast path (lowering.py) computes the same product without ever holding this
matrix: it splits the padded input into stride phases, so that every tap (i, j) becomes one
contiguous slice of a flattened phase, and builds the columns a cache-sized chunk at a time
(kH·kW slice copies per chunk, one GEMM each, plus a few filler columns past W_out that it
drops). Same rows (c, i, j), same weight matrix, same sums; only the memory differs: the full
patch matrix below is about kH·kW times the input, which is why lowering.py never makes it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .arrays import conv_inputs
from .padding import pad
from .spec import Pair
from .windows import windows


@dataclass(frozen=True)
class Im2col:
    """One conv2d as matrix products, group by group.

    cols: (N, G, C_g·kH·kW, H_out·W_out) patch matrices, rows ordered (c, i, j), columns
      (oh, ow); weight_matrix: (C_out, C_g·kH·kW), row f is weight[f] raveled;
      output: (N, C_out, H_out, W_out) = weight_matrix @ cols per group, plus bias.
    """

    cols: np.ndarray
    weight_matrix: np.ndarray
    output: np.ndarray
    out_size: Pair
    patch_bytes: int  # cols.nbytes: what a plain im2col allocates
    input_bytes: int  # the unpadded input's bytes

    def locate(self, out: tuple[int, int, int, int]) -> tuple[int, int, int]:
        """(group, column, weight row) of output (n, f, oh, ow), e.g. a Step's `out`: the view
        highlights cols[n, group, :, column] and weight_matrix[row]."""
        _, f, oh, ow = out
        F_g = self.weight_matrix.shape[0] // self.cols.shape[1]
        return f // F_g, oh * self.out_size[1] + ow, f

    @property
    def ratio(self) -> float:
        """Patch matrix bytes / input bytes (about kH·kW / (s_h·s_w) for 'same'-like padding)."""
        return self.patch_bytes / self.input_bytes


def im2col(
    x: np.ndarray,
    weight: np.ndarray,
    bias: np.ndarray | None = None,
    stride: int | Pair = 1,
    padding: int | Pair | str = 0,
    dilation: int | Pair = 1,
    groups: int = 1,
    padding_mode: str = "zeros",
) -> Im2col:
    """Lower conv2d(x, weight, bias, ...) to patch matrices; arguments and checks as conv2d.

    Args:
      x: (N, C_in, H, W) or (C_in, H, W) (treated as N = 1).
      weight: (C_out, C_in // groups, kH, kW); bias (C_out,) or None.
    Returns:
      Im2col whose output equals conv2d's (the same products, summed in the same (c, i, j) order).
    """
    x, weight, bias, shape, _ = conv_inputs(
        x, weight, bias, stride, padding, dilation, groups, padding_mode
    )
    spec = shape.spec
    N, C_in, C_out, G = shape.N, shape.C_in, shape.C_out, spec.groups
    H_out, W_out = shape.out
    win = windows(pad(x, spec.padding, spec.padding_mode), spec.kernel, spec.stride, spec.dilation)
    win = win.reshape(
        N, G, C_in // G, H_out, W_out, *spec.kernel
    )  # (N, G, C_g, H_out, W_out, kH, kW)
    cols = win.transpose(0, 1, 2, 5, 6, 3, 4).reshape(N, G, -1, H_out * W_out)  # (N, G, C_g·K, L)
    weight_matrix = weight.reshape(C_out, -1)  # (C_out, C_g·K)
    y = weight_matrix.reshape(G, C_out // G, -1) @ cols  # (N, G, F_g, L)
    y = y.reshape(N, C_out, H_out, W_out)
    if bias is not None:
        y = y + bias[:, None, None]
    return Im2col(cols, weight_matrix, y, (H_out, W_out), cols.nbytes, x.nbytes)
