"""Load the torch fixtures of scripts/make_golden_views.py (tests/golden/views/*.npz)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np

VIEWS = Path(__file__).resolve().parent.parent / "golden" / "views"


def load(path: Path) -> dict[str, Any]:
    """One case: arrays as saved, `params` as a dict, string fields as str."""
    with np.load(path) as z:
        case = {k: z[k] for k in z.files}
    for key, value in case.items():
        if value.dtype.kind == "U":
            case[key] = str(value)
    case["params"] = json.loads(case["params"])
    return case


def cases(op: str) -> list[Path]:
    """Fixture files of one op ('matrix', 'convT' or 'unfold'), sorted by name."""
    return sorted(VIEWS.glob(f"{op}_*.npz"))
