"""The one place numbers leave the server: plans as dicts, steps as compact JSON lines.

Streamed products and partial sums are rounded to 6 significant digits for display; the
`value` of each step is exact, so the steps rebuild the plan's output bit for bit.
"""

from __future__ import annotations

import json
from typing import Any

import numpy as np

import convcore
from convcore import BackwardStep, Step, TransposeStep, conv_cost
from convcore.geometry import out_size_formula, span, transpose_out_size_formula
from convcore.padding import pad
from convcore.receptive_field import interval, paths, receptive_field

from .schemas import ConvParams, StackParams, TransposeParams
from .settings import limits

AXES = ("height", "width")


def conv_plan(params: ConvParams) -> dict[str, Any]:
    """Everything the explorer draws once: shapes, padded input, kernels, output, costs."""
    x, w, b = params.arrays()
    shape, spec = params.shape, params.shape.spec
    kernel = params.applied_weight()
    y = convcore.conv2d(x, kernel, b, **params.conv_kwargs())  # type: ignore[arg-type]
    (top, bottom), (left, right) = spec.padding
    kw = params.conv_kwargs()
    cost = conv_cost(
        x.shape,
        shape.C_out,
        spec.kernel,
        kw["stride"],
        kw["padding"],
        kw["dilation"],
        kw["groups"],
        bias=b is not None,
    )  # type: ignore[arg-type]
    formula = {
        axis: {"text": out_size_formula(i, k, s, p, d), "value": o}
        for axis, i, k, s, p, d, o in zip(
            AXES,
            shape.size,
            spec.kernel,
            spec.stride,
            spec.padding,
            spec.dilation,
            shape.out,
            strict=True,
        )
    }
    return {
        "params": params.model_dump(),
        "shape": _shape(shape) | {"Hp": shape.padded[0], "Wp": shape.padded[1]},
        "padding": {"top": top, "bottom": bottom, "left": left, "right": right},
        "input": x.tolist(),
        "padded": pad(x, spec.padding, spec.padding_mode).tolist(),
        "pad_mask": np.pad(np.zeros(shape.size, bool), spec.padding, constant_values=True).tolist(),
        "weight": w.tolist(),
        "kernel": kernel.tolist(),
        "bias": None if b is None else b.tolist(),
        "output": y.tolist(),
        "formula": formula,
        "cost": {"params": cost.params, "macs": cost.macs, "flops": cost.flops},
        "steps": shape.steps,
        "limits": limits(),
    }


def transpose_plan(params: TransposeParams) -> dict[str, Any]:
    """The transposed conv's input, weight (C_in, C_out/g, kH, kW) as given and as applied
    (`kernel`: flipped for operation=convolution), output, formula and cost."""
    x, w, b = params.arrays()
    shape, spec = params.shape, params.shape.spec
    kw = params.conv_kwargs()
    kernel = params.applied_weight()
    y = convcore.conv_transpose2d(x, kernel, b, **kw)  # type: ignore[arg-type]
    op = kw["output_padding"]
    cost = conv_cost(
        x.shape,
        shape.C_in,
        spec.kernel,
        spec.stride,
        spec.padding[0][0],
        spec.dilation,
        spec.groups,
        bias=b is not None,
        kind="transposed",
        output_padding=op,
    )  # type: ignore[arg-type]
    formula = {
        axis: {"text": transpose_out_size_formula(i, k, s, p[0], d, o), "value": n}
        for axis, i, k, s, p, d, o, n in zip(
            AXES,
            x.shape[2:],
            spec.kernel,
            spec.stride,
            spec.padding,
            spec.dilation,
            op,
            shape.size,
            strict=True,
        )  # type: ignore[call-overload]
    }
    return {
        "params": params.model_dump(),
        "shape": {
            "N": shape.N,
            "C_in": x.shape[1],
            "C_out": shape.C_in,
            "H": x.shape[2],
            "W": x.shape[3],
            "kH": spec.kernel[0],
            "kW": spec.kernel[1],
            "H_out": shape.size[0],
            "W_out": shape.size[1],
            "groups": spec.groups,
        },
        "input": x.tolist(),
        "weight": w.tolist(),
        "kernel": kernel.tolist(),
        "bias": None if b is None else b.tolist(),
        "output": y.tolist(),
        "formula": formula,
        "cost": {"params": cost.params, "macs": cost.macs, "flops": cost.flops},
        "steps": int(x.size),
        "limits": limits(),
    }


def receptive_json(params: StackParams) -> dict[str, Any]:
    """r0, S0, P0, the region of output y, map sizes, path counts and growth per layer."""
    layers, sizes = params.stack()
    rf, y = receptive_field(layers), params.y
    growth = [receptive_field(layers[:i]) for i in range(1, len(layers) + 1)]
    return {
        "size": rf.size, "stride": rf.stride, "padding": rf.padding,
        "region": rf.region(y), "center": rf.center(y), "visible": interval(layers, sizes, y, y),
        "maps": sizes, "paths": paths(layers, sizes, y).tolist(),
        "layers": [{"k": la.k, "s": la.s, "p": la.p, "d": la.d, "k_eff": span(la.k, la.d),
                    "rf": g.size, "stride": g.stride}
                   for la, g in zip(layers, growth, strict=True)],
    }  # fmt: skip


def _shape(shape: convcore.geometry.ConvShape) -> dict[str, int]:
    G = shape.spec.groups
    return {
        "N": shape.N,
        "C_in": shape.C_in,
        "C_out": shape.C_out,
        "H": shape.size[0],
        "W": shape.size[1],
        "kH": shape.spec.kernel[0],
        "kW": shape.spec.kernel[1],
        "H_out": shape.out[0],
        "W_out": shape.out[1],
        "groups": G,
        "C_g": shape.C_in // G,
        "F_g": shape.C_out // G,
    }


def _r6(a: np.ndarray) -> list[Any]:
    """Round to 6 significant digits of the largest entry, for display (keeps JSON short)."""
    top = float(np.abs(a).max()) if a.size else 0.0
    digits = 5 - int(np.floor(np.log10(top))) if top > 0 and np.isfinite(top) else 6
    return (np.round(a, digits) + 0.0).tolist()  # + 0.0 turns -0.0 into 0.0


def _nulls(a: np.ndarray) -> list[Any]:
    """NaN (a cropped tap) -> JSON null."""
    out = a.astype(object)
    out[np.isnan(a)] = None
    return out.tolist()  # type: ignore[no-any-return]


def dumps(d: dict[str, Any]) -> str:
    return json.dumps(d, separators=(",", ":"))


def step_json(st: Step) -> str:
    return dumps({
        "k": st.index, "out": st.out, "ch": list(st.channels),
        "rows": st.rows.tolist(), "cols": st.cols.tolist(),
        "rpad": st.row_pad.tolist(), "cpad": st.col_pad.tolist(),
        "x": st.window.tolist(), "p": _r6(st.products), "s": _r6(st.partials),
        "b": st.bias, "value": st.value,
    })  # fmt: skip


def backward_json(st: BackwardStep) -> str:
    return dumps({
        "k": st.index, "out": st.out, "ch": list(st.channels),
        "rows": st.rows.tolist(), "cols": st.cols.tolist(), "g": st.grad,
        "dw_add": _r6(st.dw_add), "dx_add": _r6(st.dx_add),
        "dw": _r6(st.dw), "dx": _r6(st.dx), "db": st.db,
    })  # fmt: skip


def transpose_json(st: TransposeStep) -> str:
    return dumps({
        "k": st.index, "at": st.at, "ch": list(st.channels),
        "rows": st.rows.tolist(), "cols": st.cols.tolist(),
        "rin": st.row_in.tolist(), "cin": st.col_in.tolist(),
        "v": st.value, "stamp": _r6(st.stamp),
        "total": _nulls(st.total),
    })  # fmt: skip
