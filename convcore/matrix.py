"""The conv layer as a matrix: which weight multiplies which input, for every output.

Nothing here indexes by hand: an index ramp over the input is pushed through the engine's own
`pad` and `windows`, so entry (r, c) of the matrix is exactly the tap conv2d reads. Reflect,
replicate and circular padding copy real pixels, so several taps of one output may land on the
same input; those entries are sums of weights and their `tap` is -1.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .checks import check, kernel_of
from .errors import ConvError
from .geometry import ConvShape
from .padding import pad
from .spec import Conv2dSpec, Pair
from .windows import windows

MAX_ENTRIES = 1 << 20  # 8 MB of float64 (+ the tap map): a 32x32 image to 1024 outputs


@dataclass(frozen=True)
class LayerCounts:
    """What one linear map costs: parameters (with bias), structural non-zeros, multiply-adds."""

    params: int
    nonzeros: int
    macs: int


@dataclass(frozen=True)
class MatrixCounts:
    """The conv layer against a fully-connected layer with the same input and output sizes.

    rows = N·C_out·H_out·W_out and cols = N·C_in·H·W, as in conv2d_matrix. Both layers act on
    each sample separately, so over a batch both matrices are block-diagonal: `nonzeros` and
    `macs` count the whole batch, `params` one layer.
    """

    rows: int
    cols: int
    conv: LayerCounts
    dense: LayerCounts


def conv2d_matrix(
    input_shape: tuple[int, ...],
    weight: np.ndarray,
    stride: int | Pair = 1,
    padding: int | Pair | str = 0,
    dilation: int | Pair = 1,
    groups: int = 1,
    padding_mode: str = "zeros",
    max_entries: int = MAX_ENTRIES,
) -> tuple[np.ndarray, np.ndarray]:
    """Dense M with M @ x.ravel() + bias[row's channel] == conv2d(x, weight, ...).ravel().

    Args:
      input_shape: (N, C_in, H, W) or (C_in, H, W) of the *unpadded* input x.
      weight: (C_out, C_in // groups, kH, kW); other arguments as conv2d.
      max_entries: refuse (ConvError code="matrix_too_large") a bigger matrix.
    Returns:
      matrix: (N·C_out·H_out·W_out, N·C_in·H·W), rows (n, c_out, i, j) and columns
        (n, c_in, h, w) in C order.
      tap: same shape, int64: the flat index into weight of the one weight at that entry, or -1
        where no weight reaches it (a structural zero: the output does not read that input) or,
        with reflect/replicate/circular padding, where several weights sum there.
    """
    weight = np.asarray(weight, dtype=np.float64)
    shape = _shape(input_shape, weight.shape, stride, padding, dilation, groups, padding_mode)
    rows, cols = shape.steps, shape.N * shape.C_in * shape.size[0] * shape.size[1]
    if rows * cols > max_entries:
        raise ConvError(
            f"the matrix would have {rows} x {cols} = {rows * cols} entries, more than "
            f"{max_entries}: use a smaller input or fewer channels",
            code="matrix_too_large",
            params={"rows": rows, "cols": cols, "max_entries": max_entries},
        )
    r, c, t = entries(shape)
    matrix = np.zeros((rows, cols))
    np.add.at(matrix, (r, c), weight.ravel()[t])  # add.at: folded copies sum their weights
    count = np.zeros((rows, cols), np.int64)
    np.add.at(count, (r, c), 1)
    tap = np.full((rows, cols), -1, np.int64)
    tap[r, c] = t
    tap[count != 1] = -1
    return matrix, tap


def matrix_counts(
    input_shape: tuple[int, ...],
    weight_shape: tuple[int, int, int, int],
    stride: int | Pair = 1,
    padding: int | Pair | str = 0,
    dilation: int | Pair = 1,
    groups: int = 1,
    padding_mode: str = "zeros",
    bias: bool = True,
) -> MatrixCounts:
    """Counts of conv2d_matrix's layer beside a dense layer of the same sizes.

    conv: params C_out·C_g·kH·kW (+ C_out), nonzeros = entries that read a weight (padding
    cells of zeros mode read none), macs = N·C_out·H_out·W_out·C_g·kH·kW (conv_cost's, which
    counts the multiplies by padding zeros too, as torch does). dense: in = C_in·H·W and
    out = C_out·H_out·W_out per sample; params in·out (+ out), nonzeros and macs N·in·out.
    """
    shape = _shape(input_shape, weight_shape, stride, padding, dilation, groups, padding_mode)
    N, (H, W), (H_out, W_out) = shape.N, shape.size, shape.out
    K = (shape.C_in // shape.spec.groups) * shape.spec.kernel[0] * shape.spec.kernel[1]
    n_in, n_out = shape.C_in * H * W, shape.C_out * H_out * W_out
    r, c, _ = entries(shape)
    # Only folded padding repeats a (row, column) pair; zeros padding never does.
    folded = shape.spec.padding_mode != "zeros"
    nonzeros = int(np.unique(r * (N * n_in) + c).size) if folded else int(r.size)
    b_conv, b_dense = (shape.C_out, n_out) if bias else (0, 0)
    return MatrixCounts(
        N * n_out,
        N * n_in,
        LayerCounts(shape.C_out * K + b_conv, nonzeros, shape.steps * K),
        LayerCounts(n_in * n_out + b_dense, N * n_in * n_out, N * n_in * n_out),
    )


def entries(shape: ConvShape) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every (row, input column, weight index) that conv2d multiplies, padding taps left out.

    Returns three int64 arrays of equal length; a (row, column) pair repeats where padding
    folds several taps onto one input pixel.
    """
    spec = shape.spec
    N, C_in, C_out, G = shape.N, shape.C_in, shape.C_out, spec.groups
    C_g, F_g = C_in // G, C_out // G
    H_out, W_out = shape.out
    K = C_g * spec.kernel[0] * spec.kernel[1]
    ramp = np.arange(1, N * C_in * shape.size[0] * shape.size[1] + 1).reshape(N, C_in, *shape.size)
    source = pad(ramp, spec.padding, spec.padding_mode) - 1  # zeros padding reads "-1": nothing
    # (N, C_in, H_out, W_out, kH, kW): the input index each tap reads, as the trace's windows
    win = windows(source, spec.kernel, spec.stride, spec.dilation)
    win = win.reshape(N, G, C_g, H_out, W_out, *spec.kernel).transpose(0, 1, 3, 4, 2, 5, 6)
    col = np.broadcast_to(win.reshape(N, G, 1, H_out, W_out, K), (N, G, F_g, H_out, W_out, K))
    col = col.reshape(-1, K)  # (rows, K): rows (n, f, oh, ow), taps (c, i, j) as weight[f]
    tap = np.broadcast_to(
        np.arange(C_out * K).reshape(1, C_out, 1, K), (N, C_out, H_out * W_out, K)
    )
    row = np.broadcast_to(np.arange(col.shape[0])[:, None], col.shape)
    keep = col >= 0
    return row[keep], col[keep], tap.reshape(-1, K)[keep]


def _shape(
    input_shape: tuple[int, ...],
    weight_shape: tuple[int, ...],
    stride: int | Pair,
    padding: int | Pair | str,
    dilation: int | Pair,
    groups: int,
    padding_mode: str,
) -> ConvShape:
    """Check one conv2d from shapes alone; an unbatched (C_in, H, W) counts as N = 1."""
    x_shape = tuple(int(v) for v in input_shape)
    x_shape = (1, *x_shape) if len(x_shape) == 3 else x_shape
    spec = Conv2dSpec.of(
        kernel_of(tuple(weight_shape)), stride, padding, dilation, groups, padding_mode
    )
    return check(x_shape, tuple(weight_shape), spec)
