"""A minimal writer for 8-bit indexed PNGs whose compression runs outside the GIL.

Pillow's PNG encoder holds the GIL, so rendering eight 1 MP feature maps in threads took as
long as rendering them in a row; zlib.compressobj releases it, and the maps encode in parallel
(about 1.7x on 2 cores here). The format is the PNG spec's simplest case: IHDR, PLTE, one
IDAT with filter type 0 on every row, IEND.
"""

from __future__ import annotations

import struct
import zlib

import numpy as np

SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def indexed_png(indices: np.ndarray, palette: np.ndarray, level: int = 1) -> bytes:
    """indices: (H, W) uint8 into palette: (n <= 256, 3) uint8 -> PNG bytes (colour type 3).

    Z_RLE at level 1: feature maps are long runs of nearly equal values; it encoded a 1 MP
    map in ~7 ms against ~100 ms for the default level 6, for files ~15% larger.
    """
    H, W = indices.shape
    rows = np.zeros((H, W + 1), np.uint8)  # (H, 1 + W): a filter-type byte (0) per row
    rows[:, 1:] = indices
    z = zlib.compressobj(level, zlib.DEFLATED, 15, 9, zlib.Z_RLE)
    idat = z.compress(rows.tobytes()) + z.flush()
    header = struct.pack(">IIBBBBB", W, H, 8, 3, 0, 0, 0)  # 8-bit, palette, no interlace
    return (
        SIGNATURE
        + _chunk(b"IHDR", header)
        + _chunk(b"PLTE", np.ascontiguousarray(palette, np.uint8).tobytes())
        + _chunk(b"IDAT", idat)
        + _chunk(b"IEND", b"")
    )
