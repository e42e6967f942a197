"""Issue 8's explorer defects, each as the student or teacher met it (fixtures in conftest.py)."""

from __future__ import annotations

import json
import re

import httpx
import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

MINUS = "\u2212"
# Record every string drawn on a canvas, by canvas id: what a student reads in the cells.
RECORD_TEXT = """
(() => {
  const orig = CanvasRenderingContext2D.prototype.fillText;
  window.__drawn = {};
  CanvasRenderingContext2D.prototype.fillText = function (s, ...rest) {
    const id = this.canvas.id || "?";
    (window.__drawn[id] ||= new Set()).add(String(s));
    return orig.call(this, s, ...rest);
  };
})();
"""


def open_explorer(page: Page, hash_: str = "") -> None:
    page.goto(f"/{hash_}")
    expect(page.locator("#counter")).to_have_attribute("data-k", re.compile(r"\d+"))


def params(page: Page) -> dict:
    return page.evaluate("() => window.convscope.store.get().params")


def shown(v: float) -> str:
    s = f"{abs(v):g}"
    return (MINUS + s) if v < 0 else s


def test_typing_h_then_w_within_the_debounce_keeps_both(page: Page) -> None:
    open_explorer(page)
    page.fill("#height", "12")
    page.keyboard.press("Tab")  # straight on to the next field, as a fast typist does
    page.locator("#width").focus()
    page.keyboard.type("10")
    expect(page.locator("#output-title")).to_be_visible()
    page.wait_for_function("() => window.convscope.explorer.current?.plan.shape.W === 10")
    shape = page.evaluate("() => window.convscope.explorer.current.plan.shape")
    assert (shape["H"], shape["W"]) == (12, 10)
    assert (params(page)["height"], params(page)["width"]) == ("12", "10")


def test_output_cells_use_the_digits_of_the_sum(page: Page, base_url: str) -> None:
    page.add_init_script(RECORD_TEXT)
    query = {"bias": "true", "bias_values": "0.5"}
    plan = httpx.get(f"{base_url}/api/conv/plan", params=query, timeout=10).json()
    values = [v for row in plan["output"][0][0] for v in row]
    assert -23.5 in values and any(v % 1 for v in values)
    open_explorer(page, "#bias=true&bias_values=0.5")
    page.keyboard.press("End")  # every output cell written
    expect(page.locator("#counter")).to_have_attribute("data-k", str(plan["steps"] - 1))
    k = plan["steps"] - 1
    expect(page.locator("#arith")).to_have_attribute("data-k", str(k))
    drawn = set(page.evaluate("() => [...window.__drawn['output-base'] || []]"))
    assert {shown(v) for v in values} <= drawn
    assert "\u221224" not in drawn and "35" not in drawn  # no rounded twin of −23.5 or 34.5
    result = page.locator("#arith [data-role=result]").inner_text()
    assert result == shown(values[k])


def test_a_custom_kernel_survives_a_kernel_size_change(page: Page) -> None:
    w = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
    open_explorer(page, f"#kernel=values&weight_values={json.dumps(w)}")
    page.fill("#kh", "5")
    page.keyboard.press("Tab")  # the next field is kW
    page.fill("#kw", "5")
    page.keyboard.press("Tab")
    note = page.locator("#kernel-resized")
    expect(note).to_be_visible()
    expect(note).to_contain_text("extended")  # from 3×3 (or 5×3, if kH landed first)
    page.wait_for_function("() => window.convscope.explorer.current?.plan.shape.kW === 5")
    kernel = page.evaluate("() => window.convscope.explorer.current.plan.kernel[0][0]")
    assert [row[:3] for row in kernel[:3]] == w
    assert all(v == 0 for row in kernel[3:] for v in row) and all(r[3:] == [0, 0] for r in kernel)
    assert params(page)["kernel"] == "values"
    page.fill("#kh", "2")
    page.fill("#kw", "2")
    page.keyboard.press("Tab")
    page.wait_for_function("() => window.convscope.explorer.current?.plan.shape.kW === 2")
    kernel = page.evaluate("() => window.convscope.explorer.current.plan.kernel[0][0]")
    assert kernel == [[1, 2], [4, 5]]
    expect(note).to_contain_text("cropped")


def test_every_term_of_this_step_is_reachable_without_stray_operators(page: Page) -> None:
    open_explorer(page, "#in_channels=2&kernel_size=5&kernel=random&height=9&width=9&k=40")
    arith = page.locator("#arith")
    expect(arith.locator(".arith-row").first.locator(".term")).to_have_count(11)
    assert "+ +" not in arith.inner_text()
    arith.locator("button.more").first.click()
    rows = arith.locator(".arith-row")
    for i in range(2):
        expect(rows.nth(i).locator(".term")).to_have_count(25)
    page.keyboard.press("ArrowRight")  # the choice holds for the next step
    expect(rows.first.locator(".term")).to_have_count(25)
    arith.locator("button.more").first.click()
    expect(rows.first.locator(".term")).to_have_count(11)


def test_backward_bias_line_has_one_equals_sign(page: Page) -> None:
    open_explorer(page, "#bias=true&view=backward&k=3")
    expect(page.locator("#arith [data-role=bias]")).to_be_visible()
    text = page.locator("#arith").inner_text()
    assert not re.search(r"=\s*=", text), text


def test_sum_and_window_come_from_the_same_step_at_64_steps_per_second(page: Page) -> None:
    open_explorer(page, "#height=16&width=16&speed=7")
    page.click("#btn-play")
    pairs = page.evaluate(
        """() => new Promise((done) => {
          const out = [];
          const tick = () => {
            out.push([document.getElementById("counter").dataset.k,
                      document.getElementById("arith").dataset.k]);
            if (out.length < 60) requestAnimationFrame(tick); else done(out);
          };
          requestAnimationFrame(tick);
        })"""
    )
    moving = {a for a, _ in pairs}
    assert len(moving) > 5, "the player did not move"
    assert all(a == b for a, b in pairs), pairs


def test_clicking_an_input_cell_pins_what_hovering_shows(page: Page) -> None:
    open_explorer(page, "#height=5&width=5&k=0")
    over = page.locator("#output-over")
    box = page.locator("#input-over").bounding_box()
    assert box
    blank = over.evaluate("c => c.toDataURL()")
    x, y = box["x"] + box["width"] * 0.55, box["y"] + box["height"] * 0.6
    page.mouse.move(x, y)
    hovered = over.evaluate("c => c.toDataURL()")
    assert hovered != blank  # hovering marks the outputs that read this cell
    page.mouse.click(x, y)
    page.mouse.move(box["x"] + box["width"] + 200, box["y"] - 60)
    assert page.evaluate("() => window.convscope.explorer.pinned") is not None
    assert over.evaluate("c => c.toDataURL()") == hovered
    page.mouse.click(x, y)  # a second click unpins
    page.mouse.move(box["x"] + box["width"] + 200, box["y"] - 60)
    assert page.evaluate("() => window.convscope.explorer.pinned") is None


def test_changing_only_the_hash_applies_the_speed(page: Page) -> None:
    open_explorer(page, "#height=6&width=6")
    page.evaluate("() => { location.hash = 'height=6&width=6&speed=9'; }")
    expect(page.locator("#speed")).to_have_value("9")
    assert page.evaluate("() => window.convscope.store.get().speed") == 9


def test_transposed_tab_names_the_crop_of_padding_and_output_padding(
    page: Page, base_url: str
) -> None:
    query = {"padding": "1", "stride": "2", "output_padding": "1"}
    plan = httpx.get(f"{base_url}/api/conv-transpose/plan", params=query, timeout=10).json()
    open_explorer(page, "#view=transpose&padding=1&stride=2&output_padding=1")
    note = page.locator("#output-note")
    S = plan["shape"]
    expect(note).to_contain_text(f"{S['H_out']} × {S['W_out']}")
    crop = json.loads(note.get_attribute("data-crop") or "{}")
    # full result (H - 1)s + d(k - 1) + 1, cropped by p per side, op added: the API's size
    assert crop["fh"] == (S["H"] - 1) * 2 + (S["kH"] - 1) + 1
    assert crop["fh"] - 2 * crop["ph"] + crop["oh"] == S["H_out"]
    assert "no padding" not in page.locator("#input-note").inner_text()
    assert "crops" in note.inner_text()
    # drawn: the full result with its cropped border hatched and the output outlined
    out = page.evaluate(
        """() => { const c = window.convscope.explorer.current;
          const o = c.adapter.spec(0, c.cache.get(0), c.cache).output;
          const p = o.panels[0];
          return { outline: o.outline, rows: p.matrix.length, hatched: p.mask[0][0],
                   inner: p.mask[1][1] }; }"""
    )
    assert out["outline"] == {"top": 1, "left": 1, "rows": S["H_out"], "cols": S["W_out"]}
    assert out["rows"] == max(crop["fh"], 1 + S["H_out"]) and out["hatched"] and not out["inner"]


def test_each_tab_has_its_own_intro(page: Page) -> None:
    open_explorer(page)
    intros = {}
    for view in ("forward", "backward", "transpose"):
        page.click(f"[role=tab][data-view={view}]")
        expect(page.locator("#intro")).not_to_be_empty()
        page.wait_for_function(f"() => window.convscope.explorer.current?.view === '{view}'")
        intros[view] = page.locator("#intro").inner_text()
    assert len(set(intros.values())) == 3, intros


LINES = """el => Math.round(
  el.getBoundingClientRect().height / (parseFloat(getComputedStyle(el).lineHeight) || 20))"""


def test_the_output_size_formula_never_wraps_mid_expression(page: Page) -> None:
    page.set_viewport_size({"width": 390, "height": 800})
    open_explorer(page, "#padding=2&dilation=2")
    for sel in ("#formula-h", "#formula-w", "#formula-generic"):
        lines = page.locator(sel).evaluate(LINES)
        rects = page.locator(sel).evaluate("el => el.getClientRects().length")
        assert rects == 1 and lines <= 1, (sel, rects, lines)
    assert page.evaluate("() => document.documentElement.scrollWidth <= innerWidth")


def test_the_letter_preset_refuses_a_glyph_it_cannot_draw_with_a_sentence(page: Page) -> None:
    open_explorer(page, "#input=letter&glyph=中")
    message = page.locator("#message")
    expect(message).to_be_visible()
    expect(message).to_have_attribute("data-code", "bad_letter")
    expect(page.locator("#message-text")).to_contain_text("a letter input draws one letter")


def test_server_errors_are_translated_by_code_with_their_args(page: Page) -> None:
    open_explorer(page, "#in_channels=4&out_channels=6&groups=4")
    message = page.locator("#message")
    expect(message).to_have_attribute("data-code", "groups_not_divisor")
    english = page.locator("#message-text").inner_text()
    page.click("#lang-toggle")
    text = page.locator("#message-text")
    expect(text).to_contain_text("分组数 4 必须同时整除输入通道数 4 和输出通道数 6")
    expect(text).to_contain_text("1, 2")
    page.click("#lang-toggle")
    expect(text).to_have_text(english)  # English is the server's own sentence


def test_a_preset_follows_the_kernel_size_the_server_has_it_in(page: Page, base_url: str) -> None:
    open_explorer(page)  # the default Sobel x
    page.fill("#kh", "5")
    page.fill("#kw", "5")
    page.keyboard.press("Tab")
    page.wait_for_function("() => window.convscope.explorer.current?.plan.shape.kW === 5")
    assert page.evaluate("() => window.convscope.explorer.current.plan.params.kernel") == "sobel_x"
    expect(page.locator("#message")).to_be_hidden()
    api = httpx.get(f"{base_url}/api/conv/plan", params={"kernel_size": "5"}, timeout=10).json()
    assert page.evaluate("() => window.convscope.explorer.current.plan.kernel") == api["kernel"]
    page.fill("#kh", "4")
    page.fill("#kw", "4")
    page.keyboard.press("Tab")
    expect(page.locator("#message")).to_have_attribute("data-code", "preset_no_such_size")
