"""app/animation stays pure: it imports numpy, PIL, the public convcore and itself, nothing else."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[3] / "app" / "animation"
ALLOWED = {
    "__future__",
    "collections",
    "dataclasses",
    "functools",
    "io",
    "numpy",
    "PIL",
    "convcore",
}


def imported(path: Path) -> set[str]:
    """Top-level names of every absolute import in a module (relative ones stay in the package)."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names |= {a.name if a.name.startswith("convcore") else a.name.split(".")[0]
                      for a in node.names}  # fmt: skip
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            # convcore.<module> would reach past the public API: keep the dotted name to refuse it.
            names.add(
                node.module if node.module.startswith("convcore") else node.module.split(".")[0]
            )
    return names


def test_modules_import_only_numpy_pil_and_the_public_convcore():
    modules = sorted(PACKAGE.glob("*.py"))
    assert modules
    for path in modules:
        extra = imported(path) - ALLOWED
        assert not extra, f"{path.name} imports {extra}"
