"""1-D convolution made visible (issue 12, lessons 1 and 2): flip, slide, multiply, integrate.

(f * g)(t) = ∫ f(τ) g(t − τ) dτ. Sampled at step h, the integral becomes the Riemann sum
h · Σ_k f(τ_k) g(t − τ_k), which *is* the discrete convolution of the samples times h; so the
discrete sum here runs through the engine's own conv2d (a 1 × n image), not a second formula.
Closed forms: box * box is a trapezoid (a triangle for equal widths), and Gaussians add their
means and variances: N(μ1, σ1²) * N(μ2, σ2²) = N(μ1 + μ2, σ1² + σ2²).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from .conv import conv2d, convolve2d
from .errors import ConvError

Signal = Callable[[np.ndarray], np.ndarray]


def box(t: np.ndarray, width: float = 1.0, center: float = 0.0) -> np.ndarray:
    """1 on the closed interval [center − width/2, center + width/2], 0 elsewhere."""
    return (np.abs(np.asarray(t, np.float64) - center) <= width / 2).astype(np.float64)


def gaussian(t: np.ndarray, mu: float = 0.0, sigma: float = 1.0) -> np.ndarray:
    """The normal density N(mu, sigma²) at t (area 1)."""
    z = (np.asarray(t, np.float64) - mu) / sigma
    return np.exp(-0.5 * z * z) / (sigma * np.sqrt(2 * np.pi))


def box_conv_box(t: np.ndarray, width1: float = 1.0, width2: float = 1.0) -> np.ndarray:
    """(box_w1 * box_w2)(t), both centred at 0: the length of the overlap of [−w1/2, w1/2]
    and [t − w2/2, t + w2/2], a trapezoid (the triangle 1 − |t| for two unit boxes)."""
    t = np.asarray(t, np.float64)
    hi = np.minimum(width1 / 2, t + width2 / 2)
    lo = np.maximum(-width1 / 2, t - width2 / 2)
    return np.maximum(hi - lo, 0.0)


def gaussian_conv_gaussian(
    t: np.ndarray, mu1: float = 0.0, sigma1: float = 1.0, mu2: float = 0.0, sigma2: float = 1.0
) -> np.ndarray:
    """(N(mu1, sigma1²) * N(mu2, sigma2²))(t) = N(mu1 + mu2, sigma1² + sigma2²) at t."""
    return gaussian(t, mu1 + mu2, float(np.hypot(sigma1, sigma2)))


@dataclass(frozen=True)
class FlipSlide:
    """One moment t of the flip-and-slide picture; every array is (len(taus),)."""

    t: float
    taus: np.ndarray
    f: np.ndarray  # f(τ)
    g: np.ndarray  # g(t − τ): g flipped, then slid to t
    product: np.ndarray  # f(τ) g(t − τ), whose area is (f * g)(t)
    integral: float  # Riemann sum h · Σ product over the evenly spaced taus


def flip_slide(f: Signal, g: Signal, t: float, taus: np.ndarray) -> FlipSlide:
    """f(τ), g(t − τ), their product and its Riemann-sum integral on evenly spaced taus (n,)."""
    taus = np.asarray(taus, np.float64)
    h = _step(taus)
    fv, gv = f(taus), g(t - taus)
    product = fv * gv
    return FlipSlide(float(t), taus, fv, gv, product, float(h * product.sum()))


def convolve1d(x: np.ndarray, kernel: np.ndarray) -> np.ndarray:
    """'full' discrete convolution y[n] = Σ_k x[k] kernel[n − k], as np.convolve(x, kernel).

    x: (L,), kernel: (K,) -> (L + K − 1,). Computed by the engine's convolve2d on a 1 × L image
    padded by K − 1 on both sides.
    """
    x, kernel = _vector(x, "signal"), _vector(kernel, "kernel")
    y = convolve2d(x[None, None, None], kernel[None, None, None], padding=(0, kernel.size - 1))
    return y[0, 0, 0]


def correlate1d(x: np.ndarray, kernel: np.ndarray) -> np.ndarray:
    """'full' cross-correlation y[n] = Σ_k x[n + k − (K − 1)] kernel[k], as np.correlate(x,
    kernel, 'full'): what a CNN layer (conv2d) computes. x: (L,), kernel: (K,) -> (L + K − 1,)."""
    x, kernel = _vector(x, "signal"), _vector(kernel, "kernel")
    y = conv2d(x[None, None, None], kernel[None, None, None], padding=(0, kernel.size - 1))
    return y[0, 0, 0]


def riemann_convolve(
    f: Signal, g: Signal, h: float, lo: float, hi: float
) -> tuple[np.ndarray, np.ndarray]:
    """Sample f and g at τ_k = lo + k·h in [lo, hi] and return (t, h · convolve1d(f, g)).

    t_n = 2·lo + n·h, since t = τ + (t − τ) adds two sample positions. Both (2n − 1,).
    """
    taus = lo + h * np.arange(int(round((hi - lo) / h)) + 1)
    values = h * convolve1d(f(taus), g(taus))
    return 2 * lo + h * np.arange(values.size), values


@dataclass(frozen=True)
class RiemannError:
    """Largest |Riemann sum − exact| over the sample times, at one step size h."""

    h: float
    max_error: float


def riemann_errors(
    f: Signal,
    g: Signal,
    exact: Signal,
    h: float = 0.25,
    halvings: int = 5,
    lo: float = -4.0,
    hi: float = 4.0,
) -> list[RiemannError]:
    """The error of the Riemann sum against the closed form, halving h `halvings` times."""
    rows = []
    for k in range(halvings + 1):
        step = h / 2**k
        t, approx = riemann_convolve(f, g, step, lo, hi)
        rows.append(RiemannError(step, float(np.abs(approx - exact(t)).max())))
    return rows


def measured_orders(errors: list[RiemannError]) -> list[float]:
    """log2(e(h) / e(h/2)) between successive rows: 1 means O(h), 2 means O(h²)."""
    return [
        float(np.log2(a.max_error / b.max_error))
        for a, b in zip(errors[:-1], errors[1:], strict=True)
    ]


def _step(taus: np.ndarray) -> float:
    taus = np.atleast_1d(taus)  # a single number is one sample: refused below, not by np.diff
    gaps = np.diff(taus)
    if taus.ndim != 1 or taus.size < 2 or not np.allclose(gaps, gaps[0]) or gaps[0] <= 0:
        raise ConvError(
            f"taus must be at least two increasing, evenly spaced sample points, got "
            f"{int(taus.size)} points",
            code="uneven_samples",
            params={"count": int(taus.size)},
        )
    return float(gaps[0])


def _vector(a: np.ndarray, name: str) -> np.ndarray:
    a = np.asarray(a, np.float64)
    if a.ndim != 1 or a.size < 1:
        raise ConvError(
            f"the {name} must be a non-empty 1-D array, got shape {a.shape}",
            code="not_a_signal",
            params={"name": name, "shape": list(a.shape)},
        )
    return a
