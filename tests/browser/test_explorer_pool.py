"""The explorer's pooling tab: window steps whose numbers equal the API's (and torch's)."""

from __future__ import annotations

import re

import httpx
import pytest
from playwright.sync_api import Browser, Page, expect

from tests.app.sse_events import parse_sse

pytestmark = pytest.mark.browser

CJK = re.compile(r"[\u3400-\u9fff]")


def open_pool(page: Page) -> None:
    page.goto("/#view=pool")
    expect(page.locator("body")).to_have_attribute("data-pool-ready", "true", timeout=15_000)


def test_max_and_avg_steps_on_screen_equal_the_api(page: Page, base_url: str, watch) -> None:
    open_pool(page)
    expect(page.locator("#tab-pool")).to_have_attribute("aria-selected", "true")
    q = "op=max&input=random&height=6&width=6&kernel_size=2&padding=0&dilation=1"
    events = parse_sse(httpx.get(f"{base_url}/api/pool/steps?{q}", timeout=10).text)
    steps = [d for name, _, d in events if name == "step"]
    page.locator("#pool-scrub").fill("4")
    expect(page.locator("#pool-counter")).to_have_text(f"step 5 of {len(steps)}")
    assert float(page.locator("#pool-arith").get_attribute("data-value")) == steps[4]["value"]
    shown = page.locator("#pool-arith").inner_text()
    assert shown.startswith("max(") and shown.endswith(f"= {steps[4]['value']:g}")
    page.evaluate(  # one edit of four fields: one load, so the page cannot be caught mid-way
        """() => { const $ = (id) => document.getElementById(id);
        $('pool-op').value = 'avg'; $('pool-ceil_mode').checked = true;
        $('pool-kernel_size').value = '3'; $('pool-stride').value = '2';
        $('pool-form').dispatchEvent(new Event('change')); }"""
    )
    expect(page.locator("#pool-size")).to_contain_text("ceil_mode")
    params = {"op": "avg", "input": "random", "height": 6, "width": 6, "kernel_size": 3}
    params |= {"stride": 2, "padding": 0, "ceil_mode": "true", "count_include_pad": "true"}
    plan = httpx.get(f"{base_url}/api/pool/plan", params=params, timeout=10).json()
    expect(page.locator("#pool-counter")).to_have_text(f"step 1 of {plan['steps']}")
    page.locator("#pool-scrub").fill(str(plan["steps"] - 1))
    assert float(page.locator("#pool-arith").get_attribute("data-value")) == plan["y"][0][-1][-1]
    expect(page.locator("#pool-size")).to_contain_text("ceil_mode")
    assert watch.errors == [] and watch.hosts == {"127.0.0.1"}


def test_pooling_tab_in_chinese_large_type_on_a_phone(browser: Browser, base_url: str) -> None:
    ctx = browser.new_context(base_url=base_url, viewport={"width": 390, "height": 844})
    ctx.add_init_script(
        "localStorage.setItem('convscope.lang', 'zh');localStorage.setItem('convscope.large', '1');"
    )
    page = ctx.new_page()
    open_pool(page)
    for sel in ("#tab-pool", "#pool-counter", "#pool-size"):
        assert CJK.search(page.locator(sel).inner_text()), sel
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    ctx.close()
