"""Load the torch fixtures of scripts/make_golden.py and replay them with convcore alone."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np

import convcore as cc

GOLDEN = Path(__file__).resolve().parent.parent / "golden"
FILES = sorted(GOLDEN.glob("*.npz"))
GRADS = ("dx", "dw", "db")


def load(path: Path) -> dict[str, Any]:
    """One case: arrays as they were saved, `params` as a dict, string fields as str."""
    with np.load(path) as z:
        case = {k: z[k] for k in z.files}
    for key, value in case.items():
        if value.dtype.kind == "U":
            case[key] = str(value)
    case["params"] = json.loads(case["params"])
    return case


def by_op(*ops: str) -> list[Path]:
    return [p for p in FILES if load(p)["op"] in ops]


def case(name: str) -> dict[str, Any]:
    return load(GOLDEN / f"{name}.npz")


def inputs(c: dict[str, Any], dtype: type | None = None) -> dict[str, Any]:
    """The case's input arrays, optionally cast (integer images are cast too when asked)."""
    names = ("x", "w", "b", "gy", "dw_w", "pw_w", "dw_b", "pw_b")
    out = {k: c.get(k) for k in names}
    if dtype is not None:
        out = {k: None if v is None else v.astype(dtype) for k, v in out.items()}
    return out


def replay(c: dict[str, Any], dtype: type | None = None) -> dict[str, np.ndarray]:
    """Run the engine on a case: {'y'} and, for conv/convT, {'dx', 'dw', 'db'}."""
    a, p = inputs(c, dtype), c["params"]
    if c["op"] == "conv2d":
        y = cc.conv2d(a["x"], a["w"], a["b"], **p)
        dx, dw, db = cc.conv2d_backward(a["gy"], a["x"], a["w"], **p)
    elif c["op"] == "conv_transpose2d":
        y = cc.conv_transpose2d(a["x"], a["w"], a["b"], **p)
        dx, dw, db = cc.conv_transpose2d_backward(a["gy"], a["x"], a["w"], **p)
    elif c["op"] == "separable":
        y = cc.separable_conv2d(a["x"], a["dw_w"], a["pw_w"], a["dw_b"], a["pw_b"], **p)
        return {"y": y}
    else:
        raise ValueError(f"not a replayable case: {c['op']}")
    return {"y": y, "dx": dx, "dw": dw, "db": db}


def refused_call(c: dict[str, Any]) -> None:
    """Run the engine on a case torch refused (zeros of the stored shapes)."""
    x, w = np.zeros(tuple(c["x_shape"])), np.zeros(tuple(c["w_shape"]))
    b = np.zeros(tuple(c["b_shape"])) if "b_shape" in c else None
    if c["refused_op"] == "conv2d":
        cc.conv2d(x, w, b, **c["params"])
    else:
        cc.conv_transpose2d(x, w, b, **c["params"])
