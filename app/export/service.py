"""GIF/PNG bytes and snippet text for one configuration: the engine's steps, drawn by
app.animation, written by app.snippets. Each function validates its range before drawing."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
from PIL import Image

from convcore import ConvError

from .. import animation, snippets
from ..conv.params import ConvParams
from ..settings import get_settings
from .params import (
    BackwardCode,
    BackwardFrame,
    BackwardGif,
    ForwardFrame,
    ForwardGif,
    TransposeCode,
    TransposeFrame,
    TransposeGif,
)

S = get_settings()
Frames = Iterator[Image.Image]


def forward_gif(p: ForwardGif) -> bytes:
    start, stop = p.frame_range(p.start, p.stop, p.setup.shape.steps)
    return animation.gif(_forward(p, start, stop), p.ms, S.max_frames)


def forward_png(p: ForwardFrame) -> bytes:
    _check_step(p.step, p.setup.shape.steps)
    return animation.png(next(_forward(p, p.step, p.step + 1)))


def backward_gif(p: BackwardGif) -> bytes:
    start, stop = p.frame_range(p.start, p.stop, p.setup.shape.steps)
    return animation.gif(_backward(p, start, stop), p.ms, S.max_frames)


def backward_png(p: BackwardFrame) -> bytes:
    _check_step(p.step, p.setup.shape.steps)
    return animation.png(next(_backward(p, p.step, p.step + 1)))


def transpose_gif(p: TransposeGif) -> bytes:
    start, stop = p.frame_range(p.start, p.stop, _transpose_total(p, p.view))
    return animation.gif(_transpose(p, p.view, start, stop), p.ms, S.max_frames)


def transpose_png(p: TransposeFrame) -> bytes:
    _check_step(p.step, _transpose_total(p, p.view))
    return animation.png(next(_transpose(p, p.view, p.step, p.step + 1)))


def code(p: ConvParams) -> str:
    """The snippet of p.kind in p.lang (p is a ForwardCode, BackwardCode or TransposeCode)."""
    c = p.setup
    if isinstance(p, TransposeCode):
        op = c.output_padding
        return snippets.snippet(p.lang, c.x, c.kernel, c.bias, c.spec, "transposed",
                                output_padding=op)  # fmt: skip
    dy = p.grad_output() if isinstance(p, BackwardCode) else None
    kind = "backward" if isinstance(p, BackwardCode) else "forward"
    return snippets.snippet(p.lang, c.x, c.kernel, c.bias, c.spec, kind, dy)  # type: ignore[attr-defined]


def _forward(p: ConvParams, start: int, stop: int) -> Frames:
    c = p.setup
    return animation.forward_frames(c.x, c.kernel, c.bias, *c.conv_args(), start=start,
                                    stop=stop, max_frames=S.max_frames)  # fmt: skip


def _backward(p: BackwardGif | BackwardFrame, start: int, stop: int) -> Frames:
    c = p.setup
    return animation.backward_frames(p.grad_output(), c.x, c.kernel, *c.conv_args(),
                                     start=start, stop=stop, max_frames=S.max_frames)  # fmt: skip


def _transpose(p: TransposeGif | TransposeFrame, view: str, start: int, stop: int) -> Frames:
    c = p.setup
    draw = animation.direct_frames if view == "direct" else animation.transpose_frames
    return draw(c.x, c.kernel, c.bias, *c.transpose_args(), start=start, stop=stop,
                max_frames=S.max_frames)  # fmt: skip


def _transpose_total(p: TransposeGif | TransposeFrame, view: str) -> int:
    """Steps of the view: one per input element (scatter) or per output element (direct)."""
    c = p.setup
    if view == "scatter":
        return int(c.x.size)
    return int(np.prod((c.shape.N, c.shape.C_in, *c.shape.size)))


def _check_step(step: int, total: int) -> None:
    if step >= total:
        raise ConvError(
            f"step {step} is past the last step index {total - 1}",
            code="step_past_end",
            params={"step": step, "last": total - 1},
        )
