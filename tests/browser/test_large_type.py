"""Issue 8, defect 6: large type fits a 1280x720 projector and a 390 px phone in 中文."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, expect

pytestmark = pytest.mark.browser

FONTS = """
(() => {
  const orig = CanvasRenderingContext2D.prototype.fillText;
  window.__px = [];
  CanvasRenderingContext2D.prototype.fillText = function (s, ...rest) {
    if (this.canvas.id === "output-base" || this.canvas.id === "input-base") {
      window.__px.push(parseFloat(/(\\d+(?:\\.\\d+)?)px/.exec(this.font)[1]));
    }
    return orig.call(this, s, ...rest);
  };
})();
"""


def context(browser: Browser, base_url: str, width: int, height: int, lang: str):
    ctx = browser.new_context(base_url=base_url, viewport={"width": width, "height": height})
    ctx.add_init_script(
        f"localStorage.setItem('convscope.lang', '{lang}');"
        "localStorage.setItem('convscope.large', '1');"
    )
    return ctx


def test_projector_shows_grids_sum_and_transport_in_one_screen(
    browser: Browser, base_url: str
) -> None:
    ctx = context(browser, base_url, 1280, 720, "en")
    page = ctx.new_page()
    page.add_init_script(FONTS)
    page.goto("/")
    expect(page.locator("#counter")).to_have_attribute("data-k", re.compile(r"\d+"))
    page.keyboard.press("ArrowRight")
    expect(page.locator("#arith [data-role=result]")).to_be_visible()
    for sel in ("#transport", "#input-base", "#kernel-base", "#output-base", "#arith"):
        box = page.locator(sel).bounding_box()
        assert box and box["y"] >= 0 and box["y"] + box["height"] <= 720, (sel, box)
        assert box["x"] + box["width"] <= 1280, (sel, box)
    result = page.locator("#arith [data-role=result]").bounding_box()
    assert result and result["y"] + result["height"] <= 720
    sizes = page.evaluate("() => window.__px")
    assert sizes and min(sizes) >= 20, sizes
    ctx.close()


@pytest.mark.parametrize("path", ["/", "/lab", "/receptive", "/lessons", "/lessons/sharing"])
def test_phone_in_chinese_with_large_type_has_no_sideways_scroll(
    browser: Browser, base_url: str, path: str
) -> None:
    ctx = context(browser, base_url, 390, 844, "zh")
    page = ctx.new_page()
    page.goto(path)
    expect(page.locator("html")).to_have_attribute("lang", "zh-CN")
    page.wait_for_timeout(1500)  # canvases laid out, sample rendered
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 390, width
    ctx.close()
