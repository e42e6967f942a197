"""The other lessons' endpoints: every number is the engine's, and refusals keep the body."""

from __future__ import annotations

import json
import re

import numpy as np
import pytest
from error_body import assert_error_body

import convcore
from convcore import signals


def test_signals_box_is_a_triangle_with_first_order_error(client):
    r = client.get("/api/concepts/signals?pair=box&t=0.5&h=0.25").json()
    assert r["exact"] == pytest.approx(0.5)  # 1 − |t|
    assert r["error"] == pytest.approx(abs(r["riemann"] - 0.5))
    assert r["orders"] == pytest.approx([1.0] * len(r["orders"])) and len(r["orders"]) >= 4
    hs = [e["h"] for e in r["errors"]]
    assert hs == [1 / 2**k for k in range(7)]
    assert np.allclose(r["fine"]["product"], np.multiply(r["fine"]["f"], r["fine"]["g"]))


def test_signals_gaussians_add_their_variances(client):
    r = client.get("/api/concepts/signals?pair=gaussian&t=0&sigma1=0.6&sigma2=0.8").json()
    assert r["variances"] == pytest.approx([0.36, 0.64, 1.0])
    assert r["exact"] == pytest.approx(float(signals.gaussian(np.array([0.0]), 0, 1.0)[0]))
    assert r["errors"][-1]["max_error"] < 1e-12 and r["explorer"] is None


def test_signals_link_opens_the_same_discrete_sum_in_the_explorer(client):
    r = client.get("/api/concepts/signals?pair=box&h=0.25").json()
    plan = client.get(f"/api/conv/plan?{r['explorer']}").json()
    assert plan["output"][0][0][0] == np.convolve(np.ones(5), np.ones(5)).tolist()


def test_impulse_correlation_flips_and_convolution_does_not(client):
    r = client.get("/api/concepts/impulse?kernel=1,2,3,4,5,6,7,8,-9&size=7").json()
    k = np.array(r["kernel"])
    mid = r["mid"]
    assert mid == 3 and r["correlation_is_flipped"] and r["convolution_is_kernel"]
    assert np.array_equal(np.array(r["correlation"])[2:5, 2:5], k[::-1, ::-1])
    assert r["row"]["correlate"] == np.correlate(r["row"]["x"], k[0], "full").tolist()
    assert r["row"]["convolve"] == np.convolve(r["row"]["x"], k[0]).tolist()


def test_impulse_needs_an_odd_size(client):
    body = assert_error_body(client.get("/api/concepts/impulse?size=6"), 422)
    assert body["code"] == "impulse_size_even"


def test_shift_is_exact_with_circular_padding_and_breaks_with_stride(client):
    q = "input=random&height=8&width=8&kernel=sobel_x&padding_mode=circular&shift_mode=circular"
    r = client.get(f"/api/concepts/shift?{q}&pool=true").json()
    assert r["broken_count"] == 0 and r["cells"] == 64
    assert r["pooled_same"] is not None and 0 <= r["pooled_same"] <= 16
    zeros = client.get("/api/concepts/shift?input=random&height=8&width=8").json()
    assert 0 < zeros["broken_count"] < zeros["cells"]  # only near the borders
    broken = np.array(zeros["broken"])
    assert not broken[:, 2:-1].any()
    s2 = client.get("/api/concepts/shift?input=random&height=8&width=8&stride=2").json()
    sobel_x = np.array([[[[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]]]])
    y = convcore.conv2d(np.array(s2["x"])[None, None], sobel_x, stride=2, padding=1)
    assert np.allclose(s2["y"], y[0, 0]) and s2["broken_count"] > s2["cells"] // 2


@pytest.mark.parametrize("n, k, ratio", [(2, 5, 18 / 25), (3, 7, 27 / 49)])
def test_stack_counts_weights_and_fields(client, n, k, ratio):
    r = client.get(f"/api/concepts/stack?channels=64&n={n}").json()
    assert r["stacked"]["params"] == n * 9 * 64**2 and r["single"]["params"] == k * k * 64**2
    assert r["stacked"]["rf"] == r["single"]["rf"] == k
    assert r["ratio"] == pytest.approx(ratio) and r["stacked"]["nonlinearities"] == n


def test_output_size_fraction_and_floor(client):
    r = client.get("/api/concepts/output-size?size=8&kernel=3&stride=2&padding=0").json()
    assert (r["fraction"], r["seed_whole"], r["output"], r["ceil_output"], r["unused"]) == (
        "7/2", False, 3, 4, 1)  # fmt: skip
    assert r["output"] == convcore.output_size(8, 3, 2, 0)[0]
    assert r["windows"] == [[0, 2], [2, 4], [4, 6]]
    d = client.get("/api/concepts/output-size?size=9&kernel=3&stride=1&dilation=2").json()
    assert d["span"] == 5 and d["output"] == 5 and d["seed_whole"]


def test_output_size_refuses_a_kernel_larger_than_the_input(client):
    body = assert_error_body(client.get("/api/concepts/output-size?size=2&kernel=5"), 422)
    assert body["args"]


def test_lessons_index_and_pages(client):
    index = client.get("/lessons").text
    slugs = ["convolution", "correlation", "sharing", "equivariance", "kernel-size",
             "output-size", "receptive-field"]  # fmt: skip
    where = [index.find(f'href="/lessons/{s}"') for s in slugs]
    assert min(where) > 0 and where == sorted(where)  # all seven, in the seed's order
    for s in slugs:
        page = client.get(f"/lessons/{s}")
        assert page.status_code == 200 and f'data-slug="{s}"' in page.text
    assert client.get("/lessons/nope").status_code == 404
    assert 'href="/lessons" data-i18n="nav.lessons"' in client.get("/").text


def test_a_lesson_page_starts_from_its_slug_and_knows_whether_network_exists(client):
    text = client.get("/lessons/receptive-field").text
    state = json.loads(re.search(r'id="initial-state">(.*?)</script>', text, re.S).group(1))
    assert state["slug"] == "receptive-field" and len(state["lessons"]) == 7
    has_network = any(getattr(r, "path", None) == "/network" for r in client.app.routes)
    assert state["network"] is has_network
