"""Conv plan and step streams: a query model validates once, the service computes."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Query, Request

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


# POST twins: the same fields as a form body (application/x-www-form-urlencoded), for a
# configuration too long for a URL (input_values of a large input). A form carries strings as a
# query does, so a body is read exactly as its URL would be; the front end switches past a URL
# length.
BODY = " (form body)"
BODY_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"description": "The form cannot be read (a field past the parser's size)", **ERROR_JSON},
    413: {"description": "The body is larger than the server accepts", **ERROR_JSON},
}
# An empty form is the default configuration, as an empty query is: the body is optional.
DEFAULT_CONV, DEFAULT_STEPS = ConvParams.model_validate({}), StepParams.model_validate({})
DEFAULT_BACKWARD = BackwardParams.model_validate({})
DEFAULT_TRANSPOSE = TransposeParams.model_validate({})


@router.post(
    "/api/conv/plan",
    summary="Plan of a conv2d" + BODY,
    dependencies=[Depends(heavy_slot)],
    responses=BODY_ERRORS,
)
def plan_body(params: Annotated[ConvParams, Form()] = DEFAULT_CONV) -> PlanOut:
    return service.plan(params)


@_sse("/api/conv/steps", "Forward steps (SSE)" + BODY, "POST")
def steps_body(
    request: Request, params: Annotated[StepParams, Form()] = DEFAULT_STEPS
) -> EventStream:
    return stream(request, *service.forward_events(params))


@_sse("/api/conv/backward/steps", "Backward steps (SSE)" + BODY, "POST")
def backward_steps_body(
    request: Request, params: Annotated[BackwardParams, Form()] = DEFAULT_BACKWARD
) -> EventStream:
    return stream(request, *service.backward_events(params))


@router.post(
    "/api/conv-transpose/plan",
    summary="Plan of a conv_transpose2d" + BODY,
    dependencies=[Depends(heavy_slot)],
    responses=BODY_ERRORS,
)
def transpose_plan_body(
    params: Annotated[TransposeParams, Form()] = DEFAULT_TRANSPOSE,
) -> TransposePlanOut:
    return service.transpose_plan(params)


@_sse("/api/conv-transpose/steps", "Transposed-conv stamps (SSE)" + BODY, "POST")
def transpose_steps_body(
    request: Request, params: Annotated[TransposeParams, Form()] = DEFAULT_TRANSPOSE
) -> EventStream:
    return stream(request, *service.transpose_events(params))
