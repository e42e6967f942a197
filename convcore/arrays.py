"""Input normalisation shared by every public function: batching and a common float dtype."""

from __future__ import annotations

from typing import Any

import numpy as np

from .errors import ConvError


def floats(*arrays: Any) -> list[Any]:
    """Cast arrays to one float dtype (float32 stays float32; ints become float64, never wrap)."""
    present = [np.asarray(a) for a in arrays if a is not None]
    for a in present:
        if a.dtype.kind not in "biuf":
            raise ConvError(f"values must be numbers, got an array of {a.dtype}")
    kinds = [a.dtype if a.dtype.kind == "f" and a.itemsize >= 4 else np.float64 for a in present]
    dtype = np.result_type(*kinds)
    return [None if a is None else np.asarray(a, dtype=dtype) for a in arrays]


def batched(x: np.ndarray) -> tuple[np.ndarray, bool]:
    """(C, H, W) -> (1, C, H, W), remembering to squeeze the result back."""
    if x.ndim == 3:
        return x[None], True
    if x.ndim != 4:
        raise ConvError(f"input must be (N, C, H, W) or (C, H, W), got {x.ndim} dimensions")
    return x, False
