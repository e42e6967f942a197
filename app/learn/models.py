"""Response model of the learning plan (the stream's events are compact JSON, see service)."""

from __future__ import annotations

from pydantic import BaseModel, Field


class LearnPlanOut(BaseModel):
    """Everything fixed during a run: image, hidden target, its map, and the curvature."""

    image: list[list[float]] = Field(description="(H, W) the input x")
    target: list[list[float]] = Field(description="(k, k) the hidden kernel")
    target_map: list[list[float]] = Field(description="t = conv2d(x, target), (H-k+1, W-k+1)")
    eigenvalues: list[float] = Field(description="of H = XᵀX over the image's patches, ascending")
    lambda_max: float
    lambda_min: float
    lr_max: float = Field(description="2 / lambda_max: above it the loss grows")
    condition: float = Field(description="lambda_max / lambda_min: about how many steps it takes")
    lr: float = Field(description="the learning rate this run uses")
    iterations: int
    output_every: int = Field(description="step events carry the output every this many steps")
