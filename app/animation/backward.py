"""Backward-pass frames: output element (n, f, oh, ow) adds dy · window to dW[f].

Every index comes from convcore's BackwardStep (rows, cols, channels), every number from the
engine (dw_add, the running dW).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageDraw

from convcore import BackwardStep, Conv2dSpec, backward_steps, pad

from . import draw as d
from .frames import MAX_CELL, SHOWN_CHANNELS, SIZE, check_frames, factor, text
from .layout import Grid, columns, fit, stack


@dataclass(frozen=True)
class BackwardLayout:
    """Padded input planes (the x that dW multiplies), dY, and the running dW per channel."""

    inputs: list[Grid]
    grad: Grid
    dws: list[Grid]


def backward_layout(
    padded: tuple[int, int],
    out: tuple[int, int],
    kernel: tuple[int, int],
    channels: int,
    size: tuple[int, int] = SIZE,
) -> BackwardLayout:
    shown = min(channels, SHOWN_CHANNELS)
    box_in, box_dy, box_dw = columns(size, (0.40, 0.28, 0.24))
    return BackwardLayout(
        [fit(b, *padded, MAX_CELL) for b in stack(box_in, shown)],
        fit(box_dy, *out, MAX_CELL),
        [fit(b, *kernel, MAX_CELL) for b in stack(box_dw, shown)],
    )


def render_backward_frame(
    padded_input: np.ndarray,
    grad_output: np.ndarray,
    step: BackwardStep,
    padding: tuple[tuple[int, int], tuple[int, int]] = ((0, 0), (0, 0)),
    size: tuple[int, int] = SIZE,
    title: str = "",
) -> Image.Image:
    """Draw backward step `step`: the window of x, the dy it is scaled by, the running dW[f].

    Args:
      padded_input: (N, C_in, Hp, Wp) padded input.
      grad_output: (N, C_out, H_out, W_out) dy.
      step: a convcore.BackwardStep (from backward_steps).
    """
    n, f, oh, ow = step.out
    _, _, Hp, Wp = padded_input.shape
    kernel = step.dw.shape[1:]
    lay = backward_layout((Hp, Wp), grad_output.shape[2:], kernel, len(step.channels), size)
    img = Image.new("RGB", size, d.BACKGROUND)
    pen = ImageDraw.Draw(img)
    (top, bottom), (left, right) = padding
    is_pad = np.ones((Hp, Wp), bool)
    is_pad[top : Hp - bottom, left : Wp - right] = False
    for i, (g_in, g_dw) in enumerate(zip(lay.inputs, lay.dws, strict=True)):
        c = step.channels[i]
        colours = d.fills((Hp, Wp), d.PLAIN)
        colours[is_pad] = d.PADDING
        colours[np.ix_(step.rows, step.cols)] = d.HIGHLIGHT
        d.paint(pen, g_in, colours, padded_input[n, c])
        d.label(pen, g_in, f"input x[{n}, {c}] (padded)")
        d.paint(pen, g_dw, d.fills(kernel, d.KERNEL), step.dw[i])
        d.label(pen, g_dw, f"dW[{f}, {i}] so far")
    colours = d.fills(grad_output.shape[2:], d.PLAIN)
    colours[oh, ow] = d.HIGHLIGHT
    d.paint(pen, lay.grad, colours, grad_output[n, f])
    d.label(pen, lay.grad, f"dL/dy[{n}, {f}]")
    x0 = float(padded_input[n, step.channels[0], step.rows[0], step.cols[0]])  # first tap
    line = (
        f"dW[{f}] += dy[{n},{f},{oh},{ow}] · window = {d.fmt(step.grad)} · x;  e.g. "
        f"dW[{f},0,0,0] += {factor(step.grad)}·{factor(x0)} = {d.fmt(float(step.dw_add.flat[0]))}"
    )
    text(pen, size, title or f"backward step {step.index + 1}", line)
    return img


def backward_frames(
    grad_output: np.ndarray,
    x: np.ndarray,
    weight: np.ndarray,
    stride: int | tuple[int, int] = 1,
    padding: int | tuple[int, int] | str = 0,
    dilation: int | tuple[int, int] = 1,
    groups: int = 1,
    padding_mode: str = "zeros",
    start: int = 0,
    stop: int | None = None,
    max_frames: int = 200,
    size: tuple[int, int] = SIZE,
) -> Iterator[Image.Image]:
    """Frames of backward steps start..stop-1; arguments as convcore.backward_steps."""
    x = np.asarray(x, np.float64)
    x = x[None] if x.ndim == 3 else x
    dy = np.asarray(grad_output, np.float64)
    dy = dy[None] if dy.ndim == 3 else dy
    stop = dy.size if stop is None else min(stop, dy.size)
    # backward_steps checks the layer and dy's shape on the call, before any frame is counted.
    steps = backward_steps(dy, x, weight, stride, padding, dilation, groups, padding_mode,
                           start, stop)  # fmt: skip
    check_frames(start, stop, max_frames)
    spec = Conv2dSpec.of(np.shape(weight)[2:], stride, padding, dilation, groups, padding_mode)
    xp = pad(x, spec.padding, spec.padding_mode)
    return (render_backward_frame(xp, dy, s, spec.padding, size) for s in steps)
