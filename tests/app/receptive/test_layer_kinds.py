"""Pooling (with ceil_mode) and transposed layers in /api/receptive-field's `layers` syntax."""

from __future__ import annotations

import numpy as np
import pytest

import convcore
from tests.app.error_body import assert_error_body


def field(client, layers: str, size: int, y: int = 0) -> dict:
    r = client.get("/api/receptive-field", params={"layers": layers, "size": size, "y": y})
    assert r.status_code == 200, r.text
    return r.json()


def test_old_syntax_is_a_conv_stack(client):
    a = field(client, "3,1,1;2,2,0", 32, 5)
    b = field(client, "conv:3,1,1;conv:2,2,0", 32, 5)
    assert a == b and [la["kind"] for la in a["layers"]] == ["conv", "conv"]


@pytest.mark.parametrize("size", [5, 6, 7, 8, 9, 13])
@pytest.mark.parametrize(("k", "s", "p"), [(2, 2, 0), (3, 2, 0), (3, 2, 1), (3, 3, 1)])
def test_ceil_mode_map_sizes_follow_the_engine(client, size, k, s, p):
    for ceil in (False, True):
        spec = f"pool:{k},{s},{p}" + (",ceil" if ceil else "")
        maps = field(client, spec, size)["maps"]
        assert maps == [size, convcore.pool_out_size(size, k, s, p, 1, ceil)]


@pytest.mark.torch
def test_map_sizes_match_torch_with_ceil_mode_and_transposed(client):
    torch = pytest.importorskip("torch")
    F = torch.nn.functional
    stack = "conv:3,1,1;pool:3,2,0,ceil;convT:4,2,1;pool:2,2,1,ceil;conv:3,2,1,2"
    for size in (7, 8, 9, 10, 11):
        x = torch.zeros(1, 1, size, size, dtype=torch.float64)
        seen = [size]
        x = F.conv2d(x, torch.ones(1, 1, 3, 3, dtype=torch.float64), padding=1)
        seen.append(x.shape[-1])
        x = F.max_pool2d(x, 3, 2, 0, ceil_mode=True)
        seen.append(x.shape[-1])
        x = F.conv_transpose2d(x, torch.ones(1, 1, 4, 4, dtype=torch.float64), stride=2, padding=1)
        seen.append(x.shape[-1])
        x = F.avg_pool2d(x, 2, 2, 1, ceil_mode=True)
        seen.append(x.shape[-1])
        x = F.conv2d(
            x, torch.ones(1, 1, 3, 3, dtype=torch.float64), stride=2, padding=1, dilation=2
        )
        seen.append(x.shape[-1])
        assert field(client, stack, size)["maps"] == seen


@pytest.mark.torch
def test_paths_through_a_ceil_mode_pool_are_torchs_gradient(client):
    torch = pytest.importorskip("torch")
    F = torch.nn.functional
    r = field(client, "conv:3,1,1;pool:3,2,0,ceil", 8, 3)  # the last window hangs over the edge
    x = torch.zeros(1, 1, 1, 8, dtype=torch.float64, requires_grad=True)
    h = F.conv2d(x, torch.ones(1, 1, 1, 3, dtype=torch.float64), padding=(0, 1))
    assert F.max_pool2d(h, (1, 3), (1, 2), 0, ceil_mode=True).shape[-1] == 4  # torch's size
    # a ceil-mode sum pool: the window reads h plus one zero of right padding
    y = F.conv2d(F.pad(h, (0, 1)), torch.ones(1, 1, 1, 3, dtype=torch.float64), stride=(1, 2))
    y[0, 0, 0, 3].backward()
    assert r["maps"] == [8, 8, 4]
    assert np.array_equal(r["paths"], x.grad[0, 0, 0].numpy().astype(int))


def test_transposed_stack_reports_its_exact_interval(client):
    r = field(client, "conv:3,1,1;convT:4,2,1", 8, 5)
    assert r["stride"] is None and r["padding"] is None
    assert r["region"] == r["visible"] and r["size"] == r["visible"][1] - r["visible"][0] + 1
    nonzero = np.flatnonzero(r["paths"])
    assert (nonzero[0], nonzero[-1]) == tuple(r["visible"])
    assert [la["rf"] for la in r["layers"]] == [3, None]


@pytest.mark.parametrize(
    ("layers", "code"),
    [
        ("conv:3,1,1,ceil", "layer_kind"),
        ("pool:3,2,2", "layer_pool_padding"),
        ("pooling:2,2,0", None),
    ],
)
def test_refusals(client, layers, code):
    body = assert_error_body(client.get(f"/api/receptive-field?layers={layers}&size=8"), 422)
    assert code is None or body["code"] == code


def test_erf_refuses_transposed_and_ceil(client):
    for layers in ("conv:3,1,1;convT:4,2,1", "pool:3,2,0,ceil"):
        r = client.get(f"/api/receptive-field/erf?layers={layers}&size=16")
        assert assert_error_body(r, 422)["code"] == "erf_conv_only"
    assert client.get("/api/receptive-field/erf?layers=3,1,1;pool:2,2,0&size=16").status_code == 200
