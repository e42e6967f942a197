"""GET /api/receptive-field: the engine's receptive field with every map size."""

from __future__ import annotations

import pytest

from convcore.receptive_field import Layer, receptive_field


def test_alexnet_like_stack(client):
    r = client.get("/api/receptive-field?layers=11,4,0;3,2,0;5,1,2;3,2,0&size=227&y=2").json()
    assert (r["size"], r["stride"], r["padding"]) == (67, 16, 16)
    assert r["maps"] == [227, 55, 27, 27, 13]
    assert r["region"] == [2 * 16 - 16, 2 * 16 - 16 + 66] == r["visible"]
    assert [la["rf"] for la in r["layers"]] == [11, 19, 51, 67]
    nonzero = [i for i, n in enumerate(r["paths"]) if n]
    assert len(r["paths"]) == 227 and (nonzero[0], nonzero[-1]) == tuple(r["visible"])


def test_region_is_clipped_to_the_image_in_visible(client):
    r = client.get("/api/receptive-field?layers=3,1,1,2;3,1,2,4&size=10&y=0").json()
    expected = receptive_field([Layer(3, 1, 1, 2), Layer(3, 1, 2, 4)])
    nonzero = [i for i, n in enumerate(r["paths"]) if n]
    assert r["size"] == expected.size and r["region"][0] < 0 <= r["visible"][0]
    assert (nonzero[0], nonzero[-1]) == tuple(r["visible"])  # exact: holes are not reached


@pytest.mark.parametrize("query, message", [
    ("layers=3,1,0,8&size=4", "larger than its padded input"),
    ("layers=3,0,1", "stride"),
    ("y=99", "below the last map's size"),
    ("layers=3;x", "layers"),
    ("layers=" + ";".join(["99,1,49"] * 8), "layer 1 kernel must be at most 11"),
    ("layers=" + ";".join(["3,1,1"] * 9), "layers"),
])  # fmt: skip
def test_bad_stacks_are_explained(client, query, message):
    r = client.get(f"/api/receptive-field?{query}")
    assert r.status_code == 422 and message in r.json()["detail"]
