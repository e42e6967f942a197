"""Python source for arrays and arguments: exact floats (repr round-trips), readable rows."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from convcore import Conv2dSpec


def number(v: float) -> str:
    """repr of a float is the shortest text that reads back as the same float."""
    v = float(v)
    return repr(v) if np.isfinite(v) else f'float("{v}")'


def nested(a: np.ndarray, indent: int = 4) -> str:
    """A nested list literal whose "[" sits at column `indent`, one innermost row per line."""
    if a.ndim == 1:
        return "[" + ", ".join(number(v) for v in a) + "]"
    pad = " " * (indent + 1)
    inner = (",\n" + pad).join(nested(sub, indent + 1) for sub in a)
    return "[" + inner + "]"


@dataclass(frozen=True)
class Call:
    """One layer's arrays and torch-style arguments, ready to print into any language."""

    x: np.ndarray  # (N, C_in, H, W)
    weight: np.ndarray
    bias: np.ndarray | None
    grad_output: np.ndarray | None
    spec: Conv2dSpec
    output_padding: tuple[int, int]

    @property
    def padding(self) -> str:
        """torch's padding argument: (h, w) when symmetric, else 'same' (its only asymmetric)."""
        (top, bottom), (left, right) = self.spec.padding
        return f"({top}, {left})" if (top, left) == (bottom, right) else '"same"'

    def kwargs(self, transposed: bool = False) -> str:
        """Keyword arguments as torch spells them (conv2d or conv_transpose2d order)."""
        s = self.spec
        if transposed:
            return (
                f"stride={s.stride}, padding={self.padding}, output_padding={self.output_padding}, "
                f"groups={s.groups}, dilation={s.dilation}"
            )
        return (
            f"stride={s.stride}, padding={self.padding}, dilation={s.dilation}, groups={s.groups}"
        )
