"""Receptive field of a stack of conv layers: which input pixels can one output see?"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query
from pydantic import BaseModel, ConfigDict, Field

from convcore import ConvError
from convcore.geometry import out_size, span
from convcore.receptive_field import Layer, interval, paths, receptive_field

from ..responses import ErrorOut
from ..settings import get_settings

router = APIRouter(tags=["receptive field"], responses={422: {"model": ErrorOut}})
LAYER = r"\d{1,2},\d{1,2},\d{1,2}(,\d{1,2})?"
S = get_settings()
MAX_LAYERS = 8  # with kernels <= max_kernel, path counts stay below 11**8, exact in JSON


class StackParams(BaseModel):
    """layers 'k,s,p[,d];...' from the input up; size of the input; y an output index."""

    model_config = ConfigDict(extra="forbid")
    layers: str = Field("3,1,1;3,1,1;2,2,0", pattern=rf"^{LAYER}(;{LAYER}){{0,{MAX_LAYERS - 1}}}$")
    size: int = Field(32, ge=1, le=4096, description="input length along one axis")
    y: int = Field(0, ge=0, description="output index along the same axis")


@router.get("/api/receptive-field", summary="Receptive field of a stack")
def receptive(params: Annotated[StackParams, Query()]) -> dict[str, Any]:
    """r0, effective stride and padding, the region of output y, and the growth per layer."""
    numbers = [[int(v) for v in spec.split(",")] for spec in params.layers.split(";")]
    layers = [Layer(k, s, p, d[0] if d else 1) for k, s, p, *d in numbers]
    for i, la in enumerate(layers, start=1):
        if (
            la.k > S.max_kernel
            or la.s > S.max_stride
            or la.p > S.max_padding
            or la.d > S.max_dilation
        ):
            raise ConvError(
                f"layer {i}: kernel <= {S.max_kernel}, stride <= {S.max_stride}, "
                f"padding <= {S.max_padding} and dilation <= {S.max_dilation}, "
                f"got {la.k},{la.s},{la.p},{la.d}"
            )
    sizes = [params.size]
    for i, layer in enumerate(layers, start=1):
        n = out_size(sizes[-1], layer.k, layer.s, (layer.p, layer.p), layer.d)
        if n < 1:
            raise ConvError(
                f"layer {i} (kernel {layer.k}, dilation {layer.d}) is larger than its "
                f"padded input {sizes[-1] + 2 * layer.p}: the stack ends before it"
            )
        sizes.append(n)
    if params.y >= sizes[-1]:
        raise ConvError(f"output index y must be below the last map's size {sizes[-1]}")
    rf = receptive_field(layers)
    growth = [receptive_field(layers[:i]) for i in range(1, len(layers) + 1)]
    return {
        "size": rf.size, "stride": rf.stride, "padding": rf.padding,
        "region": rf.region(params.y), "center": rf.center(params.y),
        "visible": interval(layers, sizes, params.y, params.y),
        "maps": sizes,
        "paths": paths(layers, sizes, params.y).tolist(),
        "layers": [{"k": la.k, "s": la.s, "p": la.p, "d": la.d, "k_eff": span(la.k, la.d),
                    "rf": g.size, "stride": g.stride}
                   for la, g in zip(layers, growth, strict=True)],
    }  # fmt: skip
