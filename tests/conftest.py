"""Shared fixtures: a seeded generator and the golden torch fixtures."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

GOLDEN = Path(__file__).parent / "golden"


@pytest.fixture
def rng() -> np.random.Generator:
    return np.random.default_rng(20261126)
