"""Kernel presets as the engine defines them: which exist at which sizes, for every page.

The pages never hard-code the list: they read /api/kernels (or `initial_state.kernels`).
What a preset supports is asked of the engine itself, so this follows convcore's presets.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Annotated

import numpy as np
from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

import convcore
from convcore import ConvError

from .errors import ERROR_JSON
from .settings import get_settings

S = get_settings()


class PresetOut(BaseModel):
    """One preset: the square sizes it exists at, and whether it also comes in rectangles."""

    name: str
    sizes: list[int] = Field(description="k for which a k x k version exists (up to max_kernel)")
    sized: bool = Field(description="whether its numbers change with the size")
    rectangular: bool = Field(description="whether kH != kW versions exist")


def _at(name: str, kH: int, kW: int) -> np.ndarray | None:
    """The engine's kH x kW version of the preset, or None when it has none."""
    try:
        k = convcore.kernel(name, kH) if kH == kW else convcore.kernel(name, (kH, kW))  # type: ignore[arg-type]
    except (ConvError, TypeError, ValueError):
        return None
    return k if k.shape == (kH, kW) else None


@lru_cache
def presets() -> tuple[PresetOut, ...]:
    out = []
    for name in convcore.PRESETS:
        sizes = [k for k in range(1, S.max_kernel + 1) if _at(name, k, k) is not None]
        base = _at(name, 3, 3)
        sized = any(
            (k := _at(name, n, n)) is not None and base is not None and k.shape != base.shape
            for n in sizes
        )
        out.append(
            PresetOut(name=name, sizes=sizes, sized=sized, rectangular=_at(name, 3, 5) is not None)
        )
    return tuple(out)


def preset(name: str, kH: int, kW: int) -> np.ndarray:
    """(kH, kW) float64 numbers of preset `name`; ConvError naming the sizes it has otherwise."""
    k = _at(name, kH, kW)
    if k is None:
        info = next(p for p in presets() if p.name == name)
        sizes = ", ".join(map(str, info.sizes))
        raise ConvError(
            f"the {name} kernel has no {kH}x{kW} version; choose a kernel size from {sizes}, "
            "or pick 'random' or 'values'",
            code="preset_no_such_size",
            params={"name": name, "kH": kH, "kW": kW, "sizes": info.sizes},
        )
    return k


router = APIRouter(tags=["kernels"])


@router.get("/api/kernels", summary="Kernel presets and their sizes")
def kernel_presets() -> list[PresetOut]:
    """Every preset's name, the square sizes it exists at, and whether rectangles exist."""
    return list(presets())


class KernelOut(BaseModel):
    """A preset's numbers, for the filter picker and the custom-kernel editor."""

    name: str
    kernel: list[list[float]] = Field(description="(kH, kW)")
    sized: bool = Field(description="whether the size setting changes it")


def kernels_at(size: int) -> list[KernelOut]:
    """Every preset that exists at `size` x `size`, and each fixed-size preset at its own size."""
    return [
        KernelOut(name=p.name, kernel=k.tolist(), sized=p.sized)
        for p in presets()
        if not p.sized or size in p.sizes
        for k in [preset(p.name, size, size) if p.sized else convcore.kernel(p.name)]
    ]


@router.get(
    "/api/images/kernels",
    tags=["images"],
    responses={422: {"description": "A size out of range", **ERROR_JSON}},
)
def preset_kernels(size: Annotated[int, Query(ge=1, le=S.max_kernel)] = 3) -> list[KernelOut]:
    """Every preset's numbers at `size`; presets without that size are left out."""
    return kernels_at(size)
