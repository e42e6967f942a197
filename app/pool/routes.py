"""Pooling: the plan of one max/avg pooling layer and its window steps (SSE)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request

from ..capacity import heavy_admission, heavy_slot
from ..errors import BUSY, ERROR_JSON
from ..sse import SSE_RESPONSE, EventStream, stream
from . import service
from .models import PoolPlanOut
from .params import PoolParams

ERRORS: dict[int | str, dict[str, Any]] = {
    422: {"description": "An impossible pooling layer, explained in one sentence", **ERROR_JSON},
    503: BUSY,
}
router = APIRouter(tags=["pool"], responses=ERRORS)


@router.get("/api/pool/plan", summary="Plan of a pooling layer", dependencies=[Depends(heavy_slot)])
def plan(params: Annotated[PoolParams, Query()]) -> PoolPlanOut:
    """Input, output (max_pool2d / avg_pool2d), sizes with and without ceil_mode, step count."""
    return service.plan(params)


@router.get(
    "/api/pool/steps",
    summary="Pooling window steps (SSE)",
    response_class=EventStream,
    responses=SSE_RESPONSE,
    dependencies=[Depends(heavy_admission)],
)
def steps(params: Annotated[PoolParams, Query()], request: Request) -> EventStream:
    """One `step` per output element: its window (null = max pooling's padding), the value,
    and for max the chosen tap and torch's flat index, for avg the total and divisor."""
    return stream(request, service.step_lines(params), service.done(params))
