"""Response models of the conv feature: what /docs and schemathesis know about each plan."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

Nested = list[Any]  # nested lists of numbers, shaped as the field's description says


class Formula(BaseModel):
    text: str = Field(description="the output-size formula with the numbers in it")
    value: int


class CostOut(BaseModel):
    params: int
    macs: int
    flops: int = Field(description="2 x MACs, as torch's flop counter")


class Sides(BaseModel):
    top: int
    bottom: int
    left: int
    right: int


class PlanOut(BaseModel):
    """Everything the explorer draws once for a conv2d."""

    params: dict[str, Any]
    shape: dict[str, int] = Field(description="N, C_in, C_out, H, W, kH, kW, H_out, W_out, ...")
    padding: Sides
    input: Nested = Field(description="(N, C_in, H, W)")
    padded: Nested = Field(description="(N, C_in, Hp, Wp), padding cells filled by the mode")
    pad_mask: Nested = Field(description="(Hp, Wp) booleans, true on padding cells")
    weight: Nested = Field(description="(C_out, C_in/groups, kH, kW) as given")
    kernel: Nested = Field(description="the kernels applied (flipped for a true convolution)")
    bias: list[float] | None = Field(description="(C_out,) or null")
    output: Nested = Field(description="(N, C_out, H_out, W_out), the fast path's values")
    formula: dict[str, Formula]
    cost: CostOut
    steps: int
    limits: dict[str, int]


class TransposePlanOut(BaseModel):
    """Everything the transposed-conv view draws once."""

    params: dict[str, Any]
    shape: dict[str, int]
    input: Nested = Field(description="(N, C_in, H, W)")
    weight: Nested = Field(description="(C_in, C_out/groups, kH, kW) as given")
    kernel: Nested = Field(description="the kernels applied (flipped for a true convolution)")
    bias: list[float] | None
    output: Nested = Field(description="(N, C_out, H_out, W_out)")
    formula: dict[str, Formula]
    cost: CostOut
    steps: int
    limits: dict[str, int]
    full: dict[str, int] = Field(
        description="H_full, W_full: the stamps' canvas (H-1)s + d(k-1) + 1 before the crop"
    )
    crop: Sides = Field(
        description="rows/columns cut from the full canvas: padding on top/left, padding - "
        "output_padding on bottom/right (negative: output_padding adds that many)"
    )
    direct_input: Nested = Field(
        description="(N, C_in, H_z, W_z): the input with stride-1 zeros inserted between "
        "elements, padded by d(k-1)-p per side (plus output_padding on the far side; cropped "
        "where that is negative)"
    )
    direct_weight: Nested = Field(
        description="(C_out, C_in/groups, kH, kW): the applied kernel flipped 180 degrees with "
        "its channel axes swapped, in conv2d's layout; conv2d(direct_input, direct_weight, bias, "
        "groups=groups, dilation=dilation) (stride 1, no padding) equals `output`"
    )
    direct_cells: Nested = Field(
        description="(H_z, W_z): 2 an input element, 1 an inserted zero, 0 padding"
    )
