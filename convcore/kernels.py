"""Named filter kernels (classic image-processing presets), as float64 (kH, kW) arrays.

Every kernel is written for cross-correlation (what conv2d computes): Sobel x responds
positively where intensity rises to the right. Each family has one construction that gives
the classic 3x3 kernel at size 3 and extends to the sizes listed by `preset_sizes()`:

- Sobel: binomial smoothing across the axis, binomial-smoothed central difference along it,
  exactly OpenCV's getDerivKernels (imgproc/src/deriv.cpp, getSobelKernels): size 5 gives
  smooth [1, 4, 6, 4, 1] and derivative [-1, -2, 0, 2, 1].
- Prewitt: the same with box smoothing instead of binomial (size 5: [1]*5 and [-1, -1, 0, 1, 1]).
- Laplacian: the 4-neighbour Laplacian smoothed by a binomial (a discrete Laplacian of
  Gaussian); sharpen is identity minus that Laplacian normalised by its smoothing weight.
- Emboss: a diagonal ramp (i - c_i) + (j - c_j) plus identity; outline: kH*kW*identity - ones.
- Box and Gaussian exist at any kH x kW; Gaussian's sigma per axis is OpenCV's rule.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from math import comb

import numpy as np

from .errors import ConvError
from .spec import Pair, pair


def binomial(n: int) -> np.ndarray:
    """(n,) row n-1 of Pascal's triangle: the smoothing of a size-n Sobel."""
    return np.array([comb(n - 1, i) for i in range(n)], float)


def central_difference(n: int, smooth: Callable[[int], np.ndarray] = binomial) -> np.ndarray:
    """(n,) [-1, 0, 1] smoothed by a size n-2 kernel: the derivative of a size-n Sobel/Prewitt."""
    return np.convolve(smooth(n - 2), [-1.0, 0.0, 1.0])


def _box_ones(n: int) -> np.ndarray:
    return np.ones(n)


def _delta(kH: int, kW: int) -> np.ndarray:
    k = np.zeros((kH, kW))
    k[kH // 2, kW // 2] = 1.0
    return k


def laplacian(kH: int, kW: int) -> np.ndarray:
    """[[0,1,0],[1,-4,1],[0,1,0]] full-convolved with binomial smoothing of (kH-2, kW-2)."""
    smooth = np.outer(binomial(kH - 2), binomial(kW - 2))
    out = np.zeros((kH, kW))
    for (i, j), v in {(0, 1): 1, (1, 0): 1, (1, 1): -4, (1, 2): 1, (2, 1): 1}.items():
        out[i : i + kH - 2, j : j + kW - 2] += v * smooth
    return out


def gaussian(kH: int, kW: int, sigma: float | None = None) -> np.ndarray:
    """Normalised Gaussian; sigma per axis defaults to OpenCV's 0.3((n-1)/2 - 1) + 0.8."""

    def axis(n: int) -> np.ndarray:
        s = sigma or 0.3 * ((n - 1) / 2 - 1) + 0.8
        t = np.arange(n) - (n - 1) / 2
        return np.exp(-(t**2) / (2 * s**2))

    k = np.outer(axis(kH), axis(kW))
    return k / k.sum()


def motion_blur(kH: int, kW: int) -> np.ndarray:
    """Horizontal streak: the average along the middle row."""
    k = np.zeros((kH, kW))
    k[kH // 2] = 1.0 / kW
    return k


def emboss(kH: int, kW: int) -> np.ndarray:
    i, j = np.ogrid[:kH, :kW]
    return (i - kH // 2) + (j - kW // 2) + _delta(kH, kW)


@dataclass(frozen=True)
class Preset:
    """A named kernel family: `make(kH, kW)`, and the sizes it has.

    sizes: 'odd' (each side odd, at least `least`), 'any' (each side at least 1),
    'odd_rows' (kH odd, kW any) or 'fixed' (only `least` x `least`; other sizes give that).
    family: 'smoothing' (sums to 1, non-negative), 'derivative' (sums to 0) or 'other'.
    """

    make: Callable[[int, int], np.ndarray]
    sizes: str
    family: str
    least: int = 1

    def fits(self, kH: int, kW: int) -> bool:
        if self.sizes == "any":
            return min(kH, kW) >= 1
        if self.sizes == "odd_rows":
            return kH >= 1 and kH % 2 == 1 and kW >= 1
        return min(kH, kW) >= self.least and kH % 2 == 1 and kW % 2 == 1

    def nearest(self, kH: int, kW: int) -> list[list[int]]:
        """Sizes near (kH, kW) that this preset has: each side moved to a neighbour it allows."""
        if self.sizes == "fixed":
            return [[self.least, self.least]]
        near = []
        for h in sorted({kH - 1, kH, kH + 1, self.least}):
            for w in sorted({kW - 1, kW, kW + 1, self.least}):
                if self.fits(h, w) and abs(h - kH) <= 1 and abs(w - kW) <= 1:
                    near.append([h, w])
        if kH == kW:  # asked for a square: offer squares
            near = [s for s in near if s[0] == s[1]]
        return near or [[self.least, self.least]]


def _sobel(smooth: Callable[[int], np.ndarray]) -> Callable[[int, int], np.ndarray]:
    return lambda kH, kW: np.outer(smooth(kH), central_difference(kW, smooth))


def _fixed(rows: list[list[float]]) -> Callable[[int, int], np.ndarray]:
    return lambda kH, kW: np.array(rows, float)


def _transposed(make: Callable[[int, int], np.ndarray]) -> Callable[[int, int], np.ndarray]:
    return lambda kH, kW: make(kW, kH).T.copy()


_SCHARR = [[-3.0, 0.0, 3.0], [-10.0, 0.0, 10.0], [-3.0, 0.0, 3.0]]

CATALOG: dict[str, Preset] = {
    "identity": Preset(_delta, "odd", "other"),
    "box": Preset(lambda kH, kW: np.full((kH, kW), 1.0 / (kH * kW)), "any", "smoothing"),
    "gaussian": Preset(gaussian, "any", "smoothing"),
    "sharpen": Preset(
        lambda kH, kW: _delta(kH, kW) - laplacian(kH, kW) / 4.0 ** ((kH - 3 + kW - 3) / 2),
        "odd",
        "other",
        3,
    ),
    "sobel_x": Preset(_sobel(binomial), "odd", "derivative", 3),
    "sobel_y": Preset(_transposed(_sobel(binomial)), "odd", "derivative", 3),
    "scharr_x": Preset(_fixed(_SCHARR), "fixed", "derivative", 3),
    "scharr_y": Preset(_transposed(_fixed(_SCHARR)), "fixed", "derivative", 3),
    "prewitt_x": Preset(_sobel(_box_ones), "odd", "derivative", 3),
    "prewitt_y": Preset(_transposed(_sobel(_box_ones)), "odd", "derivative", 3),
    "laplacian": Preset(laplacian, "odd", "derivative", 3),
    "emboss": Preset(emboss, "odd", "other", 3),
    "outline": Preset(lambda kH, kW: kH * kW * _delta(kH, kW) - 1.0, "odd", "derivative", 3),
    "motion_blur": Preset(motion_blur, "odd_rows", "smoothing"),
}


def _square(p: Preset) -> Callable[[int], np.ndarray]:
    return lambda n: p.make(n, n)


# Kept for callers of the old API: name -> make(size) of a square kernel.
PRESETS: dict[str, Callable[[int], np.ndarray]] = {n: _square(p) for n, p in CATALOG.items()}
SIZED = tuple(name for name, p in CATALOG.items() if p.sizes != "fixed")


def kernel(name: str, size: int | Pair = 3) -> np.ndarray:
    """The preset `name` as a (kH, kW) float64 array; size is k or (kH, kW).

    A 'fixed' preset (Scharr) has only its 3x3 and returns it whatever the size.
    Raises ConvError (preset_unknown, preset_size) naming the choices.
    """
    if name not in CATALOG:
        raise ConvError(
            f"unknown kernel preset {name!r}; choose one of {', '.join(CATALOG)}",
            code="preset_unknown",
            params={"name": str(name), "choices": list(CATALOG)},
        )
    p = CATALOG[name]
    kH, kW = pair(size, "kernel size")
    if p.sizes == "fixed":
        kH = kW = p.least
    if not p.fits(kH, kW):
        near = p.nearest(kH, kW)
        raise ConvError(
            f"the {name} kernel needs {_RULES[p.sizes].format(p.least)}, got {_size(kH, kW)}; "
            f"try {' or '.join(_size(*s) for s in near)}",
            code="preset_size",
            params={"name": name, "size": [kH, kW], "least": p.least, "choices": near},
        )
    return np.asarray(p.make(kH, kW), dtype=np.float64)


_RULES = {
    "odd": "an odd size on each side, at least {0}",
    "any": "a size of at least {0} on each side",
    "odd_rows": "an odd size (1, 3, 5, ...) of rows",
}


def _size(kH: int, kW: int) -> str:
    return str(kH) if kH == kW else f"{kH}x{kW}"


def preset_sizes(max_side: int = 15) -> list[dict[str, object]]:
    """Every preset with its family and the sizes it has, JSON-ready for the server.

    Each entry: name, family, sizes ('odd', 'any', 'odd_rows' or 'fixed'), least (smallest
    side), square (the k for which k x k exists, up to max_side) and rectangular.
    """
    return [
        {
            "name": name,
            "family": p.family,
            "sizes": p.sizes,
            "least": p.least,
            "square": [k for k in range(1, max_side + 1) if p.fits(k, k)]
            if p.sizes != "fixed"
            else [p.least],
            "rectangular": p.sizes != "fixed",
        }
        for name, p in CATALOG.items()
    ]
