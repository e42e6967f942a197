"""The image lab's two answers, from upload bytes to response models: all maps, or one window."""

from __future__ import annotations

import base64
import os
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Literal

import numpy as np

from ..settings import Settings
from . import colormap, filter_bank
from .decode import Decoded, decode, encode_lossless
from .filter_bank import MAGNITUDE
from .models import ColorStop, FilterOut, InputOut, MapOut, TermOut, WindowOut
from .params import FilterParams, WindowParams

RENDER_THREADS = min(4, os.cpu_count() or 1)


def load(data: bytes, s: Settings) -> Decoded:
    """Upload bytes -> Decoded within the settings' limits (413/415/422 on bad input)."""
    return decode(data, s.max_upload_bytes, s.max_upload_pixels, s.max_long_side)


def filter_image(data: bytes, params: FilterParams, s: Settings) -> FilterOut:
    """Decode, run every filter, and render each feature map as a palette PNG."""
    clock = _Clock()
    img = load(data, s)
    clock.lap("decode")
    kernels = params.kernels()
    fmaps = filter_bank.maps(
        img.rgb, kernels, params.mode, params.geometry(), params.relu, params.magnitude
    )
    clock.lap("conv")
    robust = params.contrast == "robust"
    kernel_of = [kernels.get(m.filter) for m in fmaps]  # None for the magnitude
    with ThreadPoolExecutor(RENDER_THREADS) as pool:  # NumPy and zlib release the GIL
        maps = list(pool.map(_map_out, range(len(fmaps)), fmaps, kernel_of, [robust] * len(fmaps)))
    clock.lap("png")
    H, W = img.rgb.shape[:2]
    source = InputOut(
        width=W, height=H, original_width=img.original[0], original_height=img.original[1],
        format=img.format, scaled=img.scaled, image=_data_url(encode_lossless(img.rgb), "webp"),
    )  # fmt: skip
    clock.lap("input_image")
    stops = [ColorStop(at=a, color=c) for a, c in colormap.stops()]
    return FilterOut(
        input=source, mode=params.mode, maps=maps, colormap=stops, timing_ms=clock.laps
    )


def inspect_window(data: bytes, params: WindowParams, s: Settings) -> WindowOut:
    """The dot product(s) behind one output pixel, computed by convcore.forward_steps."""
    img = load(data, s)
    at, g = (params.row, params.col), params.geometry()
    steps = {
        n: filter_bank.window(img.rgb, k, params.mode, g, params.channel, at)
        for n, k in params.kernels().items()
    }
    terms = [_term_out(n, w, params.mode) for n, w in steps.items()]
    first, *rest = (w.step.value for w in steps.values())
    combine: Literal["none", "relu", "magnitude"] = "none"
    value = first
    if params.filter == MAGNITUDE:
        combine, value = "magnitude", float(np.hypot(first, rest[0]))
    elif params.relu:
        combine, value = "relu", max(first, 0.0)
    channel = filter_bank.CHANNELS[params.channel] if params.mode == "depthwise" else None
    return WindowOut(
        filter=params.filter, channel=channel, row=params.row, col=params.col,
        terms=terms, combine=combine, value=value,
    )  # fmt: skip


def _map_out(
    index: int, m: filter_bank.FeatureMap, kernel: np.ndarray | None, robust: bool
) -> MapOut:
    H_out, W_out = m.values.shape
    scale = colormap.bound(m.values, robust)
    lo, hi = float(m.values.min()), float(m.values.max())
    return MapOut(
        index=index, filter=m.filter, channel=m.channel,
        kernel=None if kernel is None else kernel.tolist(),
        height=H_out, width=W_out,
        min=lo, max=hi, scale=scale, clipped=max(-lo, hi) > scale,
        png=_data_url(colormap.render_png(m.values, scale), "png"),
    )  # fmt: skip


def _term_out(name: str, w: filter_bank.Window, mode: str) -> TermOut:
    st = w.step
    labels = ["Y"] if mode == "grayscale" else [filter_bank.CHANNELS[c] for c in st.channels]
    return TermOut(
        filter=name, channels=labels, rows=w.rows.tolist(), cols=w.cols.tolist(),
        row_pad=st.row_pad.tolist(), col_pad=st.col_pad.tolist(),
        window=st.window.tolist(), kernel=st.kernel.tolist(), products=st.products.tolist(),
        partials=st.partials.tolist(), value=st.value,
    )  # fmt: skip


def _data_url(data: bytes, kind: str) -> str:
    return f"data:image/{kind};base64," + base64.b64encode(data).decode("ascii")


class _Clock:
    """Named laps in milliseconds, for the response's timing_ms and the benchmark."""

    def __init__(self) -> None:
        self.laps: dict[str, float] = {}
        self._t = time.perf_counter()

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.laps[name] = round((now - self._t) * 1000, 2)
        self._t = now
