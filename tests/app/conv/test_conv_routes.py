"""The plan and step streams: every number the browser shows comes from the engine."""

from __future__ import annotations

import numpy as np
import pytest
from sse_events import parse_sse

import convcore
from app import fields
from app.conv import params as conv_params
from app.settings import Settings

CONFIGS = [
    "",
    "in_channels=2&out_channels=4&groups=2&kernel=random&bias=true&seed=3",
    "height=8&width=9&stride=2,3&padding=2,1&dilation=2&kernel=random",
    "padding_mode=reflect&input=random&seed=5&bias=true&bias_values=0.5",
    "padding_mode=circular&padding=2&kernel=laplacian",
    "padding_mode=replicate&batch=2&in_channels=3&out_channels=3&groups=3&kernel=gaussian",
    "padding=same&kernel_size=2,4&kernel=random&dilation=1,2",
    "height=7&width=7&stride=3&padding=0&kernel=emboss&operation=convolution",
    "input=digit&glyph=3&height=12&width=10&kernel=sobel_y",
    "input=values&input_values=[[1,2,3],[4,5,6],[7,8,9]]&height=3&width=3&kernel=values"
    "&weight_values=[[0,1],[2,3]]&kernel_size=2&padding=0",
]


def arrays(plan):
    x, k = np.array(plan["input"]), np.array(plan["kernel"])
    b = None if plan["bias"] is None else np.array(plan["bias"])
    return x, k, b


@pytest.mark.parametrize("query", CONFIGS)
def test_plan_output_is_the_engines_conv2d(client, query):
    plan = client.get(f"/api/conv/plan?{query}").json()
    x, k, b = arrays(plan)
    p = plan["params"]
    padding = (
        p["padding"]
        if p["padding"] in ("same", "valid")
        else fields.parse_pair(p["padding"], "padding", 0, 99)
    )
    y = convcore.conv2d(
        x,
        k,
        b,
        fields.parse_pair(p["stride"], "s", 1, 99),
        padding,
        fields.parse_pair(p["dilation"], "d", 1, 99),
        p["groups"],
        p["padding_mode"],
    )
    assert np.array_equal(np.array(plan["output"]), y)
    s = plan["shape"]
    assert y.shape == (s["N"], s["C_out"], s["H_out"], s["W_out"])
    assert plan["formula"]["height"]["value"] == s["H_out"]
    assert plan["formula"]["width"]["text"].endswith(f"= {s['W_out']}")
    assert plan["steps"] == y.size
    mask = np.array(plan["pad_mask"])
    assert mask.shape == (s["Hp"], s["Wp"]) and (~mask).sum() == s["H"] * s["W"]


@pytest.mark.parametrize("query", CONFIGS)
def test_steps_rebuild_the_plan_output_exactly(client, query):
    plan = client.get(f"/api/conv/plan?{query}").json()
    events = parse_sse(client.get(f"/api/conv/steps?{query}").text)
    steps, (done, _, tail) = events[:-1], events[-1]
    assert done == "done" and tail["steps"] == plan["steps"] == len(steps)
    out = np.full(np.shape(plan["output"]), np.nan)
    padded, kernel = np.array(plan["padded"]), np.array(plan["kernel"])
    for name, id_, st in steps:
        assert name == "step" and int(id_) == st["k"]
        n, f, i, j = st["out"]
        out[n, f, i, j] = st["value"]
        window = padded[n][np.ix_(st["ch"], st["rows"], st["cols"])]
        assert np.array_equal(window, st["x"])  # the taps index the padded input
        assert np.allclose(st["p"], window * kernel[f], rtol=1e-5)
        assert np.isclose(sum(st["s"]) + st["b"], st["value"], rtol=1e-5, atol=1e-9)
        pad = np.array(plan["pad_mask"])[np.ix_(st["rows"], st["cols"])]
        assert np.array_equal(pad, np.logical_or.outer(st["rpad"], st["cpad"]))
    assert np.array_equal(out, plan["output"])


def test_start_and_stop_select_a_range(client):
    whole = parse_sse(client.get("/api/conv/steps").text)[:-1]
    part = parse_sse(client.get("/api/conv/steps?start=10&stop=15").text)
    assert [e[2] for e in part[:-1]] == [e[2] for e in whole[10:15]]
    assert part[-1][2] == {"steps": 5, "next": 15}


def test_a_stream_holds_at_most_max_steps(client, monkeypatch):
    monkeypatch.setattr(conv_params, "S", Settings(max_steps=7))
    events = parse_sse(client.get("/api/conv/steps?start=3").text)
    assert len(events) == 8 and events[-1][2] == {"steps": 7, "next": 10}


def test_a_stream_holds_at_most_max_stream_numbers(client, monkeypatch):
    """3 input channels, 3x3 kernels: (2 x 27 + 3) = 57 numbers a step; 600 allow 10 steps."""
    monkeypatch.setattr(conv_params, "S", Settings(max_stream_numbers=600))
    q = "in_channels=3&kernel=random"
    assert parse_sse(client.get(f"/api/conv/steps?{q}").text)[-1][2] == {"steps": 10, "next": 10}
    back = parse_sse(client.get(f"/api/conv/backward/steps?{q}&start=5").text)[-1][2]
    assert (back["steps"], back["next"]) == (5, 10)  # 4 blocks of 27 a step: 600 // 108 = 5


def test_an_empty_range_has_no_next(client):
    assert parse_sse(client.get("/api/conv/steps?start=4&stop=4").text) == [
        ("done", None, {"steps": 0, "next": None})
    ]


@pytest.mark.parametrize("query", CONFIGS[:6])
def test_backward_stream_totals_equal_conv2d_backward(client, query):
    events = parse_sse(client.get(f"/api/conv/backward/steps?{query}&grad=random").text)
    plan = client.get(f"/api/conv/plan?{query}").json()
    done = events[-1][2]
    x, k, _ = arrays(plan)
    p = plan["params"]
    dx, dw, db = convcore.conv2d_backward(
        np.array(done["dy"]), x, k, fields.parse_pair(p["stride"], "s", 1, 99),
        fields.parse_pair(p["padding"], "p", 0, 99), fields.parse_pair(p["dilation"], "d", 1, 99),
        p["groups"], p["padding_mode"])  # fmt: skip
    assert np.allclose(done["dx"], dx) and np.allclose(done["dw"], dw)
    assert np.allclose(done["db"], db)
    last = {}
    for _, _, st in events[:-1]:
        last[st["out"][1]] = st
        assert np.allclose(st["dx_add"], st["g"] * k[st["out"][1]], rtol=1e-5)
    for f, st in last.items():  # the running totals end at the final gradients
        assert np.allclose(st["dw"], dw[f], rtol=1e-5) and np.isclose(st["db"], db[f])


def test_transposed_stamps_add_up_to_the_output(client):
    q = "stride=2&padding=1&output_padding=1&height=3&width=4&kernel=random&bias=true&seed=2"
    plan = client.get(f"/api/conv-transpose/plan?{q}").json()
    events = parse_sse(client.get(f"/api/conv-transpose/steps?{q}").text)
    y = np.array(plan["output"])
    acc = np.zeros_like(y) + np.array(plan["bias"])[:, None, None]
    for _, _, st in events[:-1]:
        rin, cin = np.flatnonzero(st["rin"]), np.flatnonzero(st["cin"])
        rows, cols = np.array(st["rows"])[rin], np.array(st["cols"])[cin]
        acc[st["at"][0]][np.ix_(st["ch"], rows, cols)] += np.array(st["stamp"])[:, rin][:, :, cin]
    assert np.allclose(acc, y) and events[-1][2] == {"steps": len(events) - 1, "next": None}
    x, w = np.array(plan["input"]), np.array(plan["weight"])
    assert np.array_equal(y, convcore.conv_transpose2d(x, w, np.array(plan["bias"]), 2, 1, 1))
    assert plan["shape"]["H_out"] == (3 - 1) * 2 - 2 + 2 + 1 + 1


def test_transposed_convolution_flips_the_kernel_it_applies(client):
    q = "kernel=emboss&stride=2&height=3&width=3"
    corr = client.get(f"/api/conv-transpose/plan?{q}").json()
    conv = client.get(f"/api/conv-transpose/plan?{q}&operation=convolution").json()
    assert conv["weight"] == corr["weight"] == corr["kernel"]
    flipped = np.array(corr["weight"])[..., ::-1, ::-1]
    assert np.array_equal(conv["kernel"], flipped)
    x = np.array(conv["input"])
    assert np.array_equal(conv["output"], convcore.conv_transpose2d(x, flipped, stride=2))
    step = parse_sse(client.get(f"/api/conv-transpose/steps?{q}&operation=convolution").text)[4]
    assert np.allclose(step[2]["stamp"], step[2]["v"] * flipped[0])


def test_convolution_flips_the_kernel(client):
    q = "kernel=emboss&input=random"
    corr = client.get(f"/api/conv/plan?{q}").json()
    conv = client.get(f"/api/conv/plan?{q}&operation=convolution").json()
    assert np.array_equal(np.array(conv["kernel"]), np.array(corr["kernel"])[..., ::-1, ::-1])
    x = np.array(corr["input"])
    assert np.array_equal(
        conv["output"], convcore.convolve2d(x, np.array(corr["weight"]), padding=1)
    )


@pytest.mark.parametrize("name", ["ramp", "checker", "random", "digit", "letter", "sample"])
def test_every_input_preset_draws_numbers(client, name):
    plan = client.get(f"/api/conv/plan?input={name}&height=9&width=9").json()
    x = np.array(plan["input"])
    assert x.shape == (1, 1, 9, 9) and x.std() > 0


@pytest.mark.parametrize("name", [*convcore.PRESETS, "random"])
def test_every_kernel_preset_is_served(client, name):
    plan = client.get(f"/api/conv/plan?kernel={name}").json()
    expected = convcore.kernel(name) if name != "random" else None
    if expected is not None:
        assert np.allclose(plan["weight"][0][0], expected, atol=1e-4)


BAD = {
    "stride=0": "stride must be at least 1",
    "kernel_size=5&kernel=random&height=2&width=2&padding=1": "larger than the padded input",
    "in_channels=3&groups=2": "groups 2 must divide both the input channels 3",
    "padding_mode=reflect&padding=7": "reflect padding 7 must be smaller",
    "input=bogus": "input",
    "kernel=nope": "kernel",
    "input=values&input_values=[[1,2],[3]]": "input_values",
    "input=values&input_values=not-json": "input_values",
    "height=0": "height must be at least 1",
    "padding=same&stride=2": "padding 'same' needs stride 1",
    "kernel=sobel_x&kernel_size=4": "sobel_x kernel has no 4x4 version",
    "bias=true&bias_values=1,2": "per output channel (1)",
    "bias=true&bias_values=1e300": "between -1e+06 and 1e+06",
    "input=values&input_values=" + "[" * 5000: "input_values must be a JSON list",
    "kernel=values&weight_values=[[1e308]]&kernel_size=1": "between -1e+06 and 1e+06",
    "whatever=1": "unknown parameter 'whatever'",
    "dilation=3&kernel=random&kernel_size=2&height=3&width=3&padding=0": "effective kernel 4",
}


@pytest.mark.parametrize("query,message", BAD.items())
@pytest.mark.parametrize("path", ["/api/conv/plan", "/api/conv/steps"])
def test_bad_input_is_a_422_with_the_engines_message(client, path, query, message):
    r = client.get(f"{path}?{query}")
    assert r.status_code == 422 and r.headers["content-type"] == "application/json"
    assert message in r.json()["detail"]
    assert client.get("/healthz").json() == {"status": "ok"}


def test_transposed_refuses_non_zero_padding_modes(client):
    r = client.get("/api/conv-transpose/plan?padding_mode=reflect")
    assert r.status_code == 422 and "zeros padding" in r.json()["detail"]
