"""The bundled digits and the committed weights, read once from app/network/data/.

The files travel in the wheel (pyproject's package-data for convscope.network); nothing is
ever written. The split is fixed by the package's order: images [0, cut) train, the rest test.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from convcore import network

DATA = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class Digits:
    """images: (1797, 8, 8) counts 0-16; labels: (1797,); cut: the first test image."""

    images: np.ndarray
    labels: np.ndarray
    cut: int

    def train(self) -> tuple[np.ndarray, np.ndarray]:
        """Model inputs (1200, 1, 8, 8) in [0, 1] and labels (1200,) int64."""
        return network.digits_input(self.images[: self.cut]), self.labels[: self.cut]

    def test(self) -> tuple[np.ndarray, np.ndarray]:
        """Model inputs (597, 1, 8, 8) and labels (597,): never trained on."""
        return network.digits_input(self.images[self.cut :]), self.labels[self.cut :]

    @property
    def test_count(self) -> int:
        return len(self.images) - self.cut


@lru_cache
def digits() -> Digits:
    with np.load(DATA / "digits.npz") as z:
        images, labels = z["images"], z["labels"].astype(np.int64)
        return Digits(images, labels, int(z["train"]))


@lru_cache
def weights() -> dict[str, np.ndarray]:
    """The committed parameters by torch's state_dict names ("conv1.weight", ...)."""
    names = network.init_params(network.DIGITS_CNN, 0).keys()
    with np.load(DATA / "digits_cnn.npz") as z:
        return {name: z[name] for name in names}


def accuracy(params: dict[str, np.ndarray], x: np.ndarray, labels: np.ndarray) -> float:
    """The fraction of x (N, 1, 8, 8) whose most probable class is its label (N,)."""
    probs = network.predict(network.DIGITS_CNN, params, x)  # (N, 10), in small batches
    return float((probs.argmax(axis=1) == labels).mean())


@lru_cache
def committed_accuracy() -> tuple[float, float]:
    """(train, test) accuracy of the committed weights, computed once per process."""
    d = digits()
    return accuracy(weights(), *d.train()), accuracy(weights(), *d.test())
