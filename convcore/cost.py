"""Output sizes and costs (parameters, MACs, FLOPs, im2col bytes) without running a conv."""

from __future__ import annotations

from dataclasses import dataclass, replace

from .checks import check, check_groups, check_transpose, input_dims
from .errors import ConvError
from .spec import Conv2dSpec, Pair, pair

KINDS = ("standard", "transposed", "separable")


@dataclass(frozen=True)
class ConvCost:
    """What one layer costs. FLOPs = 2 x MACs (torch's flop counter; bias adds not counted)."""

    output_shape: tuple[int, int, int, int]  # (N, C_out, H_out, W_out)
    params: int
    macs: int
    flops: int
    im2col_bytes: int  # the full column matrix a plain im2col would allocate


def output_size(
    input_size: int | Pair,
    kernel_size: int | Pair,
    stride: int | Pair = 1,
    padding: int | Pair | str = 0,
    dilation: int | Pair = 1,
    transposed: bool = False,
    output_padding: int | Pair = 0,
    padding_mode: str = "zeros",
) -> Pair:
    """(H_out, W_out) of a conv (or transposed conv) of an input_size (H, W) image.

    Raises exactly the ConvError conv2d (or conv_transpose2d) would raise for this geometry.
    """
    H, W = pair(input_size, "input size")
    k = pair(kernel_size, "kernel size")
    cost = conv_cost(
        (1, 1, H, W),
        1,
        k,
        stride,
        padding,
        dilation,
        kind="transposed" if transposed else "standard",
        output_padding=output_padding,
        padding_mode=padding_mode,
    )
    return cost.output_shape[2], cost.output_shape[3]


def conv_cost(
    input_shape: tuple[int, int, int, int],
    out_channels: int,
    kernel_size: int | Pair,
    stride: int | Pair = 1,
    padding: int | Pair | str = 0,
    dilation: int | Pair = 1,
    groups: int = 1,
    bias: bool = True,
    kind: str = "standard",
    depth_multiplier: int = 1,
    output_padding: int | Pair = 0,
    itemsize: int = 4,
    padding_mode: str = "zeros",
) -> ConvCost:
    """Cost of one layer on input_shape (N, C_in, H, W).

    kind: 'standard' (groups allowed), 'transposed' (weight (C_in, C_out/g, kH, kW); no work on
    the inserted zeros), or 'separable' (depthwise with depth_multiplier, then 1x1 to
    out_channels; `groups` is ignored). It accepts and refuses exactly what conv2d,
    conv_transpose2d and separable_conv2d do (the same checks, in the same order).
    """
    if kind not in KINDS:
        raise ConvError(
            f"kind must be one of {', '.join(KINDS)}, got {kind!r}",
            code="cost_kind_unknown",
            params={"kind": str(kind), "choices": list(KINDS)},
        )
    N, C_in, H, W = input_dims(tuple(input_shape))
    kH, kW = pair(kernel_size, "kernel size")
    b = int(bool(bias))
    if kind == "separable":
        if (
            isinstance(depth_multiplier, bool)
            or not isinstance(depth_multiplier, int)
            or (depth_multiplier < 1)
        ):
            raise ConvError(
                "the depth multiplier must be a whole number of at least 1, "
                f"got {depth_multiplier!r}",
                code="depth_multiplier_too_small",
                params={"depth_multiplier": repr(depth_multiplier), "minimum": 1},
            )
        dw = conv_cost(
            input_shape,
            depth_multiplier * C_in,
            (kH, kW),
            stride,
            padding,
            dilation,
            C_in,
            bias,
            itemsize=itemsize,
            padding_mode=padding_mode,
        )
        pw = conv_cost(dw.output_shape, out_channels, 1, bias=bias, itemsize=itemsize)
        return ConvCost(
            pw.output_shape,
            dw.params + pw.params,
            dw.macs + pw.macs,
            dw.flops + pw.flops,
            max(dw.im2col_bytes, pw.im2col_bytes),
        )
    if kind == "transposed":
        spec = Conv2dSpec.of((kH, kW), stride, padding, dilation, groups, transposed=True)
        spec = replace(spec, padding_mode=padding_mode)  # refused by check_transpose if not zeros
        check_groups(C_in, out_channels, groups)
        shape = check_transpose(
            (N, C_in, H, W),
            (C_in, out_channels // groups, kH, kW),
            spec,
            pair(output_padding, "output padding"),
        )
        out = (N, out_channels, *shape.size)
        macs = N * C_in * H * W * (out_channels // groups) * kH * kW
        cols = N * out_channels * kH * kW * H * W
        weights = C_in * (out_channels // groups) * kH * kW
    else:
        spec = Conv2dSpec.of((kH, kW), stride, padding, dilation, groups, padding_mode)
        shape = check((N, C_in, H, W), (out_channels, C_in // groups, kH, kW), spec)
        out = (N, out_channels, *shape.out)
        macs = N * out_channels * shape.out[0] * shape.out[1] * (C_in // groups) * kH * kW
        cols = N * C_in * kH * kW * shape.out[0] * shape.out[1]
        weights = out_channels * (C_in // groups) * kH * kW
    return ConvCost(out, weights + b * out_channels, macs, 2 * macs, cols * itemsize)
