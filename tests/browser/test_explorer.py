"""The explorer at / in a real chromium against a real uvicorn (fixtures in conftest.py)."""

from __future__ import annotations

import json
import re
from urllib.parse import urlencode

import httpx
import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

CJK = re.compile(r"[\u3400-\u9fff]")
MINUS = "\u2212"


def open_explorer(page: Page, hash_: str = "") -> None:
    page.goto(f"/{hash_}")
    expect(page.locator("#counter")).to_have_attribute("data-k", re.compile(r"\d+"))


def counter_k(page: Page) -> int:
    return int(page.locator("#counter").get_attribute("data-k") or "-1")


def sse_step(base_url: str, path: str, params: dict[str, str], k: int) -> dict:
    """Step k read from the same SSE stream the page uses."""
    query = urlencode({**params, "start": k, "stop": k + 1})
    with httpx.stream("GET", f"{base_url}{path}?{query}", timeout=10) as r:
        r.raise_for_status()
        block = r.read().decode().split("\n\n")[0]
    return json.loads(next(line[5:] for line in block.splitlines() if line.startswith("data:")))


def shown(text: str) -> float:
    return float(text.replace(MINUS, "-").replace("(", "").replace(")", ""))


def test_page_loads_without_console_errors_or_requests_off_loopback(page: Page, watch) -> None:
    open_explorer(page, "#height=9&width=9&in_channels=2")
    page.keyboard.press("ArrowRight")
    expect(page.locator("#arith [data-role=result]")).to_be_visible()
    assert watch.errors == []
    assert watch.hosts == {"127.0.0.1"}


def test_numbers_at_step_k_equal_the_api(page: Page, base_url: str) -> None:
    params = {
        "height": "5",
        "width": "6",
        "in_channels": "2",
        "out_channels": "2",
        "kernel": "random",
        "bias": "true",
        "padding_mode": "reflect",
        "seed": "3",
    }
    k = 37
    open_explorer(page, f"#{urlencode(params)}&k={k}")
    assert counter_k(page) == k
    step = sse_step(base_url, "/api/conv/steps", params, k)
    plan = httpx.get(f"{base_url}/api/conv/plan", params=params, timeout=10).json()
    f = step["out"][1]

    result = page.locator("#arith [data-role=result]")
    assert float(result.get_attribute("data-value")) == step["value"]
    assert shown(result.inner_text()) == pytest.approx(step["value"], rel=1e-3, abs=1e-3)
    subtotals = page.locator("#arith [data-role=subtotal]")
    assert [float(s.get_attribute("data-value")) for s in subtotals.all()] == step["s"]
    assert float(page.locator("#arith [data-role=bias]").get_attribute("data-value")) == step["b"]
    rows = page.locator("#arith .arith-row")
    for ci in range(len(step["ch"])):
        terms = rows.nth(ci).locator(".term")
        xs = [float(v) for v in terms.evaluate_all("ts => ts.map(t => t.dataset.x)")]
        ws = [float(v) for v in terms.evaluate_all("ts => ts.map(t => t.dataset.w)")]
        assert xs == [v for row in step["x"][ci] for v in row]
        assert ws == [v for row in plan["kernel"][f][ci] for v in row]
        first = terms.first.locator(".fx").inner_text()
        assert shown(first) == pytest.approx(step["x"][ci][0][0], abs=1e-3)


def test_stride_padding_and_dilation_change_the_output_size(page: Page) -> None:
    open_explorer(page, "#height=9&width=9")
    size = page.locator("#out-size")
    expect(size).to_have_text("1 × 9 × 9")
    page.fill("#sh", "2")
    expect(size).to_have_text("1 × 5 × 9")
    page.fill("#pw", "0")
    expect(size).to_have_text("1 × 5 × 7")
    page.fill("#dh", "2")
    expect(size).to_have_text("1 × 4 × 7")
    page.select_option("#padding-kind", "valid")
    expect(size).to_have_text("1 × 3 × 7")
    expect(page.locator("#formula-h")).to_contain_text("= 3")


def test_the_url_round_trips(page: Page) -> None:
    hash_ = "#in_channels=2&height=6&width=8&stride=2,1&padding_mode=circular&dilation=2&k=5"
    open_explorer(page, hash_)
    assert page.input_value("#height") == "6"
    assert page.input_value("#width") == "8"
    assert page.input_value("#in_channels") == "2"
    assert (page.input_value("#sh"), page.input_value("#sw")) == ("2", "1")
    assert page.input_value("#padding_mode") == "circular"
    assert counter_k(page) == 5
    size = page.locator("#out-size").inner_text()

    page.fill("#out_channels", "3")
    expect(page.locator("#out-size")).to_have_text(re.compile(r"^3 × "))
    page.keyboard.press("ArrowRight")  # focus is in a field: keys go to the field, not the player
    page.locator("#btn-fwd").click()
    expect(page).to_have_url(re.compile(r"out_channels=3"))
    expect(page).to_have_url(re.compile(r"k=6"))
    url = page.url

    fresh = page.context.new_page()
    fresh.goto(url)
    expect(fresh.locator("#counter")).to_have_attribute("data-k", "6")
    assert fresh.input_value("#out_channels") == "3"
    assert fresh.input_value("#padding_mode") == "circular"
    expect(fresh.locator("#out-size")).to_have_text(re.sub(r"^\d", "3", size))


def test_keyboard_steps_plays_and_jumps(page: Page) -> None:
    open_explorer(page, "#height=5&width=5")
    page.locator("body").click(position={"x": 5, "y": 5})
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    expect(page.locator("#counter")).to_have_attribute("data-k", "3")
    page.keyboard.press("ArrowLeft")
    expect(page.locator("#counter")).to_have_attribute("data-k", "2")
    page.keyboard.press("End")
    expect(page.locator("#counter")).to_have_attribute("data-k", "24")
    page.keyboard.press("Home")
    expect(page.locator("#counter")).to_have_attribute("data-k", "0")
    page.keyboard.press(" ")
    expect(page.locator("#btn-play")).to_have_attribute("aria-pressed", "true")
    expect(page.locator("#counter")).not_to_have_attribute("data-k", "0")  # it plays
    page.keyboard.press(" ")
    expect(page.locator("#btn-play")).to_have_attribute("aria-pressed", "false")
    paused_at = counter_k(page)
    page.wait_for_timeout(600)  # four steps' time at the default speed
    assert counter_k(page) == paused_at


def test_hovering_previews_and_clicking_an_output_cell_jumps_to_its_step(page: Page) -> None:
    open_explorer(page, "#height=5&width=5&k=20")
    box = page.locator("#output-over").bounding_box()
    assert box
    found = None
    for y in range(4, int(box["height"]), 6):  # hover previews each cell's step
        for x in range(4, int(box["width"]), 6):
            page.mouse.move(box["x"] + x, box["y"] + y)
            if counter_k(page) == 7:
                found = (box["x"] + x, box["y"] + y)
                break
        if found:
            break
    assert found, "no output cell previewed step 7"
    page.mouse.move(box["x"] + box["width"] + 40, box["y"] - 40)  # leaving restores the step
    expect(page.locator("#counter")).to_have_attribute("data-k", "20")
    page.mouse.click(*found)
    page.mouse.move(box["x"] + box["width"] + 40, box["y"] - 40)
    expect(page.locator("#counter")).to_have_attribute("data-k", "7")


def test_language_toggle_switches_every_visible_label(page: Page) -> None:
    open_explorer(page)
    page.click("#lang-toggle")
    expect(page.locator("html")).to_have_attribute("lang", "zh-CN")
    texts = page.locator("[data-i18n]:visible").evaluate_all(
        "els => els.filter(e => e.id !== 'lang-toggle').map(e => [e.dataset.i18n, e.textContent])"
    )
    assert len(texts) > 40
    english = [(key, text) for key, text in texts if text.strip() and not CJK.search(text)]
    assert english == []
    assert CJK.search(page.locator("#desc").inner_text())
    loaded = page.evaluate(
        """async () => { await document.fonts.ready;
        return [...document.fonts].filter(f => f.family.includes('ConvScope CJK'))
          .map(f => f.status); }"""
    )
    assert loaded == ["loaded"]  # the app's own CJK subset, not a font from the internet
    page.reload()
    expect(page.locator("#tab-forward")).to_have_text("前向传播")


def test_invalid_parameters_show_the_servers_message(page: Page, base_url: str) -> None:
    open_explorer(page, "#height=6&width=6&in_channels=2")
    page.fill("#groups", "3")
    detail = httpx.get(
        f"{base_url}/api/conv/plan", params={"height": 6, "width": 6, "in_channels": 2, "groups": 3}
    ).json()["detail"]
    message = page.locator("#message")
    expect(message).to_be_visible()
    expect(page.locator("#message-text")).to_have_text(detail)
    expect(page.locator("#stage")).to_have_class(re.compile("stale"))
    # the last good view stays on screen and still steps
    k = counter_k(page)
    page.locator("#btn-fwd").click()
    expect(page.locator("#counter")).to_have_attribute("data-k", str(k + 1))
    page.fill("#groups", "1")
    expect(message).to_be_hidden()
    expect(page.locator("#stage")).not_to_have_class(re.compile("stale"))


@pytest.mark.parametrize(
    ("view", "path", "key"),
    [
        ("backward", "/api/conv/backward/steps", "g"),
        ("transpose", "/api/conv-transpose/steps", "v"),
    ],
)
def test_backward_and_transposed_tabs_show_the_streamed_step(
    page: Page, base_url: str, view: str, path: str, key: str
) -> None:
    params = {"height": "4", "width": "5", "kernel": "random", "seed": "1"}
    extra = {"grad": "random"} if view == "backward" else {"stride": "2"}
    open_explorer(page, f"#{urlencode({**params, **extra})}&view={view}&k=6")
    expect(page.locator("#tab-" + view)).to_have_attribute("aria-selected", "true")
    step = sse_step(base_url, path, {**params, **extra}, 6)
    result = page.locator("#arith [data-role=result]")
    assert float(result.get_attribute("data-value")) == step[key]


def test_view_only_controls_keep_a_value_when_the_plan_lacks_them(page: Page) -> None:
    """grad and output_padding are not forward-plan parameters: their controls never go blank."""
    open_explorer(page, "#view=backward")
    expect(page.locator("#grad")).to_have_value("ones")
    open_explorer(page, "#view=backward&grad=random")
    expect(page.locator("#grad")).to_have_value("random")


def test_a_non_json_server_error_is_shown_in_words(page: Page) -> None:
    open_explorer(page, "#height=5&width=5")
    page.route(
        "**/api/conv/plan?*",
        lambda route: route.fulfill(status=502, body="<html><b>Bad Gateway</b></html>"),
    )
    page.fill("#height", "6")
    expect(page.locator("#message-text")).to_have_text("The server answered 502: Bad Gateway")
    expect(page.locator("#stage")).to_have_class(re.compile("stale"))
