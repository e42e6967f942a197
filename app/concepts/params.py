"""Query models of the lessons: small, bounded classroom ranges; the matrix reuses ConvParams."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from convcore import ConvError

from ..conv.params import ConvParams
from ..settings import get_settings

S = get_settings()
MAX_IMPULSE_VALUE = 99


class SignalsParams(BaseModel):
    """f and g: two unit boxes (their convolution a triangle) or two Gaussians."""

    model_config = ConfigDict(extra="forbid")
    pair: Literal["box", "gaussian"] = "box"
    t: float = Field(0.5, ge=-3, le=3, description="where g(t − τ) has slid to")
    h: float = Field(0.25, ge=1 / 64, le=1, description="sampling step of the Riemann sum")
    sigma1: float = Field(0.6, ge=0.25, le=1.5, description="σ of f (gaussian)")
    sigma2: float = Field(0.8, ge=0.25, le=1.5, description="σ of g (gaussian)")


class ImpulseParams(BaseModel):
    """A size x size image, all zero but a 1 in the middle, and a 3x3 kernel (row by row)."""

    model_config = ConfigDict(extra="forbid")
    kernel: str = Field(
        "1,2,3,4,5,6,7,8,9",
        pattern=r"^\s*-?\d{1,2}(\s*,\s*-?\d{1,2}){8}\s*$",
        description="nine whole numbers, row by row",
    )
    size: int = Field(5, ge=3, le=9, description="odd: the impulse sits in the middle")

    @field_validator("size")
    @classmethod
    def _odd(cls, size: int) -> int:
        if size % 2 == 0:
            raise ConvError(
                f"the impulse image needs an odd size so that it has a middle, got {size}",
                code="impulse_size_even",
                params={"size": size},
            )
        return size

    def kernel_rows(self) -> list[list[float]]:
        values = [float(v) for v in self.kernel.split(",")]
        return [values[0:3], values[3:6], values[6:9]]


class ShiftParams(ConvParams):
    """A conv configuration (the explorer's parameters) plus how the input is shifted."""

    model_config = ConfigDict(extra="forbid")
    shift_mode: Literal["zeros", "circular"] = Field(
        "zeros", description="the column pushed out re-enters on the left (circular) or not"
    )
    pool: bool = Field(False, description="a 2x2 max-pool (stride 2) after the conv")


class KernelStackParams(BaseModel):
    """n stacked 3x3 layers against one (2n+1)x(2n+1); C channels in and out; size H = W."""

    model_config = ConfigDict(extra="forbid")
    channels: int = Field(64, ge=1, le=2048, description="C")
    n: int = Field(2, ge=2, le=5, description="how many 3x3 layers")
    size: int = Field(32, ge=4, le=256, description="input H = W, for the multiply-adds")


class OutputSizeParams(BaseModel):
    """One axis of a conv: input W₁, kernel F, stride S, padding P, dilation d."""

    model_config = ConfigDict(extra="forbid")
    size: int = Field(7, ge=1, le=512, description="W₁")
    kernel: int = Field(3, ge=1, le=S.max_kernel, description="F")
    stride: int = Field(2, ge=1, le=S.max_stride, description="S")
    padding: int = Field(0, ge=0, le=S.max_padding, description="P")
    dilation: int = Field(1, ge=1, le=S.max_dilation, description="d")
