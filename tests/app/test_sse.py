"""Streaming mechanics: a client that goes away stops the work; the OpenAPI schema holds."""

from __future__ import annotations

import anyio
import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import negative_data_rejection, positive_data_acceptance

import convcore
from app.conv import service as conv_service
from app.main import app


def test_a_disconnected_client_stops_the_step_generator(monkeypatch):
    """Drive the ASGI app by hand: after the first body chunk the client hangs up."""
    produced = []
    original = convcore.forward_steps

    def counting(*args, **kwargs):
        for step in original(*args, **kwargs):
            produced.append(step.index)
            yield step

    monkeypatch.setattr(conv_service.convcore, "forward_steps", counting)
    scope = {
        "type": "http", "asgi": {"version": "3.0", "spec_version": "2.4"}, "http_version": "1.1",
        "method": "GET", "scheme": "http", "path": "/api/conv/steps", "raw_path": b"",
        "query_string": b"height=64&width=64&in_channels=4&out_channels=8&kernel=random",
        "headers": [(b"host", b"test")], "client": ("127.0.0.1", 1), "server": ("test", 80),
        "root_path": "",
    }  # fmt: skip
    chunks = []
    gone = anyio.Event()

    async def receive():
        if chunks:
            return {"type": "http.disconnect"}
        await gone.wait()
        return {"type": "http.disconnect"}

    async def send(message):
        if message["type"] == "http.response.body" and message.get("body"):
            chunks.append(message["body"])
            gone.set()

    anyio.run(app, scope, receive, send)
    total = 8 * 64 * 64
    assert 0 < len(chunks) <= 2
    assert len(produced) < total / 10  # stopped after a batch or two, not all 32,768 steps


schema = schemathesis.openapi.from_asgi("/openapi.json", app)


# GIFs are excluded: up to max_frames slides of Pillow drawing take seconds by design, past the
# client's 10 s timeout on a loaded machine; tests/app/export covers their contract and 422s.
@(
    schema.include(path_regex="^/(api/conv|api/receptive|healthz)")
    .exclude(path_regex=r"animation\.gif$")
    .parametrize()
)
@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_schema_and_never_fails(case):
    """No 5xx, no undocumented status or content type, every response matches its schema.

    Schema-valid but impossible combinations (stride too big for the input, ...) are meant to
    be 422s, so the positive-data check does not apply. A form body (the POST twins) carries
    strings and is read by the query's own rules (`bias=0` is false, as in a URL), so the
    type-level negatives schemathesis builds for forms are not negatives here.
    """
    excluded = [positive_data_acceptance]
    if case.method == "POST" and case.path.startswith("/api/conv"):
        excluded.append(negative_data_rejection)
    case.call_and_validate(excluded_checks=excluded)


@pytest.mark.parametrize(
    "path", ["/api/conv/steps", "/api/conv/backward/steps", "/api/conv-transpose/steps"]
)
def test_streams_are_documented_as_event_streams(path):
    doc = app.openapi()["paths"][path]["get"]["responses"]
    assert "text/event-stream" in doc["200"]["content"]
    assert "application/json" in doc["422"]["content"]
