"""convcore/network.py: the committed digits model, reproducible training, whole-net gradients."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

from convcore import network as nw

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "app" / "network" / "data"
sys.path.insert(0, str(ROOT / "scripts"))
import train_digits  # noqa: E402


def committed() -> tuple[nw.Params, dict[str, float]]:
    with np.load(DATA / "digits_cnn.npz") as z:
        params = {k: z[k] for k in z.files if k.endswith((".weight", ".bias"))}
        acc = {"train": float(z["train_accuracy"]), "test": float(z["test_accuracy"])}
    return params, acc


def test_digits_file_is_the_fixed_split_of_1797_images():
    with np.load(DATA / "digits.npz") as z:
        assert z["images"].shape == (1797, 8, 8) and z["images"].dtype == np.uint8
        assert z["images"].max() == 16 and z["labels"].shape == (1797,)
        assert int(z["train"]) == 1200
    assert "BSD" in (DATA / "LICENSE-digits.txt").read_text()


def test_committed_weights_reach_95_percent_on_the_test_split():
    params, acc = committed()
    _, _, x_test, y_test = train_digits.load_digits()
    assert x_test.shape == (597, 1, 8, 8)
    test = train_digits.accuracy(params, x_test, y_test)
    assert test >= 0.95
    assert test == acc["test"]  # the file's own claim is the one measured here


def test_params_match_the_layers():
    params, _ = committed()
    assert set(params) == set(nw.init_params(nw.DIGITS_CNN, 0))
    for k, p in nw.init_params(nw.DIGITS_CNN, 0).items():
        assert params[k].shape == p.shape and params[k].dtype == np.float64
    acts = nw.forward(nw.DIGITS_CNN, params, np.zeros((2, 1, 8, 8)))
    shapes = [a.shape[1:] for a in acts]
    assert shapes == [(1, 8, 8), (16, 8, 8), (16, 8, 8), (16, 4, 4), (32, 4, 4), (32, 4, 4),
                      (32, 2, 2), (128,), (10,)]  # fmt: skip
    assert [d["kind"] for d in nw.describe(nw.DIGITS_CNN)][:3] == ["conv2d", "relu", "max_pool2d"]


def test_training_is_bit_for_bit_reproducible_from_its_seed():
    runs = [train_digits.fit(epochs=1, seed=5, n_train=160, log=lambda s: None) for _ in (0, 1)]
    (p1, acc1, _), (p2, acc2, _) = runs
    assert acc1 == acc2
    for k in p1:
        np.testing.assert_array_equal(p1[k], p2[k])
    p3, _, _ = train_digits.fit(epochs=1, seed=6, n_train=160, log=lambda s: None)
    assert not np.array_equal(p1["conv1.weight"], p3["conv1.weight"])


def _batch(rng, n=3):
    return rng.random((n, 1, 8, 8)), rng.integers(0, 10, n)


def test_network_gradients_equal_central_differences(rng):
    params = nw.init_params(nw.DIGITS_CNN, 1)
    params = {k: p + 0.05 * rng.standard_normal(p.shape) for k, p in params.items()}
    x, y = _batch(rng)
    _, grads = nw.loss_and_grads(nw.DIGITS_CNN, params, x, y)
    h = 1e-6
    for k, p in params.items():
        for flat in rng.choice(p.size, size=min(8, p.size), replace=False):
            at = np.unravel_index(flat, p.shape)
            up, down = dict(params), dict(params)
            up[k], down[k] = p.copy(), p.copy()
            up[k][at] += h
            down[k][at] -= h
            num = (nw.loss_and_grads(nw.DIGITS_CNN, up, x, y)[0]
                   - nw.loss_and_grads(nw.DIGITS_CNN, down, x, y)[0]) / (2 * h)  # fmt: skip
            assert grads[k][at] == pytest.approx(num, abs=1e-7), (k, at)


def test_adam_matches_its_formula_on_the_first_step():
    p, g = {"w": np.array([1.0, -2.0])}, {"w": np.array([0.5, -0.1])}
    new, state = nw.adam_step(p, g, nw.Adam.start(p), lr=0.1)
    # After one step m_hat = g and v_hat = g^2, so each entry moves by lr * sign(g).
    np.testing.assert_allclose(new["w"], [0.9, -1.9], atol=1e-7)
    assert state.step == 1


@pytest.mark.torch
def test_network_loss_and_gradients_equal_torch_autograd(rng):
    torch = pytest.importorskip("torch")
    F = torch.nn.functional
    params = nw.init_params(nw.DIGITS_CNN, 2)
    x, y = _batch(rng, 5)
    loss, grads = nw.loss_and_grads(nw.DIGITS_CNN, params, x, y)
    tp = {k: torch.tensor(v, requires_grad=True) for k, v in params.items()}
    a = torch.tensor(x)
    a = F.max_pool2d(F.relu(F.conv2d(a, tp["conv1.weight"], tp["conv1.bias"], padding=1)), 2)
    a = F.max_pool2d(F.relu(F.conv2d(a, tp["conv2.weight"], tp["conv2.bias"], padding=1)), 2)
    logits = F.linear(a.flatten(1), tp["fc.weight"], tp["fc.bias"])
    lt = F.cross_entropy(logits, torch.tensor(y))
    lt.backward()
    assert loss == pytest.approx(lt.item(), abs=1e-12)
    for k, t in tp.items():
        np.testing.assert_allclose(grads[k], t.grad.numpy(), rtol=0, atol=1e-12, err_msg=k)
    # Adam: the same step as torch.optim.Adam
    opt = torch.optim.Adam(tp.values(), lr=1e-2)
    opt.step()
    new, _ = nw.adam_step(params, grads, nw.Adam.start(params), lr=1e-2)
    for k, t in tp.items():
        np.testing.assert_allclose(new[k], t.detach().numpy(), rtol=0, atol=1e-12, err_msg=k)
