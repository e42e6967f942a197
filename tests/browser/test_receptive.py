"""The receptive-field page at /receptive in a real chromium against a real uvicorn."""

from __future__ import annotations

import re

import httpx
import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

CJK = re.compile(r"[\u3400-\u9fff]")
EMPTY = [0xEE, 0xF0, 0xF3]  # ramp.js EMPTY: how a cell with 0 paths is drawn
LAYER = "#layers li[data-index='{i}'] input[data-field='{f}']"

PIXEL = """(c, [r, col]) => {
  const k = c.width / parseFloat(c.style.width);          // device px per CSS px
  const cell = +c.dataset.cell, inset = Math.max(1, Math.floor(cell / 5));
  const x = (+c.dataset.x0 + col * cell + inset) * k, y = (+c.dataset.y0 + r * cell + inset) * k;
  const d = c.getContext('2d').getImageData(Math.round(x), Math.round(y), 1, 1).data;
  return [d[0], d[1], d[2]];
}"""


def api(base_url: str, layers: str, size: int, y: int) -> httpx.Response:
    params = {"layers": layers, "size": size, "y": y}
    return httpx.get(f"{base_url}/api/receptive-field", params=params, timeout=10)


def open_page(page: Page, hash_: str = "") -> None:
    page.goto(f"/receptive{hash_}")
    expect(page.locator("body")).to_have_attribute("data-rf-ready", "true")


def rf_size(page: Page, value: int) -> None:
    expect(page.locator("#rf-size")).to_have_attribute("data-value", str(value))


def test_page_loads_without_console_errors_or_requests_off_loopback(page: Page, watch) -> None:
    open_page(page)
    expect(page.locator("#layers li")).to_have_count(3)  # the API's default stack
    expect(page.locator("#rf-size")).to_have_text("6")
    expect(page.locator("nav a[aria-current=page]")).to_have_text("Receptive field")
    assert watch.errors == []
    assert watch.hosts == {"127.0.0.1"}


def test_a_presets_table_and_field_size_equal_the_api(page: Page, base_url: str) -> None:
    open_page(page)
    page.select_option("#preset", "alexnet")
    expect(page).to_have_url(re.compile(r"#layers=11,4,2;3,2,0;5,1,2;3,2,0&size=96&y=\d+$"))
    y = int(page.url.rsplit("y=", 1)[1])
    r = api(base_url, "11,4,2;3,2,0;5,1,2;3,2,0", 96, y).json()
    assert y == (r["maps"][-1] - 1) // 2  # a preset shows the middle output
    rf_size(page, r["size"])
    expect(page.locator("#formula-total")).to_have_text(str(r["size"]))
    rows = page.locator("#layer-rows tr")
    expect(rows).to_have_count(len(r["layers"]) + 1)
    expect(rows.nth(0).locator("[data-col=map]")).to_have_text(str(r["maps"][0]))
    for i, layer in enumerate(r["layers"], start=1):
        row = rows.nth(i)
        for key in ("k", "s", "p", "d", "k_eff", "rf"):
            expect(row.locator(f"[data-col={key}]")).to_have_text(str(layer[key]))
        expect(row.locator("[data-col=jump]")).to_have_text(str(layer["stride"]))
        expect(row.locator("[data-col=map]")).to_have_text(str(r["maps"][i]))
    u, v = r["region"]
    expect(page.locator("#region-interval")).to_have_text(f"[u, v] = [{u}, {v}]".replace("-", "−"))


def test_dilation_grows_the_field_and_leaves_holes(page: Page, base_url: str) -> None:
    open_page(page, "#layers=3,1,1;3,1,1&size=16&y=7")
    field = page.locator("#field")
    rf_size(page, 5)
    expect(field).to_have_attribute("data-holes", "0")
    page.fill(LAYER.format(i=0, f="d"), "2")
    rf_size(page, 7)
    page.fill(LAYER.format(i=1, f="d"), "2")
    rf_size(page, 9)
    r = api(base_url, "3,1,1,2;3,1,1,2", 16, 7).json()
    a, b = r["visible"]
    inside = [i for i in range(a, b + 1) if r["paths"][i] > 0]
    holes = [i for i in range(a, b + 1) if r["paths"][i] == 0]
    assert holes, "two dilation-2 layers read every other pixel only"
    expect(field).to_have_attribute("data-holes", str((b - a + 1) ** 2 - len(inside) ** 2))
    assert field.evaluate(PIXEL, [holes[0], inside[0]]) == EMPTY  # a hole: drawn empty
    assert field.evaluate(PIXEL, [inside[0], inside[-1]]) != EMPTY  # a path: coloured


def test_an_impossible_stack_shows_the_servers_sentence(page: Page, base_url: str) -> None:
    open_page(page, "#layers=3,1,1;3,1,1;2,2,0&size=16&y=3")
    rf_size(page, 6)
    page.fill("#size", "8")
    page.fill(LAYER.format(i=0, f="k"), "11")
    detail = api(base_url, "11,1,1;3,1,1;2,2,0", 8, 0).json()["detail"]
    expect(page.locator("#message")).to_be_visible()
    expect(page.locator("#message-text")).to_have_text(detail)
    expect(page.locator("#stage")).to_have_class(re.compile("stale"))
    rf_size(page, 6)  # the last good view stays, greyed
    page.fill(LAYER.format(i=0, f="k"), "3")
    expect(page.locator("#message")).to_be_hidden()
    expect(page.locator("#stage")).not_to_have_class(re.compile("stale"))


def test_the_url_round_trips(page: Page, base_url: str) -> None:
    open_page(page, "#layers=3,1,1&size=16&y=2")
    page.click("#add-layer")
    expect(page.locator("#layers li")).to_have_count(2)
    page.fill(LAYER.format(i=1, f="d"), "3")
    page.fill(LAYER.format(i=1, f="s"), "2")
    page.focus("#strip")
    page.keyboard.press("End")  # the last output position
    last = api(base_url, "3,1,1;3,2,1,3", 16, 0).json()["maps"][-1] - 1
    expect(page).to_have_url(re.compile(rf"#layers=3,1,1;3,2,1,3&size=16&y={last}$"))
    url = page.url
    rf = page.locator("#rf-size").text_content()
    page.goto("about:blank")
    page.goto(url)
    expect(page.locator("#layers li")).to_have_count(2)
    expect(page.locator(LAYER.format(i=1, f="d"))).to_have_value("3")
    expect(page.locator(LAYER.format(i=1, f="s"))).to_have_value("2")
    expect(page.locator("#size")).to_have_value("16")
    expect(page.locator("#y")).to_have_value(str(last))
    expect(page.locator("#rf-size")).to_have_text(rf or "")
    expect(page.locator("#strip")).to_have_attribute("aria-valuenow", str(last))


def test_keyboard_reorders_layers_and_reads_cells(page: Page) -> None:
    open_page(page, "#layers=3,1,1;5,2,2&size=16&y=3")
    page.focus("#layers li[data-index='1'] [data-act=up]")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#layers=5,2,2;3,1,1&size=16"))
    expect(page.locator("#layers li[data-index='0'] [data-act=down]")).to_be_focused()
    page.focus("#field-over")
    page.keyboard.press("ArrowRight")
    reading = re.compile(r"Row \d+, column \d+: \d+ × \d+ = \d+ paths")
    expect(page.locator("#readout")).to_contain_text(reading)


def test_chinese_switches_every_label(page: Page) -> None:
    open_page(page, "#layers=3,1,2,2;3,1,2,2&size=24&y=11")
    page.click("#lang-toggle")
    expect(page.locator("html")).to_have_attribute("lang", "zh-CN")
    texts = page.locator("[data-i18n]:visible").evaluate_all(
        "els => els.filter(e => e.id !== 'lang-toggle').map(e => [e.dataset.i18n, e.textContent])"
    )
    assert len(texts) > 30
    assert [(key, text) for key, text in texts if text.strip() and not CJK.search(text)] == []
    dynamic = ["#summary-text", "#summary-sub", "#strip-title", "#field-title", "#readout",
               "#region-in", "#region-pad", "#y-hint", "#layer-count", "#layer-rows"]  # fmt: skip
    for sel in dynamic:
        assert CJK.search(page.locator(sel).inner_text()), sel
    labels = page.locator("#layers input, #layers button, canvas[aria-label]").evaluate_all(
        "els => els.map(e => e.getAttribute('aria-label'))"
    )
    assert labels and all(CJK.search(s or "") for s in labels), labels
    options = page.locator("#preset option").all_inner_texts()
    assert all(CJK.search(s) for s in options), options
    expect(page.locator(".rf-layer-name").first).to_have_text("第 1 层")


def test_y_follows_the_last_maps_size_from_the_server(page: Page) -> None:
    open_page(page, "#layers=3,1,1&size=32&y=30")
    expect(page.locator("#y")).to_have_attribute("max", "31")
    page.fill("#size", "16")
    expect(page).to_have_url(re.compile(r"#layers=3,1,1&size=16&y=15$"))  # clamped, no error
    expect(page.locator("#y")).to_have_value("15")
    expect(page.locator("#message")).to_be_hidden()
    page.fill("#y", "99")  # beyond the map: marked, not sent
    expect(page.locator("#y")).to_have_attribute("aria-invalid", "true")
    page.locator("#y").blur()
    expect(page.locator("#y")).to_have_value("15")
