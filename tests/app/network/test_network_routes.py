"""/api/network: the committed model's accuracy, predictions equal to convcore.network, one
unit opened in the explorer with the same value, and every refusal with its code."""

from __future__ import annotations

import sys
from pathlib import Path
from urllib.parse import parse_qsl

import numpy as np
import pytest
from error_body import assert_error_body
from fastapi.testclient import TestClient

from convcore import network as nw

ROOT = Path(__file__).resolve().parents[3]
DATA = ROOT / "app" / "network" / "data"


@pytest.fixture(scope="module")
def digits():
    with np.load(DATA / "digits.npz") as z:
        return z["images"].astype(float), z["labels"].astype(int), int(z["train"])


@pytest.fixture(scope="module")
def params():
    with np.load(DATA / "digits_cnn.npz") as z:
        return {k: z[k] for k in z.files if k.endswith((".weight", ".bias"))}


def blank() -> list[list[float]]:
    return [[0.0] * 8 for _ in range(8)]


def test_committed_weights_reach_95_percent_on_the_test_split(client, digits, params):
    images, labels, cut = digits
    body = client.get("/api/network/model").json()
    assert body["accuracy"]["test"] >= 0.95
    assert body["split"] == {"train": 1200, "test": 597} and cut == 1200
    # Recomputed here over the raw file, the whole test split in one pass.
    probs = nw.predict(nw.DIGITS_CNN, params, nw.digits_input(images[cut:]))
    right = probs.argmax(1) == labels[cut:]
    assert body["accuracy"]["test"] == pytest.approx(float(right.mean()))


def test_model_lists_layers_and_every_weight(client, params):
    body = client.get("/api/network/model").json()
    assert [la["kind"] for la in body["layers"]] == [
        "conv2d", "relu", "max_pool2d", "conv2d", "relu", "max_pool2d", "flatten", "linear",
    ]  # fmt: skip
    assert body["layers"][0] == {"name": "conv1", "kind": "conv2d", "in_channels": 1,
                                 "out_channels": 16, "kernel_size": 3, "padding": 1,
                                 "stride": 1}  # fmt: skip
    assert set(body["weights"]) == set(params)
    for name, w in params.items():
        assert np.array_equal(np.array(body["weights"][name]), w), name


@pytest.mark.parametrize("index", [0, 3, 596])
def test_predict_equals_convcore_network_forward(client, digits, params, index):
    images, labels, cut = digits
    got = client.get(f"/api/network/test-image?index={index}").json()
    assert got["dataset_index"] == cut + index and got["label"] == labels[cut + index]
    assert np.array_equal(got["image"], images[cut + index])
    body = client.post("/api/network/predict", json={"image": got["image"]}).json()
    acts = nw.forward(nw.DIGITS_CNN, params, nw.digits_input(images[cut + index]))
    assert [a["name"] for a in body["activations"]] == ["input"] + [la.name for la in nw.DIGITS_CNN]
    for out, want in zip(body["activations"], acts, strict=True):
        assert out["shape"] == list(want.shape[1:])
        assert np.array_equal(np.array(out["values"]), want[0]), out["name"]
    assert np.array_equal(body["logits"], acts[-1][0])
    probs = np.array(body["probabilities"])
    assert probs.sum() == pytest.approx(1) and body["prediction"] == int(probs.argmax())


def test_predict_takes_fractional_counts(client, params):
    image = np.linspace(0, 16, 64).reshape(8, 8)
    body = client.post("/api/network/predict", json={"image": image.tolist()}).json()
    want = nw.predict(nw.DIGITS_CNN, params, nw.digits_input(image))[0]
    assert np.allclose(body["probabilities"], want, rtol=0, atol=1e-15)


def _activation(body, name):
    return np.array(next(a["values"] for a in body["activations"] if a["name"] == name))


@pytest.mark.parametrize(
    "layer, channel, row, col",
    [("conv1", 0, 0, 0), ("conv1", 7, 3, 5), ("conv1", 15, 7, 7), ("conv2", 0, 0, 3),
     ("conv2", 19, 2, 1), ("conv2", 31, 3, 3)],
)  # fmt: skip
def test_a_conv_unit_opens_in_the_explorer_with_the_same_value(client, layer, channel, row, col):
    image = client.get("/api/network/test-image?index=11").json()["image"]
    acts = client.post("/api/network/predict", json={"image": image}).json()
    unit = client.post("/api/network/unit", json={"image": image, "layer": layer,
                       "channel": channel, "row": row, "col": col}).json()  # fmt: skip
    want = _activation(acts, layer)[channel, row, col]
    assert unit["value"] == pytest.approx(want, rel=1e-12, abs=1e-12)
    products = np.array(unit["products"])
    assert np.allclose(products, np.array(unit["window"]) * np.array(unit["weight"]))
    assert products.sum() + unit["bias"] == pytest.approx(unit["value"], abs=1e-12)
    assert np.allclose(unit["partials"], products.sum(axis=(1, 2)), rtol=0, atol=1e-12)
    # The explorer's own plan, from the link's hash, computes the same number at (row, col).
    query = dict(parse_qsl(unit["explorer"].removeprefix("/#")))
    k = int(query.pop("k"))
    plan = client.get("/api/conv/plan", params=query)
    assert plan.status_code == 200, plan.text
    out = np.array(plan.json()["output"])  # (1, 1, H_out, W_out)
    assert out[0, 0, row, col] == pytest.approx(want, rel=1e-12, abs=1e-12)
    assert k == row * out.shape[3] + col
    assert plan.json()["steps"] > k
    source = _activation(acts, {"conv1": "input", "conv2": "pool1"}[layer])
    assert np.array_equal(np.array(plan.json()["input"])[0], source)  # the real previous map


@pytest.mark.parametrize("layer, channel, row, col", [("pool1", 4, 3, 0), ("pool2", 31, 1, 1)])
def test_a_pool_unit_is_the_max_of_its_window(client, layer, channel, row, col):
    image = client.get("/api/network/test-image?index=5").json()["image"]
    acts = client.post("/api/network/predict", json={"image": image}).json()
    unit = client.post("/api/network/unit", json={"image": image, "layer": layer,
                       "channel": channel, "row": row, "col": col}).json()  # fmt: skip
    source = _activation(acts, {"pool1": "relu1", "pool2": "relu2"}[layer])[channel]
    window = source[2 * row : 2 * row + 2, 2 * col : 2 * col + 2]
    assert np.array_equal(unit["window"], window) and unit["value"] == window.max()
    i, j = unit["chosen"]
    assert window[i, j] == window.max() and unit["explorer"] is None
    assert unit["value"] == _activation(acts, layer)[channel, row, col]


BAD = [
    ("post", "/api/network/predict", {"image": [[0.0] * 8] * 9}, "network_image_shape"),
    ("post", "/api/network/predict", {"image": [[0.0] * 8] * 7 + [[0.0] * 7]},
     "network_image_shape"),
    ("post", "/api/network/predict", {"image": [[0.0] * 8] * 7 + [[0.0] * 7 + [16.5]]},
     "network_image_range"),
    ("post", "/api/network/predict", {"image": [[-1.0] + [0.0] * 7] + [[0.0] * 8] * 7},
     "network_image_range"),
    ("post", "/api/network/predict", {"image": [["a"] * 8] * 8}, "not_number"),
    ("post", "/api/network/predict", {"image": blank(), "extra": 1}, "unknown_parameter"),
    ("post", "/api/network/predict", {}, "missing"),
    ("post", "/api/network/unit", {"image": blank(), "layer": "conv1", "channel": 16, "row": 0,
                                   "col": 0}, "network_unit_outside"),
    ("post", "/api/network/unit", {"image": blank(), "layer": "pool2", "channel": 0, "row": 2,
                                   "col": 0}, "network_unit_outside"),
    ("post", "/api/network/unit", {"image": blank(), "layer": "fc", "channel": 0, "row": 0,
                                   "col": 0}, "not_a_choice"),
    ("post", "/api/network/unit", {"image": blank(), "layer": "conv1", "channel": -1, "row": 0,
                                   "col": 0}, "too_small"),
    ("get", "/api/network/test-image?index=597", None, "too_large"),
    ("get", "/api/network/test-image?index=x", None, "not_integer"),
    ("get", "/api/network/train?epochs=0", None, "too_small"),
    ("get", "/api/network/train?epochs=99", None, "too_large"),
    ("get", "/api/network/train?lr=1", None, "too_large"),
    ("get", "/api/network/train?lr=nan", None, "not_number"),
    ("get", "/api/network/train?batch=4", None, "too_small"),
    ("get", "/api/network/train?seed=-1", None, "too_small"),
    ("get", "/api/network/train?steps=3", None, "unknown_parameter"),
]  # fmt: skip


@pytest.mark.parametrize("method, url, body, code", BAD)
def test_every_refusal_has_detail_code_and_args(client: TestClient, method, url, body, code):
    r = client.post(url, json=body) if method == "post" else client.get(url)
    assert assert_error_body(r, 422)["code"] == code


@pytest.mark.parametrize("value", ["NaN", "Infinity", "-Infinity"])
def test_a_non_finite_pixel_is_named(client: TestClient, value):
    rows = ",".join(["[0,0,0,0,0,0,0,0]"] * 7)
    text = f'{{"image": [[0,0,0,{value},0,0,0,0],{rows}]}}'
    r = client.post("/api/network/predict", content=text,
                    headers={"content-type": "application/json"})  # fmt: skip
    body = assert_error_body(r, 422)
    assert body["code"] == "network_image_not_finite" and body["args"]["col"] == 3


def test_the_live_runs_defaults_are_the_committed_runs():
    sys.path.insert(0, str(ROOT / "scripts"))
    import train_digits

    from app.network.params import TrainParams

    run = TrainParams()
    assert (run.epochs, run.batch, run.lr, run.seed) == (
        train_digits.EPOCHS, train_digits.BATCH, train_digits.LR, train_digits.SEED,
    )  # fmt: skip
