"""convcore/pool_trace.py: the pooling step trace assembles into the fast path's output."""

from __future__ import annotations

import numpy as np
import pytest

import convcore as cc
from convcore.pool_trace import pool_steps

CONFIGS = [
    {"kernel_size": 2},
    {"kernel_size": 3, "stride": 2, "padding": 1, "ceil_mode": True},
    {"kernel_size": (2, 3), "stride": (1, 2), "padding": (1, 1)},
]


@pytest.mark.parametrize("params", CONFIGS + [{"kernel_size": 3, "dilation": 2, "padding": 1}])
def test_max_trace_assembles_into_max_pool2d_and_its_indices(params, rng):
    x = rng.integers(0, 4, (2, 2, 7, 6)).astype(float)  # many ties
    y, index = cc.max_pool2d(x, return_indices=True, **params)
    steps = list(pool_steps(x, "max", **params))
    assert len(steps) == y.size
    got = np.array([s.value for s in steps]).reshape(y.shape)
    np.testing.assert_array_equal(got, y)
    np.testing.assert_array_equal(np.array([s.chosen_index for s in steps]).reshape(y.shape), index)
    for s in steps:
        i, j = s.chosen
        assert s.inside[i, j] and s.window[i, j] == s.value == s.window.max()
        assert s.window[~s.inside].size == 0 or (s.window[~s.inside] == -np.inf).all()


@pytest.mark.parametrize("params", CONFIGS + [{"kernel_size": 3, "padding": 1,
                                               "count_include_pad": False}])  # fmt: skip
def test_avg_trace_assembles_into_avg_pool2d(params, rng):
    x = rng.standard_normal((1, 3, 7, 6))
    y = cc.avg_pool2d(x, **params)
    steps = list(pool_steps(x, "avg", **params))
    np.testing.assert_array_equal(np.array([s.value for s in steps]).reshape(y.shape), y)
    for s in steps:
        assert s.total == pytest.approx(s.window[s.inside].sum())
        assert s.value == pytest.approx(s.total / s.divisor)


def test_a_range_of_steps_and_the_window_geometry():
    x = np.arange(16.0).reshape(1, 4, 4)
    steps = list(pool_steps(x, "max", 2, start=1, stop=3))
    assert [s.index for s in steps] == [1, 2] and steps[0].out == (0, 0, 0, 1)
    np.testing.assert_array_equal(steps[0].rows, [0, 1])
    np.testing.assert_array_equal(steps[0].cols, [2, 3])
    np.testing.assert_array_equal(steps[0].window, [[2, 3], [6, 7]])
    assert steps[0].chosen == (1, 1) and steps[0].chosen_index == 7


@pytest.mark.parametrize(
    ("args", "kw", "code"),
    [(("min", 2), {}, "pool_op"), (("avg", 2), {"dilation": 2}, "pool_dilation"),
     (("max", 2), {"padding": 2}, "pool_padding")],
)  # fmt: skip
def test_refusals_are_eager(args, kw, code):
    with pytest.raises(cc.ConvError) as err:
        pool_steps(np.zeros((1, 4, 4)), *args, **kw)
    assert err.value.code == code
