"""Build the torch golden fixtures under tests/golden/ (the only non-test place importing torch).

Run with the pinned oracle: `.venv/bin/python scripts/make_golden.py` (torch==2.13.0, CPU).
Everything is computed in float64. Each case is one compressed `.npz` holding:

  id, op      case name and the operation: 'conv2d', 'conv_transpose2d', 'separable',
              or 'refuse' (a configuration torch rejects; only shapes are stored)
  params      JSON text of the keyword arguments, spelled as convcore's public API takes them
  x, w, b     inputs (b only when there is a bias; separable stores dw_w, pw_w, dw_b, pw_b)
  gy          the grad_output fed to autograd (ones for the spec's L = sum(y) cases)
  y, dx, dw, db   torch's forward value and gradients
  torch       the torch version that made them

The test suite replays each case with convcore alone, so torch is not needed to run it.
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

OUT = Path(__file__).resolve().parent.parent / "tests" / "golden"
PINNED = "2.13.0"
MODES = ("zeros", "reflect", "replicate", "circular")

torch.set_default_dtype(torch.float64)
# 'same' with an even kernel and odd dilation warns about a padded copy; that is expected here.
warnings.filterwarnings("ignore", message="Using padding='same'", category=UserWarning)


def t(a: np.ndarray | None, grad: bool = False) -> torch.Tensor | None:
    if a is None:
        return None
    return torch.tensor(np.asarray(a, dtype=np.float64), requires_grad=grad)


def numpy(a: torch.Tensor | None) -> np.ndarray | None:
    return None if a is None else a.detach().numpy().copy()


def torch_conv2d(x, w, b, stride=1, padding=0, dilation=1, groups=1, padding_mode="zeros"):
    """nn.Conv2d with the given weights: the only torch API that has every padding_mode."""
    pad = tuple(padding) if isinstance(padding, list) else padding
    conv = nn.Conv2d(
        w.shape[1] * groups,
        w.shape[0],
        tuple(w.shape[2:]),
        stride=tuple(stride) if isinstance(stride, list) else stride,
        padding=pad,
        dilation=tuple(dilation) if isinstance(dilation, list) else dilation,
        groups=groups,
        bias=b is not None,
        padding_mode=padding_mode,
    )
    with torch.no_grad():
        conv.weight.copy_(w)
        if b is not None:
            conv.bias.copy_(b)
    conv.weight.requires_grad_(True)
    return conv, conv(x)


def conv_case(
    cid: str,
    x: np.ndarray,
    w: np.ndarray,
    b: np.ndarray | None = None,
    gy: np.ndarray | str = "random",
    rng: np.random.Generator | None = None,
    **params: Any,
) -> dict[str, Any]:
    """Forward y and the gradients of L = <y, gy> for one conv2d, by torch autograd."""
    xt = t(x, grad=True)
    conv, y = torch_conv2d(xt, t(w), t(b), **params)
    g = _grad_output(y, gy, rng)
    y.backward(t(g))
    case = {"id": cid, "op": "conv2d", "params": params, "x": x, "w": w, "gy": g}
    case |= {"y": numpy(y), "dx": numpy(xt.grad), "dw": numpy(conv.weight.grad)}
    if b is not None:
        case |= {"b": b, "db": numpy(conv.bias.grad)}
    else:
        case["db"] = g.sum(axis=(0, 2, 3)) if g.ndim == 4 else g.sum(axis=(1, 2))
    return case


def convT_case(
    cid: str,
    x: np.ndarray,
    w: np.ndarray,
    b: np.ndarray | None = None,
    gy: np.ndarray | str = "random",
    rng: np.random.Generator | None = None,
    **params: Any,
) -> dict[str, Any]:
    """Forward y and gradients of one F.conv_transpose2d."""
    xt, wt, bt = t(x, grad=True), t(w, grad=True), t(b, grad=b is not None)
    kw = {k: tuple(v) if isinstance(v, list) else v for k, v in params.items()}
    y = F.conv_transpose2d(xt, wt, bt, **kw)
    g = _grad_output(y, gy, rng)
    y.backward(t(g))
    case = {"id": cid, "op": "conv_transpose2d", "params": params, "x": x, "w": w, "gy": g}
    case |= {"y": numpy(y), "dx": numpy(xt.grad), "dw": numpy(wt.grad)}
    if b is not None:
        case |= {"b": b, "db": numpy(bt.grad)}
    else:
        case["db"] = g.sum(axis=(0, 2, 3)) if g.ndim == 4 else g.sum(axis=(1, 2))
    return case


def separable_case(cid, x, dw_w, pw_w, dw_b=None, pw_b=None, **params) -> dict[str, Any]:
    """Depthwise (groups = C_in, every padding mode) then a 1x1 pointwise conv."""
    C_in = x.shape[-3]
    _, mid = torch_conv2d(t(x), t(dw_w), t(dw_b), groups=C_in, **params)
    y = F.conv2d(mid, t(pw_w), t(pw_b))
    case = {"id": cid, "op": "separable", "params": params, "x": x, "dw_w": dw_w, "pw_w": pw_w}
    case["y"] = numpy(y)
    if dw_b is not None:
        case["dw_b"] = dw_b
    if pw_b is not None:
        case["pw_b"] = pw_b
    return case


def refuse_case(cid: str, op: str, x_shape, w_shape, b_shape=None, **params) -> dict[str, Any]:
    """A configuration torch rejects; stores the shapes, params and torch's message."""
    x, w = torch.zeros(x_shape), torch.zeros(w_shape)
    b = None if b_shape is None else torch.zeros(b_shape)
    try:
        if op == "conv2d":
            torch_conv2d(x, w, b, **params)
        else:
            F.conv_transpose2d(x, w, b, **params)
    except Exception as e:  # noqa: BLE001 - any refusal is what we record
        message = f"{type(e).__name__}: {str(e).splitlines()[0]}"
    else:
        raise AssertionError(f"{cid}: torch accepted a case recorded as refused")
    case = {"id": cid, "op": "refuse", "refused_op": op, "params": params}
    case |= {"x_shape": np.array(x_shape), "w_shape": np.array(w_shape), "torch_error": message}
    if b_shape is not None:
        case["b_shape"] = np.array(b_shape)
    return case


def _grad_output(y: torch.Tensor, gy: np.ndarray | str, rng) -> np.ndarray:
    if isinstance(gy, np.ndarray):
        return gy
    if gy == "ones":
        return np.ones(tuple(y.shape))
    return rng.standard_normal(tuple(y.shape))


def _dims(v: int | tuple[int, ...] | list[int]) -> str:
    return str(v) if isinstance(v, int) else "x".join(map(str, v))


def ramp(start: float, n: int, shape: tuple[int, ...]) -> np.ndarray:
    return np.arange(start, start + n, dtype=np.float64).reshape(shape)


def named_cases(rng: np.random.Generator) -> list[dict[str, Any]]:
    """Every case ID of spec section 9 that compares numbers (R*/E1 are not the engine's)."""
    cases = []
    x_dv = np.array(
        [[3, 3, 2, 1, 0], [0, 0, 1, 3, 1], [3, 1, 2, 2, 3], [2, 0, 0, 2, 2], [2, 0, 0, 0, 1]],
        float,
    ).reshape(1, 1, 5, 5)
    w_dv = np.array([[0, 1, 2], [2, 2, 0], [0, 1, 2]], float).reshape(1, 1, 3, 3)
    cases.append(conv_case("D1", x_dv, w_dv, gy="ones"))
    cases.append(conv_case("D2", x_dv, w_dv, gy="ones", stride=2, padding=1))
    w19 = ramp(1, 9, (1, 1, 3, 3))
    cases.append(
        conv_case(
            "G1", ramp(1, 25, (1, 1, 5, 5)), w19, np.array([0.5]), "ones", stride=2, padding=1
        )
    )
    cases.append(conv_case("G6", ramp(1, 36, (1, 1, 6, 6)), w19, gy="ones", stride=2))
    cases.append(
        conv_case("S1", ramp(1, 16, (1, 1, 4, 4)), np.ones((1, 1, 2, 2)), padding="same", gy="ones")
    )
    for k in (2, 3, 4, [2, 5]):
        for d in (1, 2, [3, 1]):
            kk = (k, k) if isinstance(k, int) else tuple(k)
            name = f"S2_k{_dims(kk)}_d{_dims(d)}"
            x = rng.standard_normal((1, 2, 7, 8))
            w = rng.standard_normal((3, 2, *kk))
            b = rng.standard_normal(3)
            cases.append(conv_case(name, x, w, b, rng=rng, padding="same", dilation=d))
    for mode in ("reflect", "replicate", "circular"):
        x, w = rng.standard_normal((1, 2, 7, 8)), rng.standard_normal((2, 2, 4, 3))
        cases.append(conv_case(f"S2_same_{mode}", x, w, rng=rng, padding="same", padding_mode=mode))
    cases.append(
        conv_case("DL1", ramp(0, 49, (1, 1, 7, 7)), np.ones((1, 1, 3, 3)), gy="ones", dilation=2)
    )
    for mode in MODES:
        x = rng.standard_normal((1, 1, 4, 4))
        cases.append(
            conv_case(
                f"P1_{mode}", x, np.ones((1, 1, 3, 3)), gy="ones", padding=1, padding_mode=mode
            )
        )
    x, w, b = (
        rng.standard_normal((2, 6, 7, 7)),
        rng.standard_normal((9, 2, 3, 3)),
        rng.standard_normal(9),
    )
    cases.append(conv_case("GR", x, w, b, rng=rng, groups=3))
    x = rng.standard_normal((1, 6, 6, 7))
    cases.append(
        conv_case("DW", x, rng.standard_normal((6, 1, 3, 3)), rng=rng, groups=6, padding=1)
    )
    cases.append(
        conv_case(
            "DW_K2",
            x,
            rng.standard_normal((12, 1, 3, 3)),
            rng.standard_normal(12),
            rng=rng,
            groups=6,
            padding=1,
        )
    )
    x22, w22 = ramp(1, 4, (1, 1, 2, 2)), ramp(1, 4, (1, 1, 2, 2))
    cases.append(convT_case("T1", x22, w22, gy="ones", stride=2))
    cases.append(convT_case("T2", x22, w22, gy="ones", stride=1))
    cases.append(
        convT_case(
            "T3",
            np.ones((1, 1, 2, 2)),
            np.ones((1, 1, 3, 3)),
            gy="ones",
            stride=2,
            padding=1,
            output_padding=1,
        )
    )
    cases.append(
        convT_case(
            "T4",
            rng.standard_normal((2, 4, 5, 6)),
            rng.standard_normal((4, 3, 3, 3)),
            rng.standard_normal(6),
            rng=rng,
            stride=[2, 3],
            padding=[4, 1],
            output_padding=[1, 2],
            dilation=[3, 1],
            groups=2,
        )
    )
    cases.append(
        conv_case(
            "B1",
            rng.standard_normal((1, 4, 11, 10)),
            rng.standard_normal((8, 2, 4, 3)),
            rng.standard_normal(8),
            rng=rng,
            stride=[3, 2],
            padding=[1, 2],
            dilation=[2, 3],
            groups=2,
        )
    )
    x_nan = rng.standard_normal((1, 1, 5, 5))
    x_nan[0, 0, 2, 2] = np.nan
    w_hole = np.ones((1, 1, 3, 3))
    w_hole[0, 0, 1, 1] = 0.0
    cases.append(conv_case("N1", x_nan, w_hole, gy="ones", padding=1))
    cases.append(conv_case("N1_zero_kernel", x_nan, np.zeros((1, 1, 3, 3)), gy="ones", padding=1))
    cases.append(u1_case())
    return cases


def u1_case() -> dict[str, Any]:
    """uint8 200s: the fixture is torch on the float64 cast (1800); torch on uint8 wraps to 8."""
    x = np.full((1, 1, 5, 5), 200, np.uint8)
    w = np.ones((1, 1, 3, 3))
    case = conv_case("U1", x, w, gy="ones")
    case["x"] = x  # stored as uint8: the engine must cast, not wrap
    wrapped = F.conv2d(torch.tensor(x), torch.ones((1, 1, 3, 3), dtype=torch.uint8))
    case["y_torch_uint8"] = wrapped.numpy().astype(np.int64)
    return case


def refusals() -> list[dict[str, Any]]:
    """Spec P2 and section 8: configurations torch refuses, so the engine must refuse too."""
    return [
        refuse_case(
            "P2_reflect_q_eq_n",
            "conv2d",
            (1, 1, 3, 3),
            (1, 1, 3, 3),
            padding=3,
            padding_mode="reflect",
        ),
        refuse_case(
            "P2_circular_q_gt_n",
            "conv2d",
            (1, 1, 3, 3),
            (1, 1, 3, 3),
            padding=4,
            padding_mode="circular",
        ),
        refuse_case(
            "P2_same_stride2", "conv2d", (1, 1, 6, 6), (1, 1, 3, 3), padding="same", stride=2
        ),
        refuse_case("P2_groups_6_to_9_g4", "conv2d", (1, 6, 5, 5), (9, 1, 3, 3), groups=4),
        refuse_case(
            "P2_convT_op_eq_stride",
            "conv_transpose2d",
            (1, 1, 3, 3),
            (1, 1, 3, 3),
            stride=2,
            output_padding=2,
        ),
        refuse_case(
            "E_kernel_gt_padded", "conv2d", (1, 1, 2, 2), (1, 1, 3, 3), padding=1, dilation=2
        ),
        refuse_case("E_dilated_kernel_gt_input", "conv2d", (1, 1, 3, 3), (1, 1, 2, 2), dilation=3),
        refuse_case("E_groups_wrong_weight", "conv2d", (2, 6, 7, 7), (9, 3, 3, 3), groups=3),
        refuse_case("E_bias_shape", "conv2d", (1, 2, 5, 5), (3, 2, 3, 3), (4,)),
        refuse_case(
            "E_convT_op_ge_dilation",
            "conv_transpose2d",
            (1, 1, 3, 3),
            (1, 1, 3, 3),
            stride=1,
            dilation=2,
            output_padding=2,
        ),
    ]


def draw_conv(rng: np.random.Generator) -> dict[str, Any] | None:
    """One random conv2d configuration, or None when torch would refuse it."""
    G = int(rng.choice([1, 1, 2, 3]))
    C_in, C_out = G * int(rng.integers(1, 3)), G * int(rng.integers(1, 3))
    H, W = int(rng.integers(1, 10)), int(rng.integers(1, 10))
    k = (int(rng.integers(1, 5)), int(rng.integers(1, 5)))
    pick = rng.random()
    if pick < 0.15:
        padding: Any = "same"
    elif pick < 0.25:
        padding = "valid"
    else:
        padding = [int(rng.integers(0, 4)), int(rng.integers(0, 4))]
    stride = [1, 1] if padding == "same" else [int(rng.integers(1, 4)), int(rng.integers(1, 4))]
    dilation = [int(rng.integers(1, 4)), int(rng.integers(1, 4))]
    mode = str(rng.choice(MODES))
    batch = None if rng.random() < 0.2 else int(rng.integers(1, 3))
    x_shape = (C_in, H, W) if batch is None else (batch, C_in, H, W)
    params = {"stride": stride, "padding": padding, "dilation": dilation, "groups": G}
    params["padding_mode"] = mode
    x, w = rng.standard_normal(x_shape), rng.standard_normal((C_out, C_in // G, *k))
    b = rng.standard_normal(C_out) if rng.random() < 0.7 else None
    try:
        torch_conv2d(t(x), t(w), t(b), **params)
    except Exception:  # noqa: BLE001 - refused configurations are redrawn
        return None
    return {"x": x, "w": w, "b": b, "params": params}


def draw_convT(rng: np.random.Generator) -> dict[str, Any] | None:
    G = int(rng.choice([1, 2, 3]))
    C_in, C_out = G * int(rng.integers(1, 3)), G * int(rng.integers(1, 3))
    H, W = int(rng.integers(1, 7)), int(rng.integers(1, 7))
    k = (int(rng.integers(1, 5)), int(rng.integers(1, 5)))
    s = [int(rng.integers(1, 4)), int(rng.integers(1, 4))]
    d = [int(rng.integers(1, 4)), int(rng.integers(1, 4))]
    p = [int(rng.integers(0, 4)), int(rng.integers(0, 4))]
    op = [int(rng.integers(0, max(a, b))) for a, b in zip(s, d, strict=True)]
    batch = None if rng.random() < 0.2 else int(rng.integers(1, 3))
    x_shape = (C_in, H, W) if batch is None else (batch, C_in, H, W)
    x, w = rng.standard_normal(x_shape), rng.standard_normal((C_in, C_out // G, *k))
    b = rng.standard_normal(C_out) if rng.random() < 0.7 else None
    params = {"stride": s, "padding": p, "output_padding": op, "groups": G, "dilation": d}
    try:
        y = F.conv_transpose2d(
            t(x),
            t(w),
            t(b),
            **{k: tuple(v) if isinstance(v, list) else v for k, v in params.items()},
        )
    except Exception:  # noqa: BLE001
        return None
    if y.numel() == 0:  # torch returns an empty tensor here (spec section 10); the engine refuses
        return None
    return {"x": x, "w": w, "b": b, "params": params}


def random_cases(rng: np.random.Generator, n_conv: int = 40, n_convT: int = 16):
    convs = []
    while len(convs) < n_conv:
        if (c := draw_conv(rng)) is not None:
            convs.append(
                conv_case(
                    f"rand_conv_{len(convs):02d}", c["x"], c["w"], c["b"], rng=rng, **c["params"]
                )
            )
    convTs = []
    while len(convTs) < n_convT:
        if (c := draw_convT(rng)) is not None:
            convTs.append(
                convT_case(
                    f"rand_convT_{len(convTs):02d}", c["x"], c["w"], c["b"], rng=rng, **c["params"]
                )
            )
    _check_coverage(convs)
    return convs + convTs


def _check_coverage(cases: list[dict[str, Any]]) -> None:
    """The random set must exercise every knob the spec names, or the seed is a bad one."""
    ps = [c["params"] for c in cases]
    need = {
        "every padding mode": {p["padding_mode"] for p in ps} >= set(MODES),
        "'same'": any(p["padding"] == "same" for p in ps),
        "'valid'": any(p["padding"] == "valid" for p in ps),
        "stride > 1": any(max(p["stride"]) > 1 for p in ps),
        "dilation > 1": any(max(p["dilation"]) > 1 for p in ps),
        "groups > 1": any(p["groups"] > 1 for p in ps),
        "non-square kernel": any(c["w"].shape[2] != c["w"].shape[3] for c in cases),
        "unbatched": any(c["x"].ndim == 3 for c in cases),
        "batch 2": any(c["x"].ndim == 4 and c["x"].shape[0] == 2 for c in cases),
    }
    missing = [k for k, ok in need.items() if not ok]
    if missing:
        raise SystemExit(f"random set misses: {', '.join(missing)}; change the seed")


def separable_cases(rng: np.random.Generator) -> list[dict[str, Any]]:
    cases = []
    configs = [
        (3, 1, 4, 3, {"padding": 1}),
        (2, 2, 5, 3, {"padding": "same", "padding_mode": "reflect"}),
        (4, 1, 3, (3, 2), {"stride": 2, "padding": [1, 0]}),
        (3, 3, 2, 3, {"dilation": 2, "padding": 2, "padding_mode": "circular"}),
        (1, 2, 2, 5, {"padding": "valid"}),
        (2, 1, 3, 1, {"padding_mode": "replicate", "padding": 2, "stride": [1, 2]}),
    ]
    for i, (C_in, M, C_out, k, params) in enumerate(configs):
        kk = (k, k) if isinstance(k, int) else k
        x = rng.standard_normal((2, C_in, 7, 6) if i % 2 == 0 else (C_in, 7, 6))
        dw_w, pw_w = (
            rng.standard_normal((M * C_in, 1, *kk)),
            rng.standard_normal((C_out, M * C_in, 1, 1)),
        )
        dw_b = rng.standard_normal(M * C_in) if i % 3 != 2 else None
        pw_b = rng.standard_normal(C_out) if i % 2 == 0 else None
        cases.append(separable_case(f"sep_{i:02d}", x, dw_w, pw_w, dw_b, pw_b, **params))
    return cases


def save(case: dict[str, Any]) -> None:
    arrays = {k: v for k, v in case.items() if isinstance(v, np.ndarray)}
    meta = {k: v for k, v in case.items() if not isinstance(v, np.ndarray) and k != "params"}
    params = {k: v for k, v in case["params"].items() if v is not None}
    strings = {k: np.array(str(v)) for k, v in meta.items()}
    np.savez_compressed(
        OUT / f"{case['id']}.npz",
        params=np.array(json.dumps(params)),
        torch=np.array(torch.__version__),
        **strings,
        **arrays,
    )


def main() -> None:
    if not torch.__version__.startswith(PINNED):
        sys.exit(f"the golden oracle is torch {PINNED}, this is {torch.__version__}")
    rng = np.random.default_rng(20261126)
    cases = named_cases(rng) + refusals() + random_cases(rng) + separable_cases(rng)
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("*.npz"):
        old.unlink()
    for case in cases:
        save(case)
    size = sum(p.stat().st_size for p in OUT.glob("*.npz"))
    print(f"wrote {len(cases)} cases to {OUT} ({size / 1024:.0f} KiB)")


if __name__ == "__main__":
    main()
