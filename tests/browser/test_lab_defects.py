"""Issue 8's image-lab defects (4 and 10), each as a student met it."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from playwright.sync_api import Page, expect
from test_lab import upload, wait_for_maps

pytestmark = pytest.mark.browser
CENTRE = """img => {
  const c = document.createElement("canvas");
  c.width = img.naturalWidth; c.height = img.naturalHeight;
  const ctx = c.getContext("2d");
  ctx.drawImage(img, 0, 0);
  const px = (x, y) => [...ctx.getImageData(x, y, 1, 1).data.slice(0, 3)];
  return [px(c.width >> 1, c.height >> 1), px(1, 1)];
}"""


def disc_png(size: int = 48) -> bytes:
    """A black disc on white: a blur of it must stay a dark disc on a light ground."""
    y, x = np.mgrid[:size, :size]
    a = np.where((y - size / 2) ** 2 + (x - size / 2) ** 2 < (size / 4) ** 2, 0, 255)
    buf = io.BytesIO()
    Image.fromarray(np.stack([a] * 3, -1).astype(np.uint8)).save(buf, "PNG")
    return buf.getvalue()


def choose(page: Page, *names: str) -> None:
    for box in page.locator("#preset-list input").all():
        box.set_checked(box.get_attribute("value") in names)


def test_one_signed_maps_use_grey_and_signed_maps_blue_red(lab: Page, tmp_path: Path) -> None:
    choose(lab, "box", "sobel_x")
    upload(lab, tmp_path, disc_png(), "disc.png")
    wait_for_maps(lab, "Input 48×48 (H×W)", 2)
    box = lab.locator(".map-card[data-filter=box]")
    sobel = lab.locator(".map-card[data-filter=sobel_x]")
    expect(box).to_have_attribute("data-scale", "sequential")
    expect(sobel).to_have_attribute("data-scale", "diverging")
    expect(box.locator(".map-scale")).to_contain_text("Grey")
    expect(sobel.locator(".map-scale")).to_contain_text("Blue")
    expect(box).to_have_attribute("data-ready", "1")
    centre, corner = box.locator("img.map-img").evaluate(CENTRE)
    assert max(centre) < 40 and centre[0] == centre[1] == centre[2], centre  # the disc stays black
    assert min(corner) > 200, corner


def test_a_typed_stride_applies_to_every_filter(lab: Page, tmp_path: Path) -> None:
    choose(lab, "box", "sobel_x", "gaussian")
    lab.select_option("#padding", "valid")
    upload(lab, tmp_path, disc_png(), "disc.png")
    wait_for_maps(lab, "Input 48×48 (H×W)", 3)
    lab.locator("#stride").fill("2")  # typed, never blurred
    sizes = lab.locator(".map-card .map-size")
    for i in range(3):
        expect(sizes.nth(i)).to_have_text("Output 23×23 (H×W)", timeout=15_000)  # (48 - 3) // 2 + 1


def test_stride_zero_and_stride_two_with_same_are_explained(lab: Page) -> None:
    error = lab.locator("#lab-error")
    lab.locator("#stride").fill("0")
    expect(error).to_have_attribute("data-code", "out_of_range", timeout=15_000)
    expect(error).to_have_text("stride must be between 1 and 8, got 0")
    lab.locator("#stride").fill("2")  # padding is still 'same'
    expect(error).to_have_attribute("data-code", "same_padding_strided", timeout=15_000)
    expect(error).to_contain_text("use stride 1, or give the padding as a number")
    lab.click("#lang-toggle")
    expect(error).to_contain_text("请把步幅设为 1")


def test_unchecking_every_filter_shows_no_map(lab: Page) -> None:
    choose(lab)
    lab.locator("#magnitude").set_checked(False)
    lab.locator("#stride").dispatch_event("change")
    expect(lab.locator(".map-card")).to_have_count(0, timeout=10_000)
    expect(lab.locator("#lab-status")).to_contain_text("No filter is chosen")


def test_every_filter_checkbox_has_its_name(lab: Page) -> None:
    names = lab.locator("#preset-list label").all_inner_texts()
    assert len(names) >= 14 and all(n.strip() for n in names), names
    expect(lab.locator("#preset-list")).to_contain_text("Gaussian blur")
    lab.click("#lang-toggle")
    expect(lab.locator("#preset-list")).to_contain_text("高斯模糊")
