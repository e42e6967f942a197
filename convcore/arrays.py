"""Input normalisation shared by every public function: dtype, batching and the one check."""

from __future__ import annotations

from typing import Any

import numpy as np

from .checks import check, check_transpose, kernel_of
from .errors import ConvError
from .geometry import ConvShape
from .spec import Conv2dSpec, pair


def floats(*arrays: Any) -> list[Any]:
    """Cast arrays to one float dtype (float32 stays float32; ints become float64, never wrap)."""
    present = [np.asarray(a) for a in arrays if a is not None]
    for a in present:
        if a.dtype.kind not in "biuf":
            raise ConvError(
                f"values must be numbers, got an array of {a.dtype}",
                code="values_not_numbers",
                params={"dtype": str(a.dtype)},
            )
    kinds = [a.dtype if a.dtype.kind == "f" and a.itemsize >= 4 else np.float64 for a in present]
    dtype = np.result_type(*kinds)
    return [None if a is None else np.asarray(a, dtype=dtype) for a in arrays]


def batched(x: np.ndarray) -> tuple[np.ndarray, bool]:
    """(C, H, W) -> (1, C, H, W), remembering to squeeze the result back."""
    if x.ndim == 3:
        return x[None], True
    if x.ndim != 4:
        raise ConvError(
            f"input must be (N, C, H, W) or (C, H, W), got {x.ndim} dimensions",
            code="array_rank",
            params={"what": "input", "ndim": x.ndim},
        )
    return x, False


def conv_inputs(
    x: Any, weight: Any, bias: Any, *args: Any
) -> tuple[Any, Any, Any, ConvShape, bool]:
    """Cast, batch and check one conv2d call; args are (stride, padding, dilation, groups,
    padding_mode). Returns (x (N, C_in, H, W), weight, bias, shape, unbatched)."""
    x, weight, bias = floats(x, weight, bias)
    x, unbatched = batched(x)
    spec = Conv2dSpec.of(kernel_of(weight.shape), *args)
    shape = check(x.shape, weight.shape, spec, None if bias is None else bias.shape)
    return x, weight, bias, shape, unbatched


def transpose_inputs(
    x: Any, weight: Any, bias: Any, stride: Any, padding: Any, output_padding: Any, *args: Any
) -> tuple[Any, Any, Any, ConvShape, bool]:
    """conv_inputs for conv_transpose2d; args are (groups, dilation). Returns (x (N, C_in, H, W),
    weight (C_in, C_out/groups, kH, kW), bias, the equivalent conv's shape, unbatched)."""
    x, weight, bias = floats(x, weight, bias)
    x, unbatched = batched(x)
    groups, dilation = args
    spec = Conv2dSpec.of(
        kernel_of(weight.shape), stride, padding, dilation, groups, transposed=True
    )
    op = pair(output_padding, "output padding")
    shape = check_transpose(x.shape, weight.shape, spec, op, None if bias is None else bias.shape)
    return x, weight, bias, shape, unbatched


def grad_inputs(
    grad_output: Any, x: Any, weight: Any, *args: Any
) -> tuple[Any, Any, Any, ConvShape, bool]:
    """conv_inputs for a backward call, plus dy (N, C_out, H_out, W_out) checked against it."""
    dy, x, weight = floats(grad_output, x, weight)
    x, weight, _, shape, unbatched = conv_inputs(x, weight, None, *args)
    dy = dy[None] if unbatched and dy.ndim == 3 else dy
    check_grad_shape(dy, (shape.N, shape.C_out, *shape.out))
    return dy, x, weight, shape, unbatched


def check_grad_shape(dy: np.ndarray, expected: tuple[int, ...]) -> None:
    """grad_output must have exactly the forward output's shape."""
    if dy.shape != expected:
        raise ConvError(
            f"grad_output must have the output's shape {expected}, got {dy.shape}",
            code="grad_output_shape",
            params={"expected": list(expected), "shape": list(dy.shape)},
        )
