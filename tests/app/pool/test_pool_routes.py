"""GET /api/pool/plan and /api/pool/steps: torch's numbers, one window per step."""

from __future__ import annotations

import numpy as np
import pytest

from tests.app.error_body import assert_error_body
from tests.app.sse_events import parse_sse

CASES = [
    "op=max&kernel_size=2",
    "op=max&kernel_size=3&stride=2&padding=1&ceil_mode=true&height=7&width=6",
    "op=max&kernel_size=2&dilation=2&height=7&width=7&input=ramp",
    "op=avg&kernel_size=3&stride=2&padding=1&ceil_mode=true&count_include_pad=false",
    "op=avg&kernel_size=3&stride=2&padding=1&count_include_pad=true&channels=2",
]


def steps(client, query):
    r = client.get(f"/api/pool/steps?{query}")
    assert r.status_code == 200, r.text
    events = parse_sse(r.text)
    return [d for name, _, d in events if name == "step"], events[-1][2]


@pytest.mark.parametrize("query", CASES)
def test_steps_rebuild_the_plans_output(client, query):
    plan = client.get(f"/api/pool/plan?{query}").json()
    got, done = steps(client, query)
    y = np.full(np.shape(plan["y"]), np.nan)
    for st in got:
        c, oh, ow = st["out"]
        y[c, oh, ow] = st["value"]
        window = np.array([[np.nan if v is None else v for v in row] for row in st["window"]])
        if plan["op"] == "max":
            i, j = st["chosen"]
            assert window[i, j] == st["value"] == np.nanmax(window)
        else:
            assert st["value"] == pytest.approx(st["total"] / st["divisor"])
            assert st["total"] == pytest.approx(np.nansum(window))
    assert len(got) == plan["steps"] and np.array_equal(y, plan["y"]) and done["y"] == plan["y"]


@pytest.mark.torch
@pytest.mark.parametrize("query", CASES)
def test_plan_equals_torch(client, query):
    torch = pytest.importorskip("torch")
    F = torch.nn.functional
    plan = client.get(f"/api/pool/plan?{query}").json()
    x = torch.tensor(plan["x"], dtype=torch.float64)[None]
    k, s, p, ceil = plan["kernel_size"], plan["stride"], plan["padding"], plan["ceil_mode"]
    if plan["op"] == "max":
        y, idx = F.max_pool2d(x, k, s, p, plan["dilation"], ceil, return_indices=True)
        got, _ = steps(client, query)
        assert [st["index"] for st in got] == idx[0].flatten().tolist()
    else:
        y = F.avg_pool2d(x, k, s, p, ceil, plan["count_include_pad"])
    assert np.allclose(plan["y"], y[0].numpy(), rtol=0, atol=1e-12)
    assert plan["out"] == list(y.shape[-2:])


def test_ceil_mode_adds_a_row_and_a_column(client):
    plan = client.get("/api/pool/plan?kernel_size=3&stride=2&ceil_mode=true&height=6&width=6")
    assert plan.json()["out"] == [3, 3] and plan.json()["floor_out"] == [2, 2]


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("kernel_size=3&padding=2", "pool_padding"),
        ("op=avg&dilation=2", "pool_dilation"),
        ("op=min", "not_a_choice"),
        ("kernel_size=9&height=4", None),
    ],
)
def test_refusals_explain_themselves(client, query, code):
    body = assert_error_body(client.get(f"/api/pool/plan?{query}"), 422)
    assert code is None or body["code"] == code
    assert client.get(f"/api/pool/steps?{query}").status_code == 422
