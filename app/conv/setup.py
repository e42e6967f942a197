"""One conv configuration, parsed and checked once, then passed to every engine call."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

import convcore
from convcore import ConvShape, Pair


@dataclass(frozen=True)
class Setup:
    """The arrays, the engine's checked shape (its spec inside) and the padding as given.

    `padding` is kept as given because 'same' may pad unevenly and the engine entry points
    take torch's arguments; `shape.spec` holds the resolved per-side padding.
    """

    x: np.ndarray  # (N, C_in, H, W)
    weight: np.ndarray  # as given: (C_out, C_in/groups, kH, kW), transposed (C_in, C_out/g, ..)
    kernel: np.ndarray  # as applied: flipped 180 degrees for operation=convolution
    bias: np.ndarray | None  # (C_out,)
    shape: ConvShape
    padding: Pair | str
    output_padding: Pair = (0, 0)

    @property
    def spec(self) -> convcore.Conv2dSpec:
        return self.shape.spec

    def conv_args(self) -> tuple[Pair, Pair | str, Pair, int, str]:
        """(stride, padding, dilation, groups, padding_mode): conv2d's order after bias."""
        s = self.spec
        return s.stride, self.padding, s.dilation, s.groups, s.padding_mode

    def transpose_args(self) -> tuple[Pair, Pair, Pair, int, Pair]:
        """(stride, padding, output_padding, groups, dilation): conv_transpose2d's order."""
        s = self.spec
        padding = (s.padding[0][0], s.padding[1][0])
        return s.stride, padding, self.output_padding, s.groups, s.dilation
