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


def test_the_app_uses_only_convcores_public_api():
    """app/ imports `convcore` itself, never a submodule, and no private name."""
    import ast

    import convcore

    public = set(convcore.__all__)
    for path in (ROOT / "app").rglob("*.py"):
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("convcore"):
                assert node.module == "convcore", f"{path}: from {node.module} import ..."
                assert {a.name for a in node.names} <= public, f"{path}: private import"
            if isinstance(node, ast.Import):
                assert not any(a.name.startswith("convcore.") for a in node.names), path
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id == "convcore"
            ):
                assert node.attr in public, f"{path}: convcore.{node.attr} is not public"


def test_packages_list_every_app_folder():
    """pyproject's packages name every folder of app/ that holds Python."""
    text = (ROOT / "pyproject.toml").read_text()
    listed = set(re.findall(r'"(app(?:\.\w+)*)"', text))
    folders = {
        ".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "app").rglob("__init__.py")
    }
    assert folders <= listed, folders - listed
