"""Response models: what /docs and schemathesis know about every JSON answer."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field


class ErrorOut(BaseModel):
    """Every 4xx: a message a student can act on, a stable code and the sentence's values."""

    detail: str = Field(description="one English sentence a student can act on")
    code: str = Field(description="stable snake_case identifier the front end translates")
    args: dict[str, Any] = Field(description="the numbers and names the sentence uses")


Nested = list[Any]  # nested lists of numbers, shaped as the field's description says


class Formula(BaseModel):
    text: str = Field(description="the output-size formula with the numbers in it")
    value: int


class CostOut(BaseModel):
    params: int
    macs: int
    flops: int = Field(description="2 x MACs, as torch's flop counter")


class PlanOut(BaseModel):
    """Everything the explorer draws once for a conv2d."""

    params: dict[str, Any]
    shape: dict[str, int] = Field(description="N, C_in, C_out, H, W, kH, kW, H_out, W_out, ...")
    padding: dict[str, int] = Field(description="top, bottom, left, right")
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


class LayerGrowth(BaseModel):
    k: int
    s: int
    p: int
    d: int
    k_eff: int = Field(description="d(k-1)+1")
    rf: int = Field(description="receptive field after this layer")
    stride: int = Field(description="effective stride (jump) after this layer")


class ReceptiveOut(BaseModel):
    """Receptive field of output y of a stack (one axis; square layers act alike on both)."""

    size: int = Field(description="r0")
    stride: int = Field(description="S0, the product of the strides")
    padding: int = Field(description="P0, the effective padding")
    region: list[int] = Field(description="[u, v]: may reach into padding")
    center: float
    visible: list[int] | None = Field(description="[u, v] clipped at every map")
    maps: list[int] = Field(description="every map's length from the input up")
    paths: list[int] = Field(description="per input position: paths to y with all-ones weights")
    layers: list[LayerGrowth]
