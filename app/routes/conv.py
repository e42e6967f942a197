"""Conv plan and step streams: a model validates, convcore computes, serialize formats."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request

import convcore

from ..responses import ErrorOut, PlanOut, TransposePlanOut
from ..schemas import BackwardParams, ConvParams, StepParams, TransposeParams
from ..serialize import (
    backward_json,
    conv_plan,
    dumps,
    step_json,
    transpose_json,
    transpose_plan,
)
from ..stream import SSE_RESPONSE, EventStream, event, events

ERRORS: dict[int | str, dict[str, Any]] = {
    422: {
        "description": "An impossible configuration, explained in one sentence",
        "content": {"application/json": {"schema": ErrorOut.model_json_schema()}},
    }
}
router = APIRouter(tags=["conv"], responses=ERRORS)


def _sse(path: str, summary: str) -> Any:
    """A GET route whose 200 is a documented Server-Sent Events stream."""
    return router.get(path, summary=summary, response_class=EventStream, responses=SSE_RESPONSE)


@router.get("/api/conv/plan", summary="Plan of a conv2d")
def plan(params: Annotated[ConvParams, Query()]) -> PlanOut:
    """Shapes, padded input, kernels, full output, formula, costs and limits of one conv2d."""
    return PlanOut.model_validate(conv_plan(params))


@_sse("/api/conv/steps", "Forward steps (SSE)")
def steps(params: Annotated[StepParams, Query()], request: Request) -> EventStream:
    """Stream every sliding-window step of the forward pass (Server-Sent Events)."""
    x, _, b = params.arrays()
    start, stop = params.bounds(params.shape.steps, params.per_step())
    trace = (
        convcore.forward_steps(
            x, params.applied_weight(), b, **params.conv_kwargs(), start=start, stop=stop
        )  # type: ignore[arg-type]
        if stop > start
        else iter(())
    )
    lines = (event("step", step_json(s), s.index) for s in trace)
    return _stream(request, lines, start, stop, params.shape.steps)


@_sse("/api/conv/backward/steps", "Backward steps (SSE)")
def backward_steps(params: Annotated[BackwardParams, Query()], request: Request) -> EventStream:
    """Stream how each output's dL/dy is accumulated into dL/dW, dL/dX and dL/db.

    The `done` event also carries dy and the final dX, dW and db (conv2d_backward).
    """
    x, _, _ = params.arrays()
    w, dy = params.applied_weight(), params.grad_output()
    start, stop = params.bounds(params.shape.steps, params.per_step())
    kw = params.conv_kwargs()
    trace = convcore.backward_steps(dy, x, w, **kw, start=start, stop=stop)  # type: ignore[arg-type]
    dx, dw, db = convcore.conv2d_backward(dy, x, w, **kw)  # type: ignore[arg-type]
    lines = (event("step", backward_json(s), s.index) for s in trace)
    final = {"dy": dy.tolist(), "dx": dx.tolist(), "dw": dw.tolist(), "db": db.tolist()}
    return _stream(request, lines, start, stop, params.shape.steps, final)


@router.get("/api/conv-transpose/plan", summary="Plan of a conv_transpose2d")
def transpose_plan_route(params: Annotated[TransposeParams, Query()]) -> TransposePlanOut:
    """Input, weight, output, formula and costs of one conv_transpose2d."""
    return TransposePlanOut.model_validate(transpose_plan(params))


@_sse("/api/conv-transpose/steps", "Transposed-conv stamps (SSE)")
def transpose_steps(params: Annotated[TransposeParams, Query()], request: Request) -> EventStream:
    """Stream one kernel stamp per input element of a transposed convolution."""
    x, _, b = params.arrays()
    start, stop = params.bounds(int(x.size), params.per_step())
    trace = convcore.transpose_steps(
        x, params.applied_weight(), b, **params.conv_kwargs(), start=start, stop=stop
    )  # type: ignore[arg-type]
    lines = (event("step", transpose_json(s), s.index) for s in trace)
    return _stream(request, lines, start, stop, int(x.size))


def _stream(
    request: Request,
    lines: Any,
    start: int,
    stop: int,
    total: int,
    extra: dict[str, Any] | None = None,
) -> EventStream:
    """The steps, then `done` with how many were sent and where the next range starts."""
    done = {"steps": stop - start, "next": stop if start < stop < total else None} | (extra or {})
    return EventStream(events(request, lines, iter([event("done", dumps(done))])))
