"""Frame times and first paint of the explorer in Debian's chromium against a live uvicorn.

Plays a 32x32 input with 3 channels (1 024 steps) at several speeds and records the
requestAnimationFrame deltas while it plays, plus the time from navigation to the first
drawn step. Prints a table; asserts nothing (timings belong in a report, not a test).

    .venv/bin/python benchmarks/bench_frontend.py [--chromium /usr/bin/chromium]
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
CONFIG = "height=32&width=32&in_channels=3"
SPEEDS = {"1024 steps/s (max)": 11, "256 steps/s": 9, "64 steps/s": 7}  # state.SPEEDS index
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic"]

RECORD = """async (seconds) => {
  const deltas = [];
  let last = performance.now();
  let on = true;
  const tick = (now) => {
    deltas.push(now - last);
    last = now;
    if (on) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  const { player } = window.convscope;
  player.first();
  player.play();
  const t0 = performance.now();
  await new Promise((done) => {
    const check = () => (!player.playing || performance.now() - t0 > seconds * 1000
      ? done() : setTimeout(check, 20));
    check();
  });
  on = false;
  player.pause();
  return { deltas: deltas.slice(2), steps: player.k + 1, ms: performance.now() - t0 };
}"""


def serve() -> tuple[subprocess.Popen, str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "app.main:app", "--host", "127.0.0.1",
         "--port", str(port), "--log-level", "warning"],
        cwd=ROOT,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                return proc, url
        except httpx.HTTPError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("uvicorn did not start")


def pct(values: list[float], q: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, int(q * len(s)))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--chromium", default="/usr/bin/chromium")
    ap.add_argument("--runs", type=int, default=3, help="page loads for first paint")
    args = ap.parse_args()
    proc, url = serve()
    load = ", ".join(f"{v:.1f}" for v in os.getloadavg())
    print(f"machine: {os.cpu_count()} cores, load average {load} (other work skews frame times)")
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=args.chromium, args=ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            paints = []
            for _ in range(args.runs):
                page.goto(f"{url}/?run={time.time()}#{CONFIG}")  # a new document each time
                page.wait_for_function(
                    "performance.getEntriesByName('convscope:first-frame').length > 0"
                )
                paints.append(
                    page.evaluate(
                        "performance.getEntriesByName('convscope:first-frame')[0].startTime"
                    )
                )
            print(f"first drawn step after navigation: median {statistics.median(paints):.0f} ms "
                  f"(runs: {', '.join(f'{v:.0f}' for v in paints)}); target < 1000 ms")  # fmt: skip
            page.goto(f"{url}/#{CONFIG}")
            page.wait_for_function("window.convscope && window.convscope.player.total === 1024")
            page.wait_for_timeout(500)  # let the background fetch of every step finish
            print(f"{'speed':<20}{'frames':>7}{'mean ms':>9}{'p50':>7}{'p95':>7}{'p99':>7}"
                  f"{'max':>7}{'fps':>7}{'>20ms':>7}")  # fmt: skip
            for name, index in SPEEDS.items():
                page.select_option("#speed", str(index))
                r = page.evaluate(RECORD, 20)
                d = r["deltas"]
                mean = statistics.fmean(d)
                slow = sum(v > 20 for v in d)
                print(f"{name:<20}{len(d):>7}{mean:>9.2f}{pct(d, .5):>7.1f}{pct(d, .95):>7.1f}"
                      f"{pct(d, .99):>7.1f}{max(d):>7.1f}{1000 / mean:>7.1f}{slow:>7}")  # fmt: skip
            browser.close()
    finally:
        proc.terminate()
        proc.wait(timeout=10)


if __name__ == "__main__":
    main()
