"""Learn a kernel: the run's plan (curvature, largest stable rate) and its steps (SSE)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request

from ..capacity import heavy_admission, heavy_slot
from ..errors import BUSY, ERROR_JSON
from ..sse import SSE_RESPONSE, EventStream, events
from . import service
from .models import LearnPlanOut
from .params import LearnParams

ERRORS: dict[int | str, dict[str, Any]] = {
    422: {"description": "An impossible run, explained in one sentence", **ERROR_JSON},
    503: BUSY,
}
router = APIRouter(tags=["learn"], responses=ERRORS)


@router.get("/api/learn/plan", summary="Plan of a learning run", dependencies=[Depends(heavy_slot)])
def plan(params: Annotated[LearnParams, Query()]) -> LearnPlanOut:
    """Image, hidden target, target map, and the curvature: λ_max and the largest stable lr."""
    return service.plan(params)


@router.get(
    "/api/learn/steps",
    summary="Gradient-descent steps (SSE)",
    response_class=EventStream,
    responses=SSE_RESPONSE,
    dependencies=[Depends(heavy_admission)],
)
def steps(params: Annotated[LearnParams, Query()], request: Request) -> EventStream:
    """One `step` per iteration (iteration, loss, kernel, dW, update; output every k), then
    `done` with the final kernel and loss (and `diverged` when the loss blew up)."""
    return EventStream(events(request, *service.events(params)))
