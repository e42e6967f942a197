"""Phone photos: filtered at a working size by default, at full resolution (bounded) on request."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

from app.settings import get_settings


def _jpeg(width: int, height: int) -> bytes:
    rng = np.random.default_rng(1)
    out = io.BytesIO()
    Image.fromarray(rng.integers(0, 255, (height, width, 3), dtype=np.uint8)).save(out, "JPEG")
    return out.getvalue()


@pytest.mark.parametrize(
    ("resolution", "long_side"),
    [("working", get_settings().max_long_side), ("full", get_settings().max_full_side)],
)
def test_a_large_photo_is_reduced_to_the_chosen_size_and_says_from_what(
    client, resolution, long_side
):
    r = client.post(
        "/api/images/filter",
        files={"file": ("p.jpg", _jpeg(3000, 2000))},
        data={"filters": ["box"], "resolution": resolution},
    )
    assert r.status_code == 200, r.text
    source = r.json()["input"]
    assert (source["original_width"], source["original_height"]) == (3000, 2000)
    assert source["width"] == long_side and source["height"] == round(2000 * long_side / 3000)
    assert source["scaled"] is True
    (first,) = r.json()["maps"]
    assert (first["width"], first["height"]) == (source["width"], source["height"])


def test_a_small_image_is_never_enlarged(client):
    r = client.post(
        "/api/images/filter",
        files={"file": ("p.jpg", _jpeg(300, 200))},
        data={"filters": ["box"], "resolution": "full"},
    )
    assert (r.json()["input"]["width"], r.json()["input"]["scaled"]) == (300, False)


def test_an_inspect_click_on_a_full_resolution_image_keeps_its_size(client):
    import base64

    r = client.post(
        "/api/images/filter",
        files={"file": ("p.jpg", _jpeg(3000, 2000))},
        data={"filters": ["box"], "resolution": "full"},
    ).json()
    image = base64.b64decode(r["input"]["image"].split(",", 1)[1])
    last = r["input"]["height"] - 1, r["input"]["width"] - 1
    w = client.post(
        "/api/images/window",
        files={"file": ("i.webp", image)},
        data={"filter": "box", "row": str(last[0]), "col": str(last[1])},
    )
    assert w.status_code == 200, w.text
