"""Build the torch fixtures of the engine's views under tests/golden/views/ (torch 2.13.0, CPU).

A subfolder, so that scripts/make_golden.py (which clears tests/golden/*.npz) and the views'
fixtures never touch each other. Run: `.venv/bin/python scripts/make_golden_views.py`.
Each case is one compressed `.npz` holding `id`, `op`, `params` (JSON, convcore's argument
names), `torch` (version) and float64 arrays:

  matrix     x_shape, w, matrix: torch's Jacobian d conv(x).ravel() / d x.ravel() (nn.Conv2d,
             every padding_mode): the conv layer as a matrix, computed without convcore
  convT      x, w, b, y: F.conv_transpose2d, including padding > d(k-1) (a crop)
  unfold     x, cols: F.unfold (zeros padding), the (N, C·kH·kW, L) patch matrix
"""

from __future__ import annotations

import json
import sys
import warnings
from pathlib import Path
from typing import Any

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

OUT = Path(__file__).resolve().parent.parent / "tests" / "golden" / "views"
PINNED = "2.13.0"
MODES = ("zeros", "reflect", "replicate", "circular")

torch.set_default_dtype(torch.float64)
warnings.filterwarnings("ignore", message="Using padding='same'", category=UserWarning)


def tup(v: Any) -> Any:
    return tuple(v) if isinstance(v, list) else v


def matrix_case(cid: str, x_shape: tuple[int, ...], w: np.ndarray, **params: Any) -> dict:
    """Jacobian of nn.Conv2d (no bias) with respect to its input: rows y.ravel(), cols x.ravel()."""
    groups = params.get("groups", 1)
    conv = nn.Conv2d(
        w.shape[1] * groups,
        w.shape[0],
        tuple(w.shape[2:]),
        bias=False,
        **{k: tup(v) for k, v in params.items()},
    )
    with torch.no_grad():
        conv.weight.copy_(torch.tensor(w))
    x0 = torch.zeros(x_shape)
    jac = torch.autograd.functional.jacobian(lambda x: conv(x).reshape(-1), x0)
    matrix = jac.reshape(jac.shape[0], -1).numpy().copy()
    return {"id": cid, "op": "matrix", "params": params, "x_shape": np.array(x_shape), "w": w,
            "matrix": matrix}  # fmt: skip


def convT_case(cid: str, x: np.ndarray, w: np.ndarray, b: np.ndarray | None, **params) -> dict:
    y = F.conv_transpose2d(
        torch.tensor(x),
        torch.tensor(w),
        None if b is None else torch.tensor(b),
        **{k: tup(v) for k, v in params.items()},
    )
    case = {"id": cid, "op": "convT", "params": params, "x": x, "w": w, "y": y.numpy().copy()}
    if b is not None:
        case["b"] = b
    return case


def unfold_case(cid: str, x: np.ndarray, kernel: tuple[int, int], **params: Any) -> dict:
    cols = F.unfold(torch.tensor(x), kernel, **{k: tup(v) for k, v in params.items()})
    return {"id": cid, "op": "unfold", "params": {"kernel_size": list(kernel), **params}, "x": x,
            "cols": cols.numpy().copy()}  # fmt: skip


def matrix_cases(rng: np.random.Generator) -> list[dict]:
    cases = []
    configs = [
        ((1, 1, 4, 4), (1, 1, 3, 3), {"padding": 1}),
        ((1, 2, 5, 6), (4, 1, 3, 2), {"stride": [2, 1], "padding": [1, 2], "groups": 2}),
        ((2, 2, 6, 5), (2, 2, 2, 3), {"dilation": [2, 1], "padding": [2, 1]}),
        ((1, 3, 5, 5), (3, 1, 3, 3), {"padding": 2, "groups": 3, "stride": 2}),
    ]
    for i, (x_shape, w_shape, params) in enumerate(configs):
        for mode in MODES:
            w = rng.standard_normal(w_shape)
            cases.append(matrix_case(f"matrix_{i}_{mode}", x_shape, w, padding_mode=mode, **params))
    return cases


def convT_cases(rng: np.random.Generator) -> list[dict]:
    configs = [
        ((1, 1, 2, 2), (1, 1, 2, 2), {"stride": 2}),
        ((1, 2, 3, 4), (2, 3, 3, 3), {"stride": 2, "padding": 1, "output_padding": 1}),
        (
            (2, 4, 5, 6),
            (4, 3, 3, 3),
            {
                "stride": [2, 3],
                "padding": [4, 1],
                "output_padding": [1, 2],
                "dilation": [3, 1],
                "groups": 2,
            },
        ),  # fmt: skip
        ((1, 2, 4, 4), (2, 2, 3, 2), {"stride": 3, "padding": [3, 2], "dilation": 1}),  # crop
        ((1, 3, 3, 5), (3, 1, 2, 3), {"groups": 3, "dilation": 2, "output_padding": 1}),
    ]
    cases = []
    for i, (x_shape, w_shape, params) in enumerate(configs):
        x, w = rng.standard_normal(x_shape), rng.standard_normal(w_shape)
        b = rng.standard_normal(w_shape[1] * params.get("groups", 1)) if i % 2 else None
        cases.append(convT_case(f"convT_{i}", x, w, b, **params))
    return cases


def unfold_cases(rng: np.random.Generator) -> list[dict]:
    return [
        unfold_case("unfold_0", rng.standard_normal((1, 1, 4, 4)), (3, 3), padding=1),
        unfold_case(
            "unfold_1",
            rng.standard_normal((2, 3, 9, 8)),
            (3, 2),
            dilation=[1, 2],
            padding=[1, 2],
            stride=[2, 1],
        ),
    ]


def save(case: dict[str, Any]) -> None:
    arrays = {k: v for k, v in case.items() if isinstance(v, np.ndarray)}
    np.savez_compressed(
        OUT / f"{case['id']}.npz",
        id=np.array(case["id"]),
        op=np.array(case["op"]),
        params=np.array(json.dumps(case["params"])),
        torch=np.array(torch.__version__),
        **arrays,
    )


def main() -> None:
    if not torch.__version__.startswith(PINNED):
        sys.exit(f"the golden oracle is torch {PINNED}, this is {torch.__version__}")
    rng = np.random.default_rng(20261130)
    cases = matrix_cases(rng) + convT_cases(rng) + unfold_cases(rng)
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("*.npz"):
        old.unlink()
    for case in cases:
        save(case)
    size = sum(p.stat().st_size for p in OUT.glob("*.npz"))
    print(f"wrote {len(cases)} cases to {OUT} ({size / 1024:.0f} KiB)")


if __name__ == "__main__":
    main()
