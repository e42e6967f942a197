"""Runnable Python for the current layer: PyTorch, plain NumPy loops, or a convcore call.

Each snippet embeds the arrays (floats by repr, so they read back exactly) and prints its
result as one JSON line: the output y, or {"dx", "dw", "db"} for the backward pass.
Pure module: numpy and the public convcore only.
"""

from __future__ import annotations

import numpy as np

from convcore import (
    Conv2dSpec,
    ConvError,
    conv2d,
    conv2d_backward,
    conv_transpose2d,
)

from . import convcore_call, numpy_loops, pytorch
from .literals import Call

LANGS = {"pytorch": pytorch, "numpy": numpy_loops, "convcore": convcore_call}
KINDS = ("forward", "backward", "transposed")
MAX_ELEMENTS = 20_000  # numbers written into one snippet; beyond that it is no longer readable


def snippet(
    lang: str,
    x: np.ndarray,
    weight: np.ndarray,
    bias: np.ndarray | None,
    spec: Conv2dSpec,
    kind: str = "forward",
    grad_output: np.ndarray | None = None,
    output_padding: int | tuple[int, int] = 0,
) -> str:
    """Python source that prints what convcore computes for this layer.

    Args:
      lang: 'pytorch', 'numpy' or 'convcore'.
      x: (N, C_in, H, W) or (C_in, H, W) (written batched).
      weight: (C_out, C_in/groups, kH, kW), or (C_in, C_out/groups, kH, kW) when transposed.
      bias: (C_out,) or None.
      spec: the layer's Conv2dSpec (padding per side; 'same' when asymmetric).
      kind: 'forward', 'backward' (needs grad_output (N, C_out, H_out, W_out)) or 'transposed'
        (zeros padding; output_padding as torch).
    Raises:
      ConvError: unknown lang/kind (codes unknown_language, unknown_kind), missing grad_output
        (missing_grad_output), too many numbers (snippet_too_large), or the engine's own error
        for an impossible layer (checked by running it once).
    """
    if lang not in LANGS:
        raise ConvError(
            f"language must be one of {', '.join(LANGS)}, got {lang!r}",
            code="unknown_language",
            params={"lang": lang, "choices": list(LANGS)},
        )
    if kind not in KINDS:
        raise ConvError(
            f"kind must be one of {', '.join(KINDS)}, got {kind!r}",
            code="unknown_kind",
            params={"kind": kind, "choices": list(KINDS)},
        )
    call = _call(x, weight, bias, spec, kind, grad_output, output_padding)
    return getattr(LANGS[lang], kind)(call)


def _call(x, weight, bias, spec, kind, grad_output, output_padding) -> Call:
    """Check the layer with the engine itself, so a snippet never encodes an impossible call."""
    x = np.asarray(x, np.float64)
    x = x[None] if x.ndim == 3 else x
    weight = np.asarray(weight, np.float64)
    bias = None if bias is None else np.asarray(bias, np.float64)
    if grad_output is not None:
        grad_output = np.asarray(grad_output, np.float64)
        grad_output = grad_output[None] if grad_output.ndim == 3 else grad_output
    count = sum(a.size for a in (x, weight, bias, grad_output) if a is not None)
    if count > MAX_ELEMENTS:
        raise ConvError(
            f"the snippet would hold {count} numbers, more than {MAX_ELEMENTS}: use a smaller "
            "input",
            code="snippet_too_large",
            params={"numbers": count, "max_numbers": MAX_ELEMENTS},
        )
    op = (output_padding, output_padding) if isinstance(output_padding, int) else output_padding
    (top, bottom), (left, right) = spec.padding
    padding = (top, left) if (top, left) == (bottom, right) else "same"
    args = (spec.stride, padding, spec.dilation, spec.groups)
    if kind == "transposed":
        conv_transpose2d(x, weight, bias, spec.stride, (top, left), op, spec.groups, spec.dilation)
    elif kind == "forward":
        conv2d(x, weight, bias, *args, spec.padding_mode)
    else:
        if grad_output is None:
            raise ConvError(
                "the backward snippet needs the upstream gradient dy",
                code="missing_grad_output",
            )
        conv2d_backward(grad_output, x, weight, *args, spec.padding_mode)
    return Call(x, weight, bias, grad_output, spec, tuple(op))  # type: ignore[arg-type]
