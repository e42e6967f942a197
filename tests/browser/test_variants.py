"""The Backward & variants page (/variants): every section's numbers equal the API's."""

from __future__ import annotations

import io
import re

import httpx
import pytest
from PIL import Image
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

CJK = re.compile(r"[\u3400-\u9fff]")
LAYER = "stride=2&kernel=random&padding_mode=reflect&in_channels=2&out_channels=4&groups=2"
SECTIONS = ["backward", "update", "transposed", "grouped", "im2col", "export"]


def open_page(page: Page, hash_: str = LAYER) -> None:
    page.goto(f"/variants#{hash_}")
    expect(page.locator("body")).to_have_attribute("data-variants-ready", "true")
    for s in SECTIONS:
        expect(page.locator(f"#sec-{s}")).to_have_attribute("data-ready", re.compile("."))


def api(base_url: str, path: str, query: str) -> dict:
    r = httpx.get(f"{base_url}{path}?{query}", timeout=30)
    assert r.status_code == 200, r.text
    return r.json()


def values(page: Page, sel: str) -> list[list[float]]:
    return page.locator(f"{sel} tr").evaluate_all(
        "rows => rows.map(r => [...r.querySelectorAll('td')].map(td => Number(td.dataset.v)))"
    )


def hits(page: Page, sel: str) -> set[tuple[int, int]]:
    js = "t => t.map(c => [+c.dataset.r, +c.dataset.c])"
    cells = page.locator(f"{sel} td.hit").evaluate_all(js)
    return {tuple(c) for c in cells}


def test_loads_every_section_without_errors(page: Page, watch) -> None:
    open_page(page)
    expect(page.locator("nav a[aria-current=page]")).to_have_text("Backward & variants")
    for s in SECTIONS:
        expect(page.locator(f"#sec-{s} .vr-error")).to_be_hidden()
    assert watch.errors == []
    assert watch.hosts == {"127.0.0.1"}


def test_backward_numbers_window_and_second_way_equal_the_api(page: Page, base_url) -> None:
    open_page(page)
    page.locator("#sec-backward .vr-stepper button").nth(1).click()  # step 2
    expect(page).to_have_url(re.compile(r"k_backward=1"))
    expect(page.locator("#sec-backward")).to_have_attribute("data-ready", re.compile(r"\|1$"))
    b = api(base_url, "/api/variants/backward", f"{LAYER}&step=1")
    assert values(page, "#bk-dw-final") == b["dw"][0][0]
    assert values(page, "#bk-dx") == b["dx"][0][0]
    assert float(page.locator("#bk-db").get_attribute("data-v")) == b["db"][0]
    st = b["step"]
    assert hits(page, "#bk-x") == {(r, c) for r in st["rows"] for c in st["cols"]}
    expect(page.locator("#sec-backward .vr-terms li")).to_have_count(9)
    expect(page.locator("#sec-backward .vr-terms li").first).to_contain_text("dW[0,0,0,0] +=")
    cost = page.locator("#bk-cost td").evaluate_all("t => t.map(c => +c.dataset.v)")
    assert cost == [b["macs_dw"], b["macs_dx"], b["adds_db"], b["macs_forward"]]
    page.click("#bk-toggle")
    assert values(page, "#bk-dx-way") == b["dx_transposed"][0][0] == b["dx"][0][0]
    expect(page.locator("#bk-diff")).to_have_attribute("data-v", "0")
    # reflect padding: every padding cell says which real cell its gradient folds onto
    folds = page.locator("#bk-way .vr-folds li")
    expect(folds.first).to_have_text(re.compile(r"^dX\[\d+,\d+\] = .* ← \(\d+,\d+\) = "))


def test_update_step_shows_the_new_kernel_and_apply_moves_on(page: Page, base_url) -> None:
    open_page(page, "kernel=random")
    u = api(base_url, "/api/variants/update", "kernel=random&lr=0.0001&loss=mse&target_kernel=box")
    assert values(page, "#up-new") == u["new_weight"][0][0]
    assert float(page.locator("#up-loss-line").get_attribute("data-after")) == u["loss_after"]
    page.click("#up-apply")
    expect(page).to_have_url(re.compile(r"kernel=values&weight_values="))
    line = page.locator("#up-loss-line")
    expect(line).to_have_attribute("data-before", str(u["loss_after"]))
    assert float(line.get_attribute("data-after")) < u["loss_after"]
    assert values(page, "#up-w") == u["new_weight"][0][0]


def test_transposed_two_ways_show_the_same_cell(page: Page, base_url) -> None:
    q = "stride=2&padding=1&output_padding=1&kernel=random"
    open_page(page, f"{q}&k_transposed=7")
    t = api(base_url, "/api/variants/transposed", f"{q}&step=7")
    st = t["step"]
    expect(page.locator("#tp-value")).to_have_attribute("data-v", re.compile("."))
    assert float(page.locator("#tp-value").get_attribute("data-v")) == st["value"]
    assert hits(page, "#tp-z") == {(r, c) for r in st["rows"] for c in st["cols"]}
    assert hits(page, "#tp-x") == {(s["h"], s["w"]) for s in t["stamps"]}
    assert page.locator("#tp-output td.extra").count() > 0  # output_padding's extra row/column
    assert page.locator("#tp-canvas td.crop").count() > 0  # padding's crop


def test_grouped_table_and_im2col_equal_the_api(page: Page, base_url) -> None:
    open_page(page, f"{LAYER}&k_im2col=5")
    g = api(base_url, "/api/variants/grouped", LAYER)
    rows = page.locator("#gr-costs tbody tr td").evaluate_all("t => t.map(c => +c.dataset.v)")
    assert rows == [v for r in g["costs"] for v in (r["params"], r["macs"])]
    assert float(page.locator("#gr-ratio").get_attribute("data-v")) == g["ratio"]
    reads = page.locator("#gr-bands tbody tr").evaluate_all(
        "rows => rows.map(r => [...r.querySelectorAll('td')].map(c => c.dataset.reads === 'true'))"
    )
    assert reads == [[lo <= c < hi for c in range(g["C_in"])] for lo, hi in g["bands"]]
    m = api(base_url, "/api/variants/im2col", f"{LAYER}&step=5")
    assert float(page.locator("#im-value").get_attribute("data-v")) == m["value"]
    assert hits(page, "#im-w") == {(m["at"]["row"], j) for j in range(m["shape"]["rows"])}
    assert {c for _, c in hits(page, "#im-cols")} == {m["at"]["column"]}


def test_export_links_and_code_view(page: Page, base_url) -> None:
    open_page(page, "kernel=random&height=5&width=5")
    page.fill("#ex-stop", "3")
    page.locator("#ex-stop").dispatch_event("change")
    href = page.locator("#ex-gif").get_attribute("href")
    assert "stop=3" in href
    gif = Image.open(io.BytesIO(httpx.get(f"{base_url}{href}", timeout=60).content))
    assert gif.n_frames == 3
    query = "kernel=random&height=5&width=5&kind=forward&lang=pytorch"
    code = httpx.get(f"{base_url}/api/conv/code?{query}").text
    assert page.locator("#ex-code").inner_text().strip() == code.strip()
    page.click("#sec-export [data-lang=numpy]")
    expect(page.locator("#ex-code")).to_contain_text("for ")
    expect(page).to_have_url(re.compile(r"lang=numpy"))


def test_chinese_large_type_and_phone(page: Page) -> None:
    open_page(page)
    page.click("#lang-toggle")
    expect(page.locator("html")).to_have_attribute("lang", "zh-CN")
    expect(page.locator("nav a[aria-current=page]")).to_have_text("反向与变体")
    for s in SECTIONS:
        assert CJK.search(page.locator(f"#sec-{s} .vr-body").inner_text()), s
    page.click("#large-toggle")
    expect(page.locator("html")).to_have_class(re.compile("large"))
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
    page.set_viewport_size({"width": 390, "height": 800})
    page.wait_for_timeout(300)
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")


def test_explorer_links_to_the_matching_section(page: Page) -> None:
    page.goto("/#stride=2&view=transpose")
    page.click("#variants-link")
    expect(page).to_have_url(re.compile(r"/variants#stride=2&section=transposed"))
    expect(page.locator("#sec-transposed")).to_have_attribute("data-ready", re.compile("."))
    expect(page.locator("#back-link")).to_have_attribute("href", re.compile(r"view=transpose"))
