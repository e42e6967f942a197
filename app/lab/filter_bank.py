"""The lab's convolutions: a bank of named 2-D kernels run over an RGB image in one colour mode.

Colour modes, as a conv layer sees them (x is float64 pixel values 0..255, never uint8):
  grayscale  x (1, 1, H, W) luma; weight (F, 1, kH, kW): one map per filter.
  depthwise  x (1, 3, H, W); weight (3F, 1, kH, kW), groups=3: one map per filter and channel.
  full       x (1, 3, H, W); weight (F, 3, kH, kW), the 2-D kernel in every channel slice:
             one map per filter, the sum over R, G and B (a 3x3 filter has 27 taps).
Every number comes from the engine (conv2d or forward_steps): `maps` (the whole image)
and `window` (one output pixel) build the same weights with the same `_layer`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

import convcore
from convcore import Pair

MODES = ("grayscale", "depthwise", "full")
CHANNELS = ("R", "G", "B")
LUMA = np.array([0.299, 0.587, 0.114])  # ITU-R BT.601, as Pillow's "L" but kept in float
MAGNITUDE = "magnitude"  # sqrt(sobel_x^2 + sobel_y^2), a map computed from two filters
SOBEL_PAIR = ("sobel_x", "sobel_y")


@dataclass(frozen=True)
class Geometry:
    """The conv2d hyper-parameters shared by every filter of one request."""

    stride: Pair = (1, 1)
    padding: Pair | str = "same"
    dilation: Pair = (1, 1)
    padding_mode: str = "zeros"


@dataclass(frozen=True)
class Window:
    """The engine's Step for one output pixel, and where padded index 0 sits in the input."""

    step: convcore.Step
    offset: tuple[int, int]  # (top, left) padding: input row = padded row - top

    @property
    def rows(self) -> np.ndarray:
        """(kH,) input rows of the taps; < 0 or >= H means the tap reads padding."""
        return self.step.rows - self.offset[0]

    @property
    def cols(self) -> np.ndarray:
        """(kW,) input columns of the taps."""
        return self.step.cols - self.offset[1]


@dataclass(frozen=True)
class FeatureMap:
    """One output channel: `filter` name, the input channel it saw (None: all), (H_out, W_out)."""

    filter: str
    channel: str | None
    values: np.ndarray


def to_input(rgb: np.ndarray, mode: str) -> np.ndarray:
    """rgb: (H, W, 3) uint8 -> x: (1, C, H, W) float64, C = 1 for grayscale else 3."""
    x = rgb.astype(np.float64)  # cast first: uint8 arithmetic would wrap around
    if mode == "grayscale":
        return (x @ LUMA)[None, None]  # (1, 1, H, W)
    return x.transpose(2, 0, 1)[None]  # (1, 3, H, W)


def maps(
    rgb: np.ndarray,
    kernels: dict[str, np.ndarray],
    mode: str,
    geometry: Geometry,
    relu: bool = False,
    magnitude: bool = False,
) -> list[FeatureMap]:
    """Every feature map of `kernels` (name -> (kH, kW)) in order, then the Sobel magnitude."""
    x = to_input(rgb, mode)
    names = list(kernels)
    bank = dict(kernels)
    if magnitude:
        bank.update({n: convcore.kernel(n) for n in SOBEL_PAIR if n not in bank})
    raw: dict[str, np.ndarray] = {}  # name -> (C_maps, H_out, W_out), before ReLU
    for group in _same_shape(bank):
        weight, groups = _layer(np.stack([bank[n] for n in group]), mode)
        y = _conv(x, weight, groups, geometry)[0]
        per = y.shape[0] // len(group)  # maps per filter: 3 in depthwise mode, else 1
        for i, n in enumerate(group):
            raw[n] = y[i :: len(group)] if mode == "depthwise" else y[i * per : (i + 1) * per]
    out = [
        FeatureMap(n, _channel(mode, c), np.maximum(m, 0) if relu else m)
        for n in names
        for c, m in enumerate(raw[n])
    ]
    if magnitude:
        gx, gy = raw[SOBEL_PAIR[0]], raw[SOBEL_PAIR[1]]
        out += [FeatureMap(MAGNITUDE, _channel(mode, c), m) for c, m in enumerate(np.hypot(gx, gy))]
    return out


def window(
    rgb: np.ndarray,
    kernel2d: np.ndarray,
    mode: str,
    geometry: Geometry,
    channel: int,
    at: tuple[int, int],
) -> Window:
    """The dot product behind output pixel at = (oh, ow) of one filter's map.

    channel picks R/G/B in depthwise mode (ignored otherwise). The Step's window, kernel and
    products are (C_g, kH, kW): C_g = 3 in full mode, else 1.
    """
    g = geometry
    x = to_input(rgb, mode)
    weight, groups = _layer(kernel2d[None], mode)  # C_out = 3 (depthwise) or 1
    kH, kW = kernel2d.shape
    H_out, W_out = convcore.output_size(x.shape[2:], (kH, kW), g.stride, g.padding, g.dilation)
    oh, ow = at
    if not (0 <= oh < H_out and 0 <= ow < W_out):
        raise convcore.ConvError(
            f"output pixel ({oh}, {ow}) is outside the {H_out}x{W_out} feature map",
            code="pixel_outside_map",
            params={"row": oh, "col": ow, "H_out": H_out, "W_out": W_out},
        )
    f = channel if mode == "depthwise" else 0
    k = (f * H_out + oh) * W_out + ow  # step index in (n, f, oh, ow) order, n = 0
    steps = convcore.forward_steps(x, weight, None, g.stride, g.padding, g.dilation, groups,
                                   g.padding_mode, start=k, stop=k + 1)  # fmt: skip
    (top, _), (left, _) = convcore.Conv2dSpec.of((kH, kW), g.stride, g.padding, g.dilation).padding
    return Window(next(steps), (top, left))


def _layer(k: np.ndarray, mode: str) -> tuple[np.ndarray, int]:
    """k: (F, kH, kW) 2-D kernels -> (weight (C_out, C_in/groups, kH, kW), groups)."""
    F, kH, kW = k.shape
    if mode == "grayscale":
        return k[:, None], 1  # (F, 1, kH, kW)
    if mode == "depthwise":
        return np.tile(k[:, None], (3, 1, 1, 1)), 3  # (3F, 1, kH, kW); group c = channel c
    if mode == "full":
        return np.repeat(k[:, None], 3, axis=1), 1  # (F, 3, kH, kW)
    choices = ", ".join(MODES)
    raise convcore.ConvError(
        f"colour mode must be one of {choices}, got {mode!r}",
        code="unknown_mode",
        params={"mode": mode, "choices": choices},
    )


def _same_shape(bank: dict[str, np.ndarray]) -> Iterator[list[str]]:
    """Names grouped by kernel shape, so each group is one conv2d call."""
    shapes: dict[tuple[int, ...], list[str]] = {}
    for name, k in bank.items():
        shapes.setdefault(k.shape, []).append(name)
    yield from shapes.values()


def _channel(mode: str, c: int) -> str | None:
    return CHANNELS[c] if mode == "depthwise" else None


def _conv(x: np.ndarray, weight: np.ndarray, groups: int, g: Geometry) -> np.ndarray:
    """x: (1, C_in, H, W), weight: (C_out, C_in/groups, kH, kW) -> (1, C_out, H_out, W_out)."""
    return convcore.conv2d(x, weight, None, g.stride, g.padding, g.dilation, groups, g.padding_mode)
