"""Hypothesis strategies for conv configurations (valid or not) and their arrays."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import reference as ref
from hypothesis import strategies as st

MODES = ref.MODES


@dataclass
class Config:
    """One conv2d (or transposed conv) configuration; arrays come from `arrays(seed)`."""

    x_shape: tuple[int, ...]  # (N, C_in, H, W), or (C_in, H, W) when unbatched
    w_shape: tuple[int, int, int, int]
    params: dict[str, Any] = field(default_factory=dict)
    bias: bool = True
    seed: int = 0
    transposed: bool = False

    @property
    def batched_x_shape(self) -> tuple[int, int, int, int]:
        return self.x_shape if len(self.x_shape) == 4 else (1, *self.x_shape)  # type: ignore[return-value]

    def arrays(self) -> tuple[np.ndarray, np.ndarray, np.ndarray | None]:
        rng = np.random.default_rng(self.seed)
        x, w = rng.standard_normal(self.x_shape), rng.standard_normal(self.w_shape)
        b = rng.standard_normal(self.out_channels) if self.bias else None
        return x, w, b

    @property
    def out_channels(self) -> int:
        if self.transposed:  # weight (C_in, C_out/groups, kH, kW)
            return self.w_shape[1] * self.params["groups"]
        return self.w_shape[0]

    def grad_output(self, y_shape: tuple[int, ...]) -> np.ndarray:
        return np.random.default_rng(self.seed + 1).standard_normal(y_shape)


def pairs(lo: int, hi: int) -> st.SearchStrategy:
    """An int or an (h, w) pair, both in [lo, hi]."""
    one = st.integers(lo, hi)
    return st.one_of(one, st.tuples(one, one))


@st.composite
def conv_configs(
    draw,
    max_size: int = 12,
    max_kernel: int = 5,
    max_channels: int = 2,
    max_batch: int = 2,
    modes: tuple[str, ...] = MODES,
    strings: bool = True,
) -> Config:
    """Any conv2d the spec's property tests draw: i in [1, max_size], k in [1, max_kernel],
    s, d in [1, 3], p in [0, 3] or 'same'/'valid', groups dividing C_in; may be invalid."""
    G = draw(st.sampled_from((1, 1, 2, 3)))
    C_in = G * draw(st.integers(1, max_channels))
    F = G * draw(st.integers(1, max_channels))
    H, W = draw(st.integers(1, max_size)), draw(st.integers(1, max_size))
    kH, kW = draw(st.integers(1, max_kernel)), draw(st.integers(1, max_kernel))
    padding = draw(
        st.one_of(pairs(0, 3), st.sampled_from(("same", "valid"))) if strings else pairs(0, 3)
    )
    stride = 1 if padding == "same" and draw(st.booleans()) else draw(pairs(1, 3))
    params = {
        "stride": stride,
        "padding": padding,
        "dilation": draw(pairs(1, 3)),
        "groups": G,
        "padding_mode": draw(st.sampled_from(modes)),
    }
    N = draw(st.integers(0, max_batch))  # 0 means unbatched (C, H, W)
    x_shape = (C_in, H, W) if N == 0 else (N, C_in, H, W)
    return Config(
        x_shape, (F, C_in // G, kH, kW), params, draw(st.booleans()), draw(st.integers(0, 2**16))
    )


def conv_refusal(cfg: Config) -> str | None:
    """Why this conv2d is impossible (reference arithmetic), or None."""
    return ref.conv_refusal(cfg.batched_x_shape, cfg.w_shape, **cfg.params)


@st.composite
def transposed_configs(
    draw, max_size: int = 6, max_kernel: int = 4, max_channels: int = 2, max_batch: int = 2
) -> Config:
    """conv_transpose2d configurations with op < max(s, d); output size may still be < 1."""
    G = draw(st.sampled_from((1, 1, 2)))
    C_in = G * draw(st.integers(1, max_channels))
    F_g = draw(st.integers(1, max_channels))
    H, W = draw(st.integers(1, max_size)), draw(st.integers(1, max_size))
    kH, kW = draw(st.integers(1, max_kernel)), draw(st.integers(1, max_kernel))
    s = (draw(st.integers(1, 3)), draw(st.integers(1, 3)))
    d = (draw(st.integers(1, 3)), draw(st.integers(1, 3)))
    p = (draw(st.integers(0, 3)), draw(st.integers(0, 3)))
    op = tuple(draw(st.integers(0, max(a, b) - 1)) for a, b in zip(s, d, strict=True))
    params = {"stride": s, "padding": p, "output_padding": op, "groups": G, "dilation": d}
    N = draw(st.integers(0, max_batch))
    x_shape = (C_in, H, W) if N == 0 else (N, C_in, H, W)
    seed = draw(st.integers(0, 2**16))
    return Config(x_shape, (C_in, F_g, kH, kW), params, draw(st.booleans()), seed, True)


def transposed_size(cfg: Config) -> tuple[int, int]:
    """Reference output (H_out, W_out) of a transposed config (may be < 1)."""
    p = cfg.params
    (sh, sw), (ph, pw), (dh, dw), (oh, ow) = (
        ref.two(p[k]) for k in ("stride", "padding", "dilation", "output_padding")
    )
    H, W = cfg.x_shape[-2:]
    kH, kW = cfg.w_shape[2:]
    return ref.transposed_out(H, kH, sh, ph, dh, oh), ref.transposed_out(W, kW, sw, pw, dw, ow)
