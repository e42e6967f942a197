"""Response models of the image lab: feature maps, the input as filtered, one window."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field


class MapOut(BaseModel):
    """One feature map as a palette PNG coloured on [-scale, scale]."""

    index: int
    filter: str
    channel: str | None = Field(description="R, G or B in depthwise mode; null: all channels")
    kernel: list[list[float]] | None = Field(description="(kH, kW); null for the magnitude")
    height: int
    width: int
    min: float
    max: float
    scale: float = Field(description="the colour bar runs from -scale to +scale")
    clipped: bool = Field(description="some |value| > scale: those pixels saturate")
    png: str = Field(description="data:image/png;base64,...")


class InputOut(BaseModel):
    """The image exactly as filtered (oriented, downscaled, flattened), losslessly encoded."""

    width: int
    height: int
    original_width: int
    original_height: int
    format: str
    scaled: bool
    image: str = Field(
        description="data:image/webp;base64,... (lossless): send it back to "
        "/window as the file to inspect exactly these pixels"
    )


class ColorStop(BaseModel):
    at: float
    color: str


class FilterOut(BaseModel):
    input: InputOut
    mode: str
    maps: list[MapOut]
    colormap: list[ColorStop]
    timing_ms: dict[str, float]


class TermOut(BaseModel):
    """One dot product: the window the kernel saw, tap by tap. Arrays are (C_g, kH, kW)."""

    filter: str
    channels: list[str] = Field(description="input channel names in the window: Y, R, G, B")
    rows: list[int] = Field(description="input rows of the taps; <0 or >=height is padding")
    cols: list[int] = Field(description="input columns of the taps")
    row_pad: list[bool]
    col_pad: list[bool]
    window: list[list[list[float]]]
    kernel: list[list[list[float]]]
    products: list[list[list[float]]]
    partials: list[float] = Field(description="(C_g,) one sum per input channel")
    value: float


class WindowOut(BaseModel):
    filter: str
    channel: str | None
    row: int
    col: int
    terms: list[TermOut] = Field(description="1 dot product; 2 (Sobel x and y) for magnitude")
    combine: Literal["none", "relu", "magnitude"]
    value: float = Field(description="the feature-map value at (row, col)")
