"""Steps as compact JSON lines: the one place a step's numbers leave the server.

Streamed products and partial sums are rounded to 6 significant digits for display; the
`value` of each step is exact, so the steps rebuild the plan's output bit for bit.
"""

from __future__ import annotations

import json
from typing import Any

import numpy as np

from convcore import BackwardStep, Step, TransposeStep


def _r6(a: np.ndarray) -> list[Any]:
    """Round to 6 significant digits of the largest entry, for display (keeps JSON short)."""
    top = float(np.abs(a).max()) if a.size else 0.0
    digits = 5 - int(np.floor(np.log10(top))) if top > 0 and np.isfinite(top) else 6
    return (np.round(a, digits) + 0.0).tolist()  # + 0.0 turns -0.0 into 0.0


def _nulls(a: np.ndarray) -> list[Any]:
    """NaN (a cropped tap) -> JSON null."""
    out = a.astype(object)
    out[np.isnan(a)] = None
    return out.tolist()  # type: ignore[no-any-return]


def dumps(d: dict[str, Any]) -> str:
    return json.dumps(d, separators=(",", ":"))


def step_json(st: Step) -> str:
    return dumps({
        "k": st.index, "out": st.out, "ch": list(st.channels),
        "rows": st.rows.tolist(), "cols": st.cols.tolist(),
        "rpad": st.row_pad.tolist(), "cpad": st.col_pad.tolist(),
        "x": st.window.tolist(), "p": _r6(st.products), "s": _r6(st.partials),
        "b": st.bias, "value": st.value,
    })  # fmt: skip


def backward_json(st: BackwardStep) -> str:
    return dumps({
        "k": st.index, "out": st.out, "ch": list(st.channels),
        "rows": st.rows.tolist(), "cols": st.cols.tolist(), "g": st.grad,
        "dw_add": _r6(st.dw_add), "dx_add": _r6(st.dx_add),
        "dw": _r6(st.dw), "dx": _r6(st.dx), "db": st.db,
    })  # fmt: skip


def transpose_json(st: TransposeStep) -> str:
    return dumps({
        "k": st.index, "at": st.at, "ch": list(st.channels),
        "rows": st.rows.tolist(), "cols": st.cols.tolist(),
        "rin": st.row_in.tolist(), "cin": st.col_in.tolist(),
        "v": st.value, "stamp": _r6(st.stamp),
        "total": _nulls(st.total),
    })  # fmt: skip
