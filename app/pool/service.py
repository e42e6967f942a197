"""A pooling layer as a plan and a stream of window steps, from the engine's pool_steps."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import numpy as np

import convcore

from .models import PoolPlanOut
from .params import PoolParams


def plan(p: PoolParams) -> PoolPlanOut:
    _, C, H, W = p.x.shape
    s = p.stride or p.kernel_size
    d = p.dilation if p.op == "max" else 1
    floor = [convcore.pool_out_size(n, p.kernel_size, s, p.padding, d, False)
             for n in (H, W)]  # fmt: skip
    return PoolPlanOut(
        op=p.op, x=p.x[0].tolist(), y=p.y[0].tolist(), kernel_size=p.kernel_size, stride=s,
        padding=p.padding, dilation=d, ceil_mode=p.ceil_mode,
        count_include_pad=p.count_include_pad, out=list(p.y.shape[-2:]), floor_out=floor,
        steps=int(p.y[0].size),
    )  # fmt: skip


def _window(a: np.ndarray) -> list[Any]:
    """-inf (max pooling's padding) -> JSON null."""
    out = a.astype(object)
    out[~np.isfinite(a)] = None
    return out.tolist()  # type: ignore[no-any-return]


def step_lines(p: PoolParams) -> Iterator[str]:
    for st in p.steps():
        d: dict[str, Any] = {
            "k": st.index, "out": st.out[1:], "rows": st.rows.tolist(), "cols": st.cols.tolist(),
            "inside": st.inside.tolist(), "window": _window(st.window), "value": st.value,
        }  # fmt: skip
        if p.op == "max":
            d |= {"chosen": st.chosen, "index": st.chosen_index}
        else:
            d |= {"total": st.total, "divisor": st.divisor}
        yield f"event: step\nid: {st.index}\ndata: {json.dumps(d, separators=(',', ':'))}\n\n"


def done(p: PoolParams) -> dict[str, Any]:
    return {"y": p.y[0].tolist()}
