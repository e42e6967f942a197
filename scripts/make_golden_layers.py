"""Build the torch golden fixtures of the layers a small CNN needs, under tests/golden/layers/.

Run with the pinned oracle: `.venv/bin/python scripts/make_golden_layers.py` (torch==2.13.0).
A folder of their own keeps them out of make_golden.py's clean-up. Each case is one `.npz`:

  id, op      'max_pool2d', 'avg_pool2d', 'relu', 'linear' or 'cross_entropy'
  params      JSON text of the keyword arguments, spelled as convcore's public API takes them
  x, gy       input and the grad_output fed to autograd (w, b for linear; target for CE)
  y, dx       torch's forward value and input gradient (indices for max pooling;
              dw, db for linear; loss and dlogits for cross-entropy)
  torch       the torch version that made them
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import numpy as np
import torch
import torch.nn.functional as F

OUT = Path(__file__).resolve().parent.parent / "tests" / "golden" / "layers"
PINNED = "2.13.0"

torch.set_default_dtype(torch.float64)


def t(a: np.ndarray, grad: bool = False) -> torch.Tensor:
    return torch.tensor(np.asarray(a, dtype=np.float64), requires_grad=grad)


def numpy(a: torch.Tensor) -> np.ndarray:
    return a.detach().numpy().copy()


def _torch_kw(params: dict[str, Any]) -> dict[str, Any]:
    return {k: tuple(v) if isinstance(v, list) else v for k, v in params.items()}


def pool_case(cid: str, op: str, x: np.ndarray, rng: np.random.Generator, **params: Any):
    """Forward, indices (max) and dx of L = <y, gy> for one pooling call."""
    xt = t(x, grad=True)
    fn = F.max_pool2d if op == "max_pool2d" else F.avg_pool2d
    kw = _torch_kw(params)
    if op == "max_pool2d":
        y, index = fn(xt, return_indices=True, **kw)
    else:
        y, index = fn(xt, **kw), None
    gy = rng.standard_normal(tuple(y.shape))
    y.backward(t(gy))
    case = {"id": cid, "op": op, "params": params, "x": x, "gy": gy}
    case |= {"y": numpy(y), "dx": numpy(xt.grad)}
    if index is not None:
        case["indices"] = index.numpy().astype(np.int64)
    return case


def pool_cases(rng: np.random.Generator) -> list[dict[str, Any]]:
    ties = np.array([[1.0, 3, 3, 0], [2, 3, 1, 3], [0, 1, 2, 2], [3, 3, 0, 3]])[None, None]
    nan = rng.standard_normal((1, 2, 5, 5))
    nan[0, 0, 1, 1] = nan[0, 1, 0, 2] = nan[0, 1, 3, 3] = np.nan
    configs = [
        ("max_k2", "max_pool2d", rng.standard_normal((2, 3, 8, 8)), {"kernel_size": 2}),
        ("max_ties", "max_pool2d", ties, {"kernel_size": 2, "stride": 1}),
        ("max_ints", "max_pool2d", rng.integers(0, 3, (2, 2, 7, 6)) * 1.0,
         {"kernel_size": 3, "stride": 2, "padding": 1, "ceil_mode": True}),
        ("max_nan", "max_pool2d", nan, {"kernel_size": 3, "stride": 1, "padding": 1}),
        ("max_dilated", "max_pool2d", rng.standard_normal((1, 2, 9, 10)),
         {"kernel_size": [3, 2], "stride": [2, 1], "padding": [1, 1], "dilation": [2, 3]}),
        ("max_ceil_drop", "max_pool2d", rng.standard_normal((1, 1, 5, 5)),
         {"kernel_size": 2, "stride": 2, "padding": 1, "ceil_mode": True}),
        ("max_unbatched", "max_pool2d", rng.standard_normal((3, 6, 7)),
         {"kernel_size": [2, 3], "stride": [1, 2]}),
        ("avg_k2", "avg_pool2d", rng.standard_normal((2, 3, 8, 8)), {"kernel_size": 2}),
        ("avg_pad_include", "avg_pool2d", rng.standard_normal((1, 2, 7, 7)),
         {"kernel_size": 3, "stride": 2, "padding": 1, "ceil_mode": True}),
        ("avg_pad_exclude", "avg_pool2d", rng.standard_normal((1, 2, 7, 7)),
         {"kernel_size": 3, "stride": 2, "padding": 1, "ceil_mode": True,
          "count_include_pad": False}),
        ("avg_divisor", "avg_pool2d", rng.standard_normal((2, 1, 6, 5)),
         {"kernel_size": [2, 3], "stride": [2, 1], "padding": [1, 0], "divisor_override": 5}),
        ("avg_ceil_rect", "avg_pool2d", rng.standard_normal((1, 1, 5, 8)),
         {"kernel_size": [3, 2], "stride": [3, 3], "ceil_mode": True}),
        ("avg_unbatched", "avg_pool2d", rng.standard_normal((2, 5, 5)), {"kernel_size": 2}),
    ]  # fmt: skip
    return [pool_case(f"pool_{cid}", op, x, rng, **p) for cid, op, x, p in configs]


def layer_cases(rng: np.random.Generator) -> list[dict[str, Any]]:
    cases = []
    x = rng.standard_normal((2, 3, 4, 5))
    x[0, 0, 0, :3] = [0.0, -0.0, np.nan]
    xt = t(x, grad=True)
    y, gy = torch.relu(xt), rng.standard_normal(x.shape)
    y.backward(t(gy))
    cases.append({"id": "relu", "op": "relu", "params": {}, "x": x, "gy": gy,
                  "y": numpy(y), "dx": numpy(xt.grad)})  # fmt: skip
    for cid, shape, bias in (("linear", (4, 6), True), ("linear_3d", (2, 3, 6), False)):
        x, w = rng.standard_normal(shape), rng.standard_normal((5, 6))
        xt, wt = t(x, True), t(w, True)
        bt = t(rng.standard_normal(5), True) if bias else None
        y = F.linear(xt, wt, bt)
        gy = rng.standard_normal(tuple(y.shape))
        y.backward(t(gy))
        case = {"id": cid, "op": "linear", "params": {}, "x": x, "w": w, "gy": gy,
                "y": numpy(y), "dx": numpy(xt.grad), "dw": numpy(wt.grad)}  # fmt: skip
        if bt is not None:
            case |= {"b": numpy(bt), "db": numpy(bt.grad)}
        cases.append(case)
    for cid, z, target in (
        ("ce", rng.standard_normal((6, 10)) * 3, rng.integers(0, 10, 6)),
        ("ce_large", np.array([[1000.0, -1000, 0], [0, 0, 0]]), np.array([1, 2])),
        ("ce_unbatched", rng.standard_normal(4), np.array(2)),
    ):
        zt = t(z, True)
        loss = F.cross_entropy(zt, torch.tensor(target))
        loss.backward()
        cases.append({"id": cid, "op": "cross_entropy", "params": {}, "x": z, "target": target,
                      "loss": numpy(loss), "dlogits": numpy(zt.grad)})  # fmt: skip
    return cases


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
    cases = pool_cases(rng) + layer_cases(rng)
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("*.npz"):
        old.unlink()
    for case in cases:
        save(case)
    size = sum(p.stat().st_size for p in OUT.glob("*.npz"))
    print(f"wrote {len(cases)} cases to {OUT} ({size / 1024:.0f} KiB)")


if __name__ == "__main__":
    main()
