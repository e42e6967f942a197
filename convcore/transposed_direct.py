"""A transposed conv written as an ordinary conv: spread, pad (or crop), flip and swap.

conv_transpose2d(x, w, stride=s, padding=p, output_padding=a, dilation=d, groups=g) equals
conv2d(z, w_flipped, dilation=d, groups=g) with stride 1 and no padding, where z is x with
s - 1 zeros between neighbours, padded by d(k-1) - p on each side (negative: cropped) and by
a more on the bottom/right. This is the conv_arithmetic identity (Dumoulin & Visin, section 4;
spec section 5, form (b)). The engine itself does not compute it this way (transposed.py
reuses conv2d's input gradient, with no work on the zeros); this module builds the
equivalent conv so that a page can draw it beside the scatter view.
"""

from __future__ import annotations

import numpy as np

from .arrays import transpose_inputs
from .spec import Pair, pair


def direct_padding(
    kernel: Pair, padding: Pair, output_padding: Pair, dilation: Pair
) -> tuple[Pair, Pair]:
    """Signed per-side padding ((top, bottom), (left, right)) of the spread input.

    Each axis gets q = d(k-1) - p before and q + output_padding after; q < 0 is a crop.
    """
    sides = []
    for k, p, a, d in zip(kernel, padding, output_padding, dilation, strict=True):
        q = d * (k - 1) - p
        sides.append((q, q + a))
    return sides[0], sides[1]


def spread(x: np.ndarray, stride: Pair) -> np.ndarray:
    """x: (N, C, H, W) -> (N, C, (H-1)s_h + 1, (W-1)s_w + 1), s - 1 zeros between elements."""
    N, C, H, W = x.shape
    s_h, s_w = stride
    z = np.zeros((N, C, (H - 1) * s_h + 1, (W - 1) * s_w + 1), x.dtype)
    z[:, :, ::s_h, ::s_w] = x
    return z


def pad_or_crop(z: np.ndarray, sides: tuple[Pair, Pair]) -> np.ndarray:
    """z: (N, C, H, W) -> zeros added on positive sides, rows/cols removed on negative ones."""
    (top, bottom), (left, right) = sides
    H, W = z.shape[2:]
    z = z[:, :, max(-top, 0) : H - max(-bottom, 0), max(-left, 0) : W - max(-right, 0)]
    grow = ((0, 0), (0, 0), (max(top, 0), max(bottom, 0)), (max(left, 0), max(right, 0)))
    return np.pad(z, grow)


def flip_swap(weight: np.ndarray, groups: int) -> np.ndarray:
    """(C_in, C_out/g, kH, kW) transposed-conv weight -> (C_out, C_in/g, kH, kW) for conv2d.

    w_flipped[g*F_g + o, c, u, v] = weight[g*C_g + c, o, kH-1-u, kW-1-v]: rot180 per kernel,
    input and output channels swapped inside each group.
    """
    C_in, F_g, kH, kW = weight.shape
    C_g = C_in // groups
    w = weight.reshape(groups, C_g, F_g, kH, kW).transpose(0, 2, 1, 3, 4)  # (G, F_g, C_g, kH, kW)
    return np.ascontiguousarray(w[..., ::-1, ::-1].reshape(groups * F_g, C_g, kH, kW))


def transposed_as_conv2d(
    x: np.ndarray,
    weight: np.ndarray,
    stride: int | Pair = 1,
    padding: int | Pair = 0,
    output_padding: int | Pair = 0,
    groups: int = 1,
    dilation: int | Pair = 1,
) -> tuple[np.ndarray, np.ndarray]:
    """The direct conv that equals conv_transpose2d (same arguments, same checks and errors).

    Args:
      x: (N, C_in, H, W) or (C_in, H, W), the transposed conv's input.
      weight: (C_in, C_out // groups, kH, kW), the transposed conv's weight.
    Returns:
      z: (N, C_in, H_z, W_z) (unbatched if x was) with H_z = (H-1)s + 1 + 2q + output_padding,
        q = d(kH-1) - p; conv2d(z, w_flipped, bias, dilation=d, groups=groups) (stride 1, no
        padding) equals conv_transpose2d(x, weight, bias, ...).
      w_flipped: (C_out, C_in // groups, kH, kW) in conv2d's layout (see flip_swap).
    """
    x, weight, _, shape, unbatched = transpose_inputs(
        x, weight, None, stride, padding, output_padding, groups, dilation
    )
    spec = shape.spec
    op = pair(output_padding, "output padding")  # already checked by transpose_inputs
    p = (spec.padding[0][0], spec.padding[1][0])
    z = pad_or_crop(spread(x, spec.stride), direct_padding(spec.kernel, p, op, spec.dilation))
    return (z[0] if unbatched else z), flip_swap(weight, spec.groups)


def direct_cells(
    x_shape: tuple[int, ...],
    weight_shape: tuple[int, ...],
    stride: int | Pair = 1,
    padding: int | Pair = 0,
    output_padding: int | Pair = 0,
    groups: int = 1,
    dilation: int | Pair = 1,
) -> np.ndarray:
    """What each cell of transposed_as_conv2d's z is: 2 an input element, 1 an inserted zero,
    0 padding (the far-side output_padding included). Shapes and checks as conv_transpose2d.

    Returns:
      (H_z, W_z) int8, built by pushing a marker through the same spread and pad_or_crop as z.
    """
    x_shape = tuple(int(v) for v in x_shape)
    x_shape = (1, *x_shape) if len(x_shape) == 3 else x_shape
    x, weight = np.broadcast_to(0.0, x_shape), np.broadcast_to(0.0, tuple(weight_shape))
    shape = transpose_inputs(x, weight, None, stride, padding, output_padding, groups, dilation)[3]
    spec = shape.spec
    op = pair(output_padding, "output padding")
    p = (spec.padding[0][0], spec.padding[1][0])
    marks = spread(np.ones((1, 1, *x_shape[2:])), spec.stride) + 1  # 2 element, 1 inserted zero
    sides = direct_padding(spec.kernel, p, op, spec.dilation)
    return pad_or_crop(marks, sides)[0, 0].astype(np.int8)
