"""conv_transpose2d and its backward, as the adjoint of conv2d (no second set of formulas).

A transposed conv of x with weight (C_in, C_out/g, kH, kW) is exactly the input gradient of a
conv2d from C_out to C_in channels whose output is x. So it reuses conv2d's lowering.
"""

from __future__ import annotations

import numpy as np

from . import lowering
from .arrays import check_grad_shape, floats, transpose_inputs
from .geometry import ConvShape
from .padding import unpad
from .spec import Pair


def conv_transpose2d(
    x: np.ndarray,
    weight: np.ndarray,
    bias: np.ndarray | None = None,
    stride: int | Pair = 1,
    padding: int | Pair = 0,
    output_padding: int | Pair = 0,
    groups: int = 1,
    dilation: int | Pair = 1,
) -> np.ndarray:
    """Transposed convolution exactly as torch.nn.functional.conv_transpose2d.

    Args:
      x: (N, C_in, H, W) or (C_in, H, W).
      weight: (C_in, C_out // groups, kH, kW) (note: in and out swapped against conv2d).
      bias: (C_out,) or None.
    Returns:
      (N, C_out, H_out, W_out) with H_out = (H-1)s - 2p + d(kH-1) + output_padding + 1.
    """
    x, weight, bias, shape, unbatched = transpose_inputs(
        x, weight, bias, stride, padding, output_padding, groups, dilation
    )
    low = lowering.Lowering.of(shape)
    dxp = lowering.input_grad(_fit(x, shape), weight, low)
    y = np.ascontiguousarray(unpad(dxp, shape.size, shape.spec.padding, "zeros"))
    if bias is not None:
        y += bias[:, None, None]
    return y[0] if unbatched else y


def conv_transpose2d_backward(
    grad_output: np.ndarray,
    x: np.ndarray,
    weight: np.ndarray,
    stride: int | Pair = 1,
    padding: int | Pair = 0,
    output_padding: int | Pair = 0,
    groups: int = 1,
    dilation: int | Pair = 1,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Gradients of conv_transpose2d: (dx like x, dw like weight, db (C_out,))."""
    dy, x, weight = floats(grad_output, x, weight)
    x, weight, _, shape, unbatched = transpose_inputs(
        x, weight, None, stride, padding, output_padding, groups, dilation
    )
    dy = dy[None] if unbatched and dy.ndim == 3 else dy
    check_grad_shape(dy, (shape.N, shape.C_in, *shape.size))
    low = lowering.Lowering.of(shape)
    P = lowering.to_phases(dy, low)
    H, W = x.shape[2:]
    dx = lowering.forward(P, weight, low)[:, :, :H, :W]
    dw = lowering.weight_grad(P, _fit(x, shape), low)
    db = dy.sum(axis=(0, 2, 3))
    return (dx[0] if unbatched else np.ascontiguousarray(dx)), dw, db


def _fit(x: np.ndarray, shape: ConvShape) -> np.ndarray:
    """Zero-extend x to the equivalent conv's output grid (larger only when dilation > stride)."""
    dh, dw = shape.out[0] - x.shape[2], shape.out[1] - x.shape[3]
    return np.pad(x, ((0, 0), (0, 0), (0, dh), (0, dw))) if dh or dw else x
