"""Query models: every conv parameter with convcore's name, a teaching default and a bound.

A model validator builds the arrays and runs the engine's own checks once, into one `Setup`,
so an impossible combination is a 422 with the engine's message before any stream starts.
"""

from __future__ import annotations

from typing import Literal

import numpy as np
from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, model_validator

import convcore
from convcore import PADDING_MODES, Conv2dSpec, ConvError

from ..fields import PaddingText, PairText, parse_padding, parse_pair
from ..settings import get_settings
from .setup import Setup
from .sources import INPUTS, KERNELS, make_bias, make_input, make_weight

S = get_settings()
InputName = Literal[INPUTS]  # type: ignore[valid-type]
KernelName = Literal[KERNELS]  # type: ignore[valid-type]


class ConvParams(BaseModel):
    """One conv2d configuration; every field is an optional query parameter."""

    model_config = ConfigDict(extra="forbid")

    batch: int = Field(1, ge=1, le=S.max_batch, description="N, images in the batch")
    in_channels: int = Field(1, ge=1, le=S.max_channels, description="C_in")
    out_channels: int = Field(1, ge=1, le=S.max_channels, description="C_out")
    height: int = Field(7, ge=1, le=S.max_size, description="input H")
    width: int = Field(7, ge=1, le=S.max_size, description="input W")
    kernel_size: PairText = Field("3", description="'k' or 'kh,kw'")
    stride: PairText = Field("1", description="'s' or 'sh,sw'")
    padding: PaddingText = "1"
    dilation: PairText = Field("1", description="'d' or 'dh,dw'; 1 means no gaps")
    groups: int = Field(1, ge=1, le=S.max_channels)
    padding_mode: Literal[PADDING_MODES] = "zeros"  # type: ignore[valid-type]
    bias: bool = False
    bias_values: str | None = Field(None, max_length=400, description="'b0,b1,...'")
    input: InputName = "ramp"
    glyph: str | None = Field(None, max_length=1, description="for input=digit/letter")
    seed: int = Field(0, ge=0, le=2**31 - 1)
    input_values: str | None = Field(
        None,
        max_length=1_000_000,
        description="JSON nested list; past ~64 KB send the query as a POST form body",
    )
    kernel: KernelName = "sobel_x"
    weight_values: str | None = Field(None, max_length=200_000, description="JSON nested list")
    operation: Literal["correlation", "convolution"] = "correlation"

    _setup: Setup = PrivateAttr()

    @model_validator(mode="after")
    def _build(self) -> ConvParams:
        kernel = parse_pair(self.kernel_size, "kernel size", 1, S.max_kernel)
        stride = parse_pair(self.stride, "stride", 0, S.max_stride)
        dilation = parse_pair(self.dilation, "dilation", 0, S.max_dilation)
        padding = parse_padding(self.padding, S.max_padding)
        spec = Conv2dSpec.of(kernel, stride, padding, dilation, self.groups, self.padding_mode)
        self._setup = self._check(spec, padding)
        _bound_plan(self._setup)
        return self

    def _check(self, spec: Conv2dSpec, padding: convcore.Pair | str) -> Setup:
        # Groups first: the kernels (C_out, C_in/groups, ...) cannot be built otherwise.
        convcore.check_groups(self.in_channels, self.out_channels, self.groups)
        x, w, b = self._sources((self.out_channels, self.in_channels // self.groups, *spec.kernel))
        shape = convcore.check(x.shape, w.shape, spec, None if b is None else b.shape)
        return Setup(x, w, self._applied(w), b, shape, padding)

    def _sources(
        self, w_shape: tuple[int, int, int, int]
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray | None]:
        """The input preset, the kernels shaped w_shape and the bias (or None)."""
        N, C, H, W = self.batch, self.in_channels, self.height, self.width
        x = make_input(self.input, (N, C, H, W), self.seed, self.glyph, self.input_values)
        w = make_weight(self.kernel, w_shape, self.seed, self.weight_values)
        C_b = self.out_channels
        b = make_bias(C_b, self.seed, self.bias_values) if self.bias else None
        return x, w, b

    def _applied(self, w: np.ndarray) -> np.ndarray:
        """The kernel the layer applies: flipped 180 degrees for a true convolution."""
        return w[..., ::-1, ::-1].copy() if self.operation == "convolution" else w

    @property
    def setup(self) -> Setup:
        return self._setup


def _bound_plan(setup: Setup) -> None:
    """Refuse a configuration whose plan (input, padded input, kernels, output) would exceed
    max_plan_numbers: a transposed conv can grow a 64x64 input to a 592x592 output."""
    shape = setup.shape
    padded = shape.N * shape.C_in * shape.padded[0] * shape.padded[1]
    numbers = setup.x.size + padded + 2 * setup.weight.size + shape.steps
    if numbers > S.max_plan_numbers:
        raise ConvError(
            f"this configuration needs {numbers} numbers, more than the limit of "
            f"{S.max_plan_numbers} one page can show; use a smaller input, fewer channels "
            "or a smaller stride",
            code="plan_too_large",
            params={"numbers": numbers, "limit": S.max_plan_numbers},
        )


class Range(BaseModel):
    """Which steps to stream: [start, stop), at most max_steps of them and at most
    max_stream_numbers numbers in all, so one request stays a few tens of MB."""

    start: int = Field(0, ge=0, description="first step index")
    stop: int | None = Field(None, ge=0, description="one past the last step (default: all)")

    def bounds(self, total: int, per_step: int) -> tuple[int, int]:
        """[start, stop) to stream, given `per_step` numbers in each step's event."""
        if self.stop is not None and self.stop < self.start:
            raise ConvError(
                f"stop {self.stop} must be at least start {self.start}",
                code="stop_before_start",
                params={"start": self.start, "stop": self.stop},
            )
        if self.start >= total and self.stop != self.start:  # an empty range is fine
            raise ConvError(
                f"start {self.start} is past the last step index {total - 1}",
                code="start_past_end",
                params={"start": self.start, "last": total - 1},
            )
        stop = total if self.stop is None else min(self.stop, total)
        most = min(S.max_steps, max(1, S.max_stream_numbers // per_step))
        return self.start, min(stop, self.start + most)


class StepParams(ConvParams, Range):
    """A conv configuration plus a step range."""

    model_config = ConfigDict(extra="forbid")

    def per_step(self) -> int:
        """Numbers in one forward step: window and products (C_g, kH, kW), C_g partials."""
        shape = self.setup.shape
        kH, kW = shape.spec.kernel
        return shape.C_in // shape.spec.groups * (2 * kH * kW + 1)

    def steps(self) -> tuple[int, int]:
        return self.bounds(self.setup.shape.steps, self.per_step())


class BackwardParams(StepParams):
    """Backward pass: dL/dy is all ones (L = sum of y) or seeded random integers."""

    model_config = ConfigDict(extra="forbid")
    grad: Literal["ones", "random"] = "ones"

    def per_step(self) -> int:
        """dw_add, dx_add, dw and dx: four (C_g, kH, kW) blocks."""
        return 2 * super().per_step()

    def grad_output(self) -> np.ndarray:
        """dy: (N, C_out, H_out, W_out)."""
        shape = self.setup.shape
        dims = (shape.N, shape.C_out, *shape.out)
        if self.grad == "ones":
            return np.ones(dims)
        return np.random.default_rng(self.seed + 3).integers(-2, 3, dims).astype(float)


class TransposeParams(ConvParams, Range):
    """conv_transpose2d: weight (C_in, C_out/groups, kH, kW); zeros padding only."""

    model_config = ConfigDict(extra="forbid")
    padding: PairText = Field("0", description="'p' or 'ph,pw'")
    output_padding: PairText = Field("0", description="'op' or 'oh,ow'")

    def per_step(self) -> int:
        """A stamp and its running totals: two (C_out/groups, kH, kW) blocks."""
        shape = self.setup.shape
        kH, kW = shape.spec.kernel
        return 2 * (shape.C_in // shape.spec.groups) * kH * kW

    def steps(self) -> tuple[int, int]:
        return self.bounds(int(self.setup.x.size), self.per_step())

    def _check(self, spec: Conv2dSpec, padding: convcore.Pair | str) -> Setup:
        op = parse_pair(self.output_padding, "output padding", 0, S.max_stride)
        convcore.check_groups(self.in_channels, self.out_channels, self.groups)
        x, w, b = self._sources((self.in_channels, self.out_channels // self.groups, *spec.kernel))
        shape = convcore.check_transpose(x.shape, w.shape, spec, op, None if b is None else b.shape)
        return Setup(x, w, self._applied(w), b, shape, padding, op)
