"""Untrusted image bytes -> a small RGB array, in memory, with every Pillow pitfall closed.

Status codes (JSON {"detail", "code", "args"} through ApiError): 413 too many bytes or pixels
(decompression bombs are caught from the header, before any pixel is decoded), 415 not an image
in an accepted format, 422 a corrupt or truncated image. Nothing here may raise anything else.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageFile, ImageOps, UnidentifiedImageError
from starlette.formparsers import MultiPartParser

from ..errors import ApiError

FORMATS = ("PNG", "JPEG", "GIF", "BMP", "WEBP")  # no EPS/PSD/TIFF/...: fewer parsers see input
ImageFile.LOAD_TRUNCATED_IMAGES = False  # the default, restated: truncation must be an error


@dataclass(frozen=True)
class Decoded:
    """An upload ready for filtering: rgb is (H, W, 3) uint8 after orientation and downscale."""

    rgb: np.ndarray
    format: str
    original: tuple[int, int]  # (width, height) as stored, before EXIF rotation and downscale

    @property
    def scaled(self) -> bool:
        H, W = self.rgb.shape[:2]
        return max(H, W) < max(self.original)


def keep_uploads_in_memory(max_bytes: int) -> None:
    """Starlette spools an uploaded file to a temporary file past 1 MB; raise that threshold
    above the largest body the app accepts, so an upload is never written to disk."""
    MultiPartParser.spool_max_size = max(MultiPartParser.spool_max_size, max_bytes)


def decode(data: bytes, max_bytes: int, max_pixels: int, long_side: int) -> Decoded:
    """Decode PNG/JPEG/GIF (first frame)/BMP/WebP bytes to RGB, downscaled to `long_side`."""
    if len(data) > max_bytes:
        size, limit = _mb(len(data)), _mb(max_bytes)
        raise ApiError(
            413,
            f"the file is {size} MB; the limit is {limit} MB",
            code="file_too_large",
            params={"size_mb": size, "limit_mb": limit},
        )
    if not data:
        raise ApiError(
            415,
            "the file is empty; choose a PNG, JPEG, GIF, BMP or WebP image",
            code="file_empty",
        )
    # catch_warnings is process-wide, so two requests in threads may see each other's filters;
    # that is harmless: _check_pixels (16 MP, far below Pillow's 89 MP warning) runs on the
    # header before any decode, and Pillow's own DecompressionBombError needs no filter.
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        # Corrupt EXIF in an otherwise fine image: Pillow skips the tag and warns; so do we.
        warnings.filterwarnings("ignore", category=UserWarning, module="PIL")
        try:
            with Image.open(io.BytesIO(data), formats=FORMATS) as im:
                _check_pixels(im.width, im.height, max_pixels)
                original, fmt = im.size, str(im.format)
                if (
                    fmt == "JPEG"
                ):  # decode JPEGs at 1/2, 1/4 or 1/8 when that still covers the target
                    im.draft("RGB", _fit(im.size, long_side))
                im.load()  # full decode now: truncation and corruption surface here
                rgb = _to_rgb(ImageOps.exif_transpose(im))
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise ApiError(
                413,
                "the image header declares too many pixels (a decompression bomb?)",
                code="decompression_bomb",
            ) from None
        except UnidentifiedImageError:
            raise ApiError(
                415,
                "this is not an image we can read; use a PNG, JPEG, GIF, BMP or WebP file",
                code="not_an_image",
            ) from None
        except ApiError:
            raise
        except (OSError, SyntaxError, ValueError, EOFError, IndexError, MemoryError) as exc:
            raise ApiError(
                422,
                f"the image is corrupt or truncated ({exc})",
                code="corrupt_image",
                params={"reason": str(exc)},
            ) from None
        except Exception as exc:
            # Pillow's plugins parse hostile bytes; whatever else one raises (struct.error,
            # KeyError, ...) is still a broken file, not a server fault. 6000 mutated files in
            # a fuzz run raised none of these, but "never 500" must not rest on that.
            raise ApiError(
                422,
                f"the image could not be decoded ({type(exc).__name__})",
                code="corrupt_image",
                params={"reason": type(exc).__name__},
            ) from None
    rgb = rgb.resize(_fit(rgb.size, long_side), Image.Resampling.LANCZOS, reducing_gap=3.0)
    return Decoded(np.asarray(rgb), fmt, original)


def encode_lossless(rgb: np.ndarray) -> bytes:
    """rgb: (H, W, 3) uint8 -> lossless WebP bytes (what was filtered, pixel for pixel).

    WebP rather than PNG: for a 1 MP photo, lossless WebP at method 0 took ~27 ms here and
    PNG at zlib level 1 ~90 ms, at about the same size. Browsers and decode() both read it.
    """
    buf = io.BytesIO()
    Image.fromarray(rgb, "RGB").save(buf, "WEBP", lossless=True, quality=0, method=0)
    return buf.getvalue()


def _check_pixels(width: int, height: int, max_pixels: int) -> None:
    if width * height > max_pixels:
        megapixels, limit = round(width * height / 1e6, 1), max_pixels / 1e6
        raise ApiError(
            413,
            f"the image is {width}x{height} = {megapixels:.1f} MP; the limit is {limit:g} MP",
            code="too_many_pixels",
            params={"width": width, "height": height, "megapixels": megapixels, "limit_mp": limit},
        )


def _fit(size: tuple[int, int], long_side: int) -> tuple[int, int]:
    """(w, h) scaled so that its longer side is at most long_side (never enlarged)."""
    w, h = size
    f = min(1.0, long_side / max(w, h))
    return max(1, round(w * f)), max(1, round(h * f))


def _to_rgb(im: Image.Image) -> Image.Image:
    """Any mode -> RGB; transparency is flattened onto white, 16-bit values scaled to 8 bits."""
    if im.mode in ("I;16", "I;16B", "I;16L", "I;16N", "I", "F"):
        a = np.asarray(im, dtype=np.float64)
        a = a / 257.0 if a.max(initial=0) > 255 else a
        im = Image.fromarray(np.clip(np.rint(a), 0, 255).astype(np.uint8), "L")
    if im.mode in ("RGBA", "LA", "PA", "RGBa", "La") or "transparency" in im.info:
        rgba = im.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(white, rgba).convert("RGB")
    return im.convert("RGB")


def _mb(n: int) -> float:
    return round(n / (1024 * 1024), 1)
