"""Where the explorer's numbers come from: input presets, kernel presets and bias values.

Values are kept short (small integers or one decimal) so a student can read every product.
"""

from __future__ import annotations

import json

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from convcore import PRESETS, ConvError, kernel
from convcore.kernels import SIZED

from .resources import STATIC

INPUTS = ("ramp", "checker", "random", "digit", "letter", "sample", "values")
KERNELS = (*PRESETS, "random", "values")
MAX_VALUE = 1e6  # keeps every product and sum finite and short in JSON
SAMPLE = STATIC / "samples" / "house.png"


def make_input(
    name: str, shape: tuple[int, int, int, int], seed: int, glyph: str | None, values: str | None
) -> np.ndarray:
    """An input batch x: (N, C, H, W) float64 from a preset or explicit JSON values."""
    N, C, H, W = shape
    n, c = np.arange(N)[:, None, None, None], np.arange(C)[None, :, None, None]
    i, j = np.arange(H)[:, None], np.arange(W)[None, :]
    if name == "ramp":  # a diagonal ramp 0, 1, 2, ... shifted per channel and image
        return np.broadcast_to(i + j + c + n, shape).astype(float)
    if name == "checker":  # 1/0 squares, phase flipped per channel
        return np.broadcast_to((i + j + c + n) % 2, shape).astype(float)
    if name == "random":
        return np.random.default_rng(seed).integers(0, 10, shape).astype(float)
    if name in ("digit", "letter"):
        default = "7" if name == "digit" else "A"
        glyph = glyph or default
        if len(glyph) != 1 or (glyph.isdigit() if name == "letter" else not glyph.isdigit()):
            raise ConvError(
                f"a {name} input draws one {'digit 0-9' if name == 'digit' else 'letter'}"
                f", got {glyph!r}"
            )
        return np.broadcast_to(_glyph(glyph, H, W), shape).copy()
    if name == "sample":
        return _sample(shape)
    if name == "values":
        return _values(values, shape, "input_values", "(H, W), (C, H, W) or (N, C, H, W)")
    raise ConvError(f"unknown input preset {name!r}; choose one of {', '.join(INPUTS)}")


def make_weight(
    name: str, shape: tuple[int, int, int, int], seed: int, values: str | None
) -> np.ndarray:
    """Kernels (C_out, C_in/groups, kH, kW) float64: one preset copied to every kernel."""
    F, C_g, kH, kW = shape
    if name == "random":
        return np.random.default_rng(seed + 1).integers(-2, 3, shape).astype(float)
    if name == "values":
        return _values(values, shape, "weight_values", "(kH, kW) or (C_out, C_in/groups, kH, kW)")
    if name not in PRESETS:
        raise ConvError(f"unknown kernel preset {name!r}; choose one of {', '.join(KERNELS)}")
    if name in SIZED:
        if kH != kW or kH % 2 == 0:
            raise ConvError(
                f"the {name} kernel needs a square, odd kernel size (1, 3, 5, ...), "
                f"got {kH}x{kW}; pick 'random' or 'values' for other shapes"
            )
    elif (kH, kW) != (3, 3):
        raise ConvError(
            f"the {name} kernel is 3x3: set the kernel size to 3, or pick 'random' "
            f"or 'values' to use a {kH}x{kW} kernel"
        )
    return np.broadcast_to(kernel(name, kH).round(4), shape).copy()


def make_bias(C_out: int, seed: int, values: str | None) -> np.ndarray:
    """Bias (C_out,): explicit comma-separated numbers, or seeded one-decimal values."""
    if values is None or values.strip() == "":
        return np.random.default_rng(seed + 2).integers(-10, 11, C_out) / 10
    try:
        b = np.array([float(v) for v in values.split(",")])
    except ValueError:
        raise ConvError(
            f"bias values must be numbers separated by commas, got {values!r}"
        ) from None
    if b.shape != (C_out,) or not (np.abs(b) <= MAX_VALUE).all():
        raise ConvError(
            f"give one bias between -{MAX_VALUE:g} and {MAX_VALUE:g} per output "
            f"channel ({C_out}), got {len(b)} numbers"
        )
    return b


def _values(text: str | None, shape: tuple[int, ...], name: str, forms: str) -> np.ndarray:
    if not text:
        raise ConvError(f"{name} is empty: give a JSON list of numbers shaped {forms}")
    try:  # RecursionError: '[[[[...' nested thousands deep
        a = np.array(json.loads(text), dtype=float)
    except (ValueError, TypeError, RecursionError):
        raise ConvError(f"{name} must be a JSON list of numbers shaped {forms}") from None
    if not (np.abs(a) <= MAX_VALUE).all():  # also false for NaN
        raise ConvError(f"{name} must hold numbers between -{MAX_VALUE:g} and {MAX_VALUE:g}")
    try:  # a 2-D grid is copied to every channel (and every image or kernel)
        return np.broadcast_to(a, shape).astype(float)
    except ValueError:
        raise ConvError(
            f"{name} has shape {a.shape}, which does not fit {shape}; use {forms}"
        ) from None


def _glyph(ch: str, H: int, W: int) -> np.ndarray:
    """ch drawn with Pillow's bundled font, downscaled to (H, W), values 0..1 in tenths."""
    scale = 8
    img = Image.new("L", (W * scale, H * scale), 0)
    font = ImageFont.load_default(size=int(H * scale * 0.9))
    draw = ImageDraw.Draw(img)
    left, top, right, bottom = draw.textbbox((0, 0), ch, font=font)
    draw.text(
        ((W * scale - (right - left)) / 2 - left, (H * scale - (bottom - top)) / 2 - top),
        ch,
        fill=255,
        font=font,
        stroke_width=max(1, H * scale // 14),
        stroke_fill=255,
    )
    small = img.resize((W, H), Image.Resampling.BOX)
    return (np.asarray(small, dtype=float) / 255).round(1)


def _sample(shape: tuple[int, int, int, int]) -> np.ndarray:
    N, C, H, W = shape
    if not SAMPLE.exists():
        raise ConvError("no sample image is bundled with this server; pick another input")
    with Image.open(SAMPLE) as im:
        small = im.convert("RGB" if C == 3 else "L").resize((W, H), Image.Resampling.BOX)
    a = (np.asarray(small, dtype=float) / 255).round(1)
    a = a.transpose(2, 0, 1) if a.ndim == 3 else a[None]
    return np.broadcast_to(a, shape).copy()
