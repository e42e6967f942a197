"""Fixtures for the engine tests (the seeded `rng` comes from tests/conftest.py)."""

from __future__ import annotations

import pytest

from convcore import lowering


class WorkStarted(AssertionError):
    """Raised by the sentinel standing in for the engine's lowering."""


@pytest.fixture
def no_work(monkeypatch):
    """Make the engine's first step of real work (building the lowering) raise WorkStarted.

    A refusal under this fixture proves the engine validated before computing anything;
    test_geometry checks that every entry point does reach the sentinel when the call is valid.
    """

    def sentinel(*args, **kwargs):
        raise WorkStarted("the engine started computing before it validated")

    monkeypatch.setattr(lowering.Lowering, "of", sentinel)
    return WorkStarted
