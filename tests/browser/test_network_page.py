"""/network in a real chromium against a real uvicorn: a drawn digit, a test image, a unit
opened in the explorer, a short live run, 中文, large type and a phone."""

from __future__ import annotations

import json
import re

import httpx
import pytest
from playwright.sync_api import Browser, Page, expect

pytestmark = pytest.mark.browser

CJK = re.compile(r"[\u3400-\u9fff]")


def open_page(page: Page, hash_: str = "") -> None:
    page.goto(f"/network{hash_}")
    expect(page.locator("body")).to_have_attribute("data-net-ready", "true", timeout=20_000)


def predict(base_url: str, image) -> dict:
    r = httpx.post(f"{base_url}/api/network/predict", json={"image": image}, timeout=10)
    r.raise_for_status()
    return r.json()


def shown_image(page: Page):
    return json.loads(page.locator("#counts").get_attribute("data-image") or "null")


def assert_shows(page: Page, base_url: str, image) -> None:
    want = predict(base_url, image)
    expect(page.locator("#guess")).to_have_attribute("data-value", str(want["prediction"]))
    probs = json.loads(page.locator("#probs").get_attribute("data-probs") or "[]")
    assert probs == want["probabilities"]


def test_a_test_image_is_shown_with_the_apis_answer(page: Page, base_url: str, watch) -> None:
    open_page(page)
    first = httpx.get(f"{base_url}/api/network/test-image?index=0", timeout=10).json()
    assert shown_image(page) == first["image"]
    assert_shows(page, base_url, first["image"])
    page.fill("#test-index", "12")
    page.click("#pick")
    expect(page.locator("#test-label")).to_contain_text("1212")
    twelfth = httpx.get(f"{base_url}/api/network/test-image?index=12", timeout=10).json()
    expect(page).to_have_url(re.compile(r"test=12"))
    assert shown_image(page) == twelfth["image"]
    assert_shows(page, base_url, twelfth["image"])
    assert watch.errors == [] and watch.hosts == {"127.0.0.1"}


def test_a_digit_drawn_with_the_mouse_gets_the_apis_prediction(page: Page, base_url: str) -> None:
    open_page(page)
    page.click("#clear")
    box = page.locator("#pad").bounding_box()
    assert box
    cell = box["width"] / 32

    def at(col: float, row: float) -> tuple[float, float]:
        return box["x"] + col * cell, box["y"] + row * cell

    # a 7: the top bar, then the diagonal down to the bottom left
    page.mouse.move(*at(6, 5))
    page.mouse.down()
    for col in range(6, 27):
        page.mouse.move(*at(col, 5))
    for k in range(1, 25):
        page.mouse.move(*at(26 - k * 0.55, 5 + k))
    page.mouse.up()
    expect(page).to_have_url(re.compile(r"image=\d"))
    image = shown_image(page)
    hashed = re.search(r"image=([\d,]+)", page.url).group(1).split(",")  # type: ignore[union-attr]
    assert [str(v) for row in image for v in row] == hashed
    assert sum(map(sum, image)) > 60 and max(map(max, image)) <= 16
    assert_shows(page, base_url, image)
    assert predict(base_url, image)["prediction"] == 7


def _click_unit(page: Page, layer: str, channel: int, row: int, col: int) -> None:
    canvas = page.locator(f"canvas[data-layer={layer}]")
    L = json.loads(canvas.get_attribute("data-layout") or "{}")
    x = (channel % L["cols"]) * (L["w"] * L["cell"] + L["gap"]) + (col + 0.5) * L["cell"]
    y = (channel // L["cols"]) * (L["h"] * L["cell"] + L["gap"]) + (row + 0.5) * L["cell"]
    canvas.click(position={"x": x, "y": y})


def test_a_clicked_unit_opens_in_the_explorer_with_the_same_value(page: Page, base_url: str):
    open_page(page, "#test=4")
    image = shown_image(page)
    _click_unit(page, "conv2", 5, 1, 2)
    expect(page.locator("#unit")).to_be_visible()
    unit = httpx.post(f"{base_url}/api/network/unit", timeout=10, json={
        "image": image, "layer": "conv2", "channel": 5, "row": 1, "col": 2}).json()  # fmt: skip
    assert float(page.locator("#unit-sum").get_attribute("data-value") or "nan") == unit["value"]
    expect(page.locator("#unit-grids canvas")).to_have_count(32)  # 16 windows, 16 kernels
    expect(page).to_have_url(re.compile(r"unit=conv2,5,1,2"))
    page.click("#unit-explorer")
    expect(page.locator("#counter")).to_have_attribute("data-k", str(1 * 4 + 2), timeout=15_000)
    result = page.locator("#arith [data-role=result]")
    expect(result).to_be_visible()
    assert float(result.get_attribute("data-value") or "nan") == pytest.approx(
        unit["value"], rel=1e-12, abs=1e-12
    )
    page.go_back()
    expect(page.locator("#unit")).to_be_visible(timeout=15_000)


def test_a_pooling_unit_shows_its_window_and_maximum(page: Page) -> None:
    open_page(page, "#test=4")
    _click_unit(page, "pool1", 3, 2, 1)
    expect(page.locator("#unit-grids canvas")).to_have_count(1)
    expect(page.locator("#unit-explorer")).to_be_hidden()
    expect(page.locator("#unit-title")).to_contain_text("pool1")


def test_train_live_streams_curves_and_kernels(page: Page) -> None:
    open_page(page)
    page.fill("#epochs", "2")
    page.click("#train")
    expect(page.locator("body")).to_have_attribute("data-training", "false", timeout=60_000)
    expect(page.locator("#kernels")).to_have_attribute("data-epoch", "2")
    assert float(page.locator("#train-status").get_attribute("data-test") or "0") > 0.8
    expect(page.locator("#train-status")).to_contain_text("%")


def test_chinese_switches_every_label(page: Page) -> None:
    open_page(page, "#test=4")
    _click_unit(page, "conv1", 0, 3, 3)
    expect(page.locator("#unit")).to_be_visible()
    page.click("#lang-toggle")
    expect(page.locator("html")).to_have_attribute("lang", "zh-CN")
    texts = page.locator("[data-i18n]:visible").evaluate_all(
        "els => els.filter(e => e.id !== 'lang-toggle').map(e => [e.dataset.i18n, e.textContent])"
    )
    assert len(texts) > 20
    assert [(key, text) for key, text in texts if text.strip() and not CJK.search(text)] == []
    for sel in ("#guess-text", "#model-accuracy", "#test-label", "#unit-title", "#unit-note",
                ".net-layer figcaption >> nth=1"):  # fmt: skip
        assert CJK.search(page.locator(sel).inner_text()), sel


@pytest.mark.parametrize("width, height, lang", [(1280, 720, "en"), (390, 844, "zh")])
def test_large_type_fits_without_sideways_scroll(
    browser: Browser, base_url: str, width: int, height: int, lang: str
) -> None:
    ctx = browser.new_context(base_url=base_url, viewport={"width": width, "height": height})
    ctx.add_init_script(
        f"localStorage.setItem('convscope.lang', '{lang}');"
        "localStorage.setItem('convscope.large', '1');"
    )
    page = ctx.new_page()
    open_page(page, "#test=4&unit=conv2,5,1,2")
    expect(page.locator("#unit")).to_be_visible()
    assert page.evaluate("() => document.documentElement.scrollWidth") <= width
    for sel in ("#pad", "#probs", "#guess"):
        box = page.locator(sel).bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= width, (sel, box)
    ctx.close()
