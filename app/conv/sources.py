"""Where the explorer's numbers come from: input presets, kernel presets and bias values.

Values are kept short (small integers or one decimal) so a student can read every product.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from convcore import PRESETS, ConvError

from ..presets import preset

INPUTS = ("ramp", "checker", "random", "digit", "letter", "sample", "values")
KERNELS = (*PRESETS, "random", "values")
MAX_VALUE = 1e6  # keeps every product and sum finite and short in JSON
SAMPLE = Path(__file__).resolve().parents[2] / "static" / "samples" / "house.png"


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
        check_glyph(name, glyph)
        return np.broadcast_to(_glyph(glyph, H, W), shape).copy()
    if name == "sample":
        return _sample(shape)
    if name == "values":
        return _values(values, shape, "input_values", "(H, W), (C, H, W) or (N, C, H, W)")
    choices = ", ".join(INPUTS)
    raise ConvError(
        f"unknown input preset {name!r}; choose one of {choices}",
        code="unknown_input",
        params={"name": name, "choices": choices},
    )


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
        choices = ", ".join(KERNELS)
        raise ConvError(
            f"unknown kernel preset {name!r}; choose one of {choices}",
            code="unknown_kernel",
            params={"name": name, "choices": choices},
        )
    return np.broadcast_to(preset(name, kH, kW).round(4), shape).copy()


def make_bias(C_out: int, seed: int, values: str | None) -> np.ndarray:
    """Bias (C_out,): explicit comma-separated numbers, or seeded one-decimal values."""
    if values is None or values.strip() == "":
        return np.random.default_rng(seed + 2).integers(-10, 11, C_out) / 10
    try:
        b = np.array([float(v) for v in values.split(",")])
    except ValueError:
        raise ConvError(
            f"bias values must be numbers separated by commas, got {values!r}",
            code="bias_not_numbers",
            params={"values": values},
        ) from None
    if not np.isfinite(b).all():
        raise ConvError(
            "bias values must be finite numbers (not nan or inf)", code="bias_not_finite"
        )
    if b.shape != (C_out,):
        raise ConvError(
            f"give one bias per output channel ({C_out}), got {len(b)} numbers",
            code="bias_count",
            params={"C_out": C_out, "count": len(b)},
        )
    if not (np.abs(b) <= MAX_VALUE).all():
        raise ConvError(
            f"bias values must lie between -{MAX_VALUE:g} and {MAX_VALUE:g}",
            code="bias_too_large",
            params={"limit": MAX_VALUE},
        )
    return b


def _values(text: str | None, shape: tuple[int, ...], name: str, forms: str) -> np.ndarray:
    if not text:
        raise ConvError(
            f"{name} is empty: give a JSON list of numbers shaped {forms}",
            code="values_empty",
            params={"field": name, "forms": forms},
        )
    try:  # RecursionError: '[[[[...' nested thousands deep
        a = np.array(json.loads(text), dtype=float)
    except (ValueError, TypeError, RecursionError):
        raise ConvError(
            f"{name} must be a JSON list of numbers shaped {forms}",
            code="values_not_json",
            params={"field": name, "forms": forms},
        ) from None
    if not (np.abs(a) <= MAX_VALUE).all():  # also false for NaN
        raise ConvError(
            f"{name} must hold finite numbers between -{MAX_VALUE:g} and {MAX_VALUE:g}",
            code="values_out_of_range",
            params={"field": name, "limit": MAX_VALUE},
        )
    try:  # a 2-D grid is copied to every channel (and every image or kernel)
        return np.broadcast_to(a, shape).astype(float)
    except ValueError:
        raise ConvError(
            f"{name} has shape {a.shape}, which does not fit {shape}; use {forms}",
            code="values_shape",
            params={"field": name, "got": list(a.shape), "shape": list(shape), "forms": forms},
        ) from None


def check_glyph(name: str, glyph: str) -> None:
    """A digit preset draws one of 0-9; a letter preset one letter the bundled font has."""
    if name == "digit":
        if len(glyph) != 1 or glyph not in "0123456789":
            raise ConvError(
                f"a digit input draws one digit 0-9, got {glyph!r}",
                code="bad_digit",
                params={"glyph": glyph},
            )
        return
    if len(glyph) != 1 or not glyph.isprintable() or glyph.isdigit() or not _drawable(glyph):
        raise ConvError(
            f"a letter input draws one letter the built-in font has (such as A-Z, a-z or "
            f"Greek), got {glyph!r}",
            code="bad_letter",
            params={"glyph": glyph},
        )


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.load_default(size=size)


def _drawable(ch: str) -> bool:
    """Whether the bundled font has a glyph for ch (not its 'missing' box) and ch is a letter."""
    if not ch.isalpha():
        return False
    font = _font(64)
    missing = bytes(font.getmask("\U0010fffd"))  # a private-use code point: never in the font
    return bytes(font.getmask(ch)) != missing


def _glyph(ch: str, H: int, W: int) -> np.ndarray:
    """ch drawn with Pillow's bundled font, downscaled to (H, W), values 0..1 in tenths."""
    scale = 8
    img = Image.new("L", (W * scale, H * scale), 0)
    font = _font(int(H * scale * 0.9))
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
        raise ConvError(
            "no sample image is bundled with this server; pick another input", code="no_sample"
        )
    with Image.open(SAMPLE) as im:
        small = im.convert("RGB" if C == 3 else "L").resize((W, H), Image.Resampling.BOX)
    a = (np.asarray(small, dtype=float) / 255).round(1)
    a = a.transpose(2, 0, 1) if a.ndim == 3 else a[None]
    return np.broadcast_to(a, shape).copy()
