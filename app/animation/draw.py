"""Drawing primitives: one palette, one number format, one grid painter."""

from __future__ import annotations

from functools import lru_cache

import numpy as np
from PIL import ImageDraw, ImageFont

from .layout import Grid

# Flat colours that survive GIF palettes and projectors: amber ties the window to its output
# cell (one highlight, one meaning), light fills carry roles, black text on all of them.
BACKGROUND = (255, 255, 255)
INK = (25, 25, 25)
LINE = (150, 150, 150)
PADDING = (222, 222, 222)  # padding cells: grey, not part of the image
PLAIN = (250, 250, 250)
HIGHLIGHT = (255, 190, 40)  # the current window / cell
KERNEL = (170, 210, 255)
DONE = (190, 232, 190)  # outputs already computed
INSERTED = (232, 222, 250)  # zeros a transposed conv inserts between inputs: not padding
MIN_NUMBER_CELL = 30  # below this a number no longer fits legibly


@lru_cache(maxsize=32)
def font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """Pillow's bundled font (no file from the repo: the woff2 subset does not load in PIL)."""
    return ImageFont.load_default(size)


def fmt(v: float) -> str:
    """Short cell text: integers as integers, others with two decimals (or 3 significant)."""
    if not np.isfinite(v):
        return str(v)
    if float(v).is_integer() and abs(v) < 1e6:
        return str(int(v))
    return f"{v:.2f}" if 0.01 <= abs(v) < 1000 else f"{v:.2g}"


def paint(
    draw: ImageDraw.ImageDraw,
    grid: Grid,
    fills: np.ndarray,
    values: np.ndarray | None = None,
    shown: np.ndarray | None = None,
) -> None:
    """Paint each cell with fills[r, c] (an RGB (rows, cols, 3) array) and, if cells are big
    enough, its value; `shown` (rows, cols) bool hides the numbers where False."""
    numbers = values is not None and grid.cell >= MIN_NUMBER_CELL
    f = font(max(10, min(24, int(grid.cell * 0.32))))
    for r in range(grid.rows):
        for c in range(grid.cols):
            draw.rectangle(grid.rect(r, c), fill=tuple(int(v) for v in fills[r, c]), outline=LINE)
            if numbers and (shown is None or shown[r, c]):
                text = fmt(float(values[r, c]))  # type: ignore[index]
                if draw.textlength(text, font=f) <= grid.cell - 4:
                    draw.text(grid.center(r, c), text, fill=INK, font=f, anchor="mm")


def fills(shape: tuple[int, int], base: tuple[int, int, int]) -> np.ndarray:
    """(rows, cols, 3) array of one colour, to mark with boolean masks."""
    return np.broadcast_to(np.array(base, np.uint8), (*shape, 3)).copy()


def label(draw: ImageDraw.ImageDraw, grid: Grid, text: str) -> None:
    """A caption just above a grid."""
    size = max(12, min(22, grid.cell // 2 + 8))
    draw.text((grid.x, grid.y - 4), text, fill=INK, font=font(size), anchor="ld")
