"""Backward & variants: one GET per section, each the explorer's query plus `step`."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query

from ..capacity import heavy_slot
from ..errors import BUSY, ERROR_JSON
from . import service
from .models import BackwardOut, GroupedOut, LoweringOut, TransposedOut, UpdateOut
from .params import BackwardAt, ConvAt, TransposeAt, UpdateParams

ERRORS: dict[int | str, dict[str, Any]] = {
    422: {"description": "An impossible configuration, in one sentence", **ERROR_JSON},
    503: BUSY,
}
router = APIRouter(tags=["variants"], responses=ERRORS, dependencies=[Depends(heavy_slot)])


@router.get("/api/variants/backward", summary="The backward pass explained")
def backward(params: Annotated[BackwardAt, Query()]) -> BackwardOut:
    """dW, db, dX two ways (conv2d_backward; conv_transpose2d of dy, cropped or folded), the
    step shown, and the backward pass's costs."""
    return service.backward(params)


@router.get("/api/variants/update", summary="One gradient-descent step on the kernels")
def update(params: Annotated[UpdateParams, Query()]) -> UpdateOut:
    """W <- W - lr dW for L = sum(y) or 1/2 ||y - t||^2, the new output and both losses."""
    return service.update(params)


@router.get("/api/variants/transposed", summary="Transposed conv two ways at one output")
def transposed(params: Annotated[TransposeAt, Query()]) -> TransposedOut:
    """The direct conv's window over the zero-inserted input and the stamps landing there."""
    return service.transposed(params)


@router.get("/api/variants/grouped", summary="Grouped, depthwise and separable")
def grouped(params: Annotated[ConvAt, Query()]) -> GroupedOut:
    """Channel bands per filter, the two separable stages, and the cost table."""
    return service.grouped(params)


@router.get("/api/variants/im2col", summary="im2col at one step")
def im2col(params: Annotated[ConvAt, Query()]) -> LoweringOut:
    """The patch matrix, the weight matrix and which column/row/output the step uses."""
    return service.lowering(params)
