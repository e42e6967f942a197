"""Receptive field of a stack of conv layers: which input pixels can one output see?"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from ..responses import ErrorOut, ReceptiveOut
from ..schemas import StackParams
from ..serialize import receptive_json

router = APIRouter(tags=["receptive field"], responses={422: {"model": ErrorOut}})


@router.get("/api/receptive-field", summary="Receptive field of a stack")
def receptive(params: Annotated[StackParams, Query()]) -> ReceptiveOut:
    """r0, effective stride and padding, the region of output y, and the growth per layer."""
    return ReceptiveOut.model_validate(receptive_json(params))
