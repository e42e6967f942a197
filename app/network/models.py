"""Response models of /api/network: the model, a prediction, one unit, a test image."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

Nested = list[Any]  # nested lists of numbers, shaped as `shape` says


class Accuracy(BaseModel):
    train: float = Field(description="on images 0-1199")
    test: float = Field(description="on images 1200-1796, never trained on")


class ModelOut(BaseModel):
    layers: list[dict[str, Any]] = Field(description="kind, name and shape parameters, in order")
    weights: dict[str, Nested] = Field(description="torch state_dict names -> nested lists")
    accuracy: Accuracy
    split: dict[str, int] = Field(description="images in the train and test splits")


class Activation(BaseModel):
    name: str = Field(description="'input' or the layer's name")
    kind: str = Field(description="'input' or the layer's kind")
    shape: list[int] = Field(description="without the batch axis: (C, H, W) or (features,)")
    values: Nested


class PredictOut(BaseModel):
    image: list[list[float]] = Field(description="the 8x8 counts received")
    activations: list[Activation] = Field(description="the input, then every layer's output")
    logits: list[float]
    probabilities: list[float] = Field(description="softmax(logits)")
    prediction: int = Field(description="the most probable digit")


class UnitOut(BaseModel):
    """One unit and the exact computation that made it."""

    layer: str
    kind: str
    channel: int
    row: int
    col: int
    value: float
    source: str = Field(description="the activation it reads: the previous layer's output")
    rows: list[int] = Field(description="the window's rows in the padded source map")
    cols: list[int]
    inside: list[list[bool]] = Field(description="kH x kW: false where the tap reads padding")
    window: Nested = Field(description="conv: C_in x kH x kW; pool: kH x kW (its channel)")
    weight: Nested | None = Field(None, description="conv: C_in x kH x kW, this filter's")
    bias: float | None = None
    products: Nested | None = Field(None, description="conv: window * weight")
    partials: list[float] | None = Field(None, description="conv: products summed per channel")
    chosen: list[int] | None = Field(None, description="max pool: the [i, j] tap that won")
    explorer: str | None = Field(
        None, description="conv: the explorer URL of this exact computation (step k = this unit)"
    )


class TestImageOut(BaseModel):
    index: int = Field(description="test index k")
    dataset_index: int = Field(description="1200 + k, the package's order")
    image: list[list[int]] = Field(description="8x8 counts 0-16")
    label: int
