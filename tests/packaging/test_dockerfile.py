"""The image runs the installed console script as a numeric non-root user, probed without curl."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOCKERFILE = (ROOT / "Dockerfile").read_text()


def _instruction(name: str) -> list[str]:
    """The arguments of every `name` instruction, continuation lines joined."""
    return re.findall(rf"^{name}\s+((?:[^\n]*\\\n)*[^\n]*)$", DOCKERFILE, flags=re.M)


def test_runs_the_installed_console_script_on_every_interface():
    (cmd,) = _instruction("CMD")
    argv = json.loads(cmd)
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]
    assert argv[0] in scripts and argv[1] == "serve"
    assert argv[argv.index("--host") + 1] == "0.0.0.0"
    assert _instruction("WORKDIR")[-1].strip() == "/"  # no source tree to shadow the package


def test_runs_as_a_numeric_non_root_user():
    (user,) = _instruction("USER")
    uid = user.split(":")[0].strip()
    assert uid.isdigit() and int(uid) > 0


def test_healthcheck_needs_no_curl_and_probes_healthz():
    (check,) = _instruction("HEALTHCHECK")
    assert "curl" not in check and "wget" not in check and "/healthz" in check
