"""Forward-pass frames: a frame is a function of one convcore Step (its rows, cols, products).

Every index drawn comes from the Step (forward_steps' rows and cols, out); every number from the
arrays the engine returned. Nothing here re-derives the window geometry.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageDraw

from convcore import Conv2dSpec, ConvError, Step, conv2d, forward_steps, pad

from . import draw as d
from .layout import Grid, columns, fit, stack

SIZE = (1280, 720)  # a 16:9 slide
SHOWN_CHANNELS = 3  # input planes drawn per frame; more are summarised in the formula line
MAX_CELL = 64


@dataclass(frozen=True)
class ForwardLayout:
    """Grids of one forward frame: one input plane and one kernel slice per shown channel."""

    inputs: list[Grid]
    kernels: list[Grid]
    output: Grid


def forward_layout(
    padded: tuple[int, int],
    kernel: tuple[int, int],
    out: tuple[int, int],
    channels: int,
    size: tuple[int, int] = SIZE,
) -> ForwardLayout:
    """Place (Hp, Wp) input planes, (kH, kW) kernels and the (H_out, W_out) output on a slide."""
    shown = min(channels, SHOWN_CHANNELS)
    box_in, box_k, box_out = columns(size, (0.42, 0.16, 0.34))
    inputs = [fit(b, *padded, MAX_CELL) for b in stack(box_in, shown)]
    kernels = [fit(b, *kernel, MAX_CELL) for b in stack(box_k, shown)]
    return ForwardLayout(inputs, kernels, fit(box_out, *out, MAX_CELL))


def render_frame(
    padded_input: np.ndarray,
    weight: np.ndarray,
    output: np.ndarray,
    step: Step,
    padding: tuple[tuple[int, int], tuple[int, int]] = ((0, 0), (0, 0)),
    size: tuple[int, int] = SIZE,
    title: str = "",
    base: np.ndarray | None = None,
    label: str = "input x[{n}, {c}] (padded)",
) -> Image.Image:
    """Draw forward step `step` of conv2d.

    Args:
      padded_input: (N, C_in, Hp, Wp) the padded input (convcore.pad).
      weight: (C_out, C_in // groups, kH, kW).
      output: (N, C_out, H_out, W_out) conv2d's output; cells after the step stay empty.
      step: the convcore.Step to draw (from forward_steps).
      padding: ((top, bottom), (left, right)), to grey the padding cells (Conv2dSpec.padding).
      base: (Hp, Wp, 3) uint8 cell colours of the input planes instead (e.g. inserted zeros).
      label: caption of each input plane, formatted with n and c.
    Returns:
      an RGB image of `size`.
    """
    n, f, oh, ow = step.out
    _, _, Hp, Wp = padded_input.shape
    H_out, W_out = output.shape[2:]
    lay = forward_layout((Hp, Wp), weight.shape[2:], (H_out, W_out), len(step.channels), size)
    img = Image.new("RGB", size, d.BACKGROUND)
    pen = ImageDraw.Draw(img)
    if base is None:
        (top, bottom), (left, right) = padding
        base = d.fills((Hp, Wp), d.PADDING)
        base[top : Hp - bottom, left : Wp - right] = d.PLAIN
    for i, (g_in, g_k) in enumerate(zip(lay.inputs, lay.kernels, strict=True)):
        c = step.channels[i]
        colours = base.copy()
        colours[np.ix_(step.rows, step.cols)] = d.HIGHLIGHT
        d.paint(pen, g_in, colours, padded_input[n, c])
        d.label(pen, g_in, label.format(n=n, c=c))
        d.paint(pen, g_k, d.fills(weight.shape[2:], d.KERNEL), weight[f, i])
        d.label(pen, g_k, f"W[{f}, {i}]")
    done = (np.arange(H_out * W_out) <= oh * W_out + ow).reshape(H_out, W_out)
    colours = d.fills((H_out, W_out), d.PLAIN)
    colours[done] = d.DONE
    colours[oh, ow] = d.HIGHLIGHT
    d.paint(pen, lay.output, colours, output[n, f], shown=done)
    d.label(pen, lay.output, f"output y[{n}, {f}]")
    text(pen, size, title or f"conv2d step {step.index + 1}", formula(step))
    return img


def formula(step: Step) -> str:
    """'y[n,f,i,j] = x·w + ... + b = value', the products of the first few taps written out."""
    n, f, oh, ow = step.out
    xs, ws = step.window.ravel(), step.kernel.ravel()
    terms = [f"{factor(a)}·{factor(b)}" for a, b in zip(xs[:6], ws[:6], strict=True)]
    more = f" + … ({xs.size} products)" if xs.size > 6 else ""
    bias = f" + {d.fmt(step.bias)}" if step.bias else ""
    return f"y[{n},{f},{oh},{ow}] = {' + '.join(terms)}{more}{bias} = {d.fmt(step.value)}"


def factor(v: float) -> str:
    return f"({d.fmt(v)})" if v < 0 else d.fmt(v)


def text(pen: ImageDraw.ImageDraw, size: tuple[int, int], title: str, line: str) -> None:
    W, H = size
    pen.text((int(W * 0.02), int(H * 0.05)), title, fill=d.INK, font=d.font(H // 24), anchor="lm")
    f = d.font(H // 26)
    while pen.textlength(line, font=f) > W * 0.96 and f.size > 10:  # type: ignore[union-attr]
        f = d.font(f.size - 2)  # type: ignore[union-attr]
    pen.text((int(W * 0.02), int(H * 0.9)), line, fill=d.INK, font=f, anchor="lm")


def forward_frames(
    x: np.ndarray,
    weight: np.ndarray,
    bias: np.ndarray | None = None,
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
    """Frames of forward steps start..stop-1; arguments as convcore.conv2d.

    Validates eagerly: ConvError for an impossible conv, and code="too_many_frames" when the
    range holds more than max_frames steps (before any frame is drawn).
    """
    x = np.asarray(x, np.float64)
    x = x[None] if x.ndim == 3 else x
    y = conv2d(x, weight, bias, stride, padding, dilation, groups, padding_mode)
    stop = y.size if stop is None else min(stop, y.size)
    check_frames(start, stop, max_frames)
    spec = Conv2dSpec.of(np.shape(weight)[2:], stride, padding, dilation, groups, padding_mode)
    xp = pad(x, spec.padding, spec.padding_mode)
    steps = forward_steps(x, weight, bias, stride, padding, dilation, groups, padding_mode,
                          start, stop)  # fmt: skip
    return (render_frame(xp, np.asarray(weight), y, s, spec.padding, size) for s in steps)


def check_frames(start: int, stop: int, max_frames: int) -> None:
    """Refuse an empty or too long step range with a code the front end translates."""
    if not 0 <= start < stop:
        raise ConvError(
            f"the step range must hold at least one step: start {start}, stop {stop}",
            code="empty_step_range",
            params={"start": start, "stop": stop},
        )
    if stop - start > max_frames:
        raise ConvError(
            f"{stop - start} frames is more than the limit of {max_frames}: choose a shorter "
            "step range",
            code="too_many_frames",
            params={"frames": stop - start, "max_frames": max_frames},
        )
