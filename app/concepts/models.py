"""Response models of the lessons' endpoints."""

from __future__ import annotations

from pydantic import BaseModel, Field


class LayerCountsOut(BaseModel):
    params: int = Field(description="weights (+ bias) of one layer")
    nonzeros: int = Field(description="structural non-zero entries of the matrix")
    macs: int = Field(description="multiply-adds for the whole batch")


class CountsOut(BaseModel):
    rows: int
    cols: int
    conv: LayerCountsOut
    dense: LayerCountsOut


class MatrixOut(BaseModel):
    """The conv layer as the matrix on the unpadded input (docs/api.md)."""

    matrix: list[list[float]] = Field(description="rows (n, c_out, i, j), columns (n, c_in, h, w)")
    tap: list[list[int]] = Field(description="flat index into weight as given, or -1")
    bias: list[float] = Field(description="each row's output-channel bias (0 without bias)")
    folded: list[list[int]] = Field(
        description="[row, col] of every entry where several weights sum (tap -1, maybe 0)"
    )
    weight: list[float] = Field(description="the weight as given, flattened (what tap indexes)")
    row_at: list[list[int]] = Field(description="each row's output element (n, c_out, i, j)")
    col_at: list[list[int]] = Field(description="each column's input element (n, c_in, h, w)")
    counts: CountsOut
    shapes: dict[str, list[int]] = Field(description="input, weight, output")


class SignalsOut(BaseModel):
    """Lesson 1: f, g(t − τ), their product and its area at one t; the Riemann errors."""

    pair: str
    t: float
    h: float
    fine: dict[str, list[float]] = Field(description="tau, f, g (= g(t − τ)), product; fine grid")
    samples: dict[str, list[float]] = Field(description="the same at step h (the rectangles)")
    riemann: float = Field(description="h · Σ f(τ_k) g(t − τ_k) at step h")
    exact: float = Field(description="(f * g)(t) from the closed form")
    error: float = Field(description="|riemann − exact|")
    curve: dict[str, list[float]] = Field(
        description="t, exact (f * g)(t) on a fine grid; t_h, the discrete sum at step h"
    )
    errors: list[dict[str, float]] = Field(description="[{h, max_error}] halving h")
    orders: list[float] = Field(description="log2 of successive error ratios")
    variances: list[float] | None = Field(description="gaussians: σ1², σ2², σ1² + σ2²")
    explorer: str | None = Field(description="the explorer query of the discrete sum, or null")


class ImpulseOut(BaseModel):
    """Lesson 2: an impulse through cross-correlation and through true convolution."""

    input: list[list[float]]
    kernel: list[list[float]]
    kernel_flipped: list[list[float]]
    correlation: list[list[float]]
    convolution: list[list[float]]
    mid: int = Field(description="row and column of the impulse")
    correlation_is_flipped: bool
    convolution_is_kernel: bool
    row: dict[str, list[float]] = Field(description="1-D: x, kernel, correlate1d, convolve1d")


class ShiftOut(BaseModel):
    """Lesson 4: y = conv(x), y' = conv(x shifted one pixel right), and where y' ≠ shift(y)."""

    x: list[list[float]]
    x_shifted: list[list[float]]
    y: list[list[float]]
    y_shifted: list[list[float]]
    y_then_shift: list[list[float]] = Field(description="y moved one output pixel right")
    broken: list[list[bool]] = Field(description="y' differs from y moved one pixel")
    broken_count: int
    cells: int
    pooled: list[list[float]] | None
    pooled_shifted: list[list[float]] | None
    pooled_same: int | None = Field(description="pooled cells equal before and after the shift")


class StackRow(BaseModel):
    name: str
    layers: int
    kernel: int
    rf: int
    params: int
    formula: str
    nonlinearities: int
    macs: int


class StackOut(BaseModel):
    """Lesson 5: n stacked 3x3 layers against one (2n+1)x(2n+1), for C channels."""

    channels: int
    size: int
    stacked: StackRow
    single: StackRow
    saved: int = Field(description="single.params − stacked.params")
    ratio: float = Field(description="stacked.params / single.params")


class OutputSizeOut(BaseModel):
    """Lesson 6: the seed's W₂ = (W₁ − F + 2P)/S + 1 beside the general formula."""

    numerator: int = Field(description="W₁ − F + 2P (F = d(k − 1) + 1 with dilation)")
    seed_text: str
    seed_value: float
    seed_whole: bool
    fraction: str = Field(description="the seed's value as a reduced fraction")
    general_text: str
    output: int = Field(description="⌊(W₁ + 2P − d(k − 1) − 1)/S⌋ + 1: conv2d's size")
    ceil_output: int = Field(description="pooling with ceil_mode=True")
    unused: int = Field(description="input rows/columns the last window never reaches")
    span: int
    padded: int = Field(description="W₁ + 2P")
    windows: list[list[int]] = Field(description="each output's first and last padded tap")
