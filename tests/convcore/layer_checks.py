"""Helpers for the layer tests: golden fixtures of tests/golden/layers and central differences."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
from golden_io import load

LAYERS = Path(__file__).resolve().parent.parent / "golden" / "layers"
FILES = sorted(LAYERS.glob("*.npz"))


def by_op(*ops: str) -> list[Path]:
    return [p for p in FILES if load(p)["op"] in ops]


def numeric_grad(f: Callable[[np.ndarray], float], x: np.ndarray, h: float = 1e-6) -> np.ndarray:
    """Central differences (f(x + h e_i) - f(x - h e_i)) / 2h for every entry of x."""
    g = np.zeros_like(x)
    flat, out = x.reshape(-1), g.reshape(-1)
    for i in range(flat.size):
        keep = flat[i]
        flat[i] = keep + h
        up = f(x)
        flat[i] = keep - h
        down = f(x)
        flat[i] = keep
        out[i] = (up - down) / (2 * h)
    return g
