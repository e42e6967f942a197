"""conv_transpose2d and its backward (convcore/transposed.py)."""

from __future__ import annotations

import numpy as np
import pytest
import reference as ref
from conv_strategies import conv_configs, conv_refusal, transposed_configs, transposed_size
from hypothesis import assume, given, settings

import convcore as cc


def batch(a: np.ndarray) -> np.ndarray:
    return a if a.ndim == 4 else a[None]


X22 = np.array([[1.0, 2.0], [3.0, 4.0]]).reshape(1, 1, 2, 2)


def test_t1_stride_two_places_one_scaled_kernel_per_input():
    y = cc.conv_transpose2d(X22, X22, stride=2)
    np.testing.assert_array_equal(
        y[0, 0], [[1, 2, 2, 4], [3, 4, 6, 8], [3, 6, 4, 8], [9, 12, 12, 16]]
    )


def test_t2_stride_one_overlaps_and_adds():
    np.testing.assert_array_equal(
        cc.conv_transpose2d(X22, X22)[0, 0], [[1, 4, 4], [6, 20, 16], [9, 24, 16]]
    )


def test_t3_output_padding_rows_receive_real_contributions_not_zeros():
    x, w = np.ones((1, 1, 2, 2)), np.ones((1, 1, 3, 3))
    y1 = cc.conv_transpose2d(x, w, stride=2, padding=1, output_padding=1)
    np.testing.assert_array_equal(
        y1[0, 0], [[1, 2, 1, 1], [2, 4, 2, 2], [1, 2, 1, 1], [1, 2, 1, 1]]
    )
    y0 = cc.conv_transpose2d(x, w, stride=2, padding=1)
    np.testing.assert_array_equal(y0[0, 0], [[1, 2, 1], [2, 4, 2], [1, 2, 1]])


def test_impulse_through_transposed_conv_shows_the_kernel_the_right_way_up():
    delta = np.zeros((1, 1, 3, 3))
    delta[0, 0, 1, 1] = 1.0
    w = np.arange(1.0, 10.0).reshape(1, 1, 3, 3)
    np.testing.assert_array_equal(cc.conv_transpose2d(delta, w, padding=1)[0, 0], w[0, 0])


def test_padding_beyond_the_dilated_kernel_crops_the_output(rng):
    x, w = rng.standard_normal((1, 2, 5, 5)), rng.standard_normal((2, 3, 3, 3))
    full = cc.conv_transpose2d(x, w, stride=2)  # (5-1)*2 + 2 + 1 = 11
    cropped = cc.conv_transpose2d(x, w, stride=2, padding=3)  # p = 3 > d(k-1) = 2
    assert full.shape[2:] == (11, 11) and cropped.shape[2:] == (5, 5)
    np.testing.assert_allclose(cropped, full[:, :, 3:-3, 3:-3], rtol=0, atol=1e-12)


def test_t4_equals_zero_insertion_then_ordinary_conv_with_rotated_swapped_kernel(rng):
    x, w = rng.standard_normal((2, 4, 5, 6)), rng.standard_normal((4, 3, 3, 3))
    s, p, op, d, G = (2, 3), (4, 1), (1, 2), (3, 1), 2
    y = cc.conv_transpose2d(x, w, stride=s, padding=p, output_padding=op, groups=G, dilation=d)
    # Z: spread x by the stride, then pad q = d(k-1) - p on top/left and q + op on bottom/right.
    Z = np.zeros((2, 4, (5 - 1) * s[0] + 1, (6 - 1) * s[1] + 1))
    Z[:, :, :: s[0], :: s[1]] = x
    q = [d[a] * (3 - 1) - p[a] for a in (0, 1)]
    assert q == [2, 1]
    Z = np.pad(Z, ((0, 0), (0, 0), (q[0], q[0] + op[0]), (q[1], q[1] + op[1])))
    # w'[g*F_g + o, c, u, v] = w[g*C_g + c, o, kH-1-u, kW-1-v]: swap in/out per group, rot180.
    w_conv = np.concatenate(
        [w[2 * g : 2 * g + 2].transpose(1, 0, 2, 3)[:, :, ::-1, ::-1] for g in range(G)]
    )
    want = cc.conv2d(Z, np.ascontiguousarray(w_conv), groups=G, dilation=d)
    assert y.shape == want.shape == (2, 6, 8, 18)
    np.testing.assert_allclose(y, want, rtol=0, atol=1e-10)


@settings(max_examples=60, deadline=None)
@given(cfg=transposed_configs(max_size=5, max_kernel=3))
def test_conv_transpose2d_and_backward_equal_naive_reference(cfg):
    H_out, W_out = transposed_size(cfg)
    assume(min(H_out, W_out) >= 1)
    x, w, b = cfg.arrays()
    y = cc.conv_transpose2d(x, w, b, **cfg.params)
    assert y.shape[-2:] == (H_out, W_out) and y.ndim == x.ndim
    np.testing.assert_allclose(
        batch(y), ref.conv_transpose2d(batch(x), w, b, **cfg.params), rtol=0, atol=1e-10
    )
    gy = cfg.grad_output(y.shape)
    got = cc.conv_transpose2d_backward(gy, x, w, **cfg.params)
    want = ref.conv_transpose2d_backward(batch(gy), batch(x), w, **cfg.params)
    for g, e in zip((batch(got[0]), got[1], got[2]), want, strict=True):
        np.testing.assert_allclose(g, e, rtol=0, atol=1e-10)


@settings(max_examples=60, deadline=None)
@given(cfg=conv_configs(max_size=9, max_kernel=4, modes=("zeros",), strings=False))
def test_adjoint_identity_conv_and_transposed_conv_with_output_padding_a(cfg):
    """<conv2d(x), g> = <x, conv_transpose2d(g, output_padding=a)>, a = (H+2p-d(k-1)-1) mod s."""
    assume(conv_refusal(cfg) is None)
    x, w, _ = cfg.arrays()
    p = {k: v for k, v in cfg.params.items() if k != "padding_mode"}
    y = cc.conv2d(x, w, **p)
    g = cfg.grad_output(y.shape)
    (sh, sw), (ph, pw), (dh, dw) = (ref.two(p[k]) for k in ("stride", "padding", "dilation"))
    (H, W), (kH, kW) = x.shape[-2:], w.shape[2:]
    a = ((H + 2 * ph - dh * (kH - 1) - 1) % sh, (W + 2 * pw - dw * (kW - 1) - 1) % sw)
    back = cc.conv_transpose2d(g, w, output_padding=a, **p)
    assert back.shape == x.shape
    lhs, rhs = float(np.sum(y * g)), float(np.sum(x * back))
    assert abs(lhs - rhs) <= 1e-10 * max(1.0, abs(lhs))


@pytest.mark.parametrize(
    "params",
    [
        {"stride": 1},
        {"stride": 2, "padding": 1, "output_padding": 1},
        {"stride": (2, 3), "padding": (0, 1), "dilation": (1, 2), "output_padding": (1, 0)},
        {"stride": 1, "dilation": 2, "output_padding": 1},  # op < dilation, dilation > stride
    ],
    ids=["s1", "s2p1op1", "nonsquare", "op_below_dilation"],
)
@pytest.mark.parametrize("groups", [1, 2])
def test_conv_transpose2d_backward_matches_central_differences(params, groups, rng):
    x = rng.standard_normal((2, 2 * groups, 3, 4))  # (N, C_in, H, W)
    w = rng.standard_normal((2 * groups, 2, 3, 2))  # (C_in, C_out/groups, kH, kW)
    b = rng.standard_normal(2 * groups)
    p = {**params, "groups": groups}
    gy = rng.standard_normal(cc.conv_transpose2d(x, w, b, **p).shape)

    def loss():
        return float(np.sum(cc.conv_transpose2d(x, w, b, **p) * gy))

    dx, dw, db = cc.conv_transpose2d_backward(gy, x, w, **p)
    np.testing.assert_allclose(dx, ref.central_difference(loss, x), rtol=1e-6, atol=1e-7)
    np.testing.assert_allclose(dw, ref.central_difference(loss, w), rtol=1e-6, atol=1e-7)
    np.testing.assert_allclose(db, ref.central_difference(loss, b), rtol=1e-6, atol=1e-7)


def test_float32_transposed_conv_stays_float32(rng):
    x, w = (
        rng.standard_normal((1, 2, 3, 3), np.float32),
        rng.standard_normal((2, 2, 3, 3), np.float32),
    )
    y = cc.conv_transpose2d(x, w, stride=2)
    assert y.dtype == np.float32
    assert [g.dtype for g in cc.conv_transpose2d_backward(np.ones_like(y), x, w, stride=2)] == [
        np.float32
    ] * 3


@pytest.mark.parametrize(
    "kwargs, numbers",
    [
        ({"stride": 2, "output_padding": 2}, ("2",)),
        ({"stride": 1, "dilation": 2, "output_padding": 2}, ("2",)),
        ({"stride": (2, 1), "output_padding": (0, 1)}, ("1",)),
    ],
)
def test_output_padding_not_below_max_stride_dilation_is_refused(kwargs, numbers, no_work):
    with pytest.raises(cc.ConvError, match="output padding") as err:
        cc.conv_transpose2d(np.ones((1, 1, 3, 3)), np.ones((1, 1, 3, 3)), **kwargs)
    assert all(n in str(err.value) for n in numbers)


def test_transposed_output_size_zero_is_refused_where_torch_returns_an_empty_tensor(no_work):
    # i=1, k=4, p=2: (1-1)*1 - 4 + 3 + 0 + 1 = 0
    with pytest.raises(cc.ConvError, match="would be 0"):
        cc.conv_transpose2d(np.ones((1, 1, 1, 1)), np.ones((1, 1, 4, 4)), padding=2)


def test_transposed_weight_layout_is_in_channels_first(rng):
    x = rng.standard_normal((1, 4, 3, 3))
    y = cc.conv_transpose2d(x, rng.standard_normal((4, 3, 2, 2)), groups=2)
    assert y.shape == (1, 6, 4, 4)  # C_out = (C_out / groups) * groups = 3 * 2
    with pytest.raises(cc.ConvError, match=r"\b3\b.*\b4\b"):
        cc.conv_transpose2d(x, rng.standard_normal((3, 4, 2, 2)))
    with pytest.raises(cc.ConvError, match=r"groups 3 must divide both the input channels 4"):
        cc.conv_transpose2d(x, rng.standard_normal((4, 1, 2, 2)), groups=3)


def test_transposed_bias_and_grad_output_shapes_are_checked(rng, no_work):
    x, w = rng.standard_normal((1, 2, 3, 3)), rng.standard_normal((2, 3, 2, 2))
    with pytest.raises(cc.ConvError, match=r"\(3\).*\(2,\)"):
        cc.conv_transpose2d(x, w, np.ones(2))
    with pytest.raises(cc.ConvError, match=r"\(1, 3, 4, 4\)"):
        cc.conv_transpose2d_backward(np.ones((1, 3, 3, 3)), x, w)


@pytest.mark.filterwarnings("ignore:invalid value encountered:RuntimeWarning")
def test_inf_weight_in_transposed_conv_reaches_only_the_outputs_it_writes():
    x, w = np.ones((1, 1, 2, 2)), np.ones((1, 1, 3, 3))
    w[0, 0, 0, 0] = np.inf
    y = cc.conv_transpose2d(x, w, stride=2)
    np.testing.assert_array_equal(y, ref.conv_transpose2d(x, w, stride=2))  # torch: y[0,4] = 1
