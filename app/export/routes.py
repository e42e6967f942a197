"""GIF and PNG of the engine's steps, and the layer as runnable Python (text/x-python)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import PlainTextResponse, Response
from pydantic import ValidationError

from ..capacity import heavy_slot
from ..errors import BUSY, ERROR_JSON, translate
from . import service
from .params import (
    CODE_MODELS,
    BackwardFrame,
    BackwardGif,
    ForwardFrame,
    ForwardGif,
    Kind,
    Lang,
    TransposeFrame,
    TransposeGif,
)

ERRORS: dict[int | str, dict[str, Any]] = {
    422: {"description": "An impossible configuration or range, in one sentence", **ERROR_JSON},
    503: BUSY,
}
router = APIRouter(tags=["export"], responses=ERRORS, dependencies=[Depends(heavy_slot)])
GIF: dict[int | str, dict[str, Any]] = {
    200: {"content": {"image/gif": {}}, "description": "a looping 1280x720 GIF"}
}
PNG: dict[int | str, dict[str, Any]] = {
    200: {"content": {"image/png": {}}, "description": "one 1280x720 frame"}
}
PY: dict[int | str, dict[str, Any]] = {
    200: {"content": {"text/x-python": {}}, "description": "a script printing JSON"}
}


def _image(path: str, kind: dict[int | str, dict[str, Any]]) -> Any:
    return router.get(path, response_class=Response, responses=kind)


@_image("/api/conv/animation.gif", GIF)
def forward_gif(params: Annotated[ForwardGif, Query()]) -> Response:
    """Forward steps [start, stop) as a GIF (no stop: up to max_frames frames)."""
    return Response(service.forward_gif(params), media_type="image/gif")


@_image("/api/conv/frame.png", PNG)
def forward_png(params: Annotated[ForwardFrame, Query()]) -> Response:
    """Forward step `step` as a PNG."""
    return Response(service.forward_png(params), media_type="image/png")


@_image("/api/conv/backward/animation.gif", GIF)
def backward_gif(params: Annotated[BackwardGif, Query()]) -> Response:
    """Backward steps (dW += dy·window) [start, stop) as a GIF."""
    return Response(service.backward_gif(params), media_type="image/gif")


@_image("/api/conv/backward/frame.png", PNG)
def backward_png(params: Annotated[BackwardFrame, Query()]) -> Response:
    return Response(service.backward_png(params), media_type="image/png")


@_image("/api/conv-transpose/animation.gif", GIF)
def transpose_gif(params: Annotated[TransposeGif, Query()]) -> Response:
    """Stamps (view=scatter) or the direct conv's steps (view=direct) as a GIF."""
    return Response(service.transpose_gif(params), media_type="image/gif")


@_image("/api/conv-transpose/frame.png", PNG)
def transpose_png(params: Annotated[TransposeFrame, Query()]) -> Response:
    return Response(service.transpose_png(params), media_type="image/png")


@router.get("/api/conv/code", response_class=PlainTextResponse, responses=PY)
def code(request: Request, kind: Kind = "forward", lang: Lang = "pytorch") -> PlainTextResponse:
    """The layer as Python printing its result as JSON. The other query parameters are the
    plan's: ConvParams (forward), BackwardParams (backward), TransposeParams (transposed)."""
    try:  # the model depends on kind, so it is chosen here and validated like a query model
        params = CODE_MODELS[kind].model_validate(dict(request.query_params))
    except ValidationError as exc:
        raise translate(exc.errors()[0]) from None
    return PlainTextResponse(service.code(params), media_type="text/x-python")
