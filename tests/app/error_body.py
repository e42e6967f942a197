"""The one shape of every 4xx body, checked in one place."""

from __future__ import annotations

import re


def assert_error_body(r, status: int | None = None) -> dict:
    assert 400 <= r.status_code < 500 and (status is None or r.status_code == status), r.text
    assert r.headers["content-type"].startswith("application/json"), r.text
    body = r.json()
    assert set(body) == {"detail", "code", "args"}, body
    assert isinstance(body["detail"], str) and body["detail"], body
    assert re.fullmatch(r"[a-z][a-z0-9_]*", body["code"]), body
    for name, value in body["args"].items():
        if isinstance(value, bool):
            continue
        if isinstance(value, int | float):  # every number of args appears in the sentence
            shown = {str(value), f"{value:g}"}
            assert any(s in body["detail"] for s in shown), (name, value, body)
    return body
