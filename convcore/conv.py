"""conv2d (cross-correlation, as torch) and convolve2d (the textbook convolution)."""

from __future__ import annotations

import numpy as np

from . import lowering
from .arrays import conv_inputs
from .geometry import ConvShape
from .spec import Pair


def conv2d(
    x: np.ndarray,
    weight: np.ndarray,
    bias: np.ndarray | None = None,
    stride: int | Pair = 1,
    padding: int | Pair | str = 0,
    dilation: int | Pair = 1,
    groups: int = 1,
    padding_mode: str = "zeros",
) -> np.ndarray:
    """Cross-correlate x with weight exactly as torch.nn.functional.conv2d does.

    Args:
      x: (N, C_in, H, W) or unbatched (C_in, H, W) input.
      weight: (C_out, C_in // groups, kH, kW) kernels.
      bias: (C_out,) bias, or None.
      padding: int, (h, w), 'valid' or 'same'; padding_mode as nn.Conv2d.
    Returns:
      (N, C_out, H_out, W_out) (unbatched if x was) in x's float dtype.
    """
    x, weight, bias, shape, unbatched = conv_inputs(
        x, weight, bias, stride, padding, dilation, groups, padding_mode
    )
    y = forward(x, weight, bias, shape)
    return y[0] if unbatched else y


def forward(
    x: np.ndarray, weight: np.ndarray, bias: np.ndarray | None, shape: ConvShape
) -> np.ndarray:
    """Checked forward pass: x (N, C_in, H, W) -> (N, C_out, H_out, W_out)."""
    low = lowering.Lowering.of(shape)
    y = lowering.forward(lowering.to_phases(x, low), weight, low)
    if bias is not None:
        y += bias[:, None, None]
    return y


def convolve2d(
    x: np.ndarray,
    weight: np.ndarray,
    bias: np.ndarray | None = None,
    stride: int | Pair = 1,
    padding: int | Pair | str = 0,
    dilation: int | Pair = 1,
    groups: int = 1,
    padding_mode: str = "zeros",
) -> np.ndarray:
    """True convolution: conv2d with every kernel rotated 180 degrees.

    Same arguments and shapes as conv2d. For a learned kernel the two are interchangeable; for a
    fixed filter (Sobel, emboss) the sign and orientation differ.
    """
    weight = np.asarray(weight)
    flipped = weight[..., ::-1, ::-1] if weight.ndim == 4 else weight
    return conv2d(x, flipped, bias, stride, padding, dilation, groups, padding_mode)
