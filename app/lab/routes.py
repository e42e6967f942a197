"""Image lab API: an uploaded image through real filters, and the numbers behind one pixel.

Routes are plain `def`: FastAPI runs them in its thread pool, so a long convolution never
blocks the event loop. create_app() keeps uploads in memory (decode.keep_uploads_in_memory).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile

from ..errors import ERROR_JSON, ApiError
from ..settings import Settings, get_settings
from . import service
from .models import FilterOut, WindowOut
from .params import FilterParams, WindowParams


async def one_file(request: Request) -> None:
    """A second `file` part would be silently dropped: refuse it instead."""
    count = len((await request.form()).getlist("file"))
    if count > 1:
        raise ApiError(
            422,
            f"send one image per request, got {count} file parts",
            code="one_file_only",
            params={"count": count},
        )


SettingsDep = Annotated[Settings, Depends(get_settings)]
Upload = Annotated[UploadFile, File(description="PNG, JPEG, GIF (first frame), BMP or WebP")]
ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"description": "Malformed multipart body", **ERROR_JSON},
    413: {"description": "Too many bytes or pixels (including decompression bombs)", **ERROR_JSON},
    415: {"description": "Not an image in an accepted format", **ERROR_JSON},
    422: {"description": "Corrupt or truncated image, or impossible settings", **ERROR_JSON},
}
router = APIRouter(
    prefix="/api/images", tags=["images"], responses=ERRORS, dependencies=[Depends(one_file)]
)


@router.post("/filter")
def filter_image(
    file: Upload, params: Annotated[FilterParams, Form()], s: SettingsDep
) -> FilterOut:
    """Run several filters over an image; every feature map comes back as a PNG."""
    return service.filter_image(file.file.read(s.max_upload_bytes + 1), params, s)


@router.post("/window")
def inspect_window(
    file: Upload, params: Annotated[WindowParams, Form()], s: SettingsDep
) -> WindowOut:
    """The input window, kernel and dot product behind one output pixel of one map.

    Send the `input.image` of a /filter answer as the file: it is the image exactly as filtered.
    """
    return service.inspect_window(file.file.read(s.max_upload_bytes + 1), params, s)
