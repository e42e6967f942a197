"""conv2d_backward: dL/dx, dL/dW and dL/db for any loss, given dL/dy."""

from __future__ import annotations

import numpy as np

from . import lowering
from .arrays import grad_inputs
from .padding import unpad
from .spec import Pair


def conv2d_backward(
    grad_output: np.ndarray,
    x: np.ndarray,
    weight: np.ndarray,
    stride: int | Pair = 1,
    padding: int | Pair | str = 0,
    dilation: int | Pair = 1,
    groups: int = 1,
    padding_mode: str = "zeros",
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Gradients of conv2d, as torch autograd gives them.

    Args:
      grad_output: dy (N, C_out, H_out, W_out), or unbatched like x.
      x: (N, C_in, H, W) or (C_in, H, W) input of the forward pass.
      weight: (C_out, C_in // groups, kH, kW).
    Returns:
      dx (like x), dw (like weight), db (C_out,). With reflect/replicate/circular padding the
      gradient of each padded cell is added back onto the pixel it was copied from.
    """
    dy, x, weight, shape, unbatched = grad_inputs(
        grad_output, x, weight, stride, padding, dilation, groups, padding_mode
    )
    spec = shape.spec
    low = lowering.Lowering.of(shape)
    P = lowering.to_phases(x, low)
    dw = lowering.weight_grad(P, dy, low)
    dxp = lowering.input_grad(dy, weight, low)
    dx = unpad(dxp, shape.size, spec.padding, spec.padding_mode)
    db = dy.sum(axis=(0, 2, 3))
    return (dx[0] if unbatched else np.ascontiguousarray(dx)), dw, db
