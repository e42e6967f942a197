"""im2col: each window a column, each filter a row, the output their product (convcore.im2col)."""

from __future__ import annotations

import numpy as np

import convcore

from .models import LoweringOut
from .params import ConvAt, check_step

MAX_SHOWN = 6000  # patch-matrix numbers worth drawing; beyond that only sizes are sent


def lowering(p: ConvAt) -> LoweringOut:
    c = p.setup
    step = check_step(p.step, c.shape.steps)
    low = convcore.im2col(c.x, c.kernel, c.bias, *c.conv_args())
    st = next(iter(convcore.forward_steps(c.x, c.kernel, c.bias, *c.conv_args(), start=step,
                                          stop=step + 1)))  # fmt: skip
    group, column, row = low.locate(st.out)
    N, G, R, L = low.cols.shape
    C_g, kH, kW = c.kernel.shape[1:]
    shown = low.cols.size + low.weight_matrix.size <= MAX_SHOWN
    return LoweringOut(
        cols=low.cols[st.out[0]].tolist() if shown else None,
        weight_matrix=low.weight_matrix.tolist() if shown else None,
        row_taps=np.stack(np.unravel_index(np.arange(R), (C_g, kH, kW)), 1).tolist(),
        output=low.output.tolist(),
        shape={
            "N": N,
            "groups": G,
            "rows": R,
            "columns": L,
            "C_out": low.weight_matrix.shape[0],
            "H_out": low.out_size[0],
            "W_out": low.out_size[1],
        },  # fmt: skip
        patch_bytes=low.patch_bytes,
        input_bytes=low.input_bytes,
        ratio=low.ratio,
        at={
            "n": st.out[0],
            "f": st.out[1],
            "oh": st.out[2],
            "ow": st.out[3],
            "group": group,
            "column": column,
            "row": row,
        },  # fmt: skip
        value=st.value,
        steps=c.shape.steps,
    )
