"""GET /api/learn/plan and /api/learn/steps: convergence, curvature facts, divergence, refusals."""

from __future__ import annotations

import numpy as np
import pytest

import convcore
from tests.app.error_body import assert_error_body
from tests.app.sse_events import parse_sse


def _run(client, query: str = ""):
    r = client.get(f"/api/learn/steps?{query}")
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("text/event-stream")
    events = parse_sse(r.text)
    steps = [d for name, _, d in events if name == "step"]
    assert [name for name, _, _ in events][-1] == "done"
    return steps, events[-1][2]


def test_defaults_converge_to_the_target(client):
    steps, done = _run(client)
    target = convcore.kernel("sobel_x", 3)
    assert [s["iteration"] for s in steps] == list(range(len(steps)))
    assert done["diverged"] is False and done["iteration"] == steps[-1]["iteration"]
    assert done["loss"] <= 1e-6 * steps[0]["loss"]
    assert np.abs(np.array(done["kernel"]) - target).max() <= 1e-3
    assert np.array_equal(steps[0]["kernel"], np.zeros((3, 3)))  # init=zeros


def test_each_step_is_the_previous_minus_its_update(client):
    steps, _ = _run(client, "iterations=20&target=laplacian&image=house&size=16")
    for a, b in zip(steps, steps[1:], strict=False):
        w = np.array(a["kernel"]) - np.array(a["update"])
        assert np.allclose(w, b["kernel"], rtol=0, atol=1e-12)
    plan = client.get("/api/learn/plan?iterations=20&target=laplacian&image=house&size=16").json()
    assert np.allclose(np.array(steps[3]["update"]), plan["lr"] * np.array(steps[3]["dW"]))
    assert "output" in steps[0] and "output" in steps[-1]


def test_plan_reports_the_curvature_of_the_image(client):
    plan = client.get("/api/learn/plan?image=edges&size=20&kernel_size=5&target=gaussian").json()
    x = np.array(plan["image"])
    curv = convcore.curvature(x, (5, 5))
    assert plan["lambda_max"] == pytest.approx(curv.eigenvalues[-1])
    assert plan["lr_max"] == pytest.approx(2 / plan["lambda_max"])
    assert plan["lr"] == pytest.approx(0.5 * plan["lr_max"])
    t = convcore.conv2d(x[None, None], np.array(plan["target"])[None, None])[0, 0]
    assert np.allclose(plan["target_map"], t)


def test_above_the_largest_stable_rate_it_diverges_and_says_so(client):
    steps, done = _run(client, "lr_scale=1.2&iterations=2000")
    assert done["diverged"] is True and done["lr"] > done["lr_max"]
    assert steps[-1]["loss"] > 1e6 * steps[0]["loss"]
    assert len(steps) < 2001  # stopped before the numbers overflow
    assert all(np.isfinite(s["loss"]) for s in steps)


def test_just_below_the_limit_it_still_converges(client):
    steps, done = _run(client, "lr_scale=0.95&iterations=600")
    assert not done["diverged"] and done["loss"] < steps[0]["loss"]


def test_random_init_is_seeded(client):
    a, _ = _run(client, "init=random&seed=3&iterations=2")
    b, _ = _run(client, "init=random&seed=3&iterations=2")
    assert a[0]["kernel"] == b[0]["kernel"] and np.abs(a[0]["kernel"]).sum() > 0


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("target=nope", "not_a_choice"),
        ("iterations=5000", "too_large"),
        ("lr=-1", "too_small"),
        ("kernel_size=7&size=8&target=box", None),  # fits: 200
        ("target=sobel_x&kernel_size=2", None),  # sobel has no 2x2: the presets' own code
        ("bogus=1", "unknown_parameter"),
    ],
)
def test_refusals_explain_themselves(client, query, code):
    r = client.get(f"/api/learn/steps?{query}")
    if query.startswith("kernel_size=7"):
        assert r.status_code == 200
        return
    body = assert_error_body(r, 422)
    if code:
        assert body["code"] == code
