"""Response models of the variants page (shapes in each field's description)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

Nested = list[Any]


class BackwardOut(BaseModel):
    x: Nested = Field(description="(N, C_in, H, W)")
    padded: Nested = Field(description="(N, C_in, Hp, Wp), padding filled by the mode")
    source: Nested = Field(description="(Hp, Wp): real cell h*W+w a padded cell copies; -1 none")
    pad_mask: Nested = Field(description="(Hp, Wp) booleans, true on padding cells")
    kernel: Nested = Field(description="(C_out, C_in/groups, kH, kW) as applied")
    dy: Nested = Field(description="(N, C_out, H_out, W_out) upstream gradient")
    dw: Nested = Field(description="(C_out, C_in/groups, kH, kW) dL/dW = X correlated with dy")
    db: list[float] = Field(description="(C_out,) dL/db = sum of dy")
    dx: Nested = Field(description="(N, C_in, H, W) from conv2d_backward")
    dx_padded: Nested = Field(description="(N, C_in, Hp, Wp) conv_transpose2d(dy, W), no padding")
    dx_transposed: Nested = Field(description="dx_padded cropped (zeros) or folded back")
    max_difference: float = Field(description="max |dx_transposed - dx|")
    step: dict[str, Any] = Field(description="the backward step shown (as the SSE step event)")
    steps: int
    padding_mode: str
    macs_dw: int
    macs_dx: int
    adds_db: int
    macs_forward: int


class UpdateOut(BaseModel):
    loss: str
    lr: float
    target: Nested | None = Field(description="(N, C_out, H_out, W_out) t for loss=mse")
    output: Nested
    dy: Nested = Field(description="dL/dy: ones (sum) or y - t (mse)")
    dw: Nested = Field(description="dL/dW of the weight as given")
    db: list[float]
    weight: Nested
    new_weight: Nested = Field(description="W - lr dW, in the layout of weight_values")
    new_bias: list[float] | None
    new_output: Nested
    loss_before: float
    loss_after: float


class TransposedOut(BaseModel):
    output: Nested = Field(description="(N, C_out, H_out, W_out) = conv2d(direct_input, ...)")
    full: Nested = Field(description="(N, C_out, H_full, W_full): every stamp, before the crop")
    element: Nested = Field(description="(H_z, W_z): x element h*W+w in each z cell; -1 none")
    step: dict[str, Any] = Field(description="the direct conv's step (as the forward event)")
    stamps: list[dict[str, Any]] = Field(description="the scatter's terms of this output")
    output_padding: list[int] = Field(description="[rows, cols] output_padding adds at the end")
    steps: int


class CostRow(BaseModel):
    name: str
    groups: int
    params: int
    macs: int


class GroupedOut(BaseModel):
    groups: int
    C_g: int = Field(description="input channels per group: what each filter reads")
    C_in: int
    C_out: int
    bands: list[list[int]] = Field(description="[first, last+1) input channels of each filter")
    kernel: Nested
    depthwise: Nested = Field(description="(C_in, 1, kH, kW)")
    pointwise: Nested = Field(description="(C_out, C_in, 1, 1)")
    x: Nested
    mid: Nested = Field(description="(N, C_in, H_out, W_out) after the depthwise stage")
    output: Nested = Field(description="separable_conv2d's output")
    two_step: Nested = Field(description="conv2d(mid, pointwise): equal to output")
    costs: list[CostRow]
    ratio: float = Field(description="separable MACs / standard MACs")
    inv_c_out: float
    inv_k2: float
    mobilenet: float = Field(description="1/C_out + 1/(kH kW)")


class LoweringOut(BaseModel):
    cols: Nested | None = Field(description="(G, rows, columns) of image n; null if too large")
    weight_matrix: Nested | None = Field(description="(C_out, rows); null if too large")
    row_taps: Nested = Field(description="(rows, 3): (c, i, j) of each patch-matrix row")
    output: Nested
    shape: dict[str, int]
    patch_bytes: int
    input_bytes: int
    ratio: float
    at: dict[str, int] = Field(description="the step's output and its group, column, row")
    value: float
    steps: int
