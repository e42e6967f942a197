"""The conv feature's answers: plans as pydantic models, steps as SSE lines plus a `done`."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import numpy as np

import convcore
from convcore import AXES, ConvShape, Pair

from ..settings import limits
from ..sse import event
from .events import backward_json, step_json, transpose_json
from .models import CostOut, Formula, PlanOut, Sides, TransposePlanOut
from .params import BackwardParams, ConvParams, StepParams, TransposeParams

Lines = Iterator[str]


def out_size_text(i: int, k: int, s: int, pad: Pair, d: int, o: int) -> str:
    """⌊(H + p_top + p_bottom − d·(k − 1) − 1) / s⌋ + 1 = H_out, with the numbers in it."""
    return f"⌊({i} + {pad[0]} + {pad[1]} − {d}·({k} − 1) − 1) / {s}⌋ + 1 = {o}"


def transpose_out_size_text(i: int, k: int, s: int, p: int, d: int, op: int, o: int) -> str:
    """(H − 1)·s − 2·p + d·(k − 1) + output_padding + 1 = H_out, with the numbers in it."""
    return f"({i} − 1)·{s} − 2·{p} + {d}·({k} − 1) + {op} + 1 = {o}"


def plan(params: ConvParams) -> PlanOut:
    """Everything the explorer draws once: shapes, padded input, kernels, output, costs."""
    c = params.setup
    shape, spec = c.shape, c.spec
    y = convcore.conv2d(c.x, c.kernel, c.bias, *c.conv_args())
    cost = convcore.conv_cost(
        c.x.shape, shape.C_out, spec.kernel, *c.conv_args()[:4],
        bias=c.bias is not None, padding_mode=spec.padding_mode,
    )  # fmt: skip
    (top, bottom), (left, right) = spec.padding
    rows = zip(
        AXES, shape.size, spec.kernel, spec.stride, spec.padding, spec.dilation, shape.out,
        strict=True,
    )  # fmt: skip
    return PlanOut(
        params=params.model_dump(),
        shape=_shape(shape) | {"Hp": shape.padded[0], "Wp": shape.padded[1]},
        padding=Sides(top=top, bottom=bottom, left=left, right=right),
        input=c.x.tolist(),
        padded=convcore.pad(c.x, spec.padding, spec.padding_mode).tolist(),
        pad_mask=np.pad(np.zeros(shape.size, bool), spec.padding, constant_values=True).tolist(),
        weight=c.weight.tolist(),
        kernel=c.kernel.tolist(),
        bias=None if c.bias is None else c.bias.tolist(),
        output=y.tolist(),
        formula={
            a: Formula(text=out_size_text(i, k, s, p, d, o), value=o)
            for a, i, k, s, p, d, o in rows
        },
        cost=CostOut(params=cost.params, macs=cost.macs, flops=cost.flops),
        steps=shape.steps,
        limits=limits(),
    )


def transpose_plan(params: TransposeParams) -> TransposePlanOut:
    """The transposed conv's input, weight (C_in, C_out/g, kH, kW) as given and as applied
    (`kernel`: flipped for operation=convolution), output, formula, cost and crop."""
    c = params.setup
    shape, spec = c.shape, c.spec
    stride, padding, op, groups, dilation = c.transpose_args()
    y = convcore.conv_transpose2d(c.x, c.kernel, c.bias, *c.transpose_args())
    cost = convcore.conv_cost(
        c.x.shape, shape.C_in, spec.kernel, stride, padding, dilation, groups,
        bias=c.bias is not None, kind="transposed", output_padding=op,
    )  # fmt: skip
    H, W = c.x.shape[2:]
    full = [  # the canvas every stamp lands on, before padding crops it
        (i - 1) * s + convcore.span(k, d)
        for i, s, k, d in zip((H, W), stride, spec.kernel, dilation, strict=True)
    ]
    rows = zip(AXES, (H, W), spec.kernel, stride, padding, dilation, op, shape.size, strict=True)
    z, w_direct = convcore.transposed_as_conv2d(c.x, c.kernel, *c.transpose_args())
    cells = convcore.direct_cells(c.x.shape, c.kernel.shape, *c.transpose_args())
    return TransposePlanOut(
        params=params.model_dump(),
        shape={
            "N": shape.N,
            "C_in": c.x.shape[1],
            "C_out": shape.C_in,
            "H": H,
            "W": W,
            "kH": spec.kernel[0],
            "kW": spec.kernel[1],
            "H_out": shape.size[0],
            "W_out": shape.size[1],
            "groups": spec.groups,
        },  # fmt: skip
        input=c.x.tolist(),
        weight=c.weight.tolist(),
        kernel=c.kernel.tolist(),
        bias=None if c.bias is None else c.bias.tolist(),
        output=y.tolist(),
        formula={
            a: Formula(text=transpose_out_size_text(i, k, s, p, d, q, o), value=o)
            for a, i, k, s, p, d, q, o in rows
        },
        cost=CostOut(params=cost.params, macs=cost.macs, flops=cost.flops),
        steps=int(c.x.size),
        limits=limits(),
        full={"H_full": full[0], "W_full": full[1]},
        crop=Sides(
            top=padding[0], left=padding[1], bottom=padding[0] - op[0], right=padding[1] - op[1]
        ),
        direct_input=z.tolist(),
        direct_weight=w_direct.tolist(),
        direct_cells=cells.tolist(),
    )


def forward_events(params: StepParams) -> tuple[Lines, dict[str, Any]]:
    """`step` events of the forward pass in [start, stop), and the `done` payload."""
    c, (start, stop) = params.setup, params.steps()
    trace = _trace(convcore.forward_steps, c.x, c.kernel, c.bias, *c.conv_args(), at=(start, stop))
    lines = (event("step", step_json(s), s.index) for s in trace)
    return lines, _done(start, stop, c.shape.steps)


def backward_events(params: BackwardParams) -> tuple[Lines, dict[str, Any]]:
    """How each dL/dy is accumulated; `done` also carries dy and the final dX, dW and db."""
    c, (start, stop), dy = params.setup, params.steps(), params.grad_output()
    trace = _trace(convcore.backward_steps, dy, c.x, c.kernel, *c.conv_args(), at=(start, stop))
    dx, dw, db = convcore.conv2d_backward(dy, c.x, c.kernel, *c.conv_args())
    lines = (event("step", backward_json(s), s.index) for s in trace)
    final = {"dy": dy.tolist(), "dx": dx.tolist(), "dw": dw.tolist(), "db": db.tolist()}
    return lines, _done(start, stop, c.shape.steps) | final


def transpose_events(params: TransposeParams) -> tuple[Lines, dict[str, Any]]:
    """One kernel stamp per input element of a transposed convolution."""
    c, (start, stop) = params.setup, params.steps()
    args = c.transpose_args()
    trace = _trace(convcore.transpose_steps, c.x, c.kernel, c.bias, *args, at=(start, stop))
    lines = (event("step", transpose_json(s), s.index) for s in trace)
    return lines, _done(start, stop, int(c.x.size))


def _trace(steps: Any, *args: Any, at: tuple[int, int]) -> Iterator[Any]:
    """steps(*args, start, stop); an empty range is no steps (the engine refuses it)."""
    start, stop = at
    return steps(*args, start=start, stop=stop) if stop > start else iter(())


def _done(start: int, stop: int, total: int) -> dict[str, Any]:
    """How many steps were sent and where the next range starts (None: the end)."""
    return {"steps": stop - start, "next": stop if start < stop < total else None}


def _shape(shape: ConvShape) -> dict[str, int]:
    G = shape.spec.groups
    return {
        "N": shape.N, "C_in": shape.C_in, "C_out": shape.C_out,
        "H": shape.size[0], "W": shape.size[1],
        "kH": shape.spec.kernel[0], "kW": shape.spec.kernel[1],
        "H_out": shape.out[0], "W_out": shape.out[1],
        "groups": G, "C_g": shape.C_in // G, "F_g": shape.C_out // G,
    }  # fmt: skip
