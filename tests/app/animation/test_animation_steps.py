"""Transposed and backward frames: frame k highlights what step k of the trace touches."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

import convcore as cc
from app.animation import (
    backward_frames,
    backward_layout,
    direct_frames,
    forward_layout,
    gif,
    transpose_frames,
    transpose_layout,
)
from app.animation import draw as d


def near(rgb, colour, tol=12) -> bool:
    return all(abs(int(a) - int(b)) <= tol for a, b in zip(rgb, colour, strict=True))


def lit(frame, grid, r, c) -> bool:
    x0, y0, _, _ = grid.rect(r, c)
    return near(frame.getpixel((x0 + 4, y0 + 4)), d.HIGHLIGHT)


def frames_of(data: bytes) -> list[Image.Image]:
    im = Image.open(io.BytesIO(data))
    out = []
    for k in range(im.n_frames):
        im.seek(k)
        out.append(im.convert("RGB"))
    return out


def test_transposed_frame_k_lights_input_k_and_exactly_its_uncropped_stamp(rng):
    x, w = rng.standard_normal((1, 2, 3, 3)), rng.standard_normal((2, 1, 3, 3))
    params = {"stride": 2, "padding": 2, "output_padding": 1}  # p = 2 = d(k-1): edges cropped
    steps = list(cc.transpose_steps(x, w, **params))
    frames = frames_of(gif(transpose_frames(x, w, **params)))
    H_out, W_out = cc.conv_transpose2d(x, w, **params).shape[2:]
    lay = transpose_layout((3, 3), (3, 3), (H_out, W_out), 1)
    assert len(frames) == len(steps) == 18
    cropped = 0
    for frame, step in zip(frames, steps, strict=True):
        _, _, h, w_ = step.at
        assert [lit(frame, lay.input, r, c) for r in range(3) for c in range(3)] == [
            (r, c) == (h, w_) for r in range(3) for c in range(3)
        ]
        stamp = {(int(r), int(c)) for r in step.rows[step.row_in] for c in step.cols[step.col_in]}
        cropped += step.row_in.size * step.col_in.size - len(stamp)
        for r in range(H_out):
            for c in range(W_out):
                assert lit(frame, lay.outputs[0], r, c) == ((r, c) in stamp), (step.index, r, c)
    assert cropped > 0  # the config does crop: the test saw cells the stamp lost


def test_backward_frame_k_lights_step_k_window_and_dy_cell(rng):
    x, w = rng.standard_normal((1, 1, 5, 6)), rng.standard_normal((2, 1, 2, 3))
    params = {"stride": (1, 2), "padding": 1, "dilation": (2, 1), "padding_mode": "replicate"}
    dy = rng.standard_normal(cc.conv2d(x, w, **params).shape)
    steps = list(cc.backward_steps(dy, x, w, **params))
    frames = frames_of(gif(backward_frames(dy, x, w, **params)))
    assert len(frames) == len(steps) == dy.size
    lay = backward_layout((7, 8), dy.shape[2:], (2, 3), 1)
    for frame, step in zip(frames, steps, strict=True):
        window = {(int(r), int(c)) for r in step.rows for c in step.cols}
        for r in range(7):
            for c in range(8):
                assert lit(frame, lay.inputs[0], r, c) == ((r, c) in window)
        _, _, oh, ow = step.out
        assert lit(frame, lay.grad, oh, ow)


def test_step_ranges_are_bounded_for_both_kinds(rng):
    x, w = rng.standard_normal((1, 1, 4, 4)), rng.standard_normal((1, 1, 2, 2))
    with pytest.raises(cc.ConvError) as err:
        transpose_frames(x, w, max_frames=5)
    assert err.value.code == "too_many_frames"
    with pytest.raises(cc.ConvError) as err:
        backward_frames(np.ones((1, 1, 3, 3)), x, w, max_frames=5)
    assert err.value.code == "too_many_frames"
    with pytest.raises(cc.ConvError, match="grad_output"):
        backward_frames(np.ones((1, 1, 2, 2)), x, w)


def test_direct_frames_walk_the_zero_inserted_input_and_colour_each_cell_kind(rng):
    x, w = rng.standard_normal((1, 1, 2, 2)), rng.standard_normal((1, 1, 3, 3))
    params = {"stride": 2, "padding": 1, "output_padding": 1}
    z, wf = cc.transposed_as_conv2d(x, w, **params)
    kinds = cc.direct_cells(x.shape, w.shape, **params)
    steps = list(cc.forward_steps(z, wf))
    frames = frames_of(gif(direct_frames(x, w, **params)))
    assert len(frames) == len(steps) == cc.conv_transpose2d(x, w, **params).size == 16
    lay = forward_layout(z.shape[2:], (3, 3), (4, 4), 1)
    colour = {0: d.PADDING, 1: d.INSERTED, 2: d.PLAIN}
    for frame, step in zip(frames, steps, strict=True):
        for r in range(z.shape[2]):
            for c in range(z.shape[3]):
                x0, y0, _, _ = lay.inputs[0].rect(r, c)
                want = d.HIGHLIGHT if r in step.rows and c in step.cols else colour[kinds[r, c]]
                assert near(frame.getpixel((x0 + 4, y0 + 4)), want), (step.index, r, c)
