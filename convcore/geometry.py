"""The sole home of size and index formulas: output sizes, window taps, the shape record.

Validation lives in checks.py and uses these; so do the fast path (lowering) and the trace.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import numpy as np

from .spec import Conv2dSpec, Pair

AXES = ("height", "width")


def span(k: int, d: int) -> int:
    """Effective (dilated) kernel extent d(k-1)+1."""
    return d * (k - 1) + 1


def out_size(i: int, k: int, s: int, pad: Pair, d: int) -> int:
    """Conv output length floor((i + p_lo + p_hi - d(k-1) - 1) / s) + 1 (may be < 1)."""
    return (i + pad[0] + pad[1] - span(k, d)) // s + 1


def transpose_out_size(i: int, k: int, s: int, p: int, d: int, op: int) -> int:
    """Transposed-conv output length (i-1)s - 2p + d(k-1) + op + 1 (may be < 1)."""
    return (i - 1) * s - 2 * p + d * (k - 1) + op + 1


def taps(o: int | np.ndarray, k: int, s: int, d: int) -> np.ndarray:
    """Padded-input indices read by output index o: o*s + d*arange(k).

    o: an int -> (k,), or an array (...,) of output indices -> (..., k).
    """
    return np.asarray(o)[..., None] * s + d * np.arange(k)


@cache
def tap_phases(k: int, s: int, d: int) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """(q, r) = divmod(taps(0, k, s, d), s), each k ints: tap j of output o reads padded index
    (o + q[j]) * s + r[j], i.e. row o + q[j] of the stride phase r[j]. The fast path's layout
    Cached plain ints: every conv call builds its layout, and small calls are mostly setup."""
    q, r = np.divmod(taps(0, k, s, d), s)
    return tuple(q.tolist()), tuple(r.tolist())


@dataclass(frozen=True)
class ConvShape:
    """Every size of one conv2d; `padded` is (Hp, Wp), `out` is (H_out, W_out)."""

    N: int
    C_in: int
    C_out: int
    size: Pair
    padded: Pair
    out: Pair
    spec: Conv2dSpec

    @property
    def steps(self) -> int:
        """One sliding-window step per output element."""
        return self.N * self.C_out * self.out[0] * self.out[1]
