"""Receptive field of a stack of conv layers: which input pixels can one output see?"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from ..capacity import heavy_slot
from ..errors import BUSY, ERROR_JSON
from . import erf, service
from .models import ReceptiveOut
from .params import StackParams

router = APIRouter(
    tags=["receptive field"],
    responses={
        422: {"description": "An impossible stack, in one sentence", **ERROR_JSON},
        503: BUSY,
    },
)


@router.get("/api/receptive-field", summary="Receptive field of a stack")
def receptive(params: Annotated[StackParams, Query()]) -> ReceptiveOut:
    """r0, effective stride and padding, the region of output y, and the growth per layer."""
    return service.receptive(params)


@router.get(
    "/api/receptive-field/erf",
    summary="Effective receptive field of a stack",
    dependencies=[Depends(heavy_slot)],
)
def effective(params: Annotated[erf.ErfParams, Query()]) -> erf.ErfOut:
    """|dy_center/dx| (uniform or He-random weights, with or without ReLU), width by depth."""
    return erf.erf(params)
