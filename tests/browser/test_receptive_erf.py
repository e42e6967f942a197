"""The effective receptive field on /receptive: heat map, depth plot and controls, vs the API."""

from __future__ import annotations

import re

import httpx
import pytest
from playwright.sync_api import Browser, Page, expect

pytestmark = pytest.mark.browser

CJK = re.compile(r"[\u3400-\u9fff]")
DEEP = "3,1,1;3,1,1;3,1,1;3,1,1"


def open_erf(page: Page, hash_: str) -> None:
    page.goto(f"/receptive{hash_}")
    expect(page.locator("body")).to_have_attribute("data-erf-ready", "true", timeout=15_000)


def test_numbers_on_screen_equal_the_api(page: Page, base_url: str, watch) -> None:
    open_erf(page, f"#layers={DEEP}&size=32")
    q = {"layers": DEEP, "size": 32, "weights": "uniform", "relu": "false", "seeds": 4}
    r = httpx.get(f"{base_url}/api/receptive-field/erf", params=q, timeout=10).json()
    expect(page.locator("#erf")).to_have_attribute("data-std", repr(r["std"][0]))
    rows = page.locator("#erf-depth-table tr")
    expect(rows).to_have_count(4)
    for i, p in enumerate(r["depth"]):
        expect(rows.nth(i).locator("td").nth(1)).to_have_text(str(p["rf"]))
    expect(page.locator("#erf-facts")).to_contain_text(f"r₀ = {r['rf']}")
    assert watch.errors == [] and watch.hosts == {"127.0.0.1"}


def test_random_weights_with_relu_ride_in_the_url(page: Page, base_url: str) -> None:
    open_erf(page, f"#layers={DEEP}&size=32")
    page.select_option("#erf-weights", "random")
    page.check("#erf-relu")
    expect(page).to_have_url(re.compile(r"weights=random&relu=true&seeds=4$"))
    q = {"layers": DEEP, "size": 32, "weights": "random", "relu": "true", "seeds": 4}
    r = httpx.get(f"{base_url}/api/receptive-field/erf", params=q, timeout=10).json()
    expect(page.locator("#erf")).to_have_attribute("data-std", repr(r["std"][0]))


def test_chinese_large_type_phone(browser: Browser, base_url: str) -> None:
    ctx = browser.new_context(base_url=base_url, viewport={"width": 390, "height": 844})
    ctx.add_init_script(
        "localStorage.setItem('convscope.lang', 'zh');localStorage.setItem('convscope.large', '1');"
    )
    page = ctx.new_page()
    open_erf(page, f"#layers={DEEP}&size=32")
    for sel in ("#erf-title", "#erf-facts", "#erf-weights"):
        assert CJK.search(page.locator(sel).inner_text()), sel
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    ctx.close()


def test_pooling_with_ceil_mode_and_a_transposed_layer_in_the_editor(
    page: Page, base_url: str
) -> None:
    open_erf(page, "#layers=3,1,1;3,2,0;4,2,1&size=9&y=0")
    page.select_option("#layers li[data-index='1'] [data-field=kind]", "pool")
    page.check("#layers li[data-index='1'] [data-field=ceil]")
    page.select_option("#layers li[data-index='2'] [data-field=kind]", "convT")
    stack = "3,1,1;pool:3,2,0,ceil;convT:4,2,1"
    expect(page).to_have_url(re.compile(re.escape(f"#layers={stack}&size=9")))
    q = {"layers": stack, "size": 9, "y": 0}
    r = httpx.get(f"{base_url}/api/receptive-field", params=q, timeout=10).json()
    cells = page.locator("#layer-rows [data-col=map]")
    expect(cells).to_have_text([str(m) for m in r["maps"]])
    expect(page.locator("#layer-rows tr").nth(2).locator("th")).to_contain_text("ceil")
    expect(page.locator("#erf-message")).to_be_visible()  # no ERF through a transposed layer
