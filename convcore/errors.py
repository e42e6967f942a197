"""The one error class of the engine, with messages a student can act on."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


class ConvError(ValueError):
    """An impossible convolution: the message names the numbers and says what to change.

    Args:
      message: one English sentence a student can act on (the API's `detail`).
      code: a stable identifier (snake_case) that front ends translate; the API's `code`.
      params: the numbers and names the sentence uses, JSON-ready; the API's `args`.
    """

    def __init__(
        self, message: str, *, code: str = "invalid", params: Mapping[str, Any] | None = None
    ) -> None:
        super().__init__(message)
        self.code = code
        self.params: dict[str, Any] = dict(params or {})
