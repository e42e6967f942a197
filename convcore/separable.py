"""Depthwise-separable convolution, composed from conv2d: no new math."""

from __future__ import annotations

import numpy as np

from .conv import conv2d
from .errors import ConvError
from .spec import Pair


def separable_conv2d(
    x: np.ndarray,
    depthwise_weight: np.ndarray,
    pointwise_weight: np.ndarray,
    depthwise_bias: np.ndarray | None = None,
    pointwise_bias: np.ndarray | None = None,
    stride: int | Pair = 1,
    padding: int | Pair | str = 0,
    dilation: int | Pair = 1,
    padding_mode: str = "zeros",
) -> np.ndarray:
    """Depthwise conv (groups = C_in, multiplier M) followed by a 1x1 pointwise conv.

    Args:
      x: (N, C_in, H, W) or (C_in, H, W).
      depthwise_weight: (M*C_in, 1, kH, kW); output channel m*... of input channel c is c*M + m,
        as torch's grouped layout.
      pointwise_weight: (C_out, M*C_in, 1, 1).
      depthwise_bias: (M*C_in,) or None; pointwise_bias: (C_out,) or None.
    Returns:
      (N, C_out, H_out, W_out), H_out from the depthwise stage (the 1x1 keeps the size).
    """
    x = np.asarray(x)
    depthwise_weight, pointwise_weight = np.asarray(depthwise_weight), np.asarray(pointwise_weight)
    C_in = x.shape[-3] if x.ndim in (3, 4) else 0
    if depthwise_weight.ndim != 4 or depthwise_weight.shape[1] != 1:
        raise ConvError(
            "the depthwise weight must be (multiplier x C_in, 1, kH, kW): one kernel "
            f"per input channel, got shape {depthwise_weight.shape}",
            code="depthwise_weight_shape",
            params={"shape": list(depthwise_weight.shape)},
        )
    if pointwise_weight.ndim != 4 or pointwise_weight.shape[2:] != (1, 1):
        raise ConvError(
            "the pointwise weight must be (C_out, multiplier x C_in, 1, 1), got shape "
            f"{pointwise_weight.shape}",
            code="pointwise_weight_shape",
            params={"shape": list(pointwise_weight.shape)},
        )
    M = depthwise_weight.shape[0] // max(C_in, 1)
    if M < 1 or depthwise_weight.shape[0] != M * C_in:
        raise ConvError(
            f"the depthwise weight needs a whole multiple of the {C_in} input channels "
            f"as kernels (multiplier x C_in), got {depthwise_weight.shape[0]}",
            code="depthwise_multiple",
            params={"in_channels": C_in, "got": depthwise_weight.shape[0]},
        )
    if pointwise_weight.shape[1] != M * C_in:
        raise ConvError(
            f"the pointwise weight must read the {M * C_in} depthwise channels "
            f"(multiplier {M} x C_in {C_in}), but takes {pointwise_weight.shape[1]}",
            code="pointwise_channels",
            params={
                "expected": M * C_in,
                "multiplier": M,
                "in_channels": C_in,
                "got": pointwise_weight.shape[1],
            },
        )
    mid = conv2d(
        x,
        depthwise_weight,
        depthwise_bias,
        stride,
        padding,
        dilation,
        groups=C_in,
        padding_mode=padding_mode,
    )
    return conv2d(mid, pointwise_weight, pointwise_bias)
