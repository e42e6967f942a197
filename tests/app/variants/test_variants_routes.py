"""The variants page's endpoints: every number against convcore (and torch where present)."""

from __future__ import annotations

import numpy as np
import pytest
from fastapi.testclient import TestClient

MODES = ["zeros", "reflect", "replicate", "circular"]


@pytest.mark.parametrize("mode", MODES)
def test_dx_as_a_transposed_conv_of_dy_equals_conv2d_backward(client: TestClient, mode) -> None:
    q = f"padding_mode={mode}&stride=2&padding=1,2&height=6&width=7&grad=random&kernel=random"
    b = client.get(f"/api/variants/backward?{q}").json()
    assert b["max_difference"] == 0 or b["max_difference"] < 1e-12
    np.testing.assert_allclose(b["dx_transposed"], b["dx"], atol=1e-12)
    source = np.array(b["source"])
    if mode == "zeros":  # gradient in padding is discarded: no padded cell maps back
        assert (source[1:-1, 2:-2] >= 0).all() and (source[0] == -1).all()
    else:  # every padded cell copies a real one, and the fold puts its gradient there
        assert (source >= 0).all()


def test_backward_step_names_the_window_and_terms(client: TestClient) -> None:
    b = client.get("/api/variants/backward?step=8&kernel=random&grad=random").json()
    st = b["step"]
    x = np.array(b["padded"])[0, 0]
    window = x[np.ix_(st["rows"], st["cols"])]
    np.testing.assert_allclose(st["dw_add"][0], st["g"] * window)
    assert b["macs_dw"] == b["macs_dx"] == 9 * 49 and b["adds_db"] == 49


def test_update_step_lowers_the_mse_loss_and_matches_torch_sgd(client: TestClient) -> None:
    u = client.get("/api/variants/update?loss=mse&bias=true&kernel=random").json()
    assert u["loss_after"] < u["loss_before"]
    np.testing.assert_allclose(
        u["new_weight"], np.array(u["weight"]) - u["lr"] * np.array(u["dw"]), atol=1e-12
    )
    torch = pytest.importorskip("torch")
    w = torch.tensor(u["weight"], dtype=torch.float64, requires_grad=True)
    plan = client.get("/api/conv/plan?bias=true&kernel=random").json()
    x = torch.tensor(plan["input"], dtype=torch.float64)
    b = torch.tensor(plan["bias"], dtype=torch.float64)
    y = torch.nn.functional.conv2d(x, w, b, padding=1)
    (0.5 * ((y - torch.tensor(u["target"], dtype=torch.float64)) ** 2).sum()).backward()
    np.testing.assert_allclose(w.grad.numpy(), u["dw"], rtol=1e-10)


def test_update_loss_sum_uses_ones_and_a_huge_rate_is_refused(client: TestClient) -> None:
    u = client.get("/api/variants/update?loss=sum&lr=0.01").json()
    assert np.all(np.array(u["dy"]) == 1) and u["target"] is None
    r = client.get("/api/variants/update?loss=mse&lr=10&height=20&width=20")
    assert r.status_code == 422 and r.json()["code"] == "update_diverges"


def test_transposed_scatter_terms_equal_the_direct_windows_products(client) -> None:
    q = "stride=2&padding=1&output_padding=1&kernel=random&in_channels=2&out_channels=2"
    plan = client.get(f"/api/conv-transpose/plan?{q}").json()
    for step in (0, 7, 40):
        t = client.get(f"/api/variants/transposed?{q}&step={step}").json()
        n, f, i, j = t["step"]["out"]
        assert t["step"]["value"] == plan["output"][n][f][i][j]
        products = np.array(t["step"]["p"])
        assert sum(s["product"] for s in t["stamps"]) == pytest.approx(products.sum())
        for s in t["stamps"]:
            assert s["product"] == pytest.approx(s["x"] * s["w_tap"])
            assert plan["input"][n][s["c"]][s["h"]][s["w"]] == s["x"]
            assert plan["weight"][s["c"]][f][s["ki"]][s["kj"]] == s["w_tap"]
    np.testing.assert_array_equal(t["output"], plan["output"])


def test_grouped_bands_costs_and_mobilenet_ratio(client: TestClient) -> None:
    g = client.get("/api/variants/grouped?in_channels=4&out_channels=6&groups=2").json()
    assert g["bands"] == [[0, 2]] * 3 + [[2, 4]] * 3
    std, grp, sep = g["costs"]
    assert std["macs"] == 49 * 4 * 6 * 9 and grp["macs"] == std["macs"] // 2
    assert sep["macs"] == 49 * (4 * 9 + 4 * 6)
    assert g["ratio"] == pytest.approx(1 / 6 + 1 / 9) == pytest.approx(g["mobilenet"])
    np.testing.assert_allclose(g["two_step"], g["output"], atol=1e-12)


def test_im2col_column_row_and_product(client: TestClient) -> None:
    q = "in_channels=2&out_channels=2&stride=2&kernel=random"
    low = client.get(f"/api/variants/im2col?{q}&step=13").json()
    at = low["at"]
    cols, wm = np.array(low["cols"]), np.array(low["weight_matrix"])
    value = wm[at["row"]] @ cols[at["group"], :, at["column"]]
    assert value == pytest.approx(low["value"])
    plan = client.get(f"/api/conv/plan?{q}").json()
    assert low["value"] == plan["output"][at["n"]][at["f"]][at["oh"]][at["ow"]]
    assert low["patch_bytes"] == cols.size * 8 and low["input_bytes"] == 2 * 49 * 8


@pytest.mark.parametrize(
    "url",
    [
        "/api/variants/backward?step=49",
        "/api/variants/im2col?step=49",
        "/api/variants/transposed?step=81",
        "/api/variants/update?lr=0",
    ],
)
def test_refusals_have_codes(client: TestClient, url: str) -> None:
    r = client.get(url)
    assert r.status_code == 422 and set(r.json()) == {"detail", "code", "args"}
