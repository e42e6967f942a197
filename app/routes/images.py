"""Image lab API: an uploaded image through real filters, and the numbers behind one pixel.

Routes are plain `def`: FastAPI runs them in its thread pool, so a long convolution never
blocks the event loop. The upload stays in memory (see images.keep_uploads_in_memory).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, Query, UploadFile

from .. import image_lab
from ..images import keep_uploads_in_memory
from ..lab_schemas import FilterOut, FilterParams, KernelOut, WindowOut, WindowParams
from ..settings import Settings, get_settings

SettingsDep = Annotated[Settings, Depends(get_settings)]
Upload = Annotated[UploadFile, File(description="PNG, JPEG, GIF (first frame), BMP or WebP")]
ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"description": "Malformed multipart body"},
    413: {"description": "Too many bytes or pixels (including decompression bombs)"},
    415: {"description": "Not an image in an accepted format"},
    422: {"description": "Corrupt or truncated image, or impossible filter settings"},
}

router = APIRouter(prefix="/api/images", tags=["images"])
keep_uploads_in_memory(get_settings().max_upload_bytes + (1 << 20))


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

    Send the `input.png` of a /filter answer as the file: it is the image exactly as filtered.
    """
    return image_lab.inspect_window(file.file.read(s.max_upload_bytes + 1), params, s)


@router.get("/kernels")
def preset_kernels(
    size: Annotated[int, Query(ge=1, le=get_settings().max_kernel)] = 3,
) -> list[KernelOut]:
    """Every preset filter's numbers at an odd `size` (box, gaussian, identity, motion blur)."""
    return image_lab.presets(size)
