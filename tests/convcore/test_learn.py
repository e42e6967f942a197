"""convcore/learn.py: gradient descent on a kernel converges below lr_max and diverges above."""

from __future__ import annotations

import numpy as np
import pytest

import convcore as cc
from convcore import learn


def run(**kw) -> list[learn.LearnStep]:
    return list(learn.learn_kernel(learn.noise_image(), **kw))


def test_defaults_converge_to_the_hidden_sobel_kernel():
    steps = run()
    assert len(steps) == 301
    first, last = steps[0], steps[-1]
    assert first.loss > 0 and np.array_equal(first.kernel, np.zeros((3, 3)))
    assert last.loss <= 1e-6 * first.loss
    np.testing.assert_allclose(last.kernel, cc.kernel("sobel_x"), rtol=0, atol=1e-3)


def test_each_step_is_w_minus_lr_times_the_conv2d_backward_gradient():
    steps = run(iterations=3, init="random", seed=4)
    x = learn.noise_image()
    for a, b in zip(steps, steps[1:], strict=False):
        np.testing.assert_allclose(b.kernel, a.kernel - a.update, atol=1e-14)
        r = cc.conv2d(x[None, None], a.kernel[None, None]) - cc.conv2d(
            x[None, None], cc.kernel("sobel_x")[None, None]
        )
        assert a.loss == pytest.approx(0.5 * (r**2).sum())
        np.testing.assert_allclose(a.grad, cc.conv2d_backward(r, x[None, None],
                                   a.kernel[None, None])[1][0, 0], atol=1e-12)  # fmt: skip


def test_lr_max_is_two_over_the_largest_eigenvalue_of_the_patch_gram_matrix(rng):
    x = rng.random((9, 11))
    curv = learn.curvature(x, (3, 2))
    # Independent construction: H_ij = <conv2d(x, e_i), conv2d(x, e_j)> for unit kernels e_i.
    cols = [cc.conv2d(x[None, None], np.eye(6)[i].reshape(1, 1, 3, 2)).ravel() for i in range(6)]
    H = np.array([[a @ b for b in cols] for a in cols])
    np.testing.assert_allclose(curv.hessian, H, atol=1e-12)
    assert curv.lr_max == pytest.approx(2 / np.linalg.eigvalsh(H).max())
    assert curv.condition >= 1


def test_above_the_stable_lr_the_loss_grows_and_just_below_it_falls():
    lr_max = learn.curvature(learn.noise_image(), (3, 3)).lr_max
    up = run(lr=1.05 * lr_max, iterations=200)
    assert up[-1].loss > 1e3 * up[0].loss
    down = run(lr=0.95 * lr_max, iterations=200)
    assert down[-1].loss < 1e-3 * down[0].loss


@pytest.mark.parametrize(
    ("kw", "code"),
    [({"init": "ones"}, "learn_init"), ({"lr": 0.0}, "learn_lr"),
     ({"iterations": -1}, "learn_iterations"), ({"target": np.ones(3)}, "learn_image")],
)  # fmt: skip
def test_refusals_are_raised_on_the_call(kw, code):
    with pytest.raises(cc.ConvError) as err:
        learn.learn_kernel(learn.noise_image(), **kw)
    assert err.value.code == code
