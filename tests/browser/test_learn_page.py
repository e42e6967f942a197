"""The learn-a-kernel page at /learn in a real chromium against a real uvicorn."""

from __future__ import annotations

import re

import httpx
import numpy as np
import pytest
from playwright.sync_api import Browser, Page, expect

from tests.app.sse_events import parse_sse

pytestmark = pytest.mark.browser

CJK = re.compile(r"[\u3400-\u9fff]")
SMALL = "#target=box&kernel_size=3&image=noise&size=12&lr_scale=0.5&iterations=40&seed=0&init=zeros"


def open_done(page: Page, hash_: str = SMALL) -> None:
    page.goto(f"/learn{hash_}")
    expect(page.locator("body")).to_have_attribute("data-learn-done", "true", timeout=20_000)


def shown(table) -> np.ndarray:
    rows = table.locator("tr").evaluate_all(
        "trs => trs.map(tr => [...tr.cells].map(td => Number(td.dataset.value)))"
    )
    return np.array(rows)


def test_numbers_on_screen_equal_the_api(page: Page, base_url: str, watch) -> None:
    open_done(page)
    expect(page.locator("nav a[aria-current=page]")).to_have_text("Learn a kernel")
    query = SMALL[1:]
    events = parse_sse(httpx.get(f"{base_url}/api/learn/steps?{query}", timeout=30).text)
    steps = [d for name, _, d in events if name == "step"]
    page.locator("#scrub").fill("7")
    expect(page.locator("#counter")).to_have_text("iteration 7 of 40")
    assert np.array_equal(shown(page.locator("#w-now")), steps[7]["kernel"])
    assert float(page.locator("#loss-now").get_attribute("data-value")) == steps[7]["loss"]
    eq = page.locator("#update table")
    assert np.array_equal(shown(eq.nth(1)), steps[7]["dW"])
    assert np.array_equal(shown(eq.nth(2)), steps[8]["kernel"])
    plan = httpx.get(f"{base_url}/api/learn/plan?{query}", timeout=10).json()
    assert np.array_equal(shown(page.locator("#w-target")), plan["target"])
    expect(page.locator("#lr-value")).to_contain_text("2/λ_max")
    assert watch.errors == [] and watch.hosts == {"127.0.0.1"}


def test_a_rate_above_the_limit_shows_divergence_and_why(page: Page) -> None:
    open_done(page, SMALL.replace("lr_scale=0.5", "lr_scale=1.5").replace("40", "400"))
    expect(page.locator("#diverge")).to_be_visible()
    expect(page.locator("#diverge")).to_contain_text("2/λ_max")
    expect(page.locator("#lr-value")).to_have_class(re.compile(r"\bover\b"))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_large_type_on_a_phone_in_both_languages(browser: Browser, base_url: str, lang) -> None:
    ctx = browser.new_context(base_url=base_url, viewport={"width": 390, "height": 844})
    ctx.add_init_script(
        f"localStorage.setItem('convscope.lang', '{lang}');"
        "localStorage.setItem('convscope.large', '1');"
    )
    page = ctx.new_page()
    open_done(page)
    if lang == "zh":
        expect(page.locator("h1")).to_have_text("学习卷积核")
        for sel in ("#counter", "#curv-facts", "#w-title", "#lr-value"):
            assert CJK.search(page.locator(sel).inner_text()), sel
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    ctx.close()
