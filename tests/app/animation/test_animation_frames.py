"""Forward frames (app/animation/frames.py): frame k highlights step k's window, from the trace."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

import convcore as cc
from app.animation import SIZE, forward_frames, forward_layout, gif, png
from app.animation import draw as d

D1_X = np.array(
    [[3, 3, 2, 1, 0], [0, 0, 1, 3, 1], [3, 1, 2, 2, 3], [2, 0, 0, 2, 2], [2, 0, 0, 0, 1]], float
)[None, None]
D1_W = np.array([[0, 1, 2], [2, 2, 0], [0, 1, 2]], float)[None, None]


def near(rgb, colour, tol=12) -> bool:
    return all(abs(int(a) - int(b)) <= tol for a, b in zip(rgb, colour, strict=True))


def corner(grid, r, c):
    """A point inside cell (r, c) away from its centred number."""
    x0, y0, _, _ = grid.rect(r, c)
    return (x0 + 4, y0 + 4)


def open_gif(data: bytes) -> list[Image.Image]:
    im = Image.open(io.BytesIO(data))
    frames = []
    for k in range(im.n_frames):
        im.seek(k)
        frames.append(im.convert("RGB"))
    return frames


def test_gif_has_one_frame_per_step_and_frame_k_highlights_step_k_window():
    params = {"stride": 2, "padding": 1}
    steps = list(cc.forward_steps(D1_X, D1_W, **params))
    frames = open_gif(gif(forward_frames(D1_X, D1_W, **params), ms_per_frame=200))
    assert len(frames) == len(steps) == 9
    lay = forward_layout((7, 7), (3, 3), (3, 3), 1)
    for frame, step in zip(frames, steps, strict=True):
        assert frame.size == SIZE
        window = {(int(r), int(c)) for r in step.rows for c in step.cols}
        for r in range(7):
            for c in range(7):
                lit = near(frame.getpixel(corner(lay.inputs[0], r, c)), d.HIGHLIGHT)
                assert lit == ((r, c) in window), (step.index, r, c)
        _, _, oh, ow = step.out
        assert near(frame.getpixel(corner(lay.output, oh, ow)), d.HIGHLIGHT)
        assert sum(near(frame.getpixel(corner(lay.output, i, j)), d.HIGHLIGHT)
                   for i in range(3) for j in range(3)) == 1  # fmt: skip


def test_window_cells_centres_are_highlighted_when_cells_are_too_small_for_numbers(rng):
    x, w = rng.standard_normal((1, 2, 16, 16)), rng.standard_normal((2, 1, 3, 3))
    params = {"dilation": 2, "groups": 2, "padding": 2, "padding_mode": "circular"}
    size = (640, 360)
    for k, frame in enumerate(forward_frames(x, w, start=40, stop=43, size=size, **params)):
        step = next(cc.forward_steps(x, w, start=40 + k, stop=41 + k, **params))
        lay = forward_layout((20, 20), (3, 3), (16, 16), 1, size)
        grid = lay.inputs[0]
        assert grid.cell < d.MIN_NUMBER_CELL
        for r in range(20):
            for c in range(20):
                lit = near(frame.getpixel(grid.center(r, c)), d.HIGHLIGHT)
                assert lit == (r in step.rows and c in step.cols)


def test_padding_cells_are_grey_and_outputs_fill_up_to_the_step():
    frame = next(forward_frames(D1_X, D1_W, padding=1, start=7, stop=8))
    lay = forward_layout((7, 7), (3, 3), (5, 5), 1)
    assert near(frame.getpixel(corner(lay.inputs[0], 0, 0)), d.PADDING)
    assert near(frame.getpixel(corner(lay.inputs[0], 5, 5)), d.PLAIN)
    assert near(frame.getpixel(corner(lay.output, 1, 1)), d.DONE)  # step 6 is done
    assert near(frame.getpixel(corner(lay.output, 1, 2)), d.HIGHLIGHT)  # step 7 is current
    assert near(frame.getpixel(corner(lay.output, 1, 3)), d.PLAIN)  # step 8 is not yet


def test_png_is_one_slide_sized_frame():
    data = png(next(forward_frames(D1_X, D1_W)))
    im = Image.open(io.BytesIO(data))
    assert im.format == "PNG" and im.size == SIZE


def test_too_many_frames_is_refused_with_a_code_before_drawing():
    with pytest.raises(cc.ConvError) as err:
        forward_frames(D1_X, D1_W, padding=1, max_frames=10)
    assert err.value.code == "too_many_frames"
    assert err.value.params == {"frames": 25, "max_frames": 10}
    with pytest.raises(cc.ConvError) as err:
        forward_frames(D1_X, D1_W, start=9)
    assert err.value.code == "empty_step_range"


def test_gif_refuses_more_frames_than_its_limit_and_no_frames():
    with pytest.raises(cc.ConvError) as err:
        gif(forward_frames(D1_X, D1_W), max_frames=3)
    assert err.value.code == "too_many_frames"
    with pytest.raises(cc.ConvError) as err:
        gif([])
    assert err.value.code == "no_frames"


def test_an_impossible_conv_raises_the_engines_error():
    with pytest.raises(cc.ConvError, match="effective kernel"):
        forward_frames(D1_X, np.ones((1, 1, 7, 7)))
