"""Response model of the receptive-field feature."""

from __future__ import annotations

from pydantic import BaseModel, Field


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
    visible: list[int] | None = Field(
        description="[first, last] input position some path actually reaches; null: none does"
    )
    maps: list[int] = Field(description="every map's length from the input up")
    paths: list[int] = Field(description="per input position: paths to y with all-ones weights")
    layers: list[LayerGrowth]
