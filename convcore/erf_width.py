"""How wide the effective field of a uniform linear stack is, in closed form (Luo et al. 2016).

With all-ones weights and no nonlinearity, dy_center/dx counts paths, and the path count is
the convolution of one distribution per layer: layer l's taps are k_l points spaced
d_l * J_l input pixels apart (J_l = product of the strides below it). A uniform distribution
on k points spaced c apart has variance c^2 (k^2 - 1) / 12, and the variances of a
convolution add, so the per-axis variance is sum_l (d_l J_l)^2 (k_l^2 - 1) / 12: for n
stride-1 k x k layers n (k^2 - 1) / 12. The width grows like sqrt(n); the theoretical field,
1 + n (k - 1), like n. Exact while the field fits in the input (edges truncate it).
"""

from __future__ import annotations

import math
from collections.abc import Sequence


def linear_std(layers: Sequence[tuple[int, int, int, int]]) -> float:
    """Per-axis standard deviation of the uniform, linear effective field of (k, s, p, d) layers."""
    variance, jump = 0.0, 1
    for k, s, _, d in layers:
        variance += (d * jump) ** 2 * (k * k - 1) / 12
        jump *= s
    return math.sqrt(variance)
