"""The POST twins: a configuration too long for a URL, sent as a form, gets the same answers."""

from __future__ import annotations

import json

import numpy as np
import pytest
from error_body import assert_error_body
from sse_events import parse_sse


def _form(fields: dict) -> dict[str, str]:
    return {k: str(v).lower() if isinstance(v, bool) else str(v) for k, v in fields.items()}


SMALL = {"in_channels": 2, "height": 5, "width": 6, "kernel_size": "3", "stride": "2", "bias": True}


@pytest.mark.parametrize("path", ["/api/conv/plan", "/api/conv-transpose/plan"])
def test_a_body_gives_the_same_plan_as_the_query(client, path):
    query = {k: str(v).lower() if isinstance(v, bool) else str(v) for k, v in SMALL.items()}
    assert client.post(path, data=_form(SMALL)).json() == client.get(path, params=query).json()


@pytest.mark.parametrize(
    "path", ["/api/conv/steps", "/api/conv/backward/steps", "/api/conv-transpose/steps"]
)
def test_a_body_gives_the_same_stream_as_the_query(client, path):
    query = {k: str(v).lower() if isinstance(v, bool) else str(v) for k, v in SMALL.items()}
    by_body = parse_sse(client.post(path, data=_form(SMALL)).text)
    assert by_body == parse_sse(client.get(path, params=query).text) and len(by_body) > 2


def test_input_values_too_long_for_a_url_travel_in_a_body(client):
    """3x64x64 values are ~80 KB of JSON: past the ~64 KB request line, fine as a body."""
    x = np.round(np.random.default_rng(0).normal(size=(3, 64, 64)) * 10, 2)
    text = json.dumps(x.tolist())
    assert len(text) > 64 * 1024
    fields = {"in_channels": 3, "height": 64, "width": 64, "input": "values", "input_values": text}
    plan = client.post("/api/conv/plan", data=_form(fields)).json()
    assert np.array_equal(np.asarray(plan["input"])[0], x)


def test_a_body_is_validated_like_a_query(client):
    body = assert_error_body(client.post("/api/conv/plan", data={"stride": "0"}), 422)
    assert body["code"] == client.get("/api/conv/plan?stride=0").json()["code"]
    assert assert_error_body(client.post("/api/conv/plan", data={"bogus": "1"}), 422)["code"] == (
        "unknown_parameter"
    )


def test_a_wrong_method_names_both_the_get_and_its_json_twin(client):
    r = client.request("OPTIONS", "/api/conv/plan")
    assert r.status_code == 405 and r.headers["allow"] == "GET, POST"
    assert client.request("PUT", "/").headers["allow"] == "GET"
