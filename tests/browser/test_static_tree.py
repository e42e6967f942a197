"""The static tree keeps itself consistent: preload lists, string catalogs, error codes, font.

No browser: these read files. They live beside the browser tests because they guard what the
browser is sent.
"""

from __future__ import annotations

import re

import pytest
from fontTools.ttLib import TTFont
from static_tree import ROOT, STATIC, cjk_chars, closure, preloads, url

PAGES = {
    "index.html": "js/explorer/main.js",
    "lab.html": "js/lab/main.js",
    "receptive.html": "js/receptive/main.js",
    "lesson.html": "js/lessons/main.js",
    "learn.html": "js/learn/main.js",
    "variants.html": "js/variants/main.js",
    "network.html": "js/network/main.js",
}
KEY = re.compile(r'^\s*"([^"]+)":', re.M)
FONT = STATIC / "fonts" / "noto-sans-sc-subset.woff2"


def catalog(lang: str) -> set[str]:
    return set(KEY.findall((STATIC / "js" / "strings" / f"{lang}.js").read_text("utf-8")))


def server_codes() -> set[str]:
    """Every literal code="..." the server can put in a 4xx body."""
    codes: set[str] = set()
    for folder in ("app", "convcore"):
        for f in (ROOT / folder).rglob("*.py"):
            codes |= set(re.findall(r'\bcode="([a-z0-9_]+)"', f.read_text("utf-8")))
    return codes


@pytest.mark.parametrize("template", sorted(PAGES))
def test_modulepreload_lists_every_module_the_page_imports(template: str) -> None:
    wanted = [url(p) for p in closure(STATIC / PAGES[template])]
    assert preloads(ROOT / "templates" / template) == wanted


def test_catalogs_define_the_same_keys() -> None:
    # err.<code> only in zh (and client-side codes): English shows the server's own sentence
    server = {f"err.{c}" for c in server_codes()}
    assert catalog("en") - server == catalog("zh") - server


def test_zh_has_no_error_the_server_no_longer_emits() -> None:
    client = {"err.stream_ended"}  # raised by the page itself (explorer/api.js)
    stale = {k for k in catalog("zh") if k.startswith("err.")} - client
    assert stale - {f"err.{c}" for c in server_codes()} == set()


def test_every_key_used_in_code_or_markup_is_in_the_catalogs() -> None:
    used: set[str] = set()
    for f in [*(STATIC / "js").rglob("*.js"), *(ROOT / "templates").glob("*.html")]:
        if "strings" in f.parts:
            continue
        lines = f.read_text("utf-8").splitlines()
        text = "\n".join(ln for ln in lines if not ln.lstrip().startswith(("*", "//", "/*")))
        used |= set(re.findall(r'\bt\("([\w.]*\w)"[,)]', text))
        used |= set(re.findall(r'data-(?:i18n|k)="([\w.]+)"', text))
        for attrs in re.findall(r'data-i18n-attr="([^"]+)"', text):
            used |= {pair.split(":")[1].strip() for pair in attrs.split(";")}
    assert used - catalog("en") == set()
    assert used - catalog("zh") == set()


def test_zh_translates_every_error_code_the_server_emits() -> None:
    missing = {c for c in server_codes() if f"err.{c}" not in catalog("zh")}
    assert missing == set(), f"add err.<code> to static/js/strings/zh.js: {sorted(missing)}"


def test_no_page_reads_the_servers_english_sentences() -> None:
    # Errors are translated by code; matching English text breaks whenever a sentence changes.
    for f in (STATIC / "js").rglob("*.js"):
        text = f.read_text("utf-8")
        assert "serverMessage" not in text, f
        assert not re.search(r"\.detail\)?\.(match|replace|test)\(", text), f


def test_the_bundled_font_covers_every_cjk_character_in_the_tree() -> None:
    cmap = TTFont(FONT).getBestCmap()
    shown = cjk_chars(STATIC, ROOT / "templates", ROOT / "app", ROOT / "convcore")
    missing = sorted(c for c in shown if ord(c) not in cmap)
    assert missing == [], f"run scripts/make_font.py; missing: {''.join(missing)}"
