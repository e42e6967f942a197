"""Query model of one pooling layer: torch's arguments, an input preset, and its bounds."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

import numpy as np
from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, model_validator

import convcore
from convcore import ConvError

from ..conv.sources import make_input
from ..settings import get_settings

S = get_settings()
PoolInput = Literal["ramp", "checker", "random", "digit", "sample"]


class PoolParams(BaseModel):
    """max_pool2d (op=max) or avg_pool2d (op=avg) of one input preset; square windows."""

    model_config = ConfigDict(extra="forbid")

    op: Literal["max", "avg"] = "max"
    channels: int = Field(1, ge=1, le=S.max_channels, description="C")
    height: int = Field(6, ge=1, le=S.max_size, description="input H")
    width: int = Field(6, ge=1, le=S.max_size, description="input W")
    kernel_size: int = Field(2, ge=1, le=S.max_kernel)
    stride: int | None = Field(None, ge=1, le=S.max_stride, description="default: kernel_size")
    padding: int = Field(0, ge=0, le=S.max_padding, description="at most kernel_size // 2")
    dilation: int = Field(1, ge=1, le=S.max_dilation, description="max pooling only")
    ceil_mode: bool = False
    count_include_pad: bool = Field(True, description="avg pooling: padding counts in the mean")
    input: PoolInput = "random"
    seed: int = Field(0, ge=0, le=2**31 - 1)

    _x: np.ndarray = PrivateAttr()
    _y: np.ndarray = PrivateAttr()

    @model_validator(mode="after")
    def _build(self) -> PoolParams:
        shape = (1, self.channels, self.height, self.width)
        self._x = make_input(self.input, shape, self.seed, None, None)
        self._y = self.pool(self._x)  # the engine's own checks, before any stream starts
        return self

    def pool(self, x: np.ndarray) -> np.ndarray:
        k, s, p, ceil = self.kernel_size, self.stride, self.padding, self.ceil_mode
        if self.op == "max":
            y = convcore.max_pool2d(x, k, s, p, self.dilation, ceil)
            return y if isinstance(y, np.ndarray) else y[0]
        if self.dilation != 1:
            raise ConvError(
                "average pooling has no dilation (as in PyTorch); use dilation 1",
                code="pool_dilation",
                params={"dilation": str(self.dilation)},
            )
        return convcore.avg_pool2d(x, k, s, p, ceil, self.count_include_pad)

    def steps(self) -> Iterator[convcore.PoolStep]:
        """The engine's window trace of this layer, one step per output element."""
        k, s, p, ceil = self.kernel_size, self.stride, self.padding, self.ceil_mode
        return convcore.pool_steps(self._x, self.op, k, s, p, self.dilation, ceil,
                                   self.count_include_pad)  # fmt: skip

    @property
    def x(self) -> np.ndarray:
        """(1, C, H, W) input."""
        return self._x

    @property
    def y(self) -> np.ndarray:
        """(1, C, H_out, W_out) output."""
        return self._y
