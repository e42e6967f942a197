"""Rewrite docs/api.md's table of error codes from the source: code, args, sentence.

Every refusal is written as `ConvError(message, code="...", params={...})` (or ApiError), so
the table can be read off the code with `ast`: run this after adding a code.
Placeholders that are not a plain name (or attribute) are shown as {…}.

    python scripts/error_codes.py
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs" / "api.md"
HEADER = "| code | args | sentence |\n|---|---|---|\n"


def _text(node: ast.AST) -> str:
    if isinstance(node, ast.Constant):
        return str(node.value)
    if isinstance(node, ast.JoinedStr):
        return "".join(
            str(v.value) if isinstance(v, ast.Constant) else _placeholder(v.value)  # type: ignore[attr-defined]
            for v in node.values
        )
    if isinstance(node, ast.BinOp):
        return _text(node.left) + _text(node.right)
    return _placeholder(node)


def _placeholder(node: ast.AST) -> str:
    if isinstance(node, ast.Name | ast.Attribute):  # `count` or `exc.retry_after`
        return "{" + (node.id if isinstance(node, ast.Name) else node.attr) + "}"
    return "{…}"


def rows() -> dict[str, tuple[list[str], str]]:
    found: dict[str, tuple[list[str], str]] = {}
    for root in ("convcore", "app"):
        for path in sorted((ROOT / root).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text())):
                if not isinstance(node, ast.Call):
                    continue
                kw = {k.arg: k.value for k in node.keywords}
                code = kw.get("code")
                if not (isinstance(code, ast.Constant) and isinstance(code.value, str)):
                    continue
                params = kw.get("params")
                keys = (
                    [k.value for k in params.keys if isinstance(k, ast.Constant)]
                    if isinstance(params, ast.Dict)
                    else []
                )
                sentence = _text(node.args[-1]) if node.args else ""
                found.setdefault(code.value, ([str(k) for k in keys], sentence))
    return found


def main() -> None:
    table = "".join(
        f"| `{code}` | {', '.join(keys) or '–'} | {' '.join(text.split()).replace('|', '/')} |\n"
        for code, (keys, text) in sorted(rows().items())
    )
    docs = DOCS.read_text()
    new, count = re.subn(
        re.escape(HEADER) + r"(?:\| `[^\n]*\n)*", lambda _: HEADER + table, docs, count=1
    )
    if not count:
        raise SystemExit(f"no code table ({HEADER.splitlines()[0]}) in {DOCS}")
    DOCS.write_text(new)
    print(f"{len(rows())} codes written to {DOCS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
