"""Which input pixels can one output see: the engine's numbers as a ReceptiveOut."""

from __future__ import annotations

import convcore

from .models import LayerGrowth, ReceptiveOut
from .params import StackParams


def _field(layers: list[convcore.Layer]) -> convcore.ReceptiveField | None:
    """The position-independent field, or None once a transposed layer makes it depend on y."""
    return None if any(la.transposed for la in layers) else convcore.receptive_field(layers)


def receptive(params: StackParams) -> ReceptiveOut:
    """r0, S0, P0, the region of output y, map sizes, path counts and growth per layer.

    With a transposed layer there is no single r0, S0, P0: the region is output y's exact
    interval (convcore.interval), and stride and padding are null.
    """
    layers, sizes = params.stack()
    rf, y = _field(layers), params.y
    growth = [_field(layers[:i]) for i in range(1, len(layers) + 1)]
    visible = convcore.interval(layers, sizes, y, y)
    if rf is not None:
        size, region, center = rf.size, list(rf.region(y)), rf.center(y)
    else:
        u, v = visible if visible is not None else (0, -1)
        size, region, center = v - u + 1, [u, v], (u + v) / 2
    return ReceptiveOut(
        size=size, stride=None if rf is None else rf.stride,
        padding=None if rf is None else rf.padding,
        region=region, center=center,
        visible=None if visible is None else list(visible),
        maps=sizes, paths=convcore.paths(layers, sizes, y).tolist(),
        layers=[
            LayerGrowth(kind=la.kind, k=la.k, s=la.s, p=la.p, d=la.d, ceil_mode=la.ceil_mode,
                        k_eff=convcore.span(la.k, la.d),
                        rf=None if g is None else g.size, stride=None if g is None else g.stride)
            for la, g in zip(layers, growth, strict=True)
        ],
    )  # fmt: skip
