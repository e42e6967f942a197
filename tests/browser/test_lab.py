"""The image lab in a real chromium: upload (picker, drop, paste), filters, colour modes,
rendered feature maps, legend, click-to-inspect numbers, errors and the language switch."""

from __future__ import annotations

import base64
import io
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser
LO, HI = 50, 200  # grey levels: luma is exact, so Sobel x at the edge is 4 * (HI - LO) = 600


def step_png(width: int = 64, height: int = 48, at: int = 32) -> bytes:
    a = np.full((height, width, 3), LO, np.uint8)
    a[:, at:] = HI
    buf = io.BytesIO()
    Image.fromarray(a).save(buf, "PNG")
    return buf.getvalue()


def upload(page: Page, tmp_path: Path, data: bytes, name: str = "step.png") -> None:
    path = tmp_path / name
    path.write_bytes(data)
    page.set_input_files("#file-input", str(path))


def wait_for_maps(page: Page, caption: str, count: int) -> None:
    expect(page.locator("#input-caption")).to_have_text(caption, timeout=15_000)
    expect(page.locator(".map-card")).to_have_count(count)
    expect(page.locator("#lab-status")).to_contain_text("feature maps")


PIXELS = """img => {
  const c = document.createElement('canvas');
  c.width = img.naturalWidth; c.height = img.naturalHeight;
  const g = c.getContext('2d'); g.drawImage(img, 0, 0);
  const d = g.getImageData(0, 0, c.width, 1).data;  // the first row: one RGBA per column
  return Array.from({length: c.width}, (_, x) => [d[4*x], d[4*x+1], d[4*x+2]]);
}"""


def test_upload_filters_render_and_inspect(lab: Page, tmp_path: Path) -> None:
    upload(lab, tmp_path, step_png())
    wait_for_maps(lab, "Input 48×64 (H×W)", 2)
    card = lab.locator(".map-card[data-filter=sobel_x]")
    img = card.locator("img.map-img")
    expect(img).to_have_js_property("naturalWidth", 64)
    row = img.evaluate(PIXELS)
    white = row[0]
    assert all(px == white for i, px in enumerate(row) if i not in (31, 32))  # zero: one colour
    for x in (31, 32):  # dark -> bright: positive, drawn red (r > b), not the zero colour
        r, g, b = row[x]
        assert r > b + 60 and row[x] != white
    expect(card.locator(".map-range")).to_have_text("range 0 … 600")
    expect(card.locator(".map-size")).to_have_text("Output 48×64 (H×W)")
    assert card.locator("canvas.legend").evaluate("c => c.width > 100")
    link = card.locator("a.map-download")
    expect(link).to_have_attribute("download", "convscope-sobel_x.png")
    assert link.get_attribute("href").startswith("data:image/png;base64,")

    box = img.bounding_box()
    assert box is not None
    img.click(position={"x": box["width"] * 32.5 / 64, "y": box["height"] * 10.5 / 48})
    inspect = lab.locator("#inspect")
    expect(inspect).to_be_visible(timeout=10_000)
    expect(inspect.locator("#inspect-title")).to_have_text(
        "Sobel x, output pixel (row 10, column 32)"
    )
    result = inspect.locator("[data-role=result]")
    expect(result).to_have_attribute("data-value", "600")
    terms = inspect.locator(".arith .term")
    expect(terms).to_have_count(9)
    assert terms.first.get_attribute("data-x") == str(LO)
    assert terms.first.get_attribute("data-w") == "-1"
    expect(inspect.locator(".taps")).to_have_text("rows 9, 10, 11; columns 31, 32, 33")
    assert inspect.locator("canvas").count() == 3  # window, kernel, products
    lab.screenshot(path=str(tmp_path / "lab.png"), full_page=True)


def test_dropped_and_pasted_images_are_filtered(lab: Page) -> None:
    data = base64.b64encode(step_png(40, 30, 20)).decode()
    make_file = f"""async name => {{
        const bytes = Uint8Array.from(atob("{data}"), c => c.charCodeAt(0));
        const dt = new DataTransfer();
        dt.items.add(new File([bytes], name, {{type: "image/png"}}));
        return dt;
    }}"""
    dt = lab.evaluate_handle(make_file, "dropped.png")
    lab.dispatch_event("#drop-zone", "drop", {"dataTransfer": dt})
    wait_for_maps(lab, "Input 30×40 (H×W)", 2)
    pasted = step_png(24, 20, 12)
    data = base64.b64encode(pasted).decode()
    lab.evaluate(
        f"""() => {{
        const bytes = Uint8Array.from(atob("{data}"), c => c.charCodeAt(0));
        const dt = new DataTransfer();
        dt.items.add(new File([bytes], "pasted.png", {{type: "image/png"}}));
        document.dispatchEvent(new ClipboardEvent("paste", {{clipboardData: dt}}));
    }}"""
    )
    wait_for_maps(lab, "Input 20×24 (H×W)", 2)


def test_depthwise_mode_shows_every_channel_and_magnitude(lab: Page) -> None:
    lab.select_option("#sample", "colours")
    lab.locator("input[name=mode][value=depthwise]").check()
    lab.locator("#magnitude").check()
    wait_for_maps(lab, "Input 300×400 (H×W)", 9)
    titles = lab.locator(".map-title").all_inner_texts()
    assert titles[:3] == ["Sobel x · R", "Sobel x · G", "Sobel x · B"]
    assert titles[-1] == "Gradient magnitude · B"
    img = lab.locator(".map-card").last.locator("img")
    box = img.bounding_box()
    assert box is not None
    img.click(position={"x": box["width"] * 0.5, "y": box["height"] * 0.1})
    final = lab.locator("#inspect-final")
    expect(final).to_contain_text("√(Sobel x² + Sobel y²)", timeout=10_000)
    expect(lab.locator("#inspect .term-block")).to_have_count(2)


def test_custom_kernel_and_geometry_set_the_output_size(lab: Page, tmp_path: Path) -> None:
    upload(lab, tmp_path, step_png())
    wait_for_maps(lab, "Input 48×64 (H×W)", 2)
    lab.locator("#use-custom").check()
    editor = lab.locator("#kernel-editor")
    expect(editor).to_be_visible()
    editor.locator("select.rows").select_option("1")
    editor.locator("select.cols").select_option("5")
    expect(editor.locator("input")).to_have_count(5)
    lab.fill("#stride", "2")
    lab.select_option("#padding", "valid")
    lab.fill("#dilation", "2")
    lab.locator("#run").click()
    # Dilation 2 spans d(k-1)+1: a 1x5 kernel covers 1x9, so H_out = (48 - 1) // 2 + 1 = 24,
    # W_out = (64 - 9) // 2 + 1 = 28; a 3x3 Sobel covers 5x5: (48 - 5) // 2 + 1 = 22 by 30.
    custom = lab.locator(".map-card[data-filter=custom] .map-size")
    expect(custom).to_have_text("Output 24×28 (H×W)", timeout=15_000)
    expect(lab.locator(".map-card[data-filter=sobel_x] .map-size")).to_have_text(
        "Output 22×30 (H×W)"
    )


def test_bad_file_shows_the_server_message(lab: Page, tmp_path: Path) -> None:
    upload(lab, tmp_path, b"not an image at all", "notes.png")
    error = lab.locator("#lab-error")
    expect(error).to_be_visible(timeout=10_000)
    expect(error).to_contain_text("not an image we can read")
    lab.select_option("#padding", "valid")  # a later good image clears the message
    lab.select_option("#sample", "edges")
    expect(error).to_be_hidden(timeout=15_000)


def test_language_switch_relabels_the_lab(lab: Page) -> None:
    lab.click("#lang-toggle")
    expect(lab.locator("h1")).to_have_text("图像实验室")
    expect(lab.locator(".map-card .map-download").first).to_have_text("下载 PNG")
    lab.click("#lang-toggle")
    expect(lab.locator("h1")).to_have_text("Image lab")


def test_keyboard_moves_the_inspected_pixel(lab: Page, tmp_path: Path) -> None:
    upload(lab, tmp_path, step_png())
    wait_for_maps(lab, "Input 48×64 (H×W)", 2)
    img = lab.locator(".map-card[data-filter=sobel_x] img")
    img.focus()
    lab.keyboard.press("Enter")  # the centre: row 24, column 32, on the edge
    title = lab.locator("#inspect-title")
    expect(title).to_have_text("Sobel x, output pixel (row 24, column 32)", timeout=10_000)
    lab.keyboard.press("ArrowRight")
    lab.keyboard.press("ArrowRight")
    expect(title).to_have_text("Sobel x, output pixel (row 24, column 34)", timeout=10_000)
    expect(lab.locator("#inspect [data-role=result]")).to_have_attribute("data-value", "0")


def test_impossible_geometry_and_oversized_files_are_explained(lab: Page, tmp_path: Path) -> None:
    lab.fill("#stride", "2")
    lab.locator("#stride").dispatch_event("change")  # padding is still 'same'
    error = lab.locator("#lab-error")
    expect(error).to_contain_text("padding 'same' needs stride 1", timeout=10_000)
    upload(lab, tmp_path, b"\0" * (10 * 1024 * 1024 + 200_000), "huge.png")
    # The server explains the limit itself now ({detail, code, args}); the page shows it.
    expect(error).to_have_attribute("data-code", "body_too_large", timeout=10_000)
    expect(error).to_contain_text("10.0 MB")


def test_lab_loads_without_console_errors_or_requests_off_loopback(page: Page, watch) -> None:
    page.goto("/lab")
    expect(page.locator(".map-card").first).to_be_visible(timeout=15_000)
    assert watch.errors == []
    assert watch.hosts == {"127.0.0.1"}
