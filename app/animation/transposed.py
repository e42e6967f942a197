"""Transposed-conv frames: one input element stamps its scaled kernel onto the output.

Every index comes from convcore's TransposeStep (rows/cols and which of them survive the crop),
every number from the engine (stamp, running total under the stamp).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageDraw

from convcore import TransposeStep, conv_transpose2d, transpose_steps

from . import draw as d
from .frames import MAX_CELL, SHOWN_CHANNELS, SIZE, check_frames, text
from .layout import Grid, columns, fit, stack


@dataclass(frozen=True)
class TransposeLayout:
    """The input plane, one kernel per shown output channel, and those output planes."""

    input: Grid
    kernels: list[Grid]
    outputs: list[Grid]


def transpose_layout(
    size_in: tuple[int, int],
    kernel: tuple[int, int],
    size_out: tuple[int, int],
    channels: int,
    size: tuple[int, int] = SIZE,
) -> TransposeLayout:
    shown = min(channels, SHOWN_CHANNELS)
    box_in, box_k, box_out = columns(size, (0.28, 0.16, 0.48))
    return TransposeLayout(
        fit(box_in, *size_in, MAX_CELL),
        [fit(b, *kernel, MAX_CELL) for b in stack(box_k, shown)],
        [fit(b, *size_out, MAX_CELL) for b in stack(box_out, shown)],
    )


def render_transpose_frame(
    x: np.ndarray,
    weight: np.ndarray,
    output_size: tuple[int, int],
    step: TransposeStep,
    size: tuple[int, int] = SIZE,
    title: str = "",
) -> Image.Image:
    """Draw stamp `step` of conv_transpose2d.

    Args:
      x: (N, C_in, H, W) the transposed conv's input.
      weight: (C_in, C_out // groups, kH, kW).
      output_size: (H_out, W_out).
      step: a convcore.TransposeStep (from transpose_steps).
    """
    n, c, h, w = step.at
    lay = transpose_layout(x.shape[2:], weight.shape[2:], output_size, len(step.channels), size)
    img = Image.new("RGB", size, d.BACKGROUND)
    pen = ImageDraw.Draw(img)
    colours = d.fills(x.shape[2:], d.PLAIN)
    colours[h, w] = d.HIGHLIGHT
    d.paint(pen, lay.input, colours, x[n, c])
    d.label(pen, lay.input, f"input x[{n}, {c}]")
    inside = np.ix_(step.row_in, step.col_in)
    at = np.ix_(step.rows[step.row_in], step.cols[step.col_in])
    for o, (g_k, g_out) in enumerate(zip(lay.kernels, lay.outputs, strict=False)):
        d.paint(pen, g_k, d.fills(weight.shape[2:], d.KERNEL), weight[c, o])
        d.label(pen, g_k, f"W[{c}, {o}]")
        colours = d.fills(output_size, d.PLAIN)
        colours[at] = d.HIGHLIGHT
        values, shown = np.zeros(output_size), np.zeros(output_size, bool)
        values[at], shown[at] = step.total[o][inside], True
        d.paint(pen, g_out, colours, values, shown)
        d.label(pen, g_out, f"y[{n}, {step.channels[o]}]: sums so far under the stamp")
    cropped = step.row_in.size * step.col_in.size - int(step.row_in.sum() * step.col_in.sum())
    line = f"x[{n},{c},{h},{w}] = {d.fmt(step.value)} stamps {d.fmt(step.value)} · W[{c}]"
    line += f"; {cropped} taps cropped by padding" if cropped else ""
    text(pen, size, title or f"conv_transpose2d step {step.index + 1}", line)
    return img


def transpose_frames(
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
    """Frames of stamps start..stop-1 (one per input element); arguments as conv_transpose2d."""
    x = np.asarray(x, np.float64)
    x = x[None] if x.ndim == 3 else x
    y = conv_transpose2d(x, weight, bias, stride, padding, output_padding, groups, dilation)
    stop = x.size if stop is None else min(stop, x.size)
    check_frames(start, stop, max_frames)
    steps = transpose_steps(x, weight, bias, stride, padding, output_padding, groups, dilation,
                            start, stop)  # fmt: skip
    w = np.asarray(weight, np.float64)
    return (render_transpose_frame(x, w, y.shape[2:], s, size) for s in steps)
