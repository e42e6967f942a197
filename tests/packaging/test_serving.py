"""`convscope serve` as a school runs it: slow clients, shutdown with streams open, two workers."""

from __future__ import annotations

import base64
import io
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import numpy as np
import pytest
from PIL import Image

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(*args: str, **env: str) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "app", "serve", "--port", str(port), *args],
        cwd=ROOT, env={**os.environ, **env}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(url + "/healthz", timeout=1).status_code == 200:
                return proc, url
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    pytest.fail("the server did not start")


@pytest.fixture
def server() -> Iterator[tuple[subprocess.Popen, str]]:
    proc, url = _serve(CONVSCOPE_HEADER_TIMEOUT="1")
    yield proc, url
    if proc.poll() is None:
        proc.kill()
        proc.wait()


def _closed_within(sock: socket.socket, seconds: float) -> bool:
    sock.settimeout(seconds)
    try:
        return sock.recv(1024) == b""
    except TimeoutError:
        return False
    except ConnectionResetError:
        return True


def test_a_client_that_trickles_its_headers_is_cut_off(server):
    _, url = server
    port = int(url.rsplit(":", 1)[1])
    with socket.create_connection(("127.0.0.1", port)) as slow:
        slow.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n")
        for _ in range(3):  # a byte now and then resets uvicorn's keep-alive timer, not ours
            time.sleep(0.4)
            slow.sendall(b"X")
        assert _closed_within(slow, 5)
    with socket.create_connection(("127.0.0.1", port)) as silent:
        assert _closed_within(silent, 5)
    assert httpx.get(url + "/healthz", timeout=5).status_code == 200  # others are unaffected


def test_a_slow_stream_is_not_cut_off_by_the_header_deadline(server):
    _, url = server
    with httpx.stream("GET", url + "/api/conv/steps?height=28&width=28", timeout=30) as r:
        time.sleep(1.5)  # longer than the header deadline, after the headers
        text = "".join(r.iter_text())
    assert "event: done" in text


def test_sigterm_with_streams_open_stops_within_seconds(server):
    proc, url = server
    port = int(url.rsplit(":", 1)[1])
    query = "height=64&width=64&in_channels=8&out_channels=8&kernel_size=11&stop=50000"
    readers = []
    for _ in range(2):  # these never read: the server's buffers fill and it must not wait
        s = socket.create_connection(("127.0.0.1", port))
        s.sendall(f"GET /api/conv/steps?{query} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
        readers.append(s)
    reading = httpx.stream("GET", f"{url}/api/conv/steps?{query}", timeout=30)
    response = reading.__enter__()
    next(response.iter_bytes())
    time.sleep(0.5)
    started = time.monotonic()
    proc.send_signal(signal.SIGTERM)
    proc.wait(timeout=15)
    assert time.monotonic() - started < 8
    for s in readers:
        s.close()
    reading.__exit__(None, None, None)


def _photo() -> bytes:
    rng = np.random.default_rng(0)
    out = io.BytesIO()
    Image.fromarray(rng.integers(0, 255, (60, 80, 3), dtype=np.uint8)).save(out, "PNG")
    return out.getvalue()


def test_two_workers_resume_streams_and_inspect_pixels_across_processes():
    proc, url = _serve("--workers", "2", CONVSCOPE_MAX_STEPS="100")
    try:
        with httpx.Client(base_url=url, timeout=30) as client:
            total = client.get("/api/conv/plan?height=20&width=20").json()["steps"]
            seen, start = [], 0
            while start is not None:  # a new connection each range: any worker may answer
                client.cookies.clear()
                r = client.get(f"/api/conv/steps?height=20&width=20&start={start}",
                               headers={"Connection": "close"})  # fmt: skip
                assert r.status_code == 200
                lines = r.text.splitlines()
                seen += [int(line[4:]) for line in lines if line.startswith("id: ")]
                done = json.loads(lines[lines.index("event: done") + 1][6:])
                start = done["next"]
            assert total > 100 and seen == list(range(total))
            lab = client.post("/api/images/filter", files={"file": ("p.png", _photo())},
                              data={"filters": ["sobel_x"]})  # fmt: skip
            assert lab.status_code == 200, lab.text
            image = base64.b64decode(lab.json()["input"]["image"].split(",", 1)[1])
            for _ in range(4):
                r = client.post("/api/images/window", files={"file": ("i.webp", image)},
                                data={"filter": "sobel_x", "row": "3", "col": "5"},
                                headers={"Connection": "close"})  # fmt: skip
                assert r.status_code == 200 and "value" in r.json(), r.text
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def test_a_url_too_long_for_the_server_gets_the_json_error_body(server):
    _, url = server
    port = int(url.rsplit(":", 1)[1])
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:  # httpx refuses such URLs
        s.sendall(b"GET /api/conv/plan?input_values=" + b"1," * 40_000 + b" HTTP/1.1\r\n\r\n")
        answer = b""
        while chunk := s.recv(65536):
            answer += chunk
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 400") and b"content-type: application/json" in head
    error = json.loads(body)
    assert error["code"] == "unreadable_request" and "POST" in error["detail"]
    assert httpx.get(url + "/healthz", timeout=5).status_code == 200
