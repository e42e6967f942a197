"""GET /api/receptive-field/erf: the effective field, its width, and its growth with depth."""

from __future__ import annotations

import numpy as np
import pytest

from tests.app.error_body import assert_error_body


def erf(client, **q):
    r = client.get("/api/receptive-field/erf", params=q)
    assert r.status_code == 200, r.text
    return r.json()


@pytest.mark.parametrize(("k", "n"), [(3, 1), (3, 4), (5, 3), (3, 8)])
def test_uniform_linear_variance_is_n_k2_minus_1_over_12(client, k, n):
    r = erf(client, layers=";".join([f"{k},1,{k // 2}"] * n), size=64)
    expected = n * (k * k - 1) / 12
    assert r["std"][0] ** 2 == pytest.approx(expected, rel=1e-9)
    assert r["std"][1] ** 2 == pytest.approx(expected, rel=1e-9)
    assert [p["std"] ** 2 for p in r["depth"]] == pytest.approx(
        [m * (k * k - 1) / 12 for m in range(1, n + 1)], rel=1e-9
    )
    assert [p["rf"] for p in r["depth"]] == [1 + m * (k - 1) for m in range(1, n + 1)]


def test_width_grows_like_sqrt_n_while_the_field_grows_like_n(client):
    depth = erf(client, layers=";".join(["3,1,1"] * 8), size=64)["depth"]
    std = np.array([p["std"] for p in depth])
    rf = np.array([p["rf"] for p in depth])
    assert std[3] / std[0] == pytest.approx(2.0) and std[7] / std[1] == pytest.approx(2.0)
    assert rf[7] / rf[0] > 5  # 17 / 3
    assert all(p["linear_std"] == pytest.approx(p["std"]) for p in depth)


def test_uniform_erf_is_the_normalised_path_count(client):
    layers = "3,1,1;3,1,2,2;2,2,0"
    r = erf(client, layers=layers, size=24)
    e = np.array(r["erf"])
    assert e.shape == (24, 24) and e.sum() == pytest.approx(1.0) and (e >= 0).all()
    c = r["center"][0]
    paths = np.array(
        client.get(f"/api/receptive-field?layers={layers}&size=24&y={c}").json()["paths"], float
    )
    assert np.allclose(e, np.outer(paths, paths) / np.outer(paths, paths).sum())
    lo, hi = r["visible"]
    rows = np.flatnonzero(e.sum(axis=1))
    assert (rows[0], rows[-1]) == (lo, hi)  # nothing outside the theoretical outline


def test_random_weights_are_seeded_and_relu_changes_them(client):
    q = {"layers": "3,1,1;3,1,1;3,1,1", "size": 24, "weights": "random", "seeds": 3}
    a, b = erf(client, **q), erf(client, **q)
    assert a["erf"] == b["erf"]
    c = erf(client, **q, relu="true")
    assert c["erf"] != a["erf"] and np.array(c["erf"]).sum() == pytest.approx(1.0)


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("weights=ones", "not_a_choice"),
        ("seeds=99", "too_large"),
        ("size=1000", "too_large"),
        ("relu=maybe", "not_boolean"),
        ("layers=9,1,0&size=4", "layer_too_large"),
    ],
)
def test_refusals_explain_themselves(client, query, code):
    r = client.get(f"/api/receptive-field/erf?{query}")
    assert assert_error_body(r, 422)["code"] == code
