"""GET /api/concepts/matrix: the plan's conv as a matrix on the unpadded input."""

from __future__ import annotations

import numpy as np
from error_body import assert_error_body
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from app.settings import get_settings

MODES = ("zeros", "reflect", "replicate", "circular")


@st.composite
def queries(draw: st.DrawFn) -> dict[str, str]:
    """A small plan query: any stride, dilation, groups, padding mode, bias and operation."""
    G = draw(st.sampled_from([1, 2]))
    k = (draw(st.integers(1, 3)), draw(st.integers(1, 3)))
    return {
        "batch": str(draw(st.integers(1, 2))),
        "in_channels": str(G * draw(st.integers(1, 2))),
        "out_channels": str(G * draw(st.integers(1, 2))),
        "groups": str(G),
        "height": str(draw(st.integers(2, 6))),
        "width": str(draw(st.integers(2, 6))),
        "kernel_size": f"{k[0]},{k[1]}",
        "stride": f"{draw(st.integers(1, 3))},{draw(st.integers(1, 3))}",
        "dilation": f"{draw(st.integers(1, 2))},{draw(st.integers(1, 2))}",
        "padding": draw(st.sampled_from(["0", "1", "2", "1,0", "same", "valid"])),
        "padding_mode": draw(st.sampled_from(MODES)),
        "input": "random",
        "kernel": "random",
        "seed": str(draw(st.integers(0, 99))),
        "bias": draw(st.sampled_from(["true", "false"])),
        "operation": draw(st.sampled_from(["correlation", "convolution"])),
    }


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(q=queries())
def test_matrix_times_input_plus_bias_is_the_plans_output(client, q):
    plan = client.get("/api/conv/plan", params=q)
    assume(plan.status_code == 200)  # impossible geometry: the plan refuses it too
    r = client.get("/api/concepts/matrix", params=q)
    assert r.status_code == 200, r.text
    m, body, p = np.array(r.json()["matrix"]), r.json(), plan.json()
    x, y = np.array(p["input"]), np.array(p["output"])
    assert m.shape == (y.size, x.size)
    assert np.allclose(m @ x.ravel() + np.array(body["bias"]), y.ravel())
    assert body["shapes"] == {"input": list(x.shape), "weight": list(np.shape(p["weight"])),
                              "output": list(y.shape)}  # fmt: skip
    # tap names the weight *as given* wherever exactly one weight sits; -1 elsewhere
    tap, w = np.array(body["tap"]), np.array(p["weight"]).ravel()
    assert body["weight"] == w.tolist()
    assert np.array_equal(m[tap >= 0], w[tap[tap >= 0]])
    folded = np.zeros(m.shape, bool)
    folded[tuple(np.array(body["folded"], int).reshape(-1, 2).T)] = True
    assert not (folded & (tap >= 0)).any() and not m[(tap < 0) & ~folded].any()
    if q["padding_mode"] == "zeros":  # nothing folds: every -1 is a structural zero
        assert not folded.any()
    counts = body["counts"]
    assert (counts["rows"], counts["cols"]) == m.shape
    r, c = len(body["row_at"]) - 1, len(body["col_at"]) - 1  # the last of each, in C order
    assert body["row_at"][r] == [v - 1 for v in y.shape] and body["col_at"][c] == [
        v - 1 for v in x.shape
    ]
    assert counts["conv"]["nonzeros"] >= (tap >= 0).sum()
    assert counts["dense"]["nonzeros"] == m.shape[0] * m.shape[1] // int(q["batch"])


def test_folded_padding_sums_weights_under_tap_minus_one(client):
    q = {"height": 3, "width": 3, "padding": 1, "padding_mode": "replicate", "kernel": "box"}
    body = client.get("/api/concepts/matrix", params=q).json()
    m, tap = np.array(body["matrix"]), np.array(body["tap"])
    # the corner output reads the corner pixel through four taps (itself and three copies)
    assert tap[0, 0] == -1 and np.isclose(m[0, 0], 4 * body["weight"][0])
    assert [0, 0] in body["folded"]
    assert body["counts"]["conv"]["params"] == 9 and body["counts"]["dense"]["params"] == 81


def test_counts_compare_with_a_dense_layer(client):
    q = {"height": 5, "width": 5, "padding": 0, "in_channels": 2, "out_channels": 3}
    counts = client.get("/api/concepts/matrix", params=q).json()["counts"]
    assert counts["conv"] == {"params": 3 * 2 * 9, "nonzeros": 3 * 9 * 2 * 9, "macs": 3 * 9 * 18}
    assert counts["dense"]["params"] == (2 * 25) * (3 * 9)


def test_a_matrix_beyond_the_limit_is_refused_with_its_code(client):
    limit = get_settings().max_matrix_entries
    body = assert_error_body(client.get("/api/concepts/matrix?height=32&width=32"), 422)
    assert body["code"] == "matrix_too_large" and body["args"]["max_entries"] == limit


def test_the_matrix_takes_exactly_the_plans_parameters(client):
    body = assert_error_body(client.get("/api/concepts/matrix?shift_mode=zeros"), 422)
    assert "shift_mode" in body["detail"]
