"""Query and form fields shared by every feature: '3' or '3,5' pairs and padding, parsed once."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from convcore import ConvError, Pair, pair

PAIR = r"^\s*\d{1,4}\s*(,\s*\d{1,4}\s*)?$"
PairText = Annotated[str, Field(pattern=PAIR, description="'n' or 'h,w'")]
PaddingText = Annotated[
    str, Field(pattern=PAIR + r"|^(same|valid)$", description="'p', 'ph,pw', 'same' or 'valid'")
]


def parse_pair(text: str, name: str, low: int, high: int) -> Pair:
    """'3' or '3,5' -> (h, w) within [low, high]."""
    parts = [int(v) for v in text.split(",")]
    h, w = pair(parts if len(parts) == 2 else parts[0], name)
    if not (low <= h <= high and low <= w <= high):
        raise ConvError(
            f"{name} must be between {low} and {high}, got {text.strip()}",
            code="out_of_range",
            params={"field": name, "low": low, "high": high, "got": text.strip()},
        )
    return h, w


def parse_padding(text: str, high: int) -> Pair | str:
    """'same', 'valid', '1' or '1,2' -> the string or an (h, w) pair within [0, high]."""
    padding = text.strip()
    return padding if padding in ("same", "valid") else parse_pair(padding, "padding", 0, high)
