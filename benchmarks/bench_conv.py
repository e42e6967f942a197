"""Engine speed: median times and ratios against torch CPU, a plain einsum and a naive loop.

Run: python benchmarks/bench_conv.py [--repeat 7] [--quick]
Ratios are convcore time / other time, measured in this process with the same thread count,
so < 1 means convcore is faster. torch is optional: without it those columns read n/a.
"""

from __future__ import annotations

import argparse
import statistics
import time
import tracemalloc

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

import convcore

try:
    import torch
    import torch.nn.functional as F
except ImportError:  # pragma: no cover - the benchmark still runs without torch
    torch = None

# name: (kind, x shape, weight shape, kwargs)
WORKLOADS = {
    "W1 1x1x7x7 k3 p1": ("fwd", (1, 1, 7, 7), (1, 1, 3, 3), {"padding": 1}),
    "W2 1x3x512x512 ->8 k3": ("fwd", (1, 3, 512, 512), (8, 3, 3, 3), {}),
    "W2 1x1x1024x1024 k5": ("fwd", (1, 1, 1024, 1024), (1, 1, 5, 5), {}),
    "W3 8x64x56x56 ->64 k3 p1": ("fwd", (8, 64, 56, 56), (64, 64, 3, 3), {"padding": 1}),
    "W4 8x32x64x64 ->64 k3 s2 d2": (
        "fwd",
        (8, 32, 64, 64),
        (64, 32, 3, 3),
        {"stride": 2, "dilation": 2},
    ),
    "W5 backward of W3": ("bwd", (8, 64, 56, 56), (64, 64, 3, 3), {"padding": 1}),
    "W6 T 8x64x28x28 ->32 k4 s2 p1": (
        "convT",
        (8, 64, 28, 28),
        (64, 32, 4, 4),
        {"stride": 2, "padding": 1},
    ),
}


def median_time(fn, repeat: int) -> float:
    fn()  # warm up caches, BLAS threads and allocator
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def paired_times(a, b, repeat: int) -> tuple[float, float]:
    """Median times of a and b, called alternately so both see the same machine state.

    This 2-core VM's speed drifts by 2-3x within seconds; interleaving keeps the *ratio* honest.
    """
    a(), b()
    ta, tb = [], []
    for _ in range(repeat):
        for fn, out in ((a, ta), (b, tb)):
            t = time.perf_counter()
            fn()
            out.append(time.perf_counter() - t)
    return statistics.median(ta), statistics.median(tb)


def einsum_conv(x, w, padding=0, stride=1, dilation=1):
    """The plain baseline: einsum over a sliding-window view (no chunking)."""
    kH, kW = w.shape[2:]
    xp = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    span = (dilation * (kH - 1) + 1, dilation * (kW - 1) + 1)
    v = sliding_window_view(xp, span, axis=(2, 3))[:, :, ::stride, ::stride, ::dilation, ::dilation]
    return np.einsum("nchwij,fcij->nfhw", v, w, optimize=True)


def naive_conv(x, w, padding=0):
    """Seven loops in Python: the textbook formula, as a student would first write it."""
    N, C, H, W = x.shape
    F_, _, kH, kW = w.shape
    xp = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    y = np.zeros((N, F_, H + 2 * padding - kH + 1, W + 2 * padding - kW + 1), x.dtype)
    for n in range(N):
        for f in range(F_):
            for i in range(y.shape[2]):
                for j in range(y.shape[3]):
                    acc = 0.0
                    for c in range(C):
                        for u in range(kH):
                            for v in range(kW):
                                acc += xp[n, c, i + u, j + v] * w[f, c, u, v]
                    y[n, f, i, j] = acc
    return y


def calls(kind, x, w, kw):
    """(convcore call, torch call or None, einsum call or None)."""
    if kind == "fwd":
        ours = lambda: convcore.conv2d(x, w, **kw)  # noqa: E731
        xt, wt = (torch.from_numpy(x), torch.from_numpy(w)) if torch else (None, None)
        theirs = (lambda: F.conv2d(xt, wt, **kw)) if torch else None
        base = lambda: einsum_conv(x, w, **kw)  # noqa: E731
        return ours, theirs, base
    if kind == "bwd":
        y = convcore.conv2d(x, w, **kw)
        dy = np.ones_like(y)
        ours = lambda: convcore.conv2d_backward(dy, x, w, **kw)  # noqa: E731
        theirs = None
        if torch:
            xt = torch.from_numpy(x).requires_grad_()
            wt = torch.from_numpy(w).requires_grad_()
            dyt = torch.from_numpy(dy)

            def theirs():
                yt = F.conv2d(xt, wt, **kw)
                return torch.autograd.grad(yt, (xt, wt), dyt)

        return ours, theirs, None
    ours = lambda: convcore.conv_transpose2d(x, w, **kw)  # noqa: E731
    xt, wt = (torch.from_numpy(x), torch.from_numpy(w)) if torch else (None, None)
    theirs = (lambda: F.conv_transpose2d(xt, wt, **kw)) if torch else None
    return ours, theirs, None


def peak_extra(fn, out_bytes):
    tracemalloc.start()
    fn()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / out_bytes


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=15)
    ap.add_argument("--quick", action="store_true", help="W1-W2 only")
    args = ap.parse_args()
    rng = np.random.default_rng(0)
    if torch:
        print(f"torch {torch.__version__}, threads {torch.get_num_threads()}")
    print(
        f"{'workload':32} {'dtype':7} {'convcore':>10} {'torch':>10} {'x torch':>8} "
        f"{'x einsum':>9} {'x naive':>8} {'peak/out':>8}"
    )
    for name, (kind, xs, ws, kw) in WORKLOADS.items():
        if args.quick and not name.startswith(("W1", "W2")):
            continue
        for dtype in (np.float32, np.float64):
            x = rng.standard_normal(xs).astype(dtype)
            w = rng.standard_normal(ws).astype(dtype)
            ours, theirs, base = calls(kind, x, w, kw)
            if theirs:
                t_ours, t_torch = paired_times(ours, theirs, args.repeat)
            else:
                t_ours, t_torch = median_time(ours, args.repeat), float("nan")
            t_base = median_time(base, max(1, args.repeat // 3)) if base else float("nan")
            t_naive = float("nan")
            if name.startswith("W1"):
                t_naive = median_time(lambda: naive_conv(x, w, **kw), 3)  # noqa: B023
            out = ours()
            out_bytes = sum(o.nbytes for o in out) if isinstance(out, tuple) else out.nbytes
            peak = peak_extra(ours, out_bytes)
            print(
                f"{name:32} {np.dtype(dtype).name:7} {t_ours * 1e3:9.3f}m {t_torch * 1e3:9.3f}m "
                f"{t_ours / t_torch:8.2f} {t_ours / t_base:9.2f} {t_ours / t_naive:8.4f} "
                f"{peak:8.2f}"
            )


if __name__ == "__main__":
    main()
