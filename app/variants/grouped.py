"""Grouped, depthwise and separable: which channels each filter reads, the separable stages,
and the cost table with MobileNet's ratio."""

from __future__ import annotations

import numpy as np

import convcore

from ..conv.sources import make_weight
from .models import CostRow, GroupedOut
from .params import ConvAt


def grouped(p: ConvAt) -> GroupedOut:
    c = p.setup
    shape, spec = c.shape, c.spec
    C_in, C_out, G = shape.C_in, shape.C_out, spec.groups
    C_g, F_g = C_in // G, C_out // G
    stride, padding, dilation, _, mode = c.conv_args()
    kH, kW = spec.kernel
    # Depthwise stage: input channel c gets one of the current kernels; pointwise: seeded ints.
    dw = np.stack([c.kernel[ch % C_out, ch % C_g] for ch in range(C_in)])[:, None]  # (C_in,1,kH,kW)
    pw = make_weight("random", (C_out, C_in, 1, 1), p.seed, None)  # (C_out, C_in, 1, 1)
    mid = convcore.conv2d(c.x, dw, None, stride, padding, dilation, C_in, mode)
    out = convcore.separable_conv2d(c.x, dw, pw, None, None, stride, padding, dilation, mode)
    costs = [("standard", 1, "standard"), ("grouped", G, "standard"),
             ("separable", 1, "separable")]  # fmt: skip
    rows = []
    for name, groups, kind in costs:
        cost = convcore.conv_cost(c.x.shape, C_out, spec.kernel, stride, padding, dilation,
                                  groups, bias=False, kind=kind, padding_mode=mode)  # fmt: skip
        rows.append(CostRow(name=name, groups=groups, params=cost.params, macs=cost.macs))
    return GroupedOut(
        groups=G,
        C_g=C_g,
        C_in=C_in,
        C_out=C_out,
        bands=[[f // F_g * C_g, f // F_g * C_g + C_g] for f in range(C_out)],
        kernel=c.kernel.tolist(),
        depthwise=dw.tolist(),
        pointwise=pw.tolist(),
        x=c.x.tolist(),
        mid=mid.tolist(),
        output=out.tolist(),
        two_step=convcore.conv2d(mid, pw).tolist(),
        costs=rows,
        ratio=rows[2].macs / rows[0].macs,
        inv_c_out=1 / C_out,
        inv_k2=1 / (kH * kW),
        mobilenet=1 / C_out + 1 / (kH * kW),
    )
