"""GIF and PNG bytes from frames, in memory (nothing touches the disk)."""

from __future__ import annotations

import io
from collections.abc import Iterable

from PIL import Image

from convcore import ConvError

MAX_FRAMES = 200  # a GIF of 200 slide-sized frames is a few MB: bounded, as the API must be


def gif(
    frames: Iterable[Image.Image], ms_per_frame: int = 500, max_frames: int = MAX_FRAMES
) -> bytes:
    """An endlessly looping GIF; each frame on its own adaptive palette.

    Raises ConvError code="too_many_frames" past max_frames, code="no_frames" for none.
    """
    frames = list(_bounded(frames, max_frames))
    if not frames:
        raise ConvError("there are no frames to encode", code="no_frames")
    if ms_per_frame < 20:  # browsers slow down faster GIFs to 100 ms anyway
        raise ConvError(
            f"each frame must last at least 20 ms, got {ms_per_frame}",
            code="frame_too_short",
            params={"ms_per_frame": ms_per_frame, "min_ms": 20},
        )
    # Fast octree: 7x faster than median cut here (0.4 s vs 5.8 s for 25 slides) and smaller;
    # the flat fills survive within a few levels, which the frame tests check.
    paletted = [f.convert("RGB").quantize(256, method=Image.Quantize.FASTOCTREE) for f in frames]
    buf = io.BytesIO()
    paletted[0].save(
        buf,
        format="GIF",
        save_all=True,
        append_images=paletted[1:],
        duration=ms_per_frame,
        loop=0,
        optimize=True,
        disposal=1,
    )
    return buf.getvalue()


def png(frame: Image.Image) -> bytes:
    """One frame as an optimised PNG."""
    buf = io.BytesIO()
    frame.save(buf, format="PNG", optimize=True)
    return buf.getvalue()


def _bounded(frames: Iterable[Image.Image], max_frames: int) -> Iterable[Image.Image]:
    """Stop drawing (and refuse) as soon as one frame past the limit is asked for."""
    for i, frame in enumerate(frames):
        if i >= max_frames:
            raise ConvError(
                f"more than {max_frames} frames: choose a shorter step range",
                code="too_many_frames",
                params={"max_frames": max_frames},
            )
        yield frame
