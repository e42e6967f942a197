"""The wheel carries everything: installed outside the source tree, it serves every page."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_every_app_package_is_in_the_distribution():
    """A new feature folder under app/ must be listed, or the wheel silently lacks it."""
    listed = set(
        tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    )
    folders = {
        "convscope" + ".".join(("", *p.parent.relative_to(ROOT / "app").parts)).rstrip(".")
        for p in (ROOT / "app").rglob("__init__.py")
    }
    assert folders <= listed, f"add to pyproject's packages: {sorted(folders - listed)}"


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """The wheel, built from this tree and unpacked into an empty folder (deps: the test venv's)."""
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        # the venv's own setuptools: an isolated build would fetch one from the registry
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", out, ROOT],
        check=True, capture_output=True,
    )  # fmt: skip
    (wheel,) = out.glob("convscope-*.whl")
    target = tmp_path_factory.mktemp("site")
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", target, wheel],
        check=True, capture_output=True,
    )  # fmt: skip
    return target


def _env(site: Path) -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith("CONVSCOPE_")} | {
        "PYTHONPATH": str(site)
    }


def test_no_generic_app_module_is_installed(installed):
    assert (installed / "convscope" / "static" / "js").is_dir()
    assert (installed / "convscope" / "templates" / "base.html").is_file()
    assert not (installed / "app").exists()
    probe = subprocess.run(
        [sys.executable, "-c", "import convscope.main as m; print(m.__file__)"],
        cwd="/tmp", env=_env(installed), capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert probe.stdout.strip().startswith(str(installed))


def test_installed_wheel_serves_pages_assets_and_api_from_tmp(installed):
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "convscope", "serve", "--port", str(port)],
        cwd="/tmp", env=_env(installed), text=True,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        url = f"http://127.0.0.1:{port}/"
        banner = proc.stdout.readline() + proc.stdout.readline()  # type: ignore[union-attr]
        assert url in banner
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if httpx.get(url + "healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        else:
            pytest.fail("the installed server did not start")
        paths = ("/", "/lab", "/receptive", "/network")
        pages = {p: httpx.get(url + p.lstrip("/"), timeout=10) for p in paths}
        for path, page in pages.items():
            assert page.status_code == 200, path
            for asset in re.findall(r'(?:src|href)="(/static/[^"]+)"', page.text):
                assert httpx.get(url + asset.lstrip("/"), timeout=10).status_code == 200, asset
        assert httpx.get(url + "api/conv/plan", timeout=10).status_code == 200
        assert httpx.get(url + "api/network/test-image?index=3", timeout=10).status_code == 200
        assert httpx.get(url + "docs", timeout=10).status_code == 200
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_the_wheel_carries_the_digits_and_their_licence(installed):
    """/network reads its data from the installed package, not from the source tree."""
    data = installed / "convscope" / "network" / "data"
    for name in ("digits.npz", "digits_cnn.npz", "LICENSE-digits.txt"):
        assert (data / name).is_file(), name
    probe = subprocess.run(
        [sys.executable, "-c", "from convscope.network import data; "
         "print(data.DATA, data.digits().images.shape, data.committed_accuracy()[1] >= 0.95)"],
        cwd="/tmp", env=_env(installed), capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert probe.stdout.split()[0].startswith(str(installed)), probe.stdout
    assert probe.stdout.strip().endswith("(1797, 8, 8) True"), probe.stdout
