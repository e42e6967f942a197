"""1-D convolution lessons (convcore/signals.py): flip and slide, Riemann sums, the impulse."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import convcore as cc
from convcore import signals as s


def test_box_with_box_converges_to_the_triangle_at_first_order():
    errors = s.riemann_errors(s.box, s.box, s.box_conv_box, h=0.25, halvings=5, lo=-2, hi=2)
    assert [e.h for e in errors] == [0.25 / 2**k for k in range(6)]
    assert all(a.max_error > b.max_error for a, b in zip(errors[:-1], errors[1:], strict=True))
    np.testing.assert_allclose(s.measured_orders(errors), 1.0, atol=0.05)  # O(h): the jumps


def test_unequal_boxes_give_a_trapezoid_and_still_first_order():
    narrow = lambda t: s.box(t, 0.75)  # noqa: E731
    exact = lambda t: s.box_conv_box(t, 1.0, 0.75)  # noqa: E731
    errors = s.riemann_errors(s.box, narrow, exact, h=0.125, halvings=4, lo=-2, hi=2)
    np.testing.assert_allclose(s.measured_orders(errors), 1.0, atol=0.05)
    np.testing.assert_allclose(exact(np.array([0.0, 0.125, 0.5, 0.875, 1.0])),
                               [0.75, 0.75, 0.375, 0.0, 0.0])  # fmt: skip


def test_gaussians_converge_faster_than_second_order_down_to_rounding():
    f, g = (lambda t: s.gaussian(t, 0.5, 0.3)), (lambda t: s.gaussian(t, -1.0, 0.4))
    exact = lambda t: s.gaussian_conv_gaussian(t, 0.5, 0.3, -1.0, 0.4)  # noqa: E731
    errors = s.riemann_errors(f, g, exact, h=0.4, halvings=3, lo=-4, hi=4)
    assert 1e-4 < errors[0].max_error < 1e-2
    assert s.measured_orders(errors)[0] > 2  # smooth and decaying: the sum is spectrally exact
    assert errors[-1].max_error < 1e-12


@settings(max_examples=20, deadline=None)
@given(mu1=st.floats(-1, 1), mu2=st.floats(-1, 1), s1=st.floats(0.3, 1.5), s2=st.floats(0.3, 1.5))
def test_means_and_variances_add_against_a_fine_riemann_sum(mu1, mu2, s1, s2):
    t, approx = s.riemann_convolve(
        lambda t: s.gaussian(t, mu1, s1), lambda t: s.gaussian(t, mu2, s2), 0.02, -16, 16
    )
    np.testing.assert_allclose(approx, s.gaussian_conv_gaussian(t, mu1, s1, mu2, s2), atol=1e-9)
    area = 0.02 * approx.sum()
    mean = 0.02 * (t * approx).sum() / area
    var = 0.02 * ((t - mean) ** 2 * approx).sum() / area
    assert area == pytest.approx(1, abs=1e-9)
    assert mean == pytest.approx(mu1 + mu2, abs=1e-9)
    assert var == pytest.approx(s1**2 + s2**2, abs=1e-9)


def test_triangle_formula_matches_a_fine_riemann_sum():
    t, approx = s.riemann_convolve(s.box, s.box, 2.0**-12, -2, 2)
    np.testing.assert_allclose(approx, s.box_conv_box(t), atol=2.0**-12 + 1e-12)
    np.testing.assert_allclose(s.box_conv_box(np.array([-1.5, -1, -0.5, 0, 0.5, 1])),
                               [0, 0, 0.5, 1, 0.5, 0])  # fmt: skip


def test_flip_slide_shows_g_reversed_and_moved_and_its_area_is_the_convolution():
    taus = np.linspace(-3, 3, 6001)
    frame = s.flip_slide(s.box, lambda t: s.box(t, 1.0, center=0.5), 0.75, taus)
    # g(t − τ) with g = box on [0, 1]: nonzero for τ in [t − 1, t] = [−0.25, 0.75].
    inside = frame.taus[frame.g > 0]
    assert inside.min() == pytest.approx(-0.25) and inside.max() == pytest.approx(0.75)
    np.testing.assert_array_equal(frame.product, frame.f * frame.g)
    assert frame.integral == pytest.approx(0.75, abs=2e-3)  # overlap of [−.5, .5] and [−.25, .75]


def test_flip_slide_needs_evenly_spaced_samples():
    with pytest.raises(cc.ConvError) as err:
        s.flip_slide(s.box, s.box, 0.0, np.array([0.0, 0.1, 0.3]))
    assert err.value.code == "uneven_samples"


@settings(max_examples=40, deadline=None)
@given(
    x=st.lists(st.floats(-10, 10), min_size=1, max_size=12),
    k=st.lists(st.floats(-10, 10), min_size=1, max_size=6),
)
def test_discrete_sums_equal_numpy_convolve_and_correlate_full(x, k):
    np.testing.assert_allclose(s.convolve1d(x, k), np.convolve(x, k), atol=1e-9)
    np.testing.assert_allclose(s.correlate1d(x, k), np.correlate(x, k, "full"), atol=1e-9)


def test_impulse_correlation_returns_the_kernel_flipped_convolution_as_written():
    impulse, kernel = np.array([0.0, 0, 1, 0, 0]), np.array([1.0, 2, 3])
    np.testing.assert_array_equal(s.correlate1d(impulse, kernel)[2:5], [3, 2, 1])
    np.testing.assert_array_equal(s.convolve1d(impulse, kernel)[2:5], [1, 2, 3])


def test_impulse_in_2d_conv2d_flips_the_kernel_convolve2d_does_not():
    delta = np.zeros((1, 1, 3, 3))
    delta[0, 0, 1, 1] = 1
    w = np.arange(1.0, 10.0).reshape(1, 1, 3, 3)
    np.testing.assert_array_equal(cc.conv2d(delta, w, padding=1)[0, 0], w[0, 0, ::-1, ::-1])
    np.testing.assert_array_equal(cc.convolve2d(delta, w, padding=1)[0, 0], w[0, 0])


def test_a_signal_must_be_one_dimensional():
    with pytest.raises(cc.ConvError) as err:
        s.convolve1d(np.ones((2, 2)), [1.0])
    assert err.value.code == "not_a_signal"
