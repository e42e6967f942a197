"""The project's own contract: README's two set-up commands are the ones CI runs."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_readme_gives_exactly_the_two_setup_commands():
    readme = (ROOT / "README.md").read_text()
    blocks = re.findall(r"```bash\n(.*?)```", readme, flags=re.S)
    assert [b.strip() for b in blocks] == ["make run", "make test"]
    assert readme.count("## Set up") == 1 and len(readme) < 20_000


def test_ci_runs_the_readme_test_command_and_it_runs_pytest():
    ci = (ROOT / ".ci" / "run").read_text()
    assert re.search(r"^timeout \d+ make test$", ci, flags=re.M)
    target = re.search(r"^test:.*\n((?:\t.*\n)+)", (ROOT / "Makefile").read_text(), flags=re.M)
    assert target and "pytest" in target.group(1)
