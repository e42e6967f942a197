"""The sole home of size and index formulas: output sizes, window taps and shape checks."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .errors import ConvError
from .spec import Conv2dSpec, Pair

AXES = ("height", "width")


def span(k: int, d: int) -> int:
    """Effective (dilated) kernel extent d(k-1)+1."""
    return d * (k - 1) + 1


def out_size(i: int, k: int, s: int, pad: Pair, d: int) -> int:
    """Conv output length floor((i + p_lo + p_hi - d(k-1) - 1) / s) + 1 (may be < 1)."""
    return (i + pad[0] + pad[1] - span(k, d)) // s + 1


def transpose_out_size(i: int, k: int, s: int, p: int, d: int, op: int) -> int:
    """Transposed-conv output length (i-1)s - 2p + d(k-1) + op + 1 (may be < 1)."""
    return (i - 1) * s - 2 * p + d * (k - 1) + op + 1


def out_size_formula(i: int, k: int, s: int, pad: Pair, d: int) -> str:
    """The output-size formula with the numbers in it, e.g. for the explorer's readout."""
    return (
        f"⌊({i} + {pad[0]} + {pad[1]} − {d}·({k} − 1) − 1) / {s}⌋ + 1 = {out_size(i, k, s, pad, d)}"
    )


def transpose_out_size_formula(i: int, k: int, s: int, p: int, d: int, op: int) -> str:
    """The transposed-conv output-size formula with the numbers in it."""
    return (
        f"({i} − 1)·{s} − 2·{p} + {d}·({k} − 1) + {op} + 1 = "
        f"{transpose_out_size(i, k, s, p, d, op)}"
    )


def taps(o: int | np.ndarray, k: int, s: int, d: int) -> np.ndarray:
    """Padded-input indices read by output index o: o*s + d*arange(k).

    o: an int -> (k,), or an array (...,) of output indices -> (..., k).
    """
    return np.asarray(o)[..., None] * s + d * np.arange(k)


@dataclass(frozen=True)
class ConvShape:
    """Every size of one conv2d; `padded` is (Hp, Wp), `out` is (H_out, W_out)."""

    N: int
    C_in: int
    C_out: int
    size: Pair
    padded: Pair
    out: Pair
    spec: Conv2dSpec

    @property
    def steps(self) -> int:
        """One sliding-window step per output element."""
        return self.N * self.C_out * self.out[0] * self.out[1]


def check(
    x_shape: tuple[int, ...],
    w_shape: tuple[int, ...],
    spec: Conv2dSpec,
    bias_shape: tuple[int, ...] | None = None,
) -> ConvShape:
    """Validate a conv2d of x (N, C_in, H, W) with weight (C_out, C_in/groups, kH, kW).

    Raises ConvError with a message that names the numbers and the fix.
    """
    N, C_in, H, W = _batched(x_shape)
    C_out, C_g, kH, kW = _weight(w_shape)
    G = spec.groups
    _check_groups(C_in, G, "input")
    _check_groups(C_out, G, "output")
    if C_g != C_in // G:
        raise ConvError(
            f"each kernel must have input channels / groups = {C_in}/{G} = {C_in // G}"
            f" channels, but the weight has {C_g}"
        )
    _check_kernel_and_bias((kH, kW), spec, bias_shape, C_out)
    padded, out = [], []
    for axis, i, k, s, p, d in zip(
        AXES, (H, W), spec.kernel, spec.stride, spec.padding, spec.dilation, strict=True
    ):
        _check_padding_mode(axis, i, p, spec.padding_mode)
        if span(k, d) > i + p[0] + p[1]:
            raise ConvError(
                f"effective kernel {span(k, d)} (kernel {k}, dilation {d}) is larger than the "
                f"padded input {i + p[0] + p[1]} (input {i} + padding {p[0]} + {p[1]}) in "
                f"{axis}: use a smaller kernel or dilation, or more padding"
            )
        padded.append(i + p[0] + p[1])
        out.append(out_size(i, k, s, p, d))
    return ConvShape(N, C_in, C_out, (H, W), tuple(padded), tuple(out), spec)  # type: ignore[arg-type]


def check_transpose(
    x_shape: tuple[int, ...],
    w_shape: tuple[int, ...],
    spec: Conv2dSpec,
    output_padding: Pair,
    bias_shape: tuple[int, ...] | None = None,
) -> ConvShape:
    """Validate conv_transpose2d of x (N, C_in, H, W) with weight (C_in, C_out/groups, kH, kW).

    Returns the shape of the *equivalent conv2d* whose input gradient is this transposed conv:
    its `size` is the transposed output (H_out, W_out) and its `out` covers x's (H, W).
    """
    N, C_in, H, W = _batched(x_shape)
    C_w, F_g, kH, kW = _weight(w_shape)
    G = spec.groups
    if spec.padding_mode != "zeros":
        raise ConvError("a transposed convolution only supports zeros padding")
    if C_w != C_in:
        raise ConvError(
            f"a transposed conv's weight is (C_in, C_out/groups, kH, kW): its first "
            f"size {C_w} must equal the input channels {C_in}"
        )
    _check_groups(C_in, G, "input")
    _check_kernel_and_bias((kH, kW), spec, bias_shape, F_g * G)
    size = []
    for axis, i, k, s, p, d, op in zip(
        AXES,
        (H, W),
        spec.kernel,
        spec.stride,
        spec.padding,
        spec.dilation,
        output_padding,
        strict=True,
    ):
        if op < 0 or op >= max(s, d):
            raise ConvError(
                f"output padding {op} in {axis} must be smaller than the stride {s} "
                f"or the dilation {d}"
            )
        o = transpose_out_size(i, k, s, p[0], d, op)
        if o < 1:
            raise ConvError(
                f"the output {axis} would be {o}: (input {i} - 1) x stride {s} - 2 x "
                f"padding {p[0]} + dilation {d} x (kernel {k} - 1) + output padding "
                f"{op} + 1 must be at least 1; use less padding"
            )
        size.append(o)
    Hp, Wp = (size[0] + sum(spec.padding[0]), size[1] + sum(spec.padding[1]))
    out = (
        out_size(size[0], kH, spec.stride[0], spec.padding[0], spec.dilation[0]),
        out_size(size[1], kW, spec.stride[1], spec.padding[1], spec.dilation[1]),
    )
    return ConvShape(N, F_g * G, C_in, tuple(size), (Hp, Wp), out, spec)  # type: ignore[arg-type]


def _batched(x_shape: tuple[int, ...]) -> tuple[int, int, int, int]:
    if len(x_shape) != 4:
        raise ConvError(f"input must be (N, C, H, W) or (C, H, W), got {len(x_shape)} dimensions")
    if min(x_shape) < 1:
        raise ConvError(f"every input size must be at least 1, got {tuple(x_shape)}")
    return x_shape  # type: ignore[return-value]


def kernel_of(w_shape: tuple[int, ...]) -> Pair:
    """(kH, kW) of a 4-D weight; a weight of any other rank is refused here, first."""
    return _weight(w_shape)[2:]  # type: ignore[return-value]


def _weight(w_shape: tuple[int, ...]) -> tuple[int, int, int, int]:
    if len(w_shape) != 4:
        raise ConvError(
            f"weight must be (C_out, C_in/groups, kH, kW), got {len(w_shape)} dimensions"
        )
    if min(w_shape) < 1:
        raise ConvError(f"every weight size must be at least 1, got {tuple(w_shape)}")
    return w_shape  # type: ignore[return-value]


def _check_groups(channels: int, groups: int, which: str) -> None:
    if channels % groups:
        raise ConvError(
            f"groups {groups} must divide the {which} channels {channels}: "
            f"choose groups from {_divisors(channels)}"
            + (" or change the output channels" if which == "output" else "")
        )


def _check_kernel_and_bias(
    kernel: Pair, spec: Conv2dSpec, bias_shape: tuple[int, ...] | None, C_out: int
) -> None:
    if kernel != spec.kernel:
        raise ConvError(f"the weight's kernel {kernel[0]}x{kernel[1]} does not match {spec.kernel}")
    if bias_shape is not None and tuple(bias_shape) != (C_out,):
        raise ConvError(
            f"bias must hold one number per output channel ({C_out}), got shape {tuple(bias_shape)}"
        )


def _check_padding_mode(axis: str, n: int, pad: Pair, mode: str) -> None:
    q = max(pad)
    if mode == "reflect" and q >= n:
        raise ConvError(
            f"reflect padding {q} must be smaller than the input {axis} {n}: a mirror "
            f"cannot reflect more pixels than there are; use padding <= {n - 1}"
        )
    if mode == "circular" and q > n:
        raise ConvError(
            f"circular padding {q} cannot exceed the input {axis} {n}: it would wrap "
            "around more than once"
        )


def _divisors(n: int) -> str:
    return ", ".join(str(g) for g in range(1, n + 1) if n % g == 0)
