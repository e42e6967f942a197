"""Request models of /api/network: a digit image, a unit of a layer, a test index, a live run.

Bounds come from the data (8x8 counts 0-16) and app/settings.py; a refusal names the pixel
or the unit, with a code the page translates, before any work (or any stream) starts.
"""

from __future__ import annotations

import math
from typing import Literal

import numpy as np
from pydantic import BaseModel, ConfigDict, Field, model_validator

from convcore import ConvError, network

from ..settings import get_settings
from .data import digits

S = get_settings()
SIDE, MAX_COUNT = 8, 16  # 8x8 cells, each the set pixels of a 4x4 block of a 32x32 bitmap
UNIT_LAYERS = tuple(la.name for la in network.DIGITS_CNN if la.kind in ("conv2d", "max_pool2d"))
TEST_LAST = digits().test_count - 1  # 596: the test images are 1200..1796
UnitLayer = Literal[UNIT_LAYERS]  # type: ignore[valid-type]


class ImageIn(BaseModel):
    """One digit as the data hold it: 8 rows of 8 counts from 0 to 16."""

    model_config = ConfigDict(extra="forbid")
    image: list[list[float]] = Field(
        max_length=64, description="8 rows of 8 numbers, each 0-16 (a 4x4 block's set pixels)"
    )

    @model_validator(mode="after")
    def _check(self) -> ImageIn:
        rows = self.image
        widths = {len(r) for r in rows}
        if len(rows) != SIDE or widths != {SIDE}:
            got = f"{len(rows)}x{widths.pop()}" if len(widths) == 1 else f"{len(rows)} ragged rows"
            raise ConvError(
                f"image must be {SIDE} rows of {SIDE} numbers, got {got}",
                code="network_image_shape",
                params={"rows": SIDE, "cols": SIDE, "got": got},
            )
        for i, row in enumerate(rows):
            for j, v in enumerate(row):
                if not math.isfinite(v):
                    raise ConvError(
                        f"every pixel must be a finite number, got {v} at row {i}, column {j}",
                        code="network_image_not_finite",
                        params={"value": str(v), "row": i, "col": j},
                    )
                if not 0 <= v <= MAX_COUNT:
                    raise ConvError(
                        f"every pixel must be a count from 0 to {MAX_COUNT}, got {v:g} at "
                        f"row {i}, column {j}",
                        code="network_image_range",
                        params={"low": 0, "high": MAX_COUNT, "value": v, "row": i, "col": j},
                    )
        return self

    def array(self) -> np.ndarray:
        """(8, 8) float64 counts."""
        return np.array(self.image, dtype=np.float64)


class UnitIn(ImageIn):
    """A unit (channel, row, col) of a conv or pooling layer, for this image."""

    model_config = ConfigDict(extra="forbid")
    layer: UnitLayer = Field(description=f"one of {', '.join(UNIT_LAYERS)}")
    channel: int = Field(ge=0, description="feature map")
    row: int = Field(ge=0)
    col: int = Field(ge=0)


class TestImageParams(BaseModel):
    model_config = ConfigDict(extra="forbid")
    index: int = Field(0, ge=0, le=TEST_LAST, description="test image k: dataset image 1200 + k")


class TrainParams(BaseModel):
    """A live run from scratch; the defaults are scripts/train_digits.py's (the committed run)."""

    model_config = ConfigDict(extra="forbid")
    epochs: int = Field(6, ge=1, le=S.max_train_epochs, description="passes over the 1200")
    lr: float = Field(0.01, ge=0.0001, le=0.1, allow_inf_nan=False, description="Adam's first rate")
    seed: int = Field(5, ge=0, le=2**31 - 1, description="initial weights and batch order")
    batch: int = Field(32, ge=16, le=256, description="images per Adam step")
