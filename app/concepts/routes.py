"""The lessons' endpoints: a query model validates, the service asks the engine."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query

from ..capacity import heavy_slot
from ..conv.params import ConvParams
from ..errors import BUSY, ERROR_JSON
from . import continuous, service
from .models import ImpulseOut, MatrixOut, OutputSizeOut, ShiftOut, SignalsOut, StackOut
from .params import (
    ImpulseParams,
    KernelStackParams,
    OutputSizeParams,
    ShiftParams,
    SignalsParams,
)

ERRORS: dict[int | str, dict[str, Any]] = {
    422: {"description": "An impossible configuration, explained in one sentence", **ERROR_JSON},
    503: BUSY,
}
router = APIRouter(prefix="/api/concepts", tags=["lessons"], responses=ERRORS)


@router.get("/matrix", summary="The conv layer as a matrix", dependencies=[Depends(heavy_slot)])
def matrix(params: Annotated[ConvParams, Query()]) -> MatrixOut:
    """matrix @ input.ravel() + bias == output.ravel(), for the plan's own parameters."""
    return service.matrix(params)


@router.get("/signals", summary="1-D convolution: flip, slide, multiply, integrate")
def signals(params: Annotated[SignalsParams, Query()]) -> SignalsOut:
    """f(τ), g(t − τ), their product, its Riemann sum and the error at each step size."""
    return continuous.flip_and_slide(params)


@router.get("/impulse", summary="An impulse through correlation and convolution")
def impulse(params: Annotated[ImpulseParams, Query()]) -> ImpulseOut:
    """Correlation returns the kernel flipped; convolution returns it as written."""
    return service.impulse(params)


@router.get("/shift", summary="Translation equivariance", dependencies=[Depends(heavy_slot)])
def shift(params: Annotated[ShiftParams, Query()]) -> ShiftOut:
    """conv(x) and conv(x shifted one pixel), where they disagree, and a max-pool after."""
    return service.shift(params)


@router.get("/stack", summary="Stacked 3x3 layers against one large kernel")
def stack(params: Annotated[KernelStackParams, Query()]) -> StackOut:
    """Receptive field, parameters and multiply-adds of n 3x3 layers and one (2n+1)x(2n+1)."""
    return service.stack(params)


@router.get("/output-size", summary="The output size, the seed's formula and the general one")
def output_size(params: Annotated[OutputSizeParams, Query()]) -> OutputSizeOut:
    """(W₁ − F + 2P)/S + 1 as a fraction, the floor conv2d takes, and ceil_mode's size."""
    return service.output_size(params)
