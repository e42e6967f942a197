"""Deprecated readout strings, kept only until the app builds its own (issue 8).

Nothing in convcore uses them; `convcore.geometry.<name>` forwards here with a warning.
"""

from __future__ import annotations

from .geometry import out_size, transpose_out_size
from .spec import Pair


def out_size_formula(i: int, k: int, s: int, pad: Pair, d: int) -> str:
    """The output-size formula with the numbers in it, e.g. for the explorer's readout."""
    return (
        f"⌊({i} + {pad[0]} + {pad[1]} − {d}·({k} − 1) − 1) / {s}⌋ + 1 = {out_size(i, k, s, pad, d)}"
    )


def transpose_out_size_formula(i: int, k: int, s: int, p: int, d: int, op: int) -> str:
    """The transposed-conv output-size formula with the numbers in it."""
    return (
        f"({i} − 1)·{s} − 2·{p} + {d}·({k} − 1) + {op} + 1 = "
        f"{transpose_out_size(i, k, s, p, d, op)}"
    )
