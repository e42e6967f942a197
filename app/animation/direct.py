"""The transposed conv drawn as its equivalent direct conv: a stride-1 window over z, the input
spread by the stride and padded (or cropped), with the flipped, channel-swapped kernel.

z and the kernel come from the engine's transposed_as_conv2d, the cell kinds from
its direct_cells, the steps from its forward_steps over z: no index math here.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
from PIL import Image

from convcore import conv2d, direct_cells, forward_steps, transposed_as_conv2d

from . import draw as d
from .frames import SIZE, check_frames, render_frame

KIND_COLOURS = {0: d.PADDING, 1: d.INSERTED, 2: d.PLAIN}  # direct_cells: pad, zero, element


def direct_frames(
    x: np.ndarray,
    weight: np.ndarray,
    bias: np.ndarray | None = None,
    stride: int | tuple[int, int] = 1,
    padding: int | tuple[int, int] = 0,
    output_padding: int | tuple[int, int] = 0,
    groups: int = 1,
    dilation: int | tuple[int, int] = 1,
    start: int = 0,
    stop: int | None = None,
    max_frames: int = 200,
    size: tuple[int, int] = SIZE,
) -> Iterator[Image.Image]:
    """Frames of the direct conv equal to conv_transpose2d(x, weight, ...); args as that call.

    Step k is output element k of the transposed conv (n, c_out, i, j in C order).
    """
    x = np.asarray(x, np.float64)
    x = x[None] if x.ndim == 3 else x
    z, w_flipped = transposed_as_conv2d(
        x, weight, stride, padding, output_padding, groups, dilation
    )
    kinds = direct_cells(
        x.shape, np.shape(weight), stride, padding, output_padding, groups, dilation
    )
    y = conv2d(z, w_flipped, bias, dilation=dilation, groups=groups)  # = conv_transpose2d(x, ...)
    stop = y.size if stop is None else min(stop, y.size)
    check_frames(start, stop, max_frames)
    base = np.array([KIND_COLOURS[k] for k in range(3)], np.uint8)[kinds]  # (H_z, W_z, 3)
    steps = forward_steps(z, w_flipped, bias, 1, 0, dilation, groups, start=start, stop=stop)
    label = "z[{n}, {c}]: x spread by the stride, padded d(k-1)-p"
    title = "conv_transpose2d as a direct conv, step {}"
    return (
        render_frame(z, w_flipped, y, s, size=size, title=title.format(s.index + 1), base=base,
                     label=label)
        for s in steps
    )  # fmt: skip
