"""Named filter kernels (classic image-processing presets), as float64 (kH, kW) arrays.

Every kernel is written for cross-correlation (what conv2d computes): Sobel x responds
positively where intensity rises to the right.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from .errors import ConvError


def _derivative(smooth: list[float]) -> np.ndarray:
    """Outer product of a smoothing column and the central difference [-1, 0, 1]."""
    return np.outer(smooth, [-1.0, 0.0, 1.0])


def gaussian(size: int = 3, sigma: float | None = None) -> np.ndarray:
    """Normalised Gaussian; sigma defaults to OpenCV's rule 0.3((size-1)/2 - 1) + 0.8."""
    sigma = sigma or 0.3 * ((size - 1) / 2 - 1) + 0.8
    t = np.arange(size) - (size - 1) / 2
    g = np.exp(-(t**2) / (2 * sigma**2))
    k = np.outer(g, g)
    return k / k.sum()


def motion_blur(size: int = 5) -> np.ndarray:
    """Horizontal streak: the average along the middle row."""
    k = np.zeros((size, size))
    k[size // 2] = 1.0 / size
    return k


PRESETS: dict[str, Callable[[int], np.ndarray]] = {
    "identity": lambda n: np.pad([[1.0]], n // 2),
    "box": lambda n: np.full((n, n), 1.0 / (n * n)),
    "gaussian": gaussian,
    "sharpen": lambda n: np.array([[0, -1, 0], [-1, 5, -1], [0, -1, 0]], float),
    "sobel_x": lambda n: _derivative([1, 2, 1]),
    "sobel_y": lambda n: _derivative([1, 2, 1]).T.copy(),
    "scharr_x": lambda n: _derivative([3, 10, 3]),
    "scharr_y": lambda n: _derivative([3, 10, 3]).T.copy(),
    "prewitt_x": lambda n: _derivative([1, 1, 1]),
    "prewitt_y": lambda n: _derivative([1, 1, 1]).T.copy(),
    "laplacian": lambda n: np.array([[0, 1, 0], [1, -4, 1], [0, 1, 0]], float),
    "emboss": lambda n: np.array([[-2, -1, 0], [-1, 1, 1], [0, 1, 2]], float),
    "outline": lambda n: np.array([[-1, -1, -1], [-1, 8, -1], [-1, -1, -1]], float),
    "motion_blur": motion_blur,
}
SIZED = ("identity", "box", "gaussian", "motion_blur")  # the presets that take any odd size


def kernel(name: str, size: int = 3) -> np.ndarray:
    """The preset `name` as a (k, k) float64 array; only SIZED presets honour `size`."""
    if name not in PRESETS:
        raise ConvError(
            f"unknown kernel preset {name!r}; choose one of {', '.join(PRESETS)}",
            code="preset_unknown",
            params={"name": str(name), "choices": list(PRESETS)},
        )
    if name in SIZED and (size < 1 or size % 2 == 0):
        raise ConvError(
            f"a {name} kernel needs an odd size (1, 3, 5, ...), got {size}",
            code="preset_size",
            params={"name": name, "size": size},
        )
    return np.asarray(PRESETS[name](size), dtype=np.float64)
