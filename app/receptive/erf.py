"""The effective receptive field of a stack: query model and service (Luo et al. 2016)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

import convcore
from convcore import ConvError

from .params import StackParams

MAX_SEEDS = 16
MAX_ERF_SIZE = 128  # the heat map is size x size numbers


class ErfParams(StackParams):
    """The stack (as /api/receptive-field), the weights, ReLU between layers, and seeds."""

    size: int = Field(32, ge=1, le=MAX_ERF_SIZE, description="input length along each axis")
    weights: Literal["uniform", "random"] = "uniform"
    relu: bool = False
    seeds: int = Field(4, ge=1, le=MAX_SEEDS, description="random draws averaged (random only)")


class DepthPoint(BaseModel):
    n: int = Field(description="the first n layers")
    rf: int = Field(description="theoretical field r0 of those layers")
    std: float = Field(description="effective field's standard deviation along the rows")
    linear_std: float = Field(description="closed form for uniform weights without ReLU")


class ErfOut(BaseModel):
    """|dy_center/dx| over the input, normalised to sum 1, and how wide it is."""

    erf: list[list[float]] = Field(description="(size, size), sums to 1")
    std: list[float] = Field(description="[sigma_rows, sigma_cols] of its marginals")
    mean: list[float] = Field(description="[row, col] of its centre of mass")
    center: list[int] = Field(description="[row, col] of the top map's unit it belongs to")
    out_size: list[int] = Field(description="the top map's [H_out, W_out]")
    rf: int = Field(description="theoretical field size r0")
    region: list[int] = Field(
        description="[u, v] theoretical region of the unit (may reach padding)"
    )
    visible: list[int] | None = Field(description="[first, last] input position a path reaches")
    linear_std: float = Field(description="sqrt(sum (d J)^2 (k^2-1)/12): uniform, no ReLU")
    depth: list[DepthPoint] = Field(description="n = 1..L: theoretical size and effective width")


def erf(params: ErfParams) -> ErfOut:
    layers, sizes = params.stack()
    if any(la.transposed or la.ceil_mode for la in layers):
        raise ConvError(
            "the effective field is computed for conv and pooling layers only; remove the "
            "transposed layers and ceil_mode",
            code="erf_conv_only",
            params={},
        )
    # A pooling layer enters as a conv of the same window: average pooling up to a constant
    # (uniform weights), the smooth stand-in for max pooling's one-hot routing.
    tuples = [(la.k, la.s, la.p, la.d) for la in layers]
    run = {"size": params.size, "weights": params.weights, "relu_between": params.relu,
           "seeds": params.seeds}  # fmt: skip
    field = convcore.effective_field(tuples, **run)  # type: ignore[arg-type]
    c = field.center[0]
    rf = convcore.receptive_field(layers)
    visible = convcore.interval(layers, sizes, c, c)
    depth = []
    for n in range(1, len(tuples) + 1):
        part = field if n == len(tuples) else convcore.effective_field(tuples[:n], **run)  # type: ignore[arg-type]
        rf_n = convcore.receptive_field(layers[:n]).size
        depth.append(
            DepthPoint(n=n, rf=rf_n, std=part.std[0], linear_std=convcore.linear_std(tuples[:n]))
        )
    return ErfOut(
        erf=field.erf.tolist(), std=list(field.std), mean=list(field.mean),
        center=list(field.center), out_size=list(field.out_size), rf=rf.size,
        region=list(rf.region(c)), visible=None if visible is None else list(visible),
        linear_std=convcore.linear_std(tuples), depth=depth,
    )  # fmt: skip
