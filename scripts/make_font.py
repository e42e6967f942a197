"""Build static/fonts/noto-sans-sc-subset.woff2 from every CJK character the app can show.

The bundled subset exists for classroom machines without CJK fonts: any character it lacks is
drawn as an empty box there. So the character list is not hand-kept: it is every CJK character
written anywhere under static/, templates/, app/ and convcore/ (catalogs, templates, server
strings), and tests/browser/test_static_tree.py fails when one is missing from the font.

Needs the dev extra (fonttools, brotli) and Debian's fonts-noto-cjk:
  apt-get install -y fonts-noto-cjk
  PYTHONPATH=$PWD python scripts/make_font.py [--source PATH.ttc]
It also rewrites the unicode-range of static/fonts/cjk.css from the new font's cmap, so the
browser fetches the subset only for characters it holds.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "browser"))
from static_tree import cjk_chars  # noqa: E402  (one definition of "the text the app shows")

SOURCE = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
SC = 2  # font number of "Noto Sans CJK SC" in the collection
OUT = ROOT / "static" / "fonts" / "noto-sans-sc-subset.woff2"
CSS = ROOT / "static" / "fonts" / "cjk.css"


def ranges(codepoints: list[int]) -> list[str]:
    """[0x4e00, 0x4e01, 0x4e03] -> ["U+4E00-4E01", "U+4E03"]: CSS unicode-range items."""
    out: list[str] = []
    start = prev = codepoints[0]
    for cp in [*codepoints[1:], None]:
        if cp is not None and cp == prev + 1:
            prev = cp
            continue
        out.append(f"U+{start:04X}" if start == prev else f"U+{start:04X}-{prev:04X}")
        if cp is not None:
            start = prev = cp
    return out


def css_range(codepoints: list[int], width: int = 96) -> str:
    lines, line = [], "   "
    for item in ranges(codepoints):
        if len(line) + len(item) + 2 > width:
            lines.append(line.rstrip())
            line = "   "
        line += f" {item},"
    lines.append(line.rstrip().rstrip(","))
    return "\n".join(lines)


def build(source: Path) -> list[int]:
    roots = [ROOT / name for name in ("static", "templates", "app", "convcore")]
    text = "".join(sorted(cjk_chars(*roots)))
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["*"]
    options.font_number = SC
    font = subset.load_font(str(source), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=text)
    subsetter.subset(font)
    subset.save_font(font, str(OUT), options)
    return sorted(TTFont(OUT).getBestCmap())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=SOURCE)
    args = parser.parse_args()
    cmap = build(args.source)
    css = CSS.read_text("utf-8")
    css = re.sub(r"unicode-range:\n.*?;", f"unicode-range:\n{css_range(cmap)};", css, flags=re.S)
    css = re.sub(r"\(\d+ characters now\)", f"({len(cmap)} characters now)", css)
    CSS.write_text(css, "utf-8")
    print(f"{OUT.relative_to(ROOT)}: {len(cmap)} characters, {OUT.stat().st_size} bytes")  # noqa: T201


if __name__ == "__main__":
    main()
