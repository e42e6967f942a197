"""Shared fixtures: a seeded generator and the golden torch fixtures."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

GOLDEN = Path(__file__).parent / "golden"
# tests/app's helpers (sse_events, error_body) are imported by the feature folders below it.
sys.path.insert(0, str(Path(__file__).parent / "app"))


@pytest.fixture
def rng() -> np.random.Generator:
    return np.random.default_rng(20261126)
