"""Where each grid sits on a slide: one function per layout, shared by drawing and tests."""

from __future__ import annotations

from dataclasses import dataclass

Box = tuple[int, int, int, int]  # (x, y, width, height)


@dataclass(frozen=True)
class Grid:
    """A rows x cols grid of square cells whose top-left corner is (x, y)."""

    x: int
    y: int
    cell: int
    rows: int
    cols: int

    def rect(self, r: int, c: int) -> Box:
        """(x0, y0, x1, y1) of cell (r, c), inclusive, as PIL's rectangle takes it."""
        x0, y0 = self.x + c * self.cell, self.y + r * self.cell
        return (x0, y0, x0 + self.cell, y0 + self.cell)

    def center(self, r: int, c: int) -> tuple[int, int]:
        x0, y0, x1, y1 = self.rect(r, c)
        return ((x0 + x1) // 2, (y0 + y1) // 2)

    @property
    def bottom(self) -> int:
        return self.y + self.rows * self.cell


def fit(box: Box, rows: int, cols: int, max_cell: int) -> Grid:
    """The largest grid of square cells (at most max_cell) centred in box, below a label line."""
    x, y, w, h = box
    label = max(14, h // 12) if h > 120 else 0
    cell = max(2, min(max_cell, w // cols, (h - label) // rows))
    gx = x + (w - cell * cols) // 2
    gy = y + label + (h - label - cell * rows) // 2
    return Grid(gx, gy, cell, rows, cols)


def stack(box: Box, n: int, gap: int = 8) -> list[Box]:
    """Split box into n boxes one above the other."""
    x, y, w, h = box
    each = (h - gap * (n - 1)) // n
    return [(x, y + i * (each + gap), w, each) for i in range(n)]


def columns(size: tuple[int, int], shares: tuple[float, ...]) -> list[Box]:
    """Boxes side by side across the slide's middle band (title above, formula below)."""
    W, H = size
    top, bottom = int(H * 0.1), int(H * 0.8)
    boxes, x, pad = [], int(W * 0.02), int(W * 0.02)
    for share in shares:
        w = int(W * share)
        boxes.append((x, top, w, bottom - top))
        x += w + pad
    return boxes
