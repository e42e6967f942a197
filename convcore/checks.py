"""The one validation of a conv's shapes and hyper-parameters, with messages a student can act on.

Every public function calls `check` (conv2d and its trace, backward, cost) or `check_transpose`
(conv_transpose2d, its trace, cost), so they accept and refuse the same configurations.
Each ConvError has a literal code and params holding the numbers of its sentence; where it
suggests values (params["choices"], "max_kernel", "min_padding", "max_padding"), they are
accepted when tried.
"""

from __future__ import annotations

from .errors import ConvError
from .geometry import AXES, ConvShape, out_size, span, transpose_out_size
from .spec import Conv2dSpec, Pair


def check(
    x_shape: tuple[int, ...],
    w_shape: tuple[int, ...],
    spec: Conv2dSpec,
    bias_shape: tuple[int, ...] | None = None,
) -> ConvShape:
    """Validate a conv2d of x (N, C_in, H, W) with weight (C_out, C_in/groups, kH, kW).

    Raises ConvError with a message that names the numbers and the fix.
    """
    N, C_in, H, W = input_dims(x_shape)
    C_out, C_g, kH, kW = _weight(w_shape)
    G = spec.groups
    check_groups(C_in, C_out, G)
    if C_g != C_in // G:
        raise ConvError(
            f"each kernel must have input channels / groups = {C_in}/{G} = {C_in // G}"
            f" channels, but the weight has {C_g}",
            code="weight_channels_mismatch",
            params={"in_channels": C_in, "groups": G, "expected": C_in // G, "got": C_g},
        )
    _check_kernel_and_bias((kH, kW), spec, bias_shape, C_out)
    padded, out = [], []
    for axis, i, k, s, p, d in zip(
        AXES, (H, W), spec.kernel, spec.stride, spec.padding, spec.dilation, strict=True
    ):
        _check_padding_mode(axis, i, p, spec.padding_mode)
        _check_fits(axis, i, k, p, d, spec.padding_mode)
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
    N, C_in, H, W = input_dims(x_shape)
    C_w, F_g, kH, kW = _weight(w_shape)
    G = spec.groups
    if spec.padding_mode != "zeros":
        raise ConvError(
            f"a transposed convolution only supports zeros padding, got {spec.padding_mode!r}",
            code="transposed_padding_mode",
            params={"padding_mode": spec.padding_mode, "choices": ["zeros"]},
        )
    if C_w != C_in:
        raise ConvError(
            f"a transposed conv's weight is (C_in, C_out/groups, kH, kW): its first "
            f"size {C_w} must equal the input channels {C_in}",
            code="transposed_weight_channels",
            params={"got": C_w, "in_channels": C_in},
        )
    check_groups(C_in, F_g * G, G)
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
                f"output padding {op} in {axis} must be at least 0 and smaller than the "
                f"stride {s} or the dilation {d}: choose from {_listed(range(max(s, d)))}",
                code="output_padding_out_of_range",
                params={
                    "axis": axis,
                    "output_padding": op,
                    "stride": s,
                    "dilation": d,
                    "choices": list(range(max(s, d))),
                },
            )
        o = transpose_out_size(i, k, s, p[0], d, op)
        if o < 1:
            # The largest padding that still leaves one output row: (i-1)s + d(k-1) + op >= 2p.
            most = ((i - 1) * s + d * (k - 1) + op) // 2
            raise ConvError(
                f"the output {axis} would be {o}: (input {i} - 1) x stride {s} - 2 x "
                f"padding {p[0]} + dilation {d} x (kernel {k} - 1) + output padding "
                f"{op} + 1 must be at least 1; use padding {most} or less",
                code="transposed_output_too_small",
                params={
                    "axis": axis,
                    "size": o,
                    "input": i,
                    "stride": s,
                    "padding": p[0],
                    "dilation": d,
                    "kernel": k,
                    "output_padding": op,
                    "max_padding": most,
                },
            )
        size.append(o)
    Hp, Wp = (size[0] + sum(spec.padding[0]), size[1] + sum(spec.padding[1]))
    out = (
        out_size(size[0], kH, spec.stride[0], spec.padding[0], spec.dilation[0]),
        out_size(size[1], kW, spec.stride[1], spec.padding[1], spec.dilation[1]),
    )
    return ConvShape(N, F_g * G, C_in, tuple(size), (Hp, Wp), out, spec)  # type: ignore[arg-type]


def input_dims(x_shape: tuple[int, ...]) -> tuple[int, int, int, int]:
    """(N, C, H, W) of a 4-D input shape, each at least 1."""
    return _sizes(x_shape, "input", "(N, C, H, W) or (C, H, W)")  # type: ignore[return-value]


def kernel_of(w_shape: tuple[int, ...]) -> Pair:
    """(kH, kW) of a 4-D weight; a weight of any other rank is refused here, first."""
    return _weight(w_shape)[2:]  # type: ignore[return-value]


def _weight(w_shape: tuple[int, ...]) -> tuple[int, int, int, int]:
    return _sizes(w_shape, "weight", "(C_out, C_in/groups, kH, kW)")  # type: ignore[return-value]


def _sizes(shape: tuple[int, ...], what: str, layout: str) -> tuple[int, ...]:
    """A 4-D shape with every size at least 1 (what: 'input' or 'weight')."""
    if len(shape) != 4:
        raise ConvError(
            f"{what} must be {layout}, got {len(shape)} dimensions",
            code="array_rank",
            params={"what": what, "ndim": len(shape)},
        )
    if min(shape) < 1:
        raise ConvError(
            f"every {what} size must be at least 1, got {tuple(shape)}",
            code="empty_size",
            params={"what": what, "shape": list(shape), "minimum": 1},
        )
    return shape


def check_groups(in_channels: int, out_channels: int, groups: int) -> None:
    """Groups must divide both channel counts; the suggestions divide both, so each is accepted.

    Raises ConvError(code="groups_not_divisor") with params["choices"], the common divisors.
    """
    if in_channels % groups or out_channels % groups:
        choices = group_choices(in_channels, out_channels)
        raise ConvError(
            f"groups {groups} must divide both the input channels {in_channels} and the "
            f"output channels {out_channels}: choose groups from {_listed(choices)}",
            code="groups_not_divisor",
            params={
                "groups": groups,
                "in_channels": in_channels,
                "out_channels": out_channels,
                "choices": choices,
            },
        )


def group_choices(in_channels: int, out_channels: int) -> list[int]:
    """Every valid groups value: the common divisors of both channel counts."""
    return [g for g in range(1, min(in_channels, out_channels) + 1)
            if in_channels % g == 0 and out_channels % g == 0]  # fmt: skip


def _check_fits(axis: str, i: int, k: int, p: Pair, d: int, mode: str) -> None:
    """The dilated kernel d(k-1)+1 must fit in the padded input i + p_lo + p_hi."""
    if span(k, d) <= i + p[0] + p[1]:
        return
    biggest = (i + p[0] + p[1] - 1) // d + 1  # largest kernel that fits at this dilation
    need = -(-(span(k, d) - i) // 2)  # smallest padding per side that fits this kernel
    params = {
        "axis": axis,
        "effective_kernel": span(k, d),
        "kernel": k,
        "dilation": d,
        "padded": i + p[0] + p[1],
        "input": i,
        "padding": list(p),
        "max_kernel": biggest,
    }
    fix = f"use kernel {biggest} or smaller"
    if need <= MAX_PAD[mode](i):  # suggest padding only where the mode allows that much
        params["min_padding"] = need
        fix += f", or padding {need} or more"
    raise ConvError(
        f"effective kernel {span(k, d)} (kernel {k}, dilation {d}) is larger than the "
        f"padded input {i + p[0] + p[1]} (input {i} + padding {p[0]} + {p[1]}) in "
        f"{axis}: {fix}",
        code="kernel_too_large",
        params=params,
    )


def _check_kernel_and_bias(
    kernel: Pair, spec: Conv2dSpec, bias_shape: tuple[int, ...] | None, C_out: int
) -> None:
    if kernel != spec.kernel:
        raise ConvError(
            f"the weight's kernel {kernel[0]}x{kernel[1]} does not match "
            f"{spec.kernel[0]}x{spec.kernel[1]}",
            code="kernel_mismatch",
            params={"kernel": list(kernel), "expected": list(spec.kernel)},
        )
    if bias_shape is not None and tuple(bias_shape) != (C_out,):
        raise ConvError(
            f"bias must hold one number per output channel ({C_out}), "
            f"got shape {tuple(bias_shape)}",
            code="bias_shape",
            params={"out_channels": C_out, "shape": list(bias_shape)},
        )


# Largest padding per side each mode allows on an axis of n pixels (torch's F.pad limits).
MAX_PAD = {
    "zeros": lambda n: 1 << 62,
    "replicate": lambda n: 1 << 62,
    "reflect": lambda n: n - 1,
    "circular": lambda n: n,
}


def _check_padding_mode(axis: str, n: int, pad: Pair, mode: str) -> None:
    q = max(pad)
    if mode == "reflect" and q >= n:
        raise ConvError(
            f"reflect padding {q} must be smaller than the input {axis} {n}: a mirror "
            f"cannot reflect more pixels than there are; use padding {n - 1} or less",
            code="reflect_padding_too_large",
            params={"axis": axis, "padding": q, "size": n, "max_padding": n - 1},
        )
    if mode == "circular" and q > n:
        raise ConvError(
            f"circular padding {q} cannot exceed the input {axis} {n}: it would wrap "
            f"around more than once; use padding {n} or less",
            code="circular_padding_too_large",
            params={"axis": axis, "padding": q, "size": n, "max_padding": n},
        )


def _listed(values: range | list[int]) -> str:
    return ", ".join(str(v) for v in values)
