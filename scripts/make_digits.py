"""Write app/network/data/digits.npz from scikit-learn's bundled 8x8 handwritten digits.

Run with the dev extra installed: `.venv/bin/python scripts/make_digits.py`. scikit-learn is
only needed here; the app and the engine read the committed file. The data are the UCI
"Optical Recognition of Handwritten Digits" test set (1,797 images of 8x8 blocks, each cell
the count 0-16 of set pixels in a 4x4 block of a 32x32 bitmap), as scikit-learn ships it
(BSD-3-Clause). The split is fixed by the package's order: images 0-1199 train, 1200-1796 test.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from sklearn.datasets import load_digits

OUT = Path(__file__).resolve().parent.parent / "app" / "network" / "data" / "digits.npz"
TRAIN = 1200  # images [0, TRAIN) train, [TRAIN, 1797) test; never train on the test images


def main() -> None:
    digits = load_digits()
    images = digits.images  # (1797, 8, 8) float64 holding whole numbers 0..16
    assert images.shape == (1797, 8, 8) and images.min() == 0 and images.max() == 16
    assert np.array_equal(images, np.round(images))
    np.savez_compressed(
        OUT,
        images=images.astype(np.uint8),  # (1797, 8, 8) values 0-16
        labels=digits.target.astype(np.uint8),  # (1797,) digits 0-9
        train=np.array(TRAIN),
    )
    print(f"wrote {OUT} ({OUT.stat().st_size / 1024:.1f} KiB): {len(images)} images")


if __name__ == "__main__":
    main()
