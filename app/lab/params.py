"""Image-lab forms: what a student may ask for, validated once before the image is decoded.

Form fields arrive as strings in a multipart body next to the image; the validators turn them
into kernels and one Geometry, raising the engine's own student-readable messages.
"""

from __future__ import annotations

import json
import math
from typing import Any, Literal

import numpy as np
from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, field_validator, model_validator

import convcore
from convcore import PADDING_MODES, ConvError

from ..fields import PaddingText, PairText, parse_padding, parse_pair
from ..settings import get_settings
from .filter_bank import MAGNITUDE, MODES, SOBEL_PAIR, Geometry

S = get_settings()
CUSTOM = "custom"
Mode = Literal[MODES]  # type: ignore[valid-type]
PaddingMode = Literal[PADDING_MODES]  # type: ignore[valid-type]


def parse_kernel(text: str, max_side: int) -> np.ndarray:
    """'[[0,1,0],[1,-4,1],[0,1,0]]' -> (kH, kW) float64, 1..max_side on each side."""
    try:
        rows = json.loads(text)
    except (ValueError, RecursionError):
        raise ConvError(
            "the custom kernel must be JSON rows of numbers, like [[0,1,0],[1,-4,1],[0,1,0]]",
            code="kernel_not_json",
        ) from None
    if not isinstance(rows, list) or not rows or not all(isinstance(r, list) for r in rows):
        raise ConvError(
            "the custom kernel must be a list of rows, like [[1,2,1]]", code="kernel_not_rows"
        )
    widths = {len(r) for r in rows}
    if len(widths) != 1:
        raise ConvError(
            f"every row of the custom kernel needs the same length, got lengths {sorted(widths)}",
            code="kernel_ragged",
            params={"lengths": sorted(widths)},
        )
    kH, kW = len(rows), widths.pop()
    if not (1 <= kH <= max_side and 1 <= kW <= max_side):
        raise ConvError(
            f"the custom kernel must be 1x1 to {max_side}x{max_side}, got {kH}x{kW}",
            code="kernel_size_range",
            params={"limit": max_side, "kH": kH, "kW": kW},
        )
    ok = all(isinstance(v, int | float) and not isinstance(v, bool) for r in rows for v in r)
    if not ok or not all(math.isfinite(v) and abs(v) <= 1e6 for r in rows for v in r):
        raise ConvError(
            "the custom kernel may hold only finite numbers up to 1e6 in size",
            code="kernel_values",
        )
    return np.array(rows, dtype=np.float64)  # (kH, kW)


def _open_schema(schema: dict[str, Any]) -> None:
    # The multipart body is this model plus the `file` part (allOf + properties), so the
    # published schema may not say additionalProperties: false; the validator below still
    # rejects every unknown field except `file`.
    schema.pop("additionalProperties", None)


class LabParams(BaseModel):
    """Colour mode and conv geometry shared by the filter and window requests."""

    model_config = ConfigDict(extra="forbid", json_schema_extra=_open_schema)

    mode: Mode = Field("grayscale", description="grayscale | depthwise (per channel) | full")
    stride: PairText = Field("1", description="'s' or 'sh,sw'")
    padding: PaddingText = "same"
    padding_mode: PaddingMode = "zeros"
    dilation: PairText = Field("1", description="'d' or 'dh,dw'; 1 means no gaps")
    size: int = Field(3, ge=1, le=S.max_kernel, description="odd size of box/gaussian/motion")
    kernel: str | None = Field(None, max_length=5_000, description="custom kernel, JSON rows")
    relu: bool = Field(False, description="show max(0, y)")

    @model_validator(mode="before")
    @classmethod
    def _without_file(cls, data: Any) -> Any:
        # FastAPI hands a form model the whole form, the image part included; unknown fields
        # stay forbidden so that a typo ("strides") is an error, not a silent default.
        if isinstance(data, dict):
            return {k: v for k, v in data.items() if k != "file"}
        return data

    _geometry: Geometry = PrivateAttr()
    _custom: np.ndarray | None = PrivateAttr(None)

    @model_validator(mode="after")
    def _build(self) -> LabParams:
        # Every check runs here, so a bad setting is a 422 before the image is decoded.
        self._geometry = Geometry(
            stride=parse_pair(self.stride, "stride", 1, S.max_stride),
            padding=parse_padding(self.padding, S.max_padding),
            dilation=parse_pair(self.dilation, "dilation", 1, S.max_dilation),
            padding_mode=self.padding_mode,
        )
        g = self._geometry  # the engine's own refusals ('same' with stride 2, ...), pre-decode
        convcore.Conv2dSpec.of((1, 1), g.stride, g.padding, g.dilation, 1, g.padding_mode)
        if self.kernel is not None:
            self._custom = parse_kernel(self.kernel, S.max_kernel)
        self._finish()
        return self

    def _finish(self) -> None:
        """Subclasses' own cross-field checks (the kernels they name must exist)."""

    def geometry(self) -> Geometry:
        return self._geometry

    def kernel_of(self, name: str) -> np.ndarray:
        """The (kH, kW) kernel a filter name stands for: a preset, or the custom kernel."""
        if name == CUSTOM:
            if self._custom is None:
                raise ConvError(
                    "the 'custom' filter needs a kernel, e.g. [[1, 0, -1]]",
                    code="custom_needs_kernel",
                )
            return self._custom
        return convcore.kernel(name, self.size)


class FilterParams(LabParams):
    """Which filters to run; several at once, plus the optional Sobel gradient magnitude."""

    filters: list[str] = Field(
        ["sobel_x"], description=f"preset names and/or '{CUSTOM}' (then 'kernel' is required)"
    )
    magnitude: bool = Field(False, description="add sqrt(sobel_x^2 + sobel_y^2)")
    contrast: Literal["robust", "full"] = Field(
        "robust",
        description="colour scale per map: full = max |value|; robust = 99th percentile of "
        "|value| (thin edges stay visible; the few larger values saturate)",
    )

    @field_validator("filters")
    @classmethod
    def _known(cls, names: list[str]) -> list[str]:
        # A browser form may send one comma-separated field or the field repeated.
        names = [n.strip() for v in names for n in v.split(",") if n.strip()]
        unknown = [n for n in names if n not in convcore.PRESETS and n != CUSTOM]
        if unknown:
            choices = ", ".join([*convcore.PRESETS, CUSTOM])
            raise ConvError(
                f"unknown filter {unknown[0]!r}; choose from {choices}",
                code="unknown_filter",
                params={"name": unknown[0], "choices": choices},
            )
        names = list(dict.fromkeys(names))
        if not 1 <= len(names) <= S.max_filters:
            raise ConvError(
                f"choose between 1 and {S.max_filters} filters, got {len(names)}",
                code="filter_count",
                params={"limit": S.max_filters, "count": len(names)},
            )
        return names

    _kernels: dict[str, np.ndarray] = PrivateAttr(default_factory=dict)

    def _finish(self) -> None:
        self._kernels = {n: self.kernel_of(n) for n in self.filters}

    def kernels(self) -> dict[str, np.ndarray]:
        """name -> (kH, kW) float64 kernel, in the order asked for."""
        return dict(self._kernels)


class WindowParams(LabParams):
    """One output pixel of one feature map: which numbers made it."""

    filter: str = Field(description=f"a preset name, '{CUSTOM}' or '{MAGNITUDE}'")
    channel: int = Field(0, ge=0, le=2, description="R=0, G=1, B=2 in depthwise mode")
    row: int = Field(ge=0, le=100_000, description="output row oh")
    col: int = Field(ge=0, le=100_000, description="output column ow")

    @field_validator("filter")
    @classmethod
    def _known(cls, name: str) -> str:
        if name not in convcore.PRESETS and name not in (CUSTOM, MAGNITUDE):
            choices = ", ".join([*convcore.PRESETS, CUSTOM, MAGNITUDE])
            raise ConvError(
                f"unknown filter {name!r}; choose from {choices}",
                code="unknown_filter",
                params={"name": name, "choices": choices},
            )
        return name

    def _finish(self) -> None:
        if self.filter != MAGNITUDE:
            self.kernel_of(self.filter)

    def kernels(self) -> dict[str, np.ndarray]:
        """The one or two (Sobel x, y for the magnitude) kernels behind this pixel."""
        names = SOBEL_PAIR if self.filter == MAGNITUDE else (self.filter,)
        return {n: self.kernel_of(n) for n in names}
