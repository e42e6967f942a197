"""Lesson 1's answer: flip g, slide it to t, multiply, integrate, on a fine grid and at the
sampling step h; the Riemann sum's error at every step size (convcore.signals)."""

from __future__ import annotations

import json
from urllib.parse import urlencode

import numpy as np

from convcore import signals

from ..settings import get_settings
from .models import SignalsOut
from .params import SignalsParams

SPAN = 4.0  # f and g are sampled on [-SPAN, SPAN]; both vanish (or nearly) outside
FINE = 1 / 64  # the smooth curves' step
ERR_SPAN = 8.0  # the error table's wider range: a Gaussian's tails are ~1e-16 there


def _pair(params: SignalsParams) -> tuple[signals.Signal, signals.Signal, signals.Signal]:
    """f, g and the closed form of f * g."""
    if params.pair == "box":
        return signals.box, signals.box, signals.box_conv_box
    s1, s2 = params.sigma1, params.sigma2
    return (
        lambda t: signals.gaussian(t, 0.0, s1),
        lambda t: signals.gaussian(t, 0.0, s2),
        lambda t: signals.gaussian_conv_gaussian(t, 0.0, s1, 0.0, s2),
    )


def flip_and_slide(params: SignalsParams) -> SignalsOut:
    """Flip g, slide it to t, multiply, integrate: on a fine grid and at the step h."""
    f, g, exact = _pair(params)
    h = params.h
    fine = signals.flip_slide(f, g, params.t, np.arange(-SPAN, SPAN + FINE / 2, FINE))
    coarse = signals.flip_slide(f, g, params.t, -SPAN + h * np.arange(round(2 * SPAN / h) + 1))
    t, discrete = signals.riemann_convolve(f, g, h, -SPAN, SPAN)
    keep = np.abs(t) <= SPAN - 1 + 1e-9  # the part of the curve the figure shows
    smooth = np.arange(1 - SPAN, SPAN - 1 + FINE / 2, FINE)  # the exact curve, drawn smooth
    errors = signals.riemann_errors(f, g, exact, h=1.0, halvings=6, lo=-ERR_SPAN, hi=ERR_SPAN)
    tiny = 1e-12  # below this the error is rounding, and a ratio of roundings means nothing
    exact_enough = [e for e in errors if e.max_error > tiny]
    orders = signals.measured_orders(exact_enough) if len(exact_enough) > 1 else []
    value = float(exact(np.array([params.t]))[0])
    var = [params.sigma1**2, params.sigma2**2, params.sigma1**2 + params.sigma2**2]
    return SignalsOut(
        pair=params.pair,
        t=params.t,
        h=h,
        fine=_slide(fine),
        samples=_slide(coarse),
        riemann=coarse.integral,
        exact=value,
        error=abs(coarse.integral - value),
        curve={"t": smooth.tolist(), "exact": exact(smooth).tolist(),
               "t_h": t[keep].tolist(), "discrete": discrete[keep].tolist()},
        errors=[{"h": e.h, "max_error": e.max_error} for e in errors],
        orders=orders,
        variances=var if params.pair == "gaussian" else None,
        explorer=_explorer_query(h) if params.pair == "box" else None,
    )  # fmt: skip


def _explorer_query(h: float) -> str | None:
    """The explorer's query for the samples of two unit boxes at step h, truly convolved in
    'full' mode (a 1 x m image, padding m - 1 along the width): the sum before the factor h."""
    taus = h * np.arange(-int(0.5 / h), int(0.5 / h) + 1)  # where a unit box is 1
    row = signals.box(taus)
    m = row.size
    if m > get_settings().max_kernel or not np.isclose(h * round(1 / h), 1):
        return None
    values = json.dumps([row.astype(int).tolist()])
    return urlencode({
        "height": 1, "width": m, "kernel_size": f"1,{m}", "padding": f"0,{m - 1}",
        "input": "values", "input_values": values, "kernel": "values", "weight_values": values,
        "operation": "convolution",
    })  # fmt: skip


def _slide(s: signals.FlipSlide) -> dict[str, list[float]]:
    return {"tau": s.taus.tolist(), "f": s.f.tolist(), "g": s.g.tolist(),
            "product": s.product.tolist()}  # fmt: skip
