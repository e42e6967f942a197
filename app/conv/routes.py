"""Conv plan and step streams: a query model validates once, the service computes."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request

from ..errors import ERROR_JSON
from ..sse import SSE_RESPONSE, EventStream, stream
from . import service
from .models import PlanOut, TransposePlanOut
from .params import BackwardParams, ConvParams, StepParams, TransposeParams

ERRORS: dict[int | str, dict[str, Any]] = {
    422: {"description": "An impossible configuration, explained in one sentence", **ERROR_JSON}
}
router = APIRouter(tags=["conv"], responses=ERRORS)


def _sse(path: str, summary: str) -> Any:
    """A GET route whose 200 is a documented Server-Sent Events stream."""
    return router.get(path, summary=summary, response_class=EventStream, responses=SSE_RESPONSE)


@router.get("/api/conv/plan", summary="Plan of a conv2d")
def plan(params: Annotated[ConvParams, Query()]) -> PlanOut:
    """Shapes, padded input, kernels, full output, formula, costs and limits of one conv2d."""
    return service.plan(params)


@_sse("/api/conv/steps", "Forward steps (SSE)")
def steps(params: Annotated[StepParams, Query()], request: Request) -> EventStream:
    """Stream every sliding-window step of the forward pass (Server-Sent Events)."""
    return stream(request, *service.forward_events(params))


@_sse("/api/conv/backward/steps", "Backward steps (SSE)")
def backward_steps(params: Annotated[BackwardParams, Query()], request: Request) -> EventStream:
    """Stream how each output's dL/dy is accumulated into dL/dW, dL/dX and dL/db.

    The `done` event also carries dy and the final dX, dW and db (conv2d_backward).
    """
    return stream(request, *service.backward_events(params))


@router.get("/api/conv-transpose/plan", summary="Plan of a conv_transpose2d")
def transpose_plan(params: Annotated[TransposeParams, Query()]) -> TransposePlanOut:
    """Input, weight, output, formula, costs and the padding crop of one conv_transpose2d."""
    return service.transpose_plan(params)


@_sse("/api/conv-transpose/steps", "Transposed-conv stamps (SSE)")
def transpose_steps(params: Annotated[TransposeParams, Query()], request: Request) -> EventStream:
    """Stream one kernel stamp per input element of a transposed convolution."""
    return stream(request, *service.transpose_events(params))
