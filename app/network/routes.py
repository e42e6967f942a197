"""A small CNN on handwritten digits: the model, predictions, one unit, test images, a live run."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request

from ..capacity import heavy_admission, heavy_slot
from ..errors import BUSY, ERROR_JSON
from ..sse import EventStream
from . import service
from .models import ModelOut, PredictOut, TestImageOut, UnitOut
from .params import ImageIn, TestImageParams, TrainParams, UnitIn
from .training import stream_epochs

ERRORS: dict[int | str, dict[str, Any]] = {
    422: {"description": "A refused image, unit or setting, in one sentence", **ERROR_JSON},
    503: BUSY,
}
router = APIRouter(prefix="/api/network", tags=["network"], responses=ERRORS)
TRAIN_RESPONSE: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "`event: epoch` per epoch (epoch 0 = the random start), then `event: done`",
        "content": {"text/event-stream": {"schema": {"type": "string"}}},
    }
}


@router.get("/model", summary="The digits CNN", dependencies=[Depends(heavy_slot)])
def model() -> ModelOut:
    """Layers, committed weights and their accuracy on the fixed train and test splits."""
    return service.model()


@router.post("/predict", summary="Every layer for one digit", dependencies=[Depends(heavy_slot)])
def predict(body: ImageIn) -> PredictOut:
    """Every layer's activations, the logits and the probabilities for an 8x8 digit."""
    return service.predict(body)


@router.post("/unit", summary="One unit's computation", dependencies=[Depends(heavy_slot)])
def unit(body: UnitIn) -> UnitOut:
    """The input window, weights, bias and value of one conv or pooling unit."""
    return service.unit(body)


@router.get("/test-image", summary="A test image")
def test_image(params: Annotated[TestImageParams, Query()]) -> TestImageOut:
    """Test image k (dataset image 1200 + k) and its label."""
    return service.test_image(params)


@router.get(
    "/train",
    summary="Train live (SSE)",
    response_class=EventStream,
    responses=TRAIN_RESPONSE,
    dependencies=[Depends(heavy_admission)],
)
def train(params: Annotated[TrainParams, Query()], request: Request) -> EventStream:
    """Train from scratch with convcore; stream loss, accuracy and the first kernels per epoch."""
    return EventStream(stream_epochs(request, params))
