"""The sliding-window view that the step-by-step trace indexes."""

from __future__ import annotations

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from .geometry import span
from .spec import Pair


def windows(xp: np.ndarray, kernel: Pair, stride: Pair, dilation: Pair) -> np.ndarray:
    """xp: (N, C, Hp, Wp) padded -> (N, C, H_out, W_out, kH, kW) read-only view, no copy.

    Entry [n, c, oh, ow, i, j] is xp[n, c, oh*s_h + i*d_h, ow*s_w + j*d_w] (geometry.taps).
    """
    (kH, kW), (s_h, s_w), (d_h, d_w) = kernel, stride, dilation
    v = sliding_window_view(xp, (span(kH, d_h), span(kW, d_w)), axis=(2, 3))
    return v[:, :, ::s_h, ::s_w, ::d_h, ::d_w]
