"""A busy classroom: heavy routes answer 503 + Retry-After in time; light ones never wait."""

from __future__ import annotations

import anyio
import pytest
from error_body import assert_error_body

from app import capacity

HEAVY = [
    ("GET", "/api/conv/plan"),
    ("GET", "/api/conv/steps"),
    ("GET", "/api/conv/backward/steps"),
    ("GET", "/api/conv-transpose/plan"),
    ("GET", "/api/conv-transpose/steps"),
]
LIGHT = ["/healthz", "/", "/lab", "/receptive", "/static/css/app.css", "/openapi.json"]


@pytest.fixture
def full(monkeypatch):
    """One heavy slot, taken, with a 0.1 s wait: every heavy request must be refused."""
    work = capacity.HeavyWork(slots=1, wait=0.1)
    monkeypatch.setattr(capacity, "heavy", lambda: work)
    anyio.run(work.acquire)
    yield work
    work.release()


@pytest.mark.parametrize(("method", "path"), HEAVY)
def test_heavy_requests_get_503_with_retry_after_when_every_slot_stays_busy(
    client, full, method, path
):
    r = client.request(method, path)
    assert r.status_code == 503 and int(r.headers["retry-after"]) >= 1
    body = r.json()
    assert body["code"] == "server_busy" and body["args"] == {"retry_after": 1}
    assert "busy" in body["detail"]


def test_an_upload_is_refused_before_it_is_decoded(client, full):
    r = client.post("/api/images/filter", files={"file": ("x.png", b"not even an image")})
    assert r.status_code == 503 and r.json()["code"] == "server_busy"


@pytest.mark.parametrize("path", LIGHT)
def test_light_requests_answer_while_every_heavy_slot_is_busy(client, full, path):
    assert client.get(path).status_code == 200


def test_a_freed_slot_serves_again(client, full):
    assert client.get("/api/conv/plan").status_code == 503
    full.release()
    try:
        assert client.get("/api/conv/plan").status_code == 200
    finally:
        anyio.run(full.acquire)


def test_bad_input_is_still_a_4xx_not_a_503_when_the_server_is_idle(client):
    assert_error_body(client.get("/api/conv/plan?stride=0"), 422)


@pytest.mark.parametrize("path", ["/", "/lab", "/receptive", "/healthz", "/static/css/app.css"])
def test_head_answers_200_on_pages_health_and_assets(client, path):
    r = client.head(path)
    assert r.status_code == 200 and r.content == b""


@pytest.mark.parametrize("path", ["/", "/static/css/app.css", "/api/conv/plan", "/nowhere"])
def test_every_response_carries_the_security_headers(client, path):
    r = client.get(path)
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["referrer-policy"] == "no-referrer"


def test_no_cors_headers_unless_configured(client):
    r = client.get("/api/conv/plan", headers={"Origin": "https://elsewhere.example"})
    assert "access-control-allow-origin" not in r.headers


def test_a_plan_too_large_for_a_page_is_refused_naming_the_limit(client):
    """A transposed conv can grow a 64x64 input to 592x592 (43.7 MB of JSON before the bound)."""
    query = (
        "batch=4&in_channels=8&out_channels=8&height=64&width=64&kernel_size=11&stride=8"
        "&dilation=8&output_padding=7&kernel=random&input=random"
    )
    body = assert_error_body(client.get(f"/api/conv-transpose/plan?{query}"), 422)
    assert body["code"] == "plan_too_large" and body["args"]["limit"] == 500_000
    assert body["args"]["numbers"] > body["args"]["limit"]


def test_the_largest_explorer_plans_stay_within_a_few_megabytes(client):
    largest = "batch=4&in_channels=8&out_channels=8&height=64&width=64&kernel_size=11"
    r = client.get(f"/api/conv/plan?{largest}")
    assert r.status_code == 200 and len(r.content) < 8e6
