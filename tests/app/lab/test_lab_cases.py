"""The lab's public cases: every bad setting is a 422 with a code, never silently ignored."""

from __future__ import annotations

import io

import numpy as np
import pytest
from error_body import assert_error_body
from fastapi.testclient import TestClient
from PIL import Image


def png() -> bytes:
    out = io.BytesIO()
    Image.fromarray(np.full((8, 10, 3), 90, np.uint8)).save(out, "PNG")
    return out.getvalue()


def post(client: TestClient, files: list | dict | None = None, **form: str):
    return client.post("/api/images/filter", files=files or {"file": ("a.png", png())}, data=form)


def test_a_second_file_part_is_refused(client: TestClient) -> None:
    files = [("file", ("a.png", png(), "image/png")), ("file", ("b.png", png(), "image/png"))]
    body = assert_error_body(post(client, files, filters="box"), 422)
    assert body["code"] == "one_file_only" and body["args"] == {"count": 2}


def test_one_file_part_is_fine(client: TestClient) -> None:
    assert post(client, filters="box").status_code == 200


@pytest.mark.parametrize("stride", ["0", "0,1"])
def test_stride_zero_is_refused_not_ignored(client: TestClient, stride: str) -> None:
    body = assert_error_body(post(client, filters="box", stride=stride, padding="0"), 422)
    assert body["code"] == "out_of_range" and "stride" in body["detail"]


def test_same_padding_with_stride_two_says_what_to_change(client: TestClient) -> None:
    body = assert_error_body(post(client, filters="box", stride="2"), 422)
    assert "stride 1" in body["detail"] and "number" in body["detail"]
    assert body["code"] != "invalid"


def test_an_empty_filter_list_is_refused_never_sobel_x(client: TestClient) -> None:
    body = assert_error_body(post(client, filters=""), 422)
    assert body["code"] == "filter_count" and body["args"]["count"] == 0


def test_a_new_stride_applies_to_every_filter(client: TestClient) -> None:
    r = post(client, filters="box,sobel_x,custom", kernel="[[1,2]]", stride="2", padding="1")
    shapes = {(m["height"], m["width"]) for m in r.json()["maps"]}
    assert len(shapes) == 2 and all(h <= 5 and w <= 6 for h, w in shapes)
