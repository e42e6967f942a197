"""separable_conv2d (convcore/separable.py): depthwise then pointwise, nothing more."""

from __future__ import annotations

import numpy as np
import pytest
import reference as ref

import convcore as cc


@pytest.mark.parametrize("mode", ref.MODES)
@pytest.mark.parametrize("multiplier", [1, 2])
def test_separable_equals_depthwise_conv_then_pointwise_conv(mode, multiplier, rng):
    C_in, C_out = 3, 4
    x = rng.standard_normal((2, C_in, 7, 6))
    dw_w = rng.standard_normal((multiplier * C_in, 1, 3, 2))
    pw_w = rng.standard_normal((C_out, multiplier * C_in, 1, 1))
    dw_b, pw_b = rng.standard_normal(multiplier * C_in), rng.standard_normal(C_out)
    p = {"stride": (2, 1), "padding": (1, 2), "dilation": (1, 2), "padding_mode": mode}
    y = cc.separable_conv2d(x, dw_w, pw_w, dw_b, pw_b, **p)
    mid = ref.conv2d(x, dw_w, dw_b, groups=C_in, **p)
    want = ref.conv2d(mid, pw_w, pw_b)
    assert y.shape == want.shape == (2, C_out, 4, 8)  # (7+2-3)//2+1, 6+4-3+1
    np.testing.assert_allclose(y, want, rtol=0, atol=1e-10)


def test_depthwise_multiplier_channel_order_is_torch_grouped_layout(rng):
    """Input channel c feeds depthwise channels c*M .. c*M + M - 1."""
    x = np.zeros((1, 2, 3, 3))
    x[0, 1] = 1.0  # only channel 1 is on
    dw_w = np.ones((4, 1, 1, 1))  # M = 2
    pw_w = np.eye(4).reshape(4, 4, 1, 1)  # pass the depthwise channels through
    y = cc.separable_conv2d(x, dw_w, pw_w)
    assert [float(y[0, c].max()) for c in range(4)] == [0.0, 0.0, 1.0, 1.0]


def test_separable_same_padding_keeps_the_size_and_unbatched_stays_unbatched(rng):
    x = rng.standard_normal((3, 6, 5))
    y = cc.separable_conv2d(
        x, rng.standard_normal((3, 1, 4, 4)), rng.standard_normal((5, 3, 1, 1)), padding="same"
    )
    assert y.shape == (5, 6, 5)


@pytest.mark.parametrize(
    "dw_shape, pw_shape, match",
    [
        ((3, 2, 3, 3), (4, 3, 1, 1), r"depthwise.*\(3, 2, 3, 3\)"),
        ((3, 1, 3), (4, 3, 1, 1), "depthwise"),
        ((3, 1, 3, 3), (4, 3, 3, 3), r"pointwise.*\(4, 3, 3, 3\)"),
        pytest.param(
            (6, 1, 3, 3),
            (4, 3, 1, 1),
            r"\b6\b.*\b3\b",  # the pointwise weight must read all 6 depthwise channels
            id="pointwise_reads_wrong_channel_count",
        ),
        ((4, 1, 3, 3), (4, 4, 1, 1), r"\b3\b"),  # 4 depthwise kernels for 3 input channels
    ],
)
def test_separable_weight_shapes_are_checked_with_conv_errors(
    dw_shape, pw_shape, match, rng, no_work
):
    x = rng.standard_normal((1, 3, 5, 5))
    with pytest.raises(cc.ConvError, match=match):
        cc.separable_conv2d(x, np.ones(dw_shape), np.ones(pw_shape))
