"""Response model of the receptive-field feature."""

from __future__ import annotations

from pydantic import BaseModel, Field


class LayerGrowth(BaseModel):
    kind: str = Field(description="conv, pool or convT (transposed)")
    k: int
    s: int
    p: int
    d: int
    ceil_mode: bool = Field(description="pooling only: the ceiling output size")
    k_eff: int = Field(description="d(k-1)+1")
    rf: int | None = Field(description="receptive field after this layer; null from a convT on")
    stride: int | None = Field(description="effective stride (jump) after this layer, or null")


class ReceptiveOut(BaseModel):
    """Receptive field of output y of a stack (one axis; square layers act alike on both)."""

    size: int = Field(description="r0 (with a convT: the length of output y's exact interval)")
    stride: int | None = Field(description="S0, the product of the strides; null with a convT")
    padding: int | None = Field(description="P0, the effective padding; null with a convT")
    region: list[int] = Field(description="[u, v]: may reach into padding")
    center: float
    visible: list[int] | None = Field(
        description="[first, last] input position some path actually reaches; null: none does"
    )
    maps: list[int] = Field(description="every map's length from the input up")
    paths: list[int] = Field(description="per input position: paths to y with all-ones weights")
    layers: list[LayerGrowth]
