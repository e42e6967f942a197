"""convcore.linear_std: the closed-form width of a uniform linear stack's effective field."""

from __future__ import annotations

import pytest

from convcore import effective_field, linear_std


@pytest.mark.parametrize(
    "layers",
    [
        [(3, 1, 1, 1)] * 5,
        [(5, 1, 2, 1), (3, 1, 1, 1)],
        [(3, 2, 1, 1), (3, 1, 1, 1), (3, 2, 1, 1)],  # strides scale later layers' taps
        [(3, 1, 1, 1), (3, 1, 2, 2), (3, 1, 4, 4)],  # dilation spreads the taps
        [(2, 2, 0, 1), (3, 1, 1, 1)],  # an even kernel
    ],
)
def test_closed_form_equals_the_engines_uniform_field(layers):
    field = effective_field(layers, size=97, weights="uniform")
    assert field.std[0] == pytest.approx(linear_std(layers), rel=1e-9)


def test_n_stride_one_layers_have_variance_n_k2_minus_1_over_12():
    for n in range(1, 7):
        assert linear_std([(5, 1, 2, 1)] * n) ** 2 == pytest.approx(n * 24 / 12)
