"""What the static tree holds, read as text: the ES-module import graph and CJK characters.

Shared by the tests that keep templates' modulepreload lists, the string catalogs and the
bundled font in step with the code (no browser needed for these).
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
STATIC = ROOT / "static"
IMPORT = re.compile(r"""(?:\bfrom|^import)\s*["'](\.{1,2}/[^"']+)["']""", re.M)
CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]")


def imports(path: Path) -> list[Path]:
    """The relative modules `path` imports, resolved to files."""
    text = path.read_text(encoding="utf-8")
    return [(path.parent / spec).resolve() for spec in IMPORT.findall(text)]


def closure(entry: Path) -> list[Path]:
    """Every module `entry` loads, entry first, then depth-first in import order."""
    seen: list[Path] = []
    stack = [entry.resolve()]
    while stack:
        p = stack.pop(0)
        if p in seen:
            continue
        seen.append(p)
        stack[0:0] = imports(p)
    return seen


def url(path: Path) -> str:
    return "/" + path.relative_to(ROOT).as_posix()


def preloads(template: Path) -> list[str]:
    """The hrefs of a template's <link rel="modulepreload"> lines, in order."""
    return re.findall(r'<link rel="modulepreload" href="([^"]+)">', template.read_text("utf-8"))


def cjk_chars(*roots: Path, suffixes=(".js", ".html", ".py", ".css", ".json")) -> set[str]:
    """Every CJK character written in files under roots (the text the app can show)."""
    out: set[str] = set()
    for root in roots:
        files = [root] if root.is_file() else root.rglob("*")
        for f in files:
            if f.is_file() and f.suffix in suffixes and "vendor" not in f.parts:
                out |= set(CJK.findall(f.read_text(encoding="utf-8", errors="ignore")))
    return out
