"""Conv plan and step streams: a query model validates once, the service computes."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from pydantic import ConfigDict

from ..capacity import heavy_admission, heavy_slot
from ..errors import BUSY, ERROR_JSON
from ..sse import SSE_RESPONSE, EventStream, stream
from . import service
from .models import PlanOut, TransposePlanOut
from .params import BackwardParams, ConvParams, StepParams, TransposeParams

ERRORS: dict[int | str, dict[str, Any]] = {
    422: {"description": "An impossible configuration, explained in one sentence", **ERROR_JSON},
    503: BUSY,
}
router = APIRouter(tags=["conv"], responses=ERRORS)


def _sse(path: str, summary: str, method: str = "GET") -> Any:
    """A route whose 200 is a documented Server-Sent Events stream."""
    return router.api_route(
        path,
        methods=[method],
        summary=summary,
        response_class=EventStream,
        responses={**SSE_RESPONSE, **(BODY_ERRORS if method == "POST" else {})},
        dependencies=[Depends(heavy_admission)],
    )


@router.get("/api/conv/plan", summary="Plan of a conv2d", dependencies=[Depends(heavy_slot)])
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


@router.get(
    "/api/conv-transpose/plan",
    summary="Plan of a conv_transpose2d",
    dependencies=[Depends(heavy_slot)],
)
def transpose_plan(params: Annotated[TransposeParams, Query()]) -> TransposePlanOut:
    """Input, weight, output, formula, costs and the padding crop of one conv_transpose2d."""
    return service.transpose_plan(params)


@_sse("/api/conv-transpose/steps", "Transposed-conv stamps (SSE)")
def transpose_steps(params: Annotated[TransposeParams, Query()], request: Request) -> EventStream:
    """Stream one kernel stamp per input element of a transposed convolution."""
    return stream(request, *service.transpose_events(params))


# JSON POST twins: the same parameters as a JSON body, for a configuration too long for a URL
# (input_values of a large input); the front end switches to them past a URL length. A body is
# validated strictly: JSON has types, so `"seed": false` is refused rather than read as 0.
BODY = " (JSON body)"


STRICT = ConfigDict(extra="forbid", strict=True)
BODY_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"description": "The body is not JSON", **ERROR_JSON}
}


class ConvBody(ConvParams):
    model_config = STRICT


class StepBody(StepParams):
    model_config = STRICT


class BackwardBody(BackwardParams):
    model_config = STRICT


class TransposeBody(TransposeParams):
    model_config = STRICT


@router.post(
    "/api/conv/plan",
    summary="Plan of a conv2d" + BODY,
    dependencies=[Depends(heavy_slot)],
    responses=BODY_ERRORS,
)
def plan_body(params: ConvBody) -> PlanOut:
    return service.plan(params)


@_sse("/api/conv/steps", "Forward steps (SSE)" + BODY, "POST")
def steps_body(params: StepBody, request: Request) -> EventStream:
    return stream(request, *service.forward_events(params))


@_sse("/api/conv/backward/steps", "Backward steps (SSE)" + BODY, "POST")
def backward_steps_body(params: BackwardBody, request: Request) -> EventStream:
    return stream(request, *service.backward_events(params))


@router.post(
    "/api/conv-transpose/plan",
    summary="Plan of a conv_transpose2d" + BODY,
    dependencies=[Depends(heavy_slot)],
    responses=BODY_ERRORS,
)
def transpose_plan_body(params: TransposeBody) -> TransposePlanOut:
    return service.transpose_plan(params)


@_sse("/api/conv-transpose/steps", "Transposed-conv stamps (SSE)" + BODY, "POST")
def transpose_steps_body(params: TransposeBody, request: Request) -> EventStream:
    return stream(request, *service.transpose_events(params))
