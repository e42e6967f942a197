"""GIF/PNG exports and code snippets over HTTP: the same query as the plan, bounded ranges."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import numpy as np
import pytest
from fastapi.testclient import TestClient
from PIL import Image

import convcore as cc
from app.animation import backward_layout, forward_layout
from app.animation import draw as d
from app.export.params import DEFAULT_FRAMES
from app.settings import get_settings

LAYER = "height=6&width=7&stride=2&padding=1&kernel=random&seed=3&bias=true"


def near(rgb, colour, tol=12) -> bool:
    return all(abs(int(a) - int(b)) <= tol for a, b in zip(rgb, colour, strict=True))


def lit(frame, grid, r, c) -> bool:
    x0, y0, _, _ = grid.rect(r, c)
    return near(frame.getpixel((x0 + 4, y0 + 4)), d.HIGHLIGHT)


def frames_of(data: bytes) -> list[Image.Image]:
    im = Image.open(io.BytesIO(data))
    out = []
    for k in range(im.n_frames):
        im.seek(k)
        out.append(im.convert("RGB"))
    return out


def test_forward_gif_frame_k_highlights_step_k_window(client: TestClient) -> None:
    plan = client.get(f"/api/conv/plan?{LAYER}").json()
    r = client.get(f"/api/conv/animation.gif?{LAYER}&start=2&stop=6")
    assert r.status_code == 200 and r.headers["content-type"] == "image/gif"
    frames = frames_of(r.content)
    assert len(frames) == 4 and frames[0].size == (1280, 720)
    sh = plan["shape"]
    lay = forward_layout((sh["Hp"], sh["Wp"]), (3, 3), (sh["H_out"], sh["W_out"]), 1)
    x, w = np.array(plan["input"]), np.array(plan["kernel"])
    steps = list(cc.forward_steps(x, w, np.array(plan["bias"]), 2, 1, start=2, stop=6))
    for frame, step in zip(frames, steps, strict=True):
        for r_ in range(sh["Hp"]):
            for c_ in range(sh["Wp"]):
                want = r_ in step.rows and c_ in step.cols
                assert lit(frame, lay.inputs[0], r_, c_) == want, (step.index, r_, c_)


def test_backward_gif_frames_light_the_window_that_feeds_dw(client: TestClient) -> None:
    frames = frames_of(client.get(f"/api/conv/backward/animation.gif?{LAYER}&stop=3").content)
    assert len(frames) == 3
    lay = backward_layout((8, 9), (3, 4), (3, 3), 1)
    # step 1 is output (0, 1): rows 0..2 and columns 2..4 of the padded input
    assert lit(frames[1], lay.inputs[0], 0, 2) and lit(frames[1], lay.inputs[0], 2, 4)
    assert not lit(frames[1], lay.inputs[0], 0, 0)


def test_png_equals_the_gif_frame_of_the_same_step(client: TestClient) -> None:
    gif = frames_of(client.get(f"/api/conv/animation.gif?{LAYER}&start=5&stop=6").content)
    r = client.get(f"/api/conv/frame.png?{LAYER}&step=5")
    assert r.headers["content-type"] == "image/png"
    png = np.asarray(Image.open(io.BytesIO(r.content)).convert("RGB"), int)
    assert np.abs(png - np.asarray(gif[0], int)).mean() < 3


@pytest.mark.parametrize(
    ("url", "frames"),
    [
        ("/api/conv-transpose/animation.gif?stride=2&height=3&width=3", 9),
        ("/api/conv-transpose/animation.gif?stride=2&height=3&width=3&view=direct&stop=49", 49),
    ],
)
def test_transposed_gif_has_one_frame_per_stamp_or_output(client, url, frames) -> None:
    assert len(frames_of(client.get(url).content)) == frames


def test_range_beyond_max_frames_is_a_422_with_a_code(client: TestClient) -> None:
    limit = get_settings().max_frames
    r = client.get(f"/api/conv/animation.gif?height=20&width=20&stop={limit + 1}")
    assert r.status_code == 422
    assert r.json()["code"] == "too_many_frames" and r.json()["args"]["max_frames"] == limit
    # without stop the GIF is a short loop of DEFAULT_FRAMES steps
    short = frames_of(client.get("/api/conv/animation.gif?height=20&width=20&start=3").content)
    assert len(short) == DEFAULT_FRAMES


@pytest.mark.parametrize(
    ("url", "code"),
    [
        ("/api/conv/frame.png?step=49", "step_past_end"),
        ("/api/conv/animation.gif?start=49", "start_past_end"),
        ("/api/conv/animation.gif?start=4&stop=4", "stop_before_start"),
        ("/api/conv-transpose/frame.png?step=9&height=3&width=3", "step_past_end"),
        ("/api/conv/code?lang=fortran", "not_a_choice"),
        ("/api/conv/code?kind=transposed&padding_mode=reflect", "transposed_padding_mode"),
        ("/api/conv/code?kind=forward&view=direct", "unknown_parameter"),
        ("/api/conv/code?height=60&width=60&in_channels=8", "snippet_too_large"),
    ],
)
def test_refusals_have_codes(client: TestClient, url: str, code: str) -> None:
    r = client.get(url)
    assert r.status_code == 422, r.text
    assert r.json()["code"] == code and set(r.json()) == {"detail", "code", "args"}


def run(source: str):
    out = subprocess.run([sys.executable, "-c", source], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout.strip().splitlines()[-1])


LANGS = ["numpy", "convcore", pytest.param("pytorch", marks=pytest.mark.torch)]
QUERY = "kernel=random&seed=5&bias=true&in_channels=2&out_channels=2&height=5&width=6"


@pytest.mark.parametrize("lang", LANGS)
def test_forward_snippet_prints_the_plans_output(client: TestClient, lang: str) -> None:
    if lang == "pytorch":
        pytest.importorskip("torch")
    q = f"{QUERY}&stride=2&padding_mode=reflect"
    r = client.get(f"/api/conv/code?{q}&lang={lang}")
    assert r.headers["content-type"].startswith("text/x-python")
    plan = client.get(f"/api/conv/plan?{q}").json()
    np.testing.assert_allclose(run(r.text), plan["output"], rtol=1e-12, atol=1e-12)


@pytest.mark.parametrize("lang", LANGS)
def test_transposed_snippet_prints_the_transposed_plans_output(client, lang: str) -> None:
    if lang == "pytorch":
        pytest.importorskip("torch")
    q = f"{QUERY}&stride=2&padding=1&output_padding=1&kind=transposed"
    got = run(client.get(f"/api/conv/code?{q}&lang={lang}").text)
    plan = client.get(f"/api/conv-transpose/plan?{q.replace('&kind=transposed', '')}").json()
    np.testing.assert_allclose(got, plan["output"], rtol=1e-12, atol=1e-12)


@pytest.mark.parametrize("lang", LANGS)
def test_backward_snippet_prints_the_streams_gradients(client, lang: str) -> None:
    if lang == "pytorch":
        pytest.importorskip("torch")
    q = f"{QUERY}&padding_mode=circular&grad=random"
    got = run(client.get(f"/api/conv/code?{q}&kind=backward&lang={lang}").text)
    body = client.get(f"/api/conv/backward/steps?{q}&start=0&stop=0").text
    done = json.loads(body.split("event: done\ndata: ")[1].split("\n")[0])
    for key in ("dx", "dw", "db"):
        np.testing.assert_allclose(got[key], done[key], rtol=1e-12, atol=1e-12)
