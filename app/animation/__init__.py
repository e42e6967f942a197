"""Slide-sized frames of the engine's steps (Pillow) and their GIF/PNG encoding.

Pure modules: they import numpy, PIL and the public convcore only, never another app module,
so a route only validates its query and calls `forward_frames(...)` then `gif(...)`.
"""

from .backward import backward_frames, backward_layout, render_backward_frame
from .direct import direct_frames
from .encode import MAX_FRAMES, gif, png
from .frames import SIZE, forward_frames, forward_layout, render_frame
from .transposed import render_transpose_frame, transpose_frames, transpose_layout

__all__ = [
    "MAX_FRAMES",
    "SIZE",
    "backward_frames",
    "backward_layout",
    "direct_frames",
    "forward_frames",
    "forward_layout",
    "gif",
    "png",
    "render_backward_frame",
    "render_frame",
    "render_transpose_frame",
    "transpose_frames",
    "transpose_layout",
]
