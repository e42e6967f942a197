"""Generated code (app/snippets): each snippet runs in a fresh interpreter and prints convcore's
numbers (to 1e-9); the PyTorch ones where torch is installed."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

import convcore as cc
from app.snippets import snippet

ROOT = Path(__file__).resolve().parents[3]
HAS_TORCH = importlib.util.find_spec("torch") is not None
LANGS = [
    "numpy",
    "convcore",
    pytest.param(
        "pytorch", marks=[pytest.mark.torch, pytest.mark.skipif(not HAS_TORCH, reason="torch")]
    ),
]
FORWARD = {
    "plain": ((1, 1, 5, 5), (1, 1, 3, 3), {"padding": 1}),
    "groups_stride_reflect": (
        (2, 4, 6, 7), (6, 2, 3, 2),
        {"stride": (2, 1), "padding": (1, 1), "groups": 2, "padding_mode": "reflect"},
    ),
    "dilation_circular": (
        (1, 2, 6, 6), (3, 2, 2, 3), {"dilation": (2, 1), "padding": 2, "padding_mode": "circular"},
    ),
    "same_even_kernel_replicate": (
        (1, 1, 4, 5), (2, 1, 2, 2), {"padding": "same", "padding_mode": "replicate"},
    ),
}  # fmt: skip
TRANSPOSED = {
    "stride_crop": ((1, 2, 3, 3), (2, 2, 3, 3), {"stride": 2, "padding": 3, "output_padding": 1}),
    "groups_dilation": (
        (2, 4, 3, 4), (4, 1, 2, 3),
        {"stride": (1, 2), "padding": (1, 0), "groups": 2, "dilation": 2, "output_padding": (0, 1)},
    ),
}  # fmt: skip


def run(src: str):
    """Run a snippet in a fresh interpreter with the worktree on the path; parse its JSON line."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", src], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr + "\n" + src
    return json.loads(done.stdout.strip().splitlines()[-1])


def arrays(rng, x_shape, w_shape, bias=True):
    b = rng.standard_normal(w_shape[0]) if bias else None
    return rng.standard_normal(x_shape), rng.standard_normal(w_shape), b


def spec_of(w_shape, params):
    p = {k: v for k, v in params.items() if k != "output_padding"}
    return cc.Conv2dSpec.of(w_shape[2:], **p)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", sorted(FORWARD))
def test_forward_snippet_prints_conv2d(lang, name, rng):
    x_shape, w_shape, params = FORWARD[name]
    x, w, b = arrays(rng, x_shape, w_shape, bias=name != "plain")
    got = run(snippet(lang, x, w, b, spec_of(w_shape, params)))
    np.testing.assert_allclose(got, cc.conv2d(x, w, b, **params), rtol=0, atol=1e-9)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", ["plain", "groups_stride_reflect", "dilation_circular"])
def test_backward_snippet_prints_conv2d_backward(lang, name, rng):
    x_shape, w_shape, params = FORWARD[name]
    x, w, b = arrays(rng, x_shape, w_shape, bias=name != "plain")
    dy = rng.standard_normal(cc.conv2d(x, w, b, **params).shape)
    got = run(snippet(lang, x, w, b, spec_of(w_shape, params), "backward", grad_output=dy))
    want = cc.conv2d_backward(dy, x, w, **params)
    for key, value in zip(("dx", "dw", "db"), want, strict=True):
        np.testing.assert_allclose(got[key], value, rtol=0, atol=1e-9, err_msg=key)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", sorted(TRANSPOSED))
def test_transposed_snippet_prints_conv_transpose2d(lang, name, rng):
    x_shape, w_shape, params = TRANSPOSED[name]
    x, w = rng.standard_normal(x_shape), rng.standard_normal(w_shape)
    b = rng.standard_normal(w_shape[1] * params.get("groups", 1))
    spec = spec_of(w_shape, params)
    src = snippet(lang, x, w, b, spec, "transposed", output_padding=params["output_padding"])
    np.testing.assert_allclose(run(src), cc.conv_transpose2d(x, w, b, **params), atol=1e-9)


def test_floats_are_embedded_exactly():
    x = np.array([[[[0.1, 1 / 3], [2.0**-40, -7.25]]]])
    src = snippet("convcore", x, np.ones((1, 1, 1, 1)), None, cc.Conv2dSpec.of(1))
    assert "0.3333333333333333" in src and "9.094947017729282e-13" in src


@pytest.mark.parametrize(
    "kwargs, code",
    [
        ({"lang": "julia"}, "unknown_language"),
        ({"kind": "sideways"}, "unknown_kind"),
        ({"kind": "backward"}, "missing_grad_output"),
        ({"x": np.zeros((1, 1, 200, 200))}, "snippet_too_large"),
    ],
)
def test_refusals_carry_codes(kwargs, code):
    args = {"lang": "numpy", "x": np.zeros((1, 1, 4, 4)), "weight": np.ones((1, 1, 3, 3)),
            "bias": None, "spec": cc.Conv2dSpec.of(3)} | kwargs  # fmt: skip
    with pytest.raises(cc.ConvError) as err:
        snippet(**args)
    assert err.value.code == code


def test_an_impossible_layer_raises_the_engines_error_instead_of_writing_code():
    with pytest.raises(cc.ConvError, match="effective kernel"):
        snippet("numpy", np.zeros((1, 1, 2, 2)), np.ones((1, 1, 3, 3)), None, cc.Conv2dSpec.of(3))
