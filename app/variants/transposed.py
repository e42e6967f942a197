"""Transposed conv two ways at one output element: the direct conv's window over the
zero-inserted input, and the stamps (input element times original kernel tap) that land there."""

from __future__ import annotations

import json

import numpy as np

import convcore

from ..conv.events import step_json
from .models import TransposedOut
from .params import TransposeAt, check_step


def transposed(p: TransposeAt) -> TransposedOut:
    c = p.setup
    args = c.transpose_args()  # stride, padding, output_padding, groups, dilation
    stride, _, _, groups, dilation = args
    N, C_in, H, W = c.x.shape
    z, w_direct = convcore.transposed_as_conv2d(c.x, c.kernel, *args)
    y = convcore.conv2d(z, w_direct, c.bias, dilation=dilation, groups=groups)
    step = check_step(p.step, int(y.size))
    st = next(iter(convcore.forward_steps(z, w_direct, c.bias, 1, 0, dilation, groups,
                                          start=step, stop=step + 1)))  # fmt: skip
    # Cell numbers pushed through the same spread and pad: which x element sits in each z cell.
    numbers = np.broadcast_to(np.arange(1, H * W + 1, dtype=float).reshape(H, W), (1, C_in, H, W))
    where = convcore.transposed_as_conv2d(numbers, c.kernel, *args)[0][0, 0].astype(int) - 1
    full = convcore.conv_transpose2d(c.x, c.kernel, c.bias, stride, 0, 0, groups, dilation)
    return TransposedOut(
        output=y.tolist(),
        full=full.tolist(),
        element=where.tolist(),
        step=_json(step_json(st)),
        stamps=_stamps(c.x, c.kernel, st, where),
        steps=int(y.size),
        output_padding=list(c.output_padding),
    )


def _stamps(x: np.ndarray, kernel: np.ndarray, st: convcore.Step, where: np.ndarray) -> list:
    """The scatter's terms for this output: input element x[n, c, h, w] times the original
    kernel's tap W[c, f_g, kH-1-a, kW-1-b] (the flipped kernel's tap (a, b)), and the product."""
    n, f, _, _ = st.out
    kH, kW = kernel.shape[2:]
    F_g = kernel.shape[1]
    out = []
    for ci, c in enumerate(st.channels):
        for a, r in enumerate(st.rows):
            for b, col in enumerate(st.cols):
                e = int(where[r, col])
                if e < 0:
                    continue  # an inserted zero or padding: no stamp reaches here
                h, w = divmod(e, x.shape[3])
                ki, kj = kH - 1 - a, kW - 1 - b
                xv, wv = float(x[n, c, h, w]), float(kernel[c, f % F_g, ki, kj])
                out.append({"c": c, "h": h, "w": w, "ki": ki, "kj": kj, "zr": int(r),
                            "zc": int(col), "x": xv, "w_tap": wv,
                            "product": float(st.products[ci, a, b])})  # fmt: skip
    return out


def _json(text: str) -> dict:
    """The step as the SSE stream sends it (the one place a step's numbers are encoded)."""
    return json.loads(text)  # type: ignore[no-any-return]
