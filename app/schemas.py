"""Query models: every conv parameter with convcore's name, a teaching default and a bound.

A model validator builds the arrays and runs the engine's own checks, so an impossible
combination is a 422 with the engine's message before any stream starts.
"""

from __future__ import annotations

from typing import Any, Literal

import numpy as np
from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, model_validator

from convcore import Conv2dSpec, ConvError
from convcore.geometry import ConvShape, check
from convcore.receptive_field import Layer, map_sizes
from convcore.spec import PADDING_MODES, Pair, pair
from convcore.transposed import _check as check_transposed

from .settings import get_settings
from .sources import INPUTS, KERNELS, make_bias, make_input, make_weight

S = get_settings()
PAIR = r"^\s*\d{1,4}\s*(,\s*\d{1,4}\s*)?$"
InputName = Literal[INPUTS]  # type: ignore[valid-type]
KernelName = Literal[KERNELS]  # type: ignore[valid-type]


def parse_pair(text: str, name: str, low: int, high: int) -> Pair:
    """'3' or '3,5' -> (h, w) within [low, high]."""
    parts = [int(v) for v in text.split(",")]
    h, w = pair(parts if len(parts) == 2 else parts[0], name)
    if not (low <= h <= high and low <= w <= high):
        raise ConvError(
            f"{name} must be between {low} and {high}, got {text.strip()}",
            code="out_of_range",
            params={"field": name, "low": low, "high": high, "got": text.strip()},
        )
    return h, w


class ConvParams(BaseModel):
    """One conv2d configuration; every field is an optional query parameter."""

    model_config = ConfigDict(extra="forbid")

    batch: int = Field(1, ge=1, le=S.max_batch, description="N, images in the batch")
    in_channels: int = Field(1, ge=1, le=S.max_channels, description="C_in")
    out_channels: int = Field(1, ge=1, le=S.max_channels, description="C_out")
    height: int = Field(7, ge=1, le=S.max_size, description="input H")
    width: int = Field(7, ge=1, le=S.max_size, description="input W")
    kernel_size: str = Field("3", pattern=PAIR, description="'k' or 'kh,kw'")
    stride: str = Field("1", pattern=PAIR, description="'s' or 'sh,sw'")
    padding: str = Field(
        "1", pattern=PAIR + r"|^(same|valid)$", description="'p', 'ph,pw', 'same' or 'valid'"
    )
    dilation: str = Field("1", pattern=PAIR, description="'d' or 'dh,dw'; 1 means no gaps")
    groups: int = Field(1, ge=1, le=S.max_channels)
    padding_mode: Literal[PADDING_MODES] = "zeros"  # type: ignore[valid-type]
    bias: bool = False
    bias_values: str | None = Field(None, max_length=400, description="'b0,b1,...'")
    input: InputName = "ramp"
    glyph: str | None = Field(None, max_length=1, description="for input=digit/letter")
    seed: int = Field(0, ge=0, le=2**31 - 1)
    input_values: str | None = Field(
        None, max_length=60_000, description="JSON nested list (it rides in the URL)"
    )
    kernel: KernelName = "sobel_x"
    weight_values: str | None = Field(None, max_length=50_000, description="JSON nested list")
    operation: Literal["correlation", "convolution"] = "correlation"

    _arrays: tuple[np.ndarray, np.ndarray, np.ndarray | None] = PrivateAttr()
    _shape: ConvShape = PrivateAttr()
    _padding: Pair | str = PrivateAttr()  # as given: 'same' may pad unevenly
    _op: Pair = PrivateAttr((0, 0))

    @model_validator(mode="after")
    def _build(self) -> ConvParams:
        kernel = parse_pair(self.kernel_size, "kernel size", 1, S.max_kernel)
        stride = parse_pair(self.stride, "stride", 0, S.max_stride)
        dilation = parse_pair(self.dilation, "dilation", 0, S.max_dilation)
        padding: Pair | str = self.padding.strip()
        if padding not in ("same", "valid"):
            padding = parse_pair(self.padding, "padding", 0, S.max_padding)
        spec = Conv2dSpec.of(kernel, stride, padding, dilation, self.groups, self.padding_mode)
        self._padding = padding
        self._finish(spec)
        return self

    def _finish(self, spec: Conv2dSpec) -> None:
        if self.in_channels % self.groups:  # before building (C_out, C_in/groups, ...) kernels
            check((1, self.in_channels, 1, 1), (self.out_channels, 1, 1, 1), spec)
        x, w, b = self._sources((self.out_channels, self.in_channels // self.groups, *spec.kernel))
        self._shape = check(x.shape, w.shape, spec, None if b is None else b.shape)
        self._arrays = (x, w, b)

    def _sources(
        self, w_shape: tuple[int, ...]
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray | None]:
        """The input preset, the kernels shaped w_shape and the bias (or None)."""
        N, C, H, W = self.batch, self.in_channels, self.height, self.width
        x = make_input(self.input, (N, C, H, W), self.seed, self.glyph, self.input_values)
        w = make_weight(self.kernel, w_shape, self.seed, self.weight_values)  # type: ignore[arg-type]
        b = make_bias(self.out_channels, self.seed, self.bias_values) if self.bias else None
        return x, w, b

    def arrays(self) -> tuple[np.ndarray, np.ndarray, np.ndarray | None]:
        """(x (N, C_in, H, W), weight as given (C_out, C_in/g, kH, kW), bias (C_out,) or None)."""
        return self._arrays

    def applied_weight(self) -> np.ndarray:
        """The kernel the layer applies: flipped 180 degrees for a true convolution."""
        w = self._arrays[1]
        return w[..., ::-1, ::-1].copy() if self.operation == "convolution" else w

    @property
    def shape(self) -> ConvShape:
        return self._shape

    def conv_kwargs(self) -> dict[str, Any]:
        spec = self._shape.spec
        return {
            "stride": spec.stride,
            "padding": self._padding,
            "dilation": spec.dilation,
            "groups": spec.groups,
            "padding_mode": spec.padding_mode,
        }


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
        if self.start >= total:
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
        C_g = self.shape.C_in // self.shape.spec.groups
        return C_g * (2 * self.shape.spec.kernel[0] * self.shape.spec.kernel[1] + 1)


class BackwardParams(StepParams):
    """Backward pass: dL/dy is all ones (L = sum of y) or seeded random integers."""

    model_config = ConfigDict(extra="forbid")
    grad: Literal["ones", "random"] = "ones"

    def per_step(self) -> int:
        """dw_add, dx_add, dw and dx: four (C_g, kH, kW) blocks."""
        return 2 * super().per_step()

    def grad_output(self) -> np.ndarray:
        shape = (self.shape.N, self.shape.C_out, *self.shape.out)
        if self.grad == "ones":
            return np.ones(shape)
        return np.random.default_rng(self.seed + 3).integers(-2, 3, shape).astype(float)


class TransposeParams(ConvParams, Range):
    """conv_transpose2d: weight (C_in, C_out/groups, kH, kW); zeros padding only."""

    model_config = ConfigDict(extra="forbid")
    padding: str = Field("0", pattern=PAIR, description="'p' or 'ph,pw'")
    output_padding: str = Field("0", pattern=PAIR, description="'op' or 'oh,ow'")

    def per_step(self) -> int:
        """A stamp and its running totals: two (C_out/groups, kH, kW) blocks."""
        kH, kW = self.shape.spec.kernel
        return 2 * (self.shape.C_in // self.shape.spec.groups) * kH * kW

    def _finish(self, spec: Conv2dSpec) -> None:
        if self.padding_mode != "zeros":
            raise ConvError(
                "a transposed convolution only supports zeros padding",
                code="transposed_zeros_only",
                params={"padding_mode": self.padding_mode},
            )
        op = parse_pair(self.output_padding, "output padding", 0, S.max_stride)
        if self.in_channels % self.groups or self.out_channels % self.groups:
            raise ConvError(
                f"groups {self.groups} must divide the input channels "
                f"{self.in_channels} and the output channels {self.out_channels}",
                code="groups_divide_both",
                params={
                    "groups": self.groups,
                    "C_in": self.in_channels,
                    "C_out": self.out_channels,
                },
            )
        x, w, b = self._sources((self.in_channels, self.out_channels // self.groups, *spec.kernel))
        self._shape = check_transposed(
            x,
            w,
            spec.stride,
            (spec.padding[0][0], spec.padding[1][0]),
            op,
            spec.groups,
            spec.dilation,
            b,
        )
        self._arrays = (x, w, b)
        self._op = op

    def conv_kwargs(self) -> dict[str, Any]:
        spec = self._shape.spec
        return {
            "stride": spec.stride,
            "padding": self._padding,
            "dilation": spec.dilation,
            "groups": spec.groups,
            "output_padding": self._op,
        }


LAYER = r"\d{1,2},\d{1,2},\d{1,2}(,\d{1,2})?"
MAX_LAYERS = 8  # with kernels <= max_kernel, path counts stay below 11**8: exact in JSON


class StackParams(BaseModel):
    """layers 'k,s,p[,d];...' from the input up; size of the input; y an output index."""

    model_config = ConfigDict(extra="forbid")
    layers: str = Field("3,1,1;3,1,1;2,2,0", pattern=rf"^{LAYER}(;{LAYER}){{0,{MAX_LAYERS - 1}}}$")
    size: int = Field(32, ge=1, le=4096, description="input length along one axis")
    y: int = Field(0, ge=0, description="output index along the same axis")

    _stack: list[Layer] = PrivateAttr()
    _sizes: list[int] = PrivateAttr()

    @model_validator(mode="after")
    def _build(self) -> StackParams:
        numbers = [[int(v) for v in spec.split(",")] for spec in self.layers.split(";")]
        self._stack = [Layer(k, s, p, d[0] if d else 1) for k, s, p, *d in numbers]
        for i, la in enumerate(self._stack, start=1):
            if (la.k > S.max_kernel or la.s > S.max_stride or la.p > S.max_padding
                    or la.d > S.max_dilation):  # fmt: skip
                raise ConvError(
                    f"layer {i}: kernel <= {S.max_kernel}, stride <= {S.max_stride}, padding <= "
                    f"{S.max_padding} and dilation <= {S.max_dilation}, got {la.k},{la.s},"
                    f"{la.p},{la.d}",
                    code="layer_out_of_range",
                    params={"layer": i, "k": la.k, "s": la.s, "p": la.p, "d": la.d},
                )
        self._sizes = map_sizes(self._stack, self.size)
        if self.y >= self._sizes[-1]:
            raise ConvError(
                f"output index y must be below the last map's size {self._sizes[-1]}, got {self.y}",
                code="y_out_of_range",
                params={"y": self.y, "size": self._sizes[-1]},
            )
        return self

    def stack(self) -> tuple[list[Layer], list[int]]:
        """The layers, and every map's length from the input up."""
        return self._stack, self._sizes
