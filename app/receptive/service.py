"""Which input pixels can one output see: the engine's numbers as a ReceptiveOut."""

from __future__ import annotations

import convcore

from .models import LayerGrowth, ReceptiveOut
from .params import StackParams


def receptive(params: StackParams) -> ReceptiveOut:
    """r0, S0, P0, the region of output y, map sizes, path counts and growth per layer."""
    layers, sizes = params.stack()
    rf, y = convcore.receptive_field(layers), params.y
    growth = [convcore.receptive_field(layers[:i]) for i in range(1, len(layers) + 1)]
    visible = convcore.interval(layers, sizes, y, y)
    return ReceptiveOut(
        size=rf.size, stride=rf.stride, padding=rf.padding,
        region=list(rf.region(y)), center=rf.center(y),
        visible=None if visible is None else list(visible),
        maps=sizes, paths=convcore.paths(layers, sizes, y).tolist(),
        layers=[
            LayerGrowth(k=la.k, s=la.s, p=la.p, d=la.d, k_eff=convcore.span(la.k, la.d),
                        rf=g.size, stride=g.stride)
            for la, g in zip(layers, growth, strict=True)
        ],
    )  # fmt: skip
