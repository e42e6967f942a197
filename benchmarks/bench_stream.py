"""Step-stream speed: time to first event, total time, events/s and bytes per event.

Run: python benchmarks/bench_stream.py
Measures the trace generator alone (in process) and the full path through a real uvicorn on
127.0.0.1 (SSE over HTTP, read by httpx), for a classroom-sized and the largest allowed trace.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import numpy as np

import convcore
from app.conv.events import step_json
from app.settings import get_settings
from app.sse import event

ROOT = Path(__file__).resolve().parent.parent
S = get_settings()
CASES = {
    "28x28x3 -> 4, 3x3 p1": "height=28&width=28&in_channels=3&out_channels=4&kernel=random",
    "largest: 64x64x8 -> 8, 11x11 p5 (one capped stream)": (
        f"height={S.max_size}&width={S.max_size}&in_channels={S.max_channels}"
        f"&out_channels={S.max_channels}&kernel_size={S.max_kernel}&padding=5&kernel=random"
    ),
}


def in_process(query: str) -> tuple[float, float, int, int]:
    params = dict(kv.split("=") for kv in query.split("&"))
    C, F, H = int(params["in_channels"]), int(params["out_channels"]), int(params["height"])
    k, p = int(params.get("kernel_size", 3)), int(params.get("padding", 1))
    rng = np.random.default_rng(0)
    x = rng.integers(0, 10, (1, C, H, H)).astype(float)
    w = rng.integers(-2, 3, (F, C, k, k)).astype(float)
    t0 = time.perf_counter()
    first, n, size = None, 0, 0
    for st in convcore.forward_steps(x, w, None, 1, p, stop=S.max_steps):
        size += len(event("step", step_json(st), st.index))
        n += 1
        first = first or time.perf_counter() - t0
    return first or 0.0, time.perf_counter() - t0, n, size


def over_http(client: httpx.Client, url: str) -> tuple[float, float, int, int]:
    """One stream on a kept-alive connection (a new httpx client costs ~20 ms of TLS setup)."""
    t0 = time.perf_counter()
    first, n, size = None, 0, 0
    with client.stream("GET", url, timeout=120) as r:
        r.raise_for_status()
        for line in r.iter_lines():
            size += len(line) + 1
            if line.startswith("event: step"):
                n += 1
                first = first or time.perf_counter() - t0
    return first or 0.0, time.perf_counter() - t0, n, size


def main() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "app.main:app", "--port", str(port), "--log-level",
         "warning"], cwd=ROOT)  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    client = httpx.Client()
    try:
        for _ in range(100):
            try:
                httpx.get(f"{base}/healthz", timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        print(
            f"{'trace':54} {'where':8} {'first':>8} {'total':>8} {'events':>7} "
            f"{'events/s':>9} {'B/event':>8}"
        )
        over_http(client, f"{base}/api/conv/steps?stop=1")  # warm: lazy imports, the connection
        for name, query in CASES.items():
            url = f"{base}/api/conv/steps?{query}"
            for where, run in (("process", lambda q=query: in_process(q)),
                               ("uvicorn", lambda u=url: over_http(client, u))):  # fmt: skip
                first, total, n, size = run()
                print(
                    f"{name:54} {where:8} {first * 1e3:7.1f}m {total:7.2f}s {n:7d} "
                    f"{n / total:9.0f} {size / n:8.0f}"
                )
    finally:
        client.close()
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
