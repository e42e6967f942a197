"""Response model of a pooling plan (steps are compact JSON lines, see service)."""

from __future__ import annotations

from pydantic import BaseModel, Field


class PoolPlanOut(BaseModel):
    """Everything fixed for one pooling layer: input, output, sizes and the step count."""

    op: str
    x: list[list[list[float]]] = Field(description="(C, H, W) input")
    y: list[list[list[float]]] = Field(description="(C, H_out, W_out) = torch's output")
    kernel_size: int
    stride: int
    padding: int
    dilation: int
    ceil_mode: bool
    count_include_pad: bool
    out: list[int] = Field(description="[H_out, W_out] (pool_out_size, ceil_mode aware)")
    floor_out: list[int] = Field(description="[H_out, W_out] that floor mode would give")
    steps: int = Field(description="C * H_out * W_out: one per output element")
