"""The transposed plan says what padding and output_padding crop from the stamps' canvas."""

from __future__ import annotations

import numpy as np
import pytest
from fastapi.testclient import TestClient

import convcore as cc


@pytest.mark.parametrize(
    "query, full, crop",
    [
        ("padding=0", (9, 9), (0, 0, 0, 0)),
        ("padding=1", (9, 9), (1, 1, 1, 1)),
        ("padding=1&stride=2&output_padding=1", (15, 15), (1, 1, 0, 0)),
        ("padding=2,1&stride=2&output_padding=1,0", (15, 15), (2, 1, 1, 1)),
    ],
)
def test_crop_and_full_canvas(client: TestClient, query: str, full, crop) -> None:
    plan = client.get(f"/api/conv-transpose/plan?height=7&width=7&kernel_size=3&{query}").json()
    c = plan["crop"]
    assert (plan["full"]["H_full"], plan["full"]["W_full"]) == full
    assert (c["top"], c["left"], c["bottom"], c["right"]) == crop
    H_out = full[0] - c["top"] - c["bottom"]
    W_out = full[1] - c["left"] - c["right"]
    assert np.shape(plan["output"])[2:] == (H_out, W_out)


@pytest.mark.parametrize(
    "query",
    [
        "stride=2&padding=1&output_padding=1&kernel=random&bias=true&seed=4",
        "stride=3,2&padding=0,2&dilation=2&output_padding=1,0&kernel_size=3,2&kernel=random",
        "in_channels=4&out_channels=2&groups=2&stride=2&kernel=random&operation=convolution",
        "stride=1&padding=3&kernel_size=3&height=6&width=6",  # padding past d(k-1): a crop
    ],
)
def test_direct_input_and_weight_reproduce_the_output_with_conv2d(client, query):
    plan = client.get(f"/api/conv-transpose/plan?{query}").json()
    p = plan["params"]
    z, w = np.array(plan["direct_input"]), np.array(plan["direct_weight"])
    bias = None if plan["bias"] is None else np.array(plan["bias"])
    dilation = [int(v) for v in str(p["dilation"]).split(",")]
    y = cc.conv2d(z, w, bias, groups=p["groups"], dilation=(dilation[0], dilation[-1]))
    np.testing.assert_array_equal(y, np.array(plan["output"]))  # exactly, not approximately
    C_in, C_out, G = plan["shape"]["C_in"], plan["shape"]["C_out"], plan["shape"]["groups"]
    assert w.shape == (C_out, C_in // G, plan["shape"]["kH"], plan["shape"]["kW"])
    cells = np.array(plan["direct_cells"])
    assert cells.shape == z.shape[2:]
    assert (z[:, :, cells != 2] == 0).all()  # inserted zeros and padding hold zeros


def test_direct_fields_match_torch_when_torch_is_present(client):
    torch = pytest.importorskip("torch")
    plan = client.get("/api/conv-transpose/plan?stride=2&padding=1&kernel=random&seed=2").json()
    x, w = torch.tensor(plan["input"]), torch.tensor(plan["weight"])
    want = torch.nn.functional.conv_transpose2d(x, w, stride=2, padding=1)
    got = torch.nn.functional.conv2d(
        torch.tensor(plan["direct_input"]), torch.tensor(plan["direct_weight"])
    )
    assert torch.allclose(got, want, atol=1e-12)
