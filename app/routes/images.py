"""Image lab API: an uploaded image through real filters, and the numbers behind one pixel.

Routes are plain `def`: FastAPI runs them in its thread pool, so a long convolution never
blocks the event loop. create_app() keeps uploads in memory (images.keep_uploads_in_memory).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, Query, UploadFile

from .. import image_lab
from ..lab_schemas import FilterOut, FilterParams, KernelOut, WindowOut, WindowParams
from ..responses import ErrorOut
from ..settings import Settings, get_settings

SettingsDep = Annotated[Settings, Depends(get_settings)]
Upload = Annotated[UploadFile, File(description="PNG, JPEG, GIF (first frame), BMP or WebP")]
JSON = {"application/json": {"schema": ErrorOut.model_json_schema()}}
ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"description": "Malformed multipart body", "content": JSON},
    413: {
        "description": "Too many bytes or pixels (including decompression bombs); a body far "
        "over the limit is refused before parsing, as text/plain",
        "content": {**JSON, "text/plain": {"schema": {"type": "string"}}},
    },
    415: {"description": "Not an image in an accepted format", "content": JSON},
    422: {"description": "Corrupt or truncated image, or impossible settings", "content": JSON},
}

router = APIRouter(prefix="/api/images", tags=["images"])


@router.post("/filter", responses=ERRORS)
def filter_image(
    file: Upload, params: Annotated[FilterParams, Form()], s: SettingsDep
) -> FilterOut:
    """Run several filters over an image; every feature map comes back as a PNG."""
    return image_lab.filter_image(file.file.read(s.max_upload_bytes + 1), params, s)


@router.post("/window", responses=ERRORS)
def inspect_window(
    file: Upload, params: Annotated[WindowParams, Form()], s: SettingsDep
) -> WindowOut:
    """The input window, kernel and dot product behind one output pixel of one map.

    Send the `input.image` of a /filter answer as the file: it is the image exactly as filtered.
    """
    return image_lab.inspect_window(file.file.read(s.max_upload_bytes + 1), params, s)


@router.get("/kernels", responses={422: ERRORS[422]})
def preset_kernels(
    size: Annotated[int, Query(ge=1, le=get_settings().max_kernel)] = 3,
) -> list[KernelOut]:
    """Every preset filter's numbers at an odd `size` (box, gaussian, identity, motion blur)."""
    return image_lab.presets(size)
