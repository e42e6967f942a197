"""app/animation and app/snippets stay pure: they import numpy, PIL, the public convcore and
themselves, nothing else (no web framework, no other app module), so any route can reuse them."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parents[2] / "app"
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


@pytest.mark.parametrize("package", ["animation", "snippets"])
def test_modules_import_only_numpy_pil_and_the_public_convcore(package):
    modules = sorted((APP / package).glob("*.py"))
    assert modules
    for path in modules:
        extra = imported(path) - ALLOWED
        assert not extra, f"{package}/{path.name} imports {extra}"
