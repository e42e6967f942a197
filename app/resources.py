"""Where the server's files are: beside the package in a wheel, beside `app/` in the source tree.

A wheel installs `app/` as the package `convscope` (never a generic `app` on a user's import path)
with `static/` and `templates/` inside it; the repository keeps them as top-level folders.
"""

from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).resolve().parent


def _folder(name: str) -> Path:
    for base in (_HERE, _HERE.parent):  # installed wheel first, then the source tree
        if (base / name).is_dir():
            return base / name
    raise RuntimeError(f"ConvScope is incomplete: no {name}/ folder beside {_HERE}")


STATIC = _folder("static")
TEMPLATES = _folder("templates")
