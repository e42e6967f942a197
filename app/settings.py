"""Every limit and knob of the server in one object, read from CONVSCOPE_* variables at start.

A misspelt variable or a value that is not a number is refused at start with one sentence
naming it (SettingsError), never ignored and never a traceback deep inside a request.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields
from functools import lru_cache
from typing import Any

PREFIX = "CONVSCOPE_"


class SettingsError(ValueError):
    """A CONVSCOPE_* variable that is unknown or has an unusable value (one sentence)."""


@dataclass(frozen=True)
class Settings:
    host: str = "127.0.0.1"  # `convscope serve` defaults; 0.0.0.0 serves the whole LAN
    port: int = 8000
    # Explorer limits: small enough that every step can be drawn and streamed.
    max_size: int = 64  # input H and W
    max_channels: int = 16  # C_in and C_out (16: a unit of /network's conv2 reads 16 maps)
    max_batch: int = 4
    max_kernel: int = 11
    max_stride: int = 8
    max_padding: int = 16
    max_dilation: int = 8
    max_steps: int = 50_000  # events in one stream
    max_stream_numbers: int = 2_000_000  # numbers in one stream (~20 MB of JSON)
    max_plan_numbers: int = 500_000  # numbers in one plan's arrays (~5 MB of JSON)
    max_matrix_entries: int = 1 << 16  # the lessons' conv-as-a-matrix (~1 MB of JSON)
    max_frames: int = 120  # frames in one exported GIF (a few MB of slide-sized frames)
    # Image lab limits: uploads are decoded in memory only.
    max_upload_bytes: int = 10 * 1024 * 1024
    max_upload_pixels: int = 16_000_000
    max_long_side: int = 1024  # the working size a photo is reduced to before filtering
    max_full_side: int = 2048  # "full resolution" still stops here (memory per request)
    max_filters: int = 8
    # /network's live training run: epochs per run (each ~0.6 s of one core).
    max_train_epochs: int = 12
    # A classroom: heavy work (uploads, large plans, stream batches) per worker process.
    heavy_slots: int = 2  # at once; a 2-core machine gains nothing from more
    heavy_wait: float = 5.0  # seconds a heavy request may wait for a slot before a 503
    header_timeout: float = 10.0  # seconds a client may take to send its request headers
    # Browsers: pages may be framed by these CSP sources; CORS only for listed origins.
    frame_ancestors: str = "'self'"
    cors_origins: str = ""  # comma-separated origins; empty: no CORS headers at all

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, int | float) and not value > 0 and f.name != "port":
                raise SettingsError(f"{PREFIX}{f.name.upper()} must be positive, got {value}")
        if not 0 <= self.port < 65536:
            raise SettingsError(f"{PREFIX}PORT must be between 0 and 65535, got {self.port}")

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """Settings from CONVSCOPE_<FIELD> variables.

        Raises:
          SettingsError: an unknown CONVSCOPE_ name (with the closest known one) or a value
            that is not a number where a number is needed.
        """
        env = os.environ if environ is None else environ
        kinds = {f.name: f.type for f in fields(cls)}
        values: dict[str, Any] = {}
        for key, raw in env.items():
            if not key.startswith(PREFIX):
                continue
            name = key[len(PREFIX) :].lower()
            if name not in kinds:
                close = difflib.get_close_matches(name, kinds, n=1)
                hint = f"; did you mean {PREFIX}{close[0].upper()}?" if close else ""
                raise SettingsError(f"unknown setting {key}{hint}")
            values[name] = _parse(key, raw, kinds[name])
        return cls(**values)


def _parse(key: str, raw: str, kind: Any) -> Any:
    convert = {"int": int, "float": float}.get(kind if isinstance(kind, str) else kind.__name__)
    if convert is None:
        return raw
    try:
        return convert(raw.strip().replace("_", ""))
    except ValueError:
        noun = "a whole number" if convert is int else "a number"
        raise SettingsError(f"{key} must be {noun}, got {raw!r}") from None


@lru_cache
def get_settings() -> Settings:
    return Settings.from_env()


def limits() -> dict[str, int]:
    """Every max_* setting: sent to the pages and in each plan, so controls are bounded."""
    return {k: v for k, v in asdict(get_settings()).items() if k.startswith("max_")}
