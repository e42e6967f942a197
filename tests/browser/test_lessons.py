"""The lessons (/lessons, /lessons/<slug>) in a real chromium against a real uvicorn: every
number on screen equals the API's, 中文, large type, a phone, presenter mode, the open link."""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path
from urllib.parse import parse_qsl, urlparse

import httpx
import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

CJK = re.compile(r"[\u3400-\u9fff]")
# pytest-playwright empties test-results/ at start; these stay for a person to look at
SHOTS = Path(os.environ.get("LESSON_SHOTS", tempfile.gettempdir())) / "convscope-lessons"
# Each lesson's answer, as a path into its API answer (#lesson[data-api]).
ANSWERS = {
    "convolution": "exact",
    "correlation": "correlation.1.1",  # up-left of the impulse in the default 5x5
    "sharing": "counts.conv.params",
    "equivariance": "broken_count",
    "kernel-size": "stacked.params",
    "output-size": "output",
    "receptive-field": "size",
}
SLUGS = list(ANSWERS)


def open_lesson(page: Page, slug: str, hash_: str = "") -> dict:
    """Go to the lesson, wait for its answer, and return what its API says for that state."""
    page.goto(f"/lessons/{slug}{hash_}")
    expect(page.locator("body")).to_have_attribute("data-lesson-ready", "true", timeout=15_000)
    return api_answer(page)


def api_answer(page: Page) -> dict:
    url = page.locator("#lesson").get_attribute("data-api")
    return httpx.get(f"{page.url.split('/lessons')[0]}{url}", timeout=10).json()


def pick(data, path: str):
    for part in path.split("."):
        data = data[int(part)] if isinstance(data, list) else data[part]
    return data


def shown_numbers_equal_the_api(page: Page, data: dict, slug: str) -> None:
    answer = page.locator("#answer-value").get_attribute("data-value")
    assert float(answer) == pytest.approx(pick(data, ANSWERS[slug]))
    cells = page.locator("#figure [data-key]")
    assert cells.count() > 0
    for cell in cells.all():
        value = cell.get_attribute("data-value")
        assert float(value) == pytest.approx(pick(data, cell.get_attribute("data-key"))), cell


@pytest.mark.parametrize("slug", SLUGS)
def test_numbers_on_screen_equal_the_api(page: Page, watch, slug: str) -> None:
    data = open_lesson(page, slug)
    shown_numbers_equal_the_api(page, data, slug)
    assert watch.errors == [] and watch.hosts <= {"127.0.0.1"}


def test_the_matrix_lesson_follows_its_settings_live(page: Page, watch) -> None:
    open_lesson(page, "sharing")
    page.select_option("#ctl-stride", "2")
    page.select_option("#ctl-padding_mode", "circular")
    expect(page.locator("#lesson")).to_have_attribute("data-api", re.compile("stride=2.*circular"))
    expect(page.locator("body")).to_have_attribute("data-lesson-ready", "true")
    data = api_answer(page)
    assert data["shapes"]["output"] == [1, 1, 2, 2]
    shown_numbers_equal_the_api(page, data, "sharing")
    assert "stride=2" in page.url and watch.errors == []
    canvas = page.locator("#figure canvas").first  # the conv matrix: entry (0, 0) reads x[0, 0]
    cell = float(canvas.get_attribute("data-cell"))
    canvas.hover(position={"x": cell / 2, "y": cell / 2})
    tap = data["tap"][0][0]
    assert tap >= 0
    expect(page.locator("#matrix-readout")).to_contain_text(f"w{tap} =")
    expect(page.locator("#matrix-readout")).to_contain_text("(0, 0, 0, 0)")


def test_the_sigmas_only_show_for_gaussians(page: Page) -> None:
    open_lesson(page, "convolution")
    expect(page.locator("#ctl-sigma1")).to_be_hidden()
    page.select_option("#ctl-pair", "gaussian")
    expect(page.locator("#ctl-sigma1")).to_be_visible()
    expect(page.locator("body")).to_have_attribute("data-lesson-ready", "true")
    shown_numbers_equal_the_api(page, api_answer(page), "convolution")


def test_presenter_mode_hides_answers_until_revealed_and_is_remembered(page: Page) -> None:
    open_lesson(page, "sharing")
    spoiler = page.locator("#figure .spoiler").first
    expect(page.locator("#answer")).to_be_hidden()
    expect(spoiler).to_be_visible()  # outside presenter mode only the answer waits
    page.click("#presenter-toggle")
    expect(page.locator("html")).to_have_class(re.compile("presenter"))
    expect(spoiler).to_be_hidden()
    page.fill("#guess", "12")
    page.click("#reveal")
    expect(page.locator("#answer")).to_be_visible()
    expect(spoiler).to_be_visible()
    expect(page.locator("#answer-guess")).to_contain_text("12")
    page.select_option("#ctl-stride", "2")  # a new question hides the answer again
    expect(page.locator("#answer")).to_be_hidden()
    page.reload()
    expect(page.locator("html")).to_have_class(re.compile("presenter"))
    page.click("#presenter-toggle")
    expect(page.locator("html")).not_to_have_class(re.compile("presenter"))


def test_the_explorer_link_opens_the_same_configuration(page: Page) -> None:
    data = open_lesson(page, "sharing", "#height=5&width=3&stride=2&padding=1&padding_mode=reflect")
    lesson = dict(parse_qsl(urlparse(page.locator("#lesson").get_attribute("data-api")).query))
    with page.expect_request(lambda r: "/api/conv/plan" in r.url, timeout=15_000) as req:
        page.click("#open-link")
    asked = dict(parse_qsl(urlparse(req.value.url).query))
    assert {k: asked.get(k) for k in lesson} == lesson
    plan = req.value.response().json()
    assert plan["shape"]["H_out"] * plan["shape"]["W_out"] == data["counts"]["rows"]


@pytest.mark.parametrize(
    "slug, expected",
    [
        ("output-size", {"height": "9", "width": "9", "kernel_size": "3", "stride": "2",
                         "padding": "1", "dilation": "2"}),
        ("equivariance", {"width": "6", "stride": "2", "padding_mode": "reflect",
                          "input": "random", "seed": "3"}),
        ("correlation", {"height": "3", "width": "3", "operation": "correlation",
                         "weight_values": "[[1,2,3],[4,5,6],[7,8,-9]]"}),
    ],
)  # fmt: skip
def test_other_lessons_open_their_configuration_in_the_explorer(page: Page, slug, expected):
    hashes = {
        "output-size": "#size=9&kernel=3&stride=2&padding=1&dilation=2",
        "equivariance": "#width=6&stride=2&padding_mode=reflect",
        "correlation": "#kernel=1,2,3,4,5,6,7,8,-9&size=3",
    }
    open_lesson(page, slug, hashes[slug])
    with page.expect_request(lambda r: "/api/conv/plan" in r.url, timeout=15_000) as req:
        page.click("#open-link")
    asked = dict(parse_qsl(urlparse(req.value.url).query))
    assert {k: asked.get(k) for k in expected} == expected


@pytest.mark.parametrize("slug", ["kernel-size", "receptive-field"])
def test_stack_lessons_open_the_receptive_field_page_with_their_stack(page: Page, slug):
    data = open_lesson(page, slug)
    with page.expect_request(lambda r: "/api/receptive-field" in r.url, timeout=15_000) as req:
        page.click("#open-link")
    asked = req.value.response().json()
    expect(page.locator("body")).to_have_attribute("data-rf-ready", "true")
    if slug == "receptive-field":
        assert asked["size"] == data["size"] and asked["maps"] == data["maps"]
    else:
        assert asked["size"] == data["stacked"]["rf"]


def test_index_lists_the_lessons_in_order_in_chinese(page: Page, watch) -> None:
    page.add_init_script("localStorage.setItem('convscope.lang', 'zh')")
    page.goto("/lessons")
    items = page.locator("#lesson-list a")
    expect(items).to_have_count(7)
    expect(page.locator("nav a[href='/lessons']")).to_have_text("课程")
    assert CJK.search(items.first.inner_text())
    slugs = [a.get_attribute("data-slug") for a in items.all()]
    assert slugs[:3] == ["convolution", "correlation", "sharing"] and watch.errors == []


@pytest.mark.parametrize("slug", SLUGS)
def test_chinese_large_type_and_a_phone(page: Page, watch, slug: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.add_init_script(
        "localStorage.setItem('convscope.lang', 'zh'); localStorage.setItem('convscope.large', '1')"
    )
    page.set_viewport_size({"width": 1280, "height": 720})
    data = open_lesson(page, slug)
    assert CJK.search(page.locator("h1").inner_text())
    assert CJK.search(page.locator("#question-text").inner_text())
    shown_numbers_equal_the_api(page, data, slug)
    page.screenshot(path=SHOTS / f"{slug}-zh-large.png", full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    expect(page.locator("body")).to_have_attribute("data-lesson-ready", "true")
    page.wait_for_timeout(200)  # the resize observer redraws the figure
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=SHOTS / f"{slug}-phone.png", full_page=True)
    assert watch.errors == []
