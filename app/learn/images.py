"""The images a kernel learns from: seeded noise, or a bundled sample in grey levels 0..1."""

from __future__ import annotations

import numpy as np
from PIL import Image

import convcore

from ..resources import STATIC

SAMPLES = ("house", "edges", "text", "colours")
IMAGES = ("noise", *SAMPLES)


def image(name: str, size: int, seed: int) -> np.ndarray:
    """(size, size) float64: noise from `seed`, or the sample boxed down to size x size."""
    if name == "noise":
        return convcore.noise_image(size, seed)
    with Image.open(STATIC / "samples" / f"{name}.png") as im:
        small = im.convert("L").resize((size, size), Image.Resampling.BOX)
    return np.asarray(small, dtype=float) / 255
