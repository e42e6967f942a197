"""Receptive field of a stack of conv layers: which input pixels can one output see?"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from ..errors import ERROR_JSON
from . import service
from .models import ReceptiveOut
from .params import StackParams

router = APIRouter(
    tags=["receptive field"],
    responses={422: {"description": "An impossible stack, in one sentence", **ERROR_JSON}},
)


@router.get("/api/receptive-field", summary="Receptive field of a stack")
def receptive(params: Annotated[StackParams, Query()]) -> ReceptiveOut:
    """r0, effective stride and padding, the region of output y, and the growth per layer."""
    return service.receptive(params)
