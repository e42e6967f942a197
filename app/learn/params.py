"""Query model of a learning run: hidden target, image, learning rate, iterations, start."""

from __future__ import annotations

from typing import Literal

import numpy as np
from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, model_validator

import convcore
from convcore import PRESETS, ConvError

from ..presets import preset
from ..settings import get_settings
from .images import IMAGES, image

S = get_settings()
TargetName = Literal[tuple(PRESETS)]  # type: ignore[valid-type]
ImageName = Literal[IMAGES]  # type: ignore[valid-type]
MAX_ITERATIONS = 2000


class LearnParams(BaseModel):
    """One run: W starts at `init` and follows W <- W - lr dW towards the hidden `target`."""

    model_config = ConfigDict(extra="forbid")

    target: TargetName = Field(  # type: ignore[valid-type]
        "sobel_x", description="hidden kernel: a convcore preset"
    )
    kernel_size: int = Field(3, ge=1, le=7, description="k of the k x k target and kernel")
    image: ImageName = Field("noise", description="noise, or a bundled sample image")
    size: int = Field(24, ge=8, le=S.max_size, description="the image is size x size")
    lr: float | None = Field(None, gt=0, le=1e6, description="absolute learning rate")
    lr_scale: float = Field(
        0.5, gt=0, le=4, description="learning rate as a fraction of the largest stable one"
    )
    iterations: int = Field(300, ge=1, le=MAX_ITERATIONS)
    seed: int = Field(0, ge=0, le=2**31 - 1)
    init: Literal["zeros", "random"] = "zeros"

    _x: np.ndarray = PrivateAttr()
    _w: np.ndarray = PrivateAttr()
    _curv: convcore.Curvature = PrivateAttr()

    @model_validator(mode="after")
    def _build(self) -> LearnParams:
        self._w = preset(self.target, self.kernel_size, self.kernel_size)
        if self.kernel_size > self.size:
            raise ConvError(
                f"the {self.kernel_size}x{self.kernel_size} kernel is larger than the "
                f"{self.size}x{self.size} image; choose a larger image or a smaller kernel",
                code="learn_kernel_too_large",
                params={"kernel": self.kernel_size, "size": self.size},
            )
        self._x = image(self.image, self.size, self.seed)
        self._curv = convcore.curvature(self._x, self._w.shape)
        return self

    @property
    def x(self) -> np.ndarray:
        """(size, size) image."""
        return self._x

    @property
    def target_kernel(self) -> np.ndarray:
        """(k, k) hidden kernel."""
        return self._w

    @property
    def curvature(self) -> convcore.Curvature:
        return self._curv

    @property
    def rate(self) -> float:
        """The learning rate used: `lr` if given, else lr_scale * the largest stable rate."""
        return self.lr if self.lr is not None else self.lr_scale * self._curv.lr_max
