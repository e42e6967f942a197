"""Every limit and knob of the server in one object; overridable by CONVSCOPE_* variables."""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass, fields
from functools import lru_cache
from typing import Any


@dataclass(frozen=True)
class Settings:
    host: str = "127.0.0.1"
    port: int = 8000
    # Explorer limits: small enough that every step can be drawn and streamed.
    max_size: int = 64  # input H and W
    max_channels: int = 8  # C_in and C_out
    max_batch: int = 4
    max_kernel: int = 11
    max_stride: int = 8
    max_padding: int = 16
    max_dilation: int = 8
    max_steps: int = 50_000  # events in one stream
    max_stream_numbers: int = 2_000_000  # numbers in one stream (~20 MB of JSON)
    # Image lab limits: uploads are decoded in memory only.
    max_upload_bytes: int = 10 * 1024 * 1024
    max_upload_pixels: int = 16_000_000
    max_long_side: int = 1024  # images are downscaled to this before filtering
    max_filters: int = 8

    @classmethod
    def from_env(cls) -> Settings:
        """Read CONVSCOPE_<FIELD> overrides (ints or strings) from the environment."""
        values: dict[str, Any] = {}
        for f in fields(cls):
            raw = os.environ.get(f"CONVSCOPE_{f.name.upper()}")
            if raw is not None:
                values[f.name] = int(raw) if f.type in (int, "int") else raw
        return cls(**values)


@lru_cache
def get_settings() -> Settings:
    return Settings.from_env()


def limits() -> dict[str, int]:
    """Every max_* setting: sent to the pages and in each plan, so controls are bounded."""
    return {k: v for k, v in asdict(get_settings()).items() if k.startswith("max_")}
