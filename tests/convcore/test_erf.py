"""convcore/erf.py: the effective field against its closed form and the theoretical field."""

from __future__ import annotations

import numpy as np
import pytest

import convcore as cc
import convcore as rf  # Layer, paths, map_sizes, interval (the function shadows the module)
from convcore import erf as E


@pytest.mark.parametrize(("n", "k"), [(1, 3), (5, 3), (10, 3), (4, 5), (3, 2)])
def test_uniform_linear_stack_has_variance_n_k2_minus_1_over_12(n, k):
    size = 2 * n * k + 9  # wide enough that the borders never cut the field
    field = E.effective_field([(k, 1, (k - 1) // 2 if k % 2 else 0, 1)] * n, size)
    assert field.erf.sum() == pytest.approx(1)
    for sigma in field.std:
        assert sigma**2 == pytest.approx(n * (k * k - 1) / 12, abs=1e-9)


def test_uniform_field_is_the_outer_product_of_path_counts():
    layers = [(3, 1, 1, 1), (3, 2, 0, 1), (3, 1, 0, 2)]
    field = E.effective_field(layers, 23)
    rl = [rf.Layer(*la) for la in layers]
    counts = rf.paths(rl, rf.map_sizes(rl, 23), field.center[0])
    want = np.outer(counts, counts)
    np.testing.assert_allclose(field.erf, want / want.sum(), atol=1e-15)


@pytest.mark.parametrize("weights", ["uniform", "random"])
@pytest.mark.parametrize("relu", [False, True])
def test_support_lies_inside_the_theoretical_field(weights, relu):
    layers = [(3, 1, 1, 1), (3, 2, 1, 1), (5, 1, 2, 2), (3, 1, 1, 1)]
    size = 31
    field = E.effective_field(layers, size, weights, relu, seeds=3)
    rl = [rf.Layer(*la) for la in layers]
    sizes = rf.map_sizes(rl, size)
    a0, b0 = rf.interval(rl, sizes, field.center[0], field.center[0])
    a1, b1 = rf.interval(rl, sizes, field.center[1], field.center[1])
    rows, cols = np.nonzero(field.erf)
    assert rows.min() >= a0 and rows.max() <= b0 and cols.min() >= a1 and cols.max() <= b1
    assert field.erf.sum() == pytest.approx(1) and (field.erf >= 0).all()
    if weights == "uniform" and not relu:
        assert (rows.min(), rows.max()) == (a0, b0)  # all ones reach every hull pixel here


def test_width_grows_like_sqrt_n_while_the_theoretical_field_grows_like_n():
    sig = [E.effective_field([(3, 1, 1, 1)] * n, 61).std[0] for n in (4, 16)]
    assert sig[1] / sig[0] == pytest.approx(2.0, rel=1e-9)  # sqrt(16 / 4)


def test_random_weights_average_over_seeds_and_are_reproducible():
    layers = [(3, 1, 1, 1)] * 3
    a = E.effective_field(layers, 15, "random", seeds=4)
    b = E.effective_field(layers, 15, "random", seeds=4)
    np.testing.assert_array_equal(a.erf, b.erf)
    assert not np.array_equal(a.erf, E.effective_field(layers, 15, "random", seeds=1).erf)


@pytest.mark.parametrize(
    ("args", "code"),
    [(([], 9), "erf_layers"), (([(3, 1, 1)], 9), "erf_layers"),
     (([(3, 1, 1, 1)], 9, "ones"), "erf_weights"), (([(3, 1, 1, 1)], 9, "random", False, 0),
                                                    "erf_seeds")],
)  # fmt: skip
def test_refusals(args, code):
    with pytest.raises(cc.ConvError) as err:
        E.effective_field(*args)
    assert err.value.code == code
