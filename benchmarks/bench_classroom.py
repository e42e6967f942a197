"""A classroom on loopback: N students at once against a real server (one or more workers).

Each student opens the explorer, fetches a plan, streams a 28x28x3 -> 4, 3x3 trace to the end,
uploads a 4000x3000 JPEG to the lab with eight filters and inspects one pixel. A 503 is retried
after its Retry-After, as the pages do. Printed: per action p50/p95 and the ratio of p50 to one
student alone (the baseline, run first in this process), errors by status, 503 retries,
/healthz p95 during the run, and the server's peak RSS (all its processes). A second scenario
sends 32 concurrent 12-MP depthwise uploads and reports peak RSS.

Traffic goes to 127.0.0.1 only; every loop is bounded in count and time.

    python benchmarks/bench_classroom.py [--students 100] [--workers 1] [--uploads 32]
    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python benchmarks/bench_classroom.py
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import io
import json
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter, defaultdict
from pathlib import Path

import httpx
import numpy as np
from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
FILTERS = ["identity", "box", "gaussian", "sharpen", "sobel_x", "sobel_y", "laplacian", "emboss"]
PLAN = "height=28&width=28&in_channels=3&out_channels=4&kernel_size=3&input=random&kernel=random"
DEADLINE = 600  # seconds for a whole scenario, whatever happens
MAX_RETRIES = 60


def photo(width: int = 4000, height: int = 3000, seed: int = 0) -> bytes:
    """A phone-photo-sized JPEG: smooth gradients, shapes and sensor noise (about 3 MB)."""
    rng = np.random.default_rng(seed)
    y, x = np.mgrid[0:height, 0:width].astype(np.float32)
    base = 127 + 60 * np.sin(x / 350) * np.cos(y / 270)
    rgb = np.stack([base + 40 * np.sin(y / 90), base, base - 30 * np.cos(x / 120)], axis=-1)
    rgb += rng.normal(0, 12, rgb.shape).astype(np.float32)
    out = io.BytesIO()
    Image.fromarray(np.clip(rgb, 0, 255).astype(np.uint8)).save(out, "JPEG", quality=90)
    return out.getvalue()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`python -m app serve` in a subprocess; samples the RSS of it and its workers."""

    def __init__(self, workers: int, unset_openblas: bool) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = dict(os.environ)
        if unset_openblas:
            env.pop("OPENBLAS_CORETYPE", None)
            env.pop("OPENBLAS_L2_SIZE", None)
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "app", "serve", "--port", str(self.port),
             "--workers", str(workers)],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        self.peak_rss = 0
        self._stop = threading.Event()
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(self.url + "/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        else:
            self.close()
            raise SystemExit("the server did not start")
        threading.Thread(target=self._sample, daemon=True).start()

    def _pids(self) -> list[int]:
        pids, frontier = [self.proc.pid], [self.proc.pid]
        while frontier:
            pid = frontier.pop()
            try:
                kids = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
            except OSError:
                continue
            pids += map(int, kids)
            frontier += map(int, kids)
        return pids

    def rss(self) -> int:
        total = 0
        for pid in self._pids():
            try:
                for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1]) * 1024
            except OSError:
                pass
        return total

    def _sample(self) -> None:
        while not self._stop.wait(0.05):
            self.peak_rss = max(self.peak_rss, self.rss())

    def reset_peak(self) -> None:
        self.peak_rss = self.rss()

    def close(self) -> None:
        self._stop.set()
        self.proc.terminate()
        self.proc.wait(timeout=30)


class Recorder:
    def __init__(self) -> None:
        self.times: dict[str, list[float]] = defaultdict(list)
        self.errors: Counter[str] = Counter()
        self.retries = 0


async def call(client: httpx.AsyncClient, rec: Recorder, action: str, method: str, url: str,
               **kw) -> httpx.Response | None:  # fmt: skip
    """One request, retried on 503 after Retry-After (bounded); its time includes the waits."""
    start = time.perf_counter()
    for _ in range(MAX_RETRIES):
        try:
            response = await client.request(method, url, **kw)
        except httpx.HTTPError as exc:
            rec.errors[f"{action}: {type(exc).__name__}"] += 1
            return None
        if response.status_code != 503:
            break
        rec.retries += 1
        await asyncio.sleep(float(response.headers.get("retry-after", "1")))
    if response.status_code != 200:
        rec.errors[f"{action}: {response.status_code}"] += 1
        return None
    rec.times[action].append(time.perf_counter() - start)
    return response


async def stream_to_end(client: httpx.AsyncClient, rec: Recorder, url: str) -> None:
    """The whole trace, range after range, following each `done` event's `next`."""
    start, begin, events = 0, time.perf_counter(), 0
    for _ in range(100):
        async with client.stream("GET", f"{url}&start={start}") as response:
            if response.status_code == 503:
                rec.retries += 1
                await asyncio.sleep(float(response.headers.get("retry-after", "1")))
                continue
            if response.status_code != 200:
                rec.errors[f"stream: {response.status_code}"] += 1
                return
            nxt, last_event = None, ""
            async for line in response.aiter_lines():
                if line.startswith("event: "):
                    last_event = line[7:]
                    events += last_event == "step"
                elif line.startswith("data: ") and last_event == "done":
                    nxt = json.loads(line[6:])["next"]
        if nxt is None:
            rec.times["stream"].append(time.perf_counter() - begin)
            return
        start = nxt
    rec.errors["stream: too many ranges"] += 1


async def student(client: httpx.AsyncClient, rec: Recorder, url: str, jpeg: bytes,
                  mode: str = "grayscale") -> None:  # fmt: skip
    await call(client, rec, "page", "GET", url + "/")
    await call(client, rec, "plan", "GET", f"{url}/api/conv/plan?{PLAN}")
    await stream_to_end(client, rec, f"{url}/api/conv/steps?{PLAN}")
    fields = {"filters": FILTERS, "mode": mode}
    lab = await call(client, rec, "upload", "POST", url + "/api/images/filter",
                     files={"file": ("photo.jpg", jpeg, "image/jpeg")}, data=fields)  # fmt: skip
    if lab is None:
        return
    body = lab.json()
    png = base64.b64decode(body["input"]["image"].split(",", 1)[1])
    await call(client, rec, "inspect", "POST", url + "/api/images/window",
               files={"file": ("input.png", png, "image/png")},
               data={"filter": "sobel_x", "row": "10", "col": "10", "mode": mode})  # fmt: skip


async def probe_health(client: httpx.AsyncClient, url: str, stop: asyncio.Event,
                       out: list[float]) -> None:  # fmt: skip
    while not stop.is_set():
        start = time.perf_counter()
        try:
            await client.get(url + "/healthz", timeout=10)
            out.append(time.perf_counter() - start)
        except httpx.HTTPError:
            out.append(10.0)
        await asyncio.sleep(0.05)


async def classroom(url: str, students: int, jpeg: bytes, mode: str = "grayscale",
                    only_upload: bool = False) -> tuple[Recorder, list[float], float]:  # fmt: skip
    rec, health, stop = Recorder(), [], asyncio.Event()
    limits = httpx.Limits(max_connections=students + 8, max_keepalive_connections=students + 8)
    async with httpx.AsyncClient(timeout=300, limits=limits) as client:
        prober = asyncio.create_task(probe_health(client, url, stop, health))
        begin = time.perf_counter()

        async def one() -> None:
            if only_upload:
                fields = {"filters": FILTERS, "mode": mode}
                await call(client, rec, "upload", "POST", url + "/api/images/filter",
                           files={"file": ("p.jpg", jpeg, "image/jpeg")}, data=fields)  # fmt: skip
            else:
                await student(client, rec, url, jpeg, mode)

        try:
            await asyncio.wait_for(
                asyncio.gather(*(one() for _ in range(students))), timeout=DEADLINE
            )
        except TimeoutError:
            rec.errors["scenario deadline"] += 1
        wall = time.perf_counter() - begin
        stop.set()
        await prober
    return rec, health, wall


def pct(values: list[float], q: float) -> float:
    return float(np.percentile(values, q)) if values else float("nan")


def report(title: str, rec: Recorder, base: Recorder | None, health: list[float], wall: float,
           peak: int) -> None:  # fmt: skip
    print(f"\n{title}: {wall:.1f} s wall, peak RSS {peak / 2**30:.2f} GiB")
    print(f"{'action':<8} {'n':>4} {'p50 ms':>9} {'p95 ms':>9} {'p50 / alone':>12}")
    for action, times in rec.times.items():
        alone = statistics.median(base.times[action]) if base and base.times[action] else None
        ratio = f"{statistics.median(times) / alone:12.1f}" if alone else f"{'':>12}"
        print(f"{action:<8} {len(times):>4} {pct(times, 50) * 1e3:9.0f} "
              f"{pct(times, 95) * 1e3:9.0f} {ratio}")  # fmt: skip
    print(f"errors: {dict(rec.errors) or 'none'}; 503 retries: {rec.retries}; "
          f"/healthz p95 {pct(health, 95) * 1e3:.0f} ms (n={len(health)})")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--students", type=int, default=100)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--uploads", type=int, default=32, help="concurrent 12-MP depthwise")
    parser.add_argument("--unset-openblas", action="store_true",
                        help="serve without OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE")  # fmt: skip
    args = parser.parse_args()
    jpeg = photo()
    blas = "unset" if args.unset_openblas else "as the machine sets them"
    print(f"photo: 4000x3000 JPEG, {len(jpeg) / 1e6:.1f} MB; workers={args.workers}; "
          f"OPENBLAS vars {blas}")  # fmt: skip
    server = Server(args.workers, args.unset_openblas)
    try:
        base, _, _ = asyncio.run(classroom(server.url, 1, jpeg))
        report("one student alone (baseline)", base, None, [], 0, server.peak_rss)
        server.reset_peak()
        rec, health, wall = asyncio.run(classroom(server.url, args.students, jpeg))
        report(f"{args.students} students", rec, base, health, wall, server.peak_rss)
        server.reset_peak()
        rec, health, wall = asyncio.run(
            classroom(server.url, args.uploads, jpeg, mode="depthwise", only_upload=True)
        )
        report(f"{args.uploads} concurrent depthwise uploads", rec, base, health, wall,
               server.peak_rss)  # fmt: skip
    finally:
        server.close()


if __name__ == "__main__":
    main()
