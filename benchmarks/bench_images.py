"""Image lab speed: server time for a 1024x1024 RGB upload, and end to end in chromium.

Run: python benchmarks/bench_images.py [--repeat 5] [--no-browser]

Server time is the in-process request (multipart parse, decode, conv, PNG encoding, JSON)
through FastAPI's TestClient, median of --repeat runs, with the server's own breakdown
(timing_ms). Browser time is from choosing the file to every feature map decoded on screen,
against a real uvicorn on loopback, and from a click on a map to the dot product drawn.
Target (issue 5): under 300 ms of server time for eight 3x3 filters.
"""

from __future__ import annotations

import argparse
import io
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
import numpy as np
from fastapi.testclient import TestClient
from PIL import Image

from app.main import app

ROOT = Path(__file__).resolve().parent.parent
EIGHT = ["sobel_x", "sobel_y", "gaussian", "box", "sharpen", "laplacian", "emboss", "outline"]
K11 = str(np.random.default_rng(0).normal(size=(11, 11)).round(3).tolist())
CASES = {
    "eight 3x3 filters": {"filters": EIGHT},
    "one 11x11 filter": {"filters": ["custom"], "kernel": K11},
}
MODES = ("grayscale", "full", "depthwise")


def test_image(seed: int = 0) -> bytes:
    """The house sample stretched to 1024x1024 with light noise: a photo-like 1 MP PNG."""
    im = Image.open(ROOT / "static" / "samples" / "house.png").convert("RGB")
    a = np.asarray(im.resize((1024, 1024), Image.Resampling.BICUBIC), float)
    a += np.random.default_rng(seed).normal(0, 2, a.shape)
    buf = io.BytesIO()
    Image.fromarray(np.clip(a, 0, 255).astype(np.uint8)).save(buf, "PNG")
    return buf.getvalue()


def server(data: bytes, repeat: int) -> None:
    client = TestClient(app)
    print(f"server, in process: 1024x1024 RGB PNG ({len(data) // 1024} KB), median of {repeat}")
    print(f"{'case':<20} {'mode':<10} {'maps':>4} {'total':>9}   server breakdown (ms)")
    for case, form in CASES.items():
        for mode in MODES:
            times, body = [], {}
            for _ in range(repeat):
                t0 = time.perf_counter()
                r = client.post(
                    "/api/images/filter",
                    files={"file": ("bench.png", data, "image/png")},
                    data={**form, "mode": mode},
                )
                times.append((time.perf_counter() - t0) * 1000)
                assert r.status_code == 200, r.text
                body = r.json()
            laps = "  ".join(f"{k} {v:.0f}" for k, v in body["timing_ms"].items())
            total = statistics.median(times)
            flag = "  <- target 300" if case == "eight 3x3 filters" and mode == "grayscale" else ""
            print(f"{case:<20} {mode:<10} {len(body['maps']):>4} {total:>6.0f} ms   {laps}{flag}")


def browser(files: list[Path], repeat: int) -> None:
    from playwright.sync_api import sync_playwright

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "app.main:app", "--port", str(port),
         "--log-level", "warning"],
        cwd=ROOT,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                httpx.get(f"{url}/healthz", timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        chromium = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
        with sync_playwright() as pw:
            b = pw.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
            page = b.new_page(viewport={"width": 1400, "height": 1000})
            print(f"\nbrowser, chromium + uvicorn on loopback, median of {repeat}")
            for mode in MODES:
                page.goto("about:blank")  # a new document, so the hash settings are read
                page.goto(f"{url}/lab#filters={','.join(EIGHT)}&mode={mode}")
                page.wait_for_selector(".map-card img")  # the start-up sample
                n = 8 * (3 if mode == "depthwise" else 1)
                upload, click = [], []
                for i in range(repeat):
                    mark_old = "im => im.forEach(i => (i.dataset.old = 1))"
                    page.eval_on_selector_all(".map-img", mark_old)
                    t0 = time.perf_counter()
                    page.set_input_files("#file-input", str(files[i % 2]))
                    page.wait_for_function(
                        """n => { const im = [...document.querySelectorAll('.map-img')];
                           return im.length === n && im.every(i => !i.dataset.old &&
                           i.complete && i.naturalWidth === 1024); }""",
                        arg=n,
                        timeout=60_000,
                    )
                    upload.append((time.perf_counter() - t0) * 1000)
                    t0 = time.perf_counter()
                    page.locator(".map-img").first.click(position={"x": 100, "y": 120})
                    page.wait_for_selector("#inspect:not([hidden]) [data-role=result]")
                    click.append((time.perf_counter() - t0) * 1000)
                print(
                    f"eight 3x3 filters, {mode:<9}: file chosen -> {n} maps on screen "
                    f"{statistics.median(upload):6.0f} ms; click -> dot product "
                    f"{statistics.median(click):4.0f} ms"
                )
            b.close()
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--no-browser", action="store_true")
    args = ap.parse_args()
    images = [test_image(0), test_image(1)]
    print(f"cores: {os.cpu_count()}, numpy {np.__version__}")
    server(images[0], args.repeat)
    if not args.no_browser:
        with tempfile.TemporaryDirectory() as tmp:
            paths = [Path(tmp) / f"bench{i}.png" for i in range(2)]
            for p, data in zip(paths, images, strict=True):
                p.write_bytes(data)
            browser(paths, args.repeat)


if __name__ == "__main__":
    main()
