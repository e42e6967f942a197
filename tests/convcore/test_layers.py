"""relu, linear, softmax cross-entropy (convcore/layers.py): fixtures, live torch, gradients."""

from __future__ import annotations

import numpy as np
import pytest
from golden_io import load
from hypothesis import given, settings
from hypothesis import strategies as st
from layer_checks import by_op, numeric_grad

import convcore as cc

CASES = by_op("relu", "linear", "cross_entropy")


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_layer_equals_torch_fixture(path):
    c = load(path)
    assert c["torch"].startswith("2.13.0")
    if c["op"] == "relu":
        got = {"y": cc.relu(c["x"]), "dx": cc.relu_backward(c["gy"], c["x"])}
    elif c["op"] == "linear":
        dx, dw, db = cc.linear_backward(c["gy"], c["x"], c["w"])
        got = {"y": cc.linear(c["x"], c["w"], c.get("b")), "dx": dx, "dw": dw}
        if "b" in c:
            got["db"] = db
    else:
        loss, dz = cc.softmax_cross_entropy(c["x"], c["target"])
        got = {"loss": np.array(loss), "dlogits": dz}
    for key, value in got.items():
        assert value.shape == c[key].shape, key
        np.testing.assert_allclose(value, c[key], rtol=0, atol=1e-12, equal_nan=True, err_msg=key)


def test_relu_nan_stays_and_passes_its_gradient_like_torch():
    x = np.array([np.nan, -1.0, 0.0, 2.0])
    np.testing.assert_array_equal(cc.relu(x), [np.nan, 0, 0, 2])
    np.testing.assert_array_equal(cc.relu_backward(np.ones(4), x), [1, 0, 0, 1])


def test_cross_entropy_is_stable_for_huge_logits():
    loss, dz = cc.softmax_cross_entropy(np.array([[1000.0, -1000.0, 0.0]]), np.array([0]))
    assert loss == 0.0 and np.isfinite(dz).all()
    np.testing.assert_allclose(cc.softmax(np.array([1000.0, 1000.0])), [0.5, 0.5])


def test_gradients_equal_central_differences(rng):
    x, w, b = rng.standard_normal((3, 2, 5)), rng.standard_normal((4, 5)), rng.standard_normal(4)
    gy = rng.standard_normal((3, 2, 4))
    dx, dw, db = cc.linear_backward(gy, x, w)
    f = lambda x_, w_, b_: float((cc.linear(x_, w_, b_) * gy).sum())  # noqa: E731
    np.testing.assert_allclose(dx, numeric_grad(lambda a: f(a, w, b), x.copy()), atol=1e-8)
    np.testing.assert_allclose(dw, numeric_grad(lambda a: f(x, a, b), w.copy()), atol=1e-8)
    np.testing.assert_allclose(db, numeric_grad(lambda a: f(x, w, a), b.copy()), atol=1e-8)
    z, t = rng.standard_normal((5, 7)), rng.integers(0, 7, 5)
    _, dz = cc.softmax_cross_entropy(z, t)
    num = numeric_grad(lambda a: cc.softmax_cross_entropy(a, t)[0], z.copy())
    np.testing.assert_allclose(dz, num, rtol=0, atol=1e-9)
    r = rng.standard_normal((3, 4))
    num = numeric_grad(lambda a: float((cc.relu(a) * gy[0, :, :4].sum()).sum()), r.copy())
    np.testing.assert_allclose(cc.relu_backward(np.full(r.shape, gy[0, :, :4].sum()), r), num,
                               atol=1e-7)  # fmt: skip


@pytest.mark.parametrize(
    ("call", "code"),
    [
        (lambda: cc.linear(np.zeros((2, 3)), np.zeros((4, 5))), "linear_in_features"),
        (lambda: cc.linear(np.zeros((2, 3)), np.zeros(3)), "linear_weight_shape"),
        (lambda: cc.linear(np.zeros((2, 3)), np.zeros((4, 3)), np.zeros(3)), "bias_shape"),
        (lambda: cc.softmax_cross_entropy(np.zeros((2, 3)), np.array([0, 3])), "target_range"),
        (lambda: cc.softmax_cross_entropy(np.zeros((2, 3)), np.array([0.0, 1])), "target_shape"),
        (lambda: cc.softmax_cross_entropy(np.zeros((2, 3)), np.array([0])), "target_shape"),
        (lambda: cc.softmax_cross_entropy(np.zeros((2, 3, 4)), np.array([0, 1])), "logits_shape"),
        (lambda: cc.relu_backward(np.zeros(3), np.zeros(4)), "grad_output_shape"),
    ],
)
def test_refusals_carry_codes(call, code):
    with pytest.raises(cc.ConvError) as err:
        call()
    assert err.value.code == code


@pytest.mark.torch
@settings(max_examples=40, deadline=None)
@given(N=st.integers(1, 6), C=st.integers(1, 12), scale=st.sampled_from([0.1, 1.0, 30.0]),
       seed=st.integers(0, 2**16))  # fmt: skip
def test_cross_entropy_and_linear_equal_torch_live(N, C, scale, seed):
    torch = pytest.importorskip("torch")
    rng = np.random.default_rng(seed)
    z, t = rng.standard_normal((N, C)) * scale, rng.integers(0, C, N)
    zt = torch.tensor(z, requires_grad=True)
    lt = torch.nn.functional.cross_entropy(zt, torch.tensor(t))
    lt.backward()
    loss, dz = cc.softmax_cross_entropy(z, t)
    assert loss == pytest.approx(lt.item(), abs=1e-12)
    np.testing.assert_allclose(dz, zt.grad.numpy(), rtol=0, atol=1e-14)
    w, b = rng.standard_normal((3, C)), rng.standard_normal(3)
    np.testing.assert_allclose(
        cc.linear(z, w, b),
        torch.nn.functional.linear(torch.tensor(z), torch.tensor(w), torch.tensor(b)).numpy(),
        rtol=0,
        atol=1e-12,
    )
