"""Every 4xx body is {"detail": sentence, "code": stable id, "args": the sentence's values}."""

from __future__ import annotations

import io
import re
from pathlib import Path

import numpy as np
import pytest
from error_body import assert_error_body
from fastapi.testclient import TestClient
from PIL import Image

APP = Path(__file__).resolve().parents[2] / "app"


def png() -> bytes:
    out = io.BytesIO()
    noise = np.random.default_rng(2).integers(0, 256, (64, 64, 3), dtype=np.uint8)
    Image.fromarray(noise).save(out, "PNG")
    return out.getvalue()


GETS = [
    "/api/conv/plan?height=99",
    "/api/conv/plan?height=0",
    "/api/conv/plan?height=x",
    "/api/conv/plan?foo=1",
    "/api/conv/plan?padding_mode=wrap",
    "/api/conv/plan?stride=a",
    "/api/conv/plan?bias=maybe",
    "/api/conv/plan?in_channels=4&out_channels=5&groups=2",
    "/api/conv/plan?kernel_size=20",
    "/api/conv/plan?bias=true&bias_values=nan",
    "/api/conv/plan?bias=true&bias_values=1,2",
    "/api/conv/plan?bias=true&bias_values=a",
    "/api/conv/plan?input=letter&glyph=%00",
    "/api/conv/plan?input=letter&glyph=%E4%B8%AD",
    "/api/conv/plan?input=digit&glyph=x",
    "/api/conv/plan?input=values&input_values=[[1,2]]",
    "/api/conv/plan?input=values",
    "/api/conv/plan?input=values&input_values=[",
    "/api/conv/steps?start=5&stop=3",
    "/api/conv/steps?start=49",
    "/api/conv/backward/steps?start=100",
    "/api/conv-transpose/plan?padding_mode=reflect",
    "/api/conv-transpose/plan?in_channels=4&out_channels=6&groups=4",
    "/api/receptive-field?y=99",
    "/api/receptive-field?layers=3;x",
    "/api/receptive-field?layers=3,0,1",
    "/api/images/kernels?size=0",
    "/api/images/kernels?size=99",
    "/api/nothing-here",
]


@pytest.mark.parametrize("url", GETS)
def test_every_4xx_has_detail_code_and_args(client: TestClient, url: str) -> None:
    assert_error_body(client.get(url))


def test_wrong_method_is_a_json_405(client: TestClient) -> None:
    assert assert_error_body(client.post("/healthz"), 405)["code"] == "method_not_allowed"


@pytest.mark.parametrize(
    "files, status, code",
    [
        ({"file": ("x.png", b"", "image/png")}, 415, "file_empty"),
        ({"file": ("x.png", b"not an image", "image/png")}, 415, "not_an_image"),
        ({"file": ("x.png", png()[:3000], "image/png")}, 422, "corrupt_image"),
    ],
)
def test_upload_errors_have_codes(client: TestClient, files, status, code) -> None:
    r = client.post("/api/images/filter", files=files, data={"filters": "sobel_x"})
    assert assert_error_body(r, status)["code"] == code


def test_a_body_over_the_limit_is_a_json_413(client: TestClient) -> None:
    big = b"x" * (11 * 1024 * 1024)
    r = client.post("/api/images/filter", files={"file": ("x.png", big, "image/png")})
    assert assert_error_body(r, 413)["code"] == "body_too_large"


def test_a_streamed_body_over_the_limit_is_a_json_413(client: TestClient) -> None:
    def chunks():
        head = b'--b\r\nContent-Disposition: form-data; name="file"; filename="x.png"\r\n\r\n'
        yield head
        for _ in range(12):
            yield b"x" * (1024 * 1024)

    r = client.post(
        "/api/images/filter",
        content=chunks(),
        headers={"content-type": "multipart/form-data; boundary=b"},
    )
    assert assert_error_body(r, 413)["code"] == "body_too_large"


def test_a_malformed_multipart_body_is_a_json_4xx(client: TestClient) -> None:
    r = client.post(
        "/api/images/filter",
        content=b"--b\r\nbroken",
        headers={"content-type": "multipart/form-data; boundary=b"},
    )
    assert_error_body(r)


def test_start_and_stop_messages_name_the_real_problem(client: TestClient) -> None:
    r = client.get("/api/conv/steps?start=5&stop=3").json()
    assert "stop" in r["detail"] and "at least" in r["detail"] or "larger" in r["detail"]
    r = client.get("/api/conv/steps?start=49")  # 7x7 with padding 1: steps 0..48
    assert r.status_code == 422 and "48" in r.json()["detail"]


def test_non_finite_bias_is_named(client: TestClient) -> None:
    r = client.get("/api/conv/plan?bias=true&bias_values=nan").json()
    assert r["code"] == "bias_not_finite" and "finite" in r["detail"]


@pytest.mark.parametrize("glyph", ["%00", "%E4%B8%AD", "%0A", "AB"])
def test_a_letter_the_font_cannot_draw_is_refused(client: TestClient, glyph: str) -> None:
    r = client.get(f"/api/conv/plan?input=letter&glyph={glyph}")
    assert r.status_code == 422 and r.json()["code"] in ("bad_letter", "too_long")


def test_every_code_is_a_literal_in_the_source() -> None:
    """The front end's catalogs are checked against these literals: none may be computed."""
    text = "\n".join(p.read_text() for p in APP.rglob("*.py"))
    passed_on = text.count("super().__init__(message, code=code, params=params)")
    assert len(re.findall(r"\bcode=(?!\")", text)) == passed_on == 1
    codes = set(re.findall(r'code="([a-z0-9_]+)"', text))
    assert {"too_large", "missing", "unknown_parameter", "body_too_large"} <= codes


def test_docs_list_every_error_code() -> None:
    """docs/api.md's table names every code the server or the engine can answer with."""
    docs = (APP.parent / "docs" / "api.md").read_text()
    for root in (APP, APP.parent / "convcore"):
        text = "\n".join(p.read_text() for p in root.rglob("*.py"))
        missing = {c for c in re.findall(r'code="([a-z0-9_]+)"', text) if f"`{c}`" not in docs}
        assert not missing, f"add these codes to docs/api.md: {sorted(missing)}"
