"""max_pool2d and avg_pool2d with their backward passes, exactly as torch.nn.functional.

A pooling window is a conv window without weights: output (oh, ow) reads padded rows
taps(oh, kH, s_h, d_h) and cols taps(ow, kW, s_w, d_w) (geometry.taps). The fast path walks
the kH*kW taps in torch's scan order, each tap one strided slice over every output at once
(`tap`), so max pooling keeps torch's rule (first maximum wins, a NaN always wins) by
construction. Sources: ATen's Pool.h (pooling_output_shape, pool2d_shape_check),
MaxPoolKernel.cpp and AvgPoolKernel.cpp.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .arrays import batched, floats
from .errors import ConvError
from .geometry import AXES, out_size, span, taps
from .spec import Pair, pair


@dataclass(frozen=True)
class Pool2dSpec:
    """Hyper-parameters of one pooling layer per axis (h, w), and every size they imply.

    size: input (H, W); out: (H_out, W_out); padded: (Hp, Wp), the input plus `padding` on
    each side plus, with ceil_mode, the extra bottom/right cells the last window may reach.
    """

    kernel: Pair
    stride: Pair
    padding: Pair
    dilation: Pair
    ceil_mode: bool
    size: Pair
    out: Pair
    padded: Pair


def pool_out_size(i: int, k: int, s: int, p: int, d: int, ceil_mode: bool) -> int:
    """Pooling output length, torch's pooling_output_shape (may be < 1).

    floor((i + 2p - d(k-1) - 1) / s) + 1, or with ceil_mode the ceiling; a ceil-mode window
    must still start inside the input or its left padding, else it is dropped.
    """
    if not ceil_mode:
        return out_size(i, k, s, (p, p), d)
    o = out_size(i, k, s, (p, p + s - 1), d)  # s - 1 more cells on the right = the ceiling
    return o - 1 if (o - 1) * s >= i + p else o


def pool_spec(
    shape: tuple[int, ...],
    kernel_size: int | Pair,
    stride: int | Pair | None = None,
    padding: int | Pair = 0,
    dilation: int | Pair = 1,
    ceil_mode: bool = False,
) -> Pool2dSpec:
    """Normalise torch-style pooling arguments for x of `shape` (N, C, H, W) and check them.

    Raises ConvError (codes pool_kernel_size, pool_stride, pool_dilation, pool_padding,
    pool_output_size, pool_window_in_padding) where torch raises, with the numbers and the fix.
    """
    N, C, H, W = shape
    kernel = pair(kernel_size, "kernel size")
    stride = kernel if stride is None else pair(stride, "stride")  # torch: default = kernel
    padding, dilation = pair(padding, "padding"), pair(dilation, "dilation")
    if min(kernel) < 1:
        raise ConvError(
            f"pooling kernel size must be at least 1, got {kernel[0]}x{kernel[1]}",
            code="pool_kernel_size",
            params={"value": list(kernel)},
        )
    if min(stride) < 1:
        raise ConvError(
            f"pooling stride must be at least 1, got {stride[0]}x{stride[1]}: a window must move",
            code="pool_stride",
            params={"value": list(stride)},
        )
    if min(dilation) < 1:
        raise ConvError(
            f"pooling dilation must be at least 1 (1 means no gaps), got "
            f"{dilation[0]}x{dilation[1]}",
            code="pool_dilation",
            params={"value": list(dilation)},
        )
    out, padded = [], []
    for axis, i, k, s, p, d in zip(AXES, (H, W), kernel, stride, padding, dilation, strict=True):
        if p < 0 or p > k // 2:
            raise ConvError(
                f"pooling padding {p} in {axis} must be between 0 and half the kernel "
                f"({k} // 2 = {k // 2}), as in PyTorch: a wider pad would add windows of "
                "padding only",
                code="pool_padding",
                params={"axis": axis, "padding": p, "kernel": k, "max": k // 2},
            )
        o = pool_out_size(i, k, s, p, d, ceil_mode)
        if o < 1:
            raise ConvError(
                f"the pooling output {axis} would be {o}: the window {span(k, d)} (kernel "
                f"{k}, dilation {d}) is larger than the padded input {i + 2 * p}; use a "
                "smaller kernel or more padding",
                code="pool_output_size",
                params={"axis": axis, "out": o, "span": span(k, d), "padded": i + 2 * p},
            )
        rows = taps(np.arange(o), k, s, d) - p  # (o, k) input indices
        if not ((rows >= 0) & (rows < i)).any(axis=1).all():
            raise ConvError(
                f"a pooling window in {axis} would hold padding only (kernel {k}, dilation "
                f"{d}, padding {p}, input {i}); use less padding or dilation",
                code="pool_window_in_padding",
                params={"axis": axis, "kernel": k, "dilation": d, "padding": p, "size": i},
            )
        out.append(o)
        padded.append(max(i + 2 * p, (o - 1) * s + span(k, d)))
    return Pool2dSpec(kernel, stride, padding, dilation, bool(ceil_mode), (H, W),
                      tuple(out), tuple(padded))  # type: ignore[arg-type]  # fmt: skip


def tap(a: np.ndarray, i: int, j: int, spec: Pool2dSpec) -> np.ndarray:
    """Tap (i, j) of every window at once: a[..., taps(oh)[i], taps(ow)[j]], a strided view.

    a: (N, C, Hp, Wp) padded -> (N, C, H_out, W_out); writable when a is.
    """
    (s_h, s_w), (d_h, d_w), (H_out, W_out) = spec.stride, spec.dilation, spec.out
    return a[..., i * d_h : i * d_h + (H_out - 1) * s_h + 1 : s_h,
             j * d_w : j * d_w + (W_out - 1) * s_w + 1 : s_w]  # fmt: skip


def padded(x: np.ndarray, spec: Pool2dSpec, fill: float) -> np.ndarray:
    """x: (N, C, H, W) -> (N, C, Hp, Wp), `fill` around it (-inf for max, 0 for avg)."""
    N, C, H, W = x.shape
    (ph, pw), (Hp, Wp) = spec.padding, spec.padded
    if (Hp, Wp) == (H, W):
        return x
    xp = np.full((N, C, Hp, Wp), fill, x.dtype)
    xp[:, :, ph : ph + H, pw : pw + W] = x
    return xp


def max_pool2d(
    x: np.ndarray,
    kernel_size: int | Pair,
    stride: int | Pair | None = None,
    padding: int | Pair = 0,
    dilation: int | Pair = 1,
    ceil_mode: bool = False,
    return_indices: bool = False,
) -> np.ndarray | tuple[np.ndarray, np.ndarray]:
    """Largest value of each window, as torch.nn.functional.max_pool2d.

    Args:
      x: (N, C, H, W) or unbatched (C, H, W); padding counts as -inf (never chosen).
    Returns:
      y (N, C, H_out, W_out) in x's float dtype; with return_indices also the int64 flat
      index h*W + w of each chosen input cell (torch's indices). Ties go to the first
      maximum in row-major window order; a NaN is always chosen (the last one if several).
    """
    x, unbatched, spec = _inputs(x, kernel_size, stride, padding, dilation, ceil_mode)
    y, index = _max(x, spec)
    if unbatched:
        y, index = y[0], index[0]
    return (y, index) if return_indices else y


def _max(x: np.ndarray, spec: Pool2dSpec) -> tuple[np.ndarray, np.ndarray]:
    """y and torch's flat indices (N, C, H_out, W_out) of x (N, C, H, W)."""
    tiles = spec.stride == spec.kernel and spec.padding == (0, 0) and spec.dilation == (1, 1)
    tiles = tiles and spec.out[0] * spec.kernel[0] <= spec.size[0]  # no partial ceil window
    tiles = tiles and spec.out[1] * spec.kernel[1] <= spec.size[1]
    if tiles and not np.isnan(x).any():
        return _max_tiles(x, spec)
    return _max_taps(x, spec)


def _max_tiles(x: np.ndarray, spec: Pool2dSpec) -> tuple[np.ndarray, np.ndarray]:
    """_max for windows that tile the input (stride = kernel, no padding): one argmax.

    np.argmax returns the first maximum in row-major window order, torch's rule; with a NaN
    in the input torch takes the last NaN while argmax takes the first, so _max skips this.
    """
    N, C, H, W = x.shape
    (kH, kW), (H_out, W_out) = spec.kernel, spec.out
    t = x[:, :, : H_out * kH, : W_out * kW].reshape(N, C, H_out, kH, W_out, kW)
    t = t.transpose(0, 1, 2, 4, 3, 5).reshape(N, C, H_out, W_out, kH * kW)  # a copy
    chosen = t.argmax(axis=-1)  # (N, C, H_out, W_out) tap numbers i*kW + j
    best = np.take_along_axis(t, chosen[..., None], axis=-1)[..., 0]
    i, j = np.divmod(chosen, kW)
    rows = np.arange(H_out)[:, None] * kH + i  # taps(oh, kH, kH, 1)[i]
    cols = np.arange(W_out)[None, :] * kW + j
    return best, (rows * W + cols).astype(np.int64)


def _max_taps(x: np.ndarray, spec: Pool2dSpec) -> tuple[np.ndarray, np.ndarray]:
    """_max for any window: walk the taps in torch's scan order, keeping the running best."""
    kH, kW = spec.kernel
    xp = padded(x, spec, -np.inf)
    first = _first_inside(spec)  # torch starts at the first tap inside the input
    best = np.full(x.shape[:2] + spec.out, -np.inf, x.dtype)
    chosen = np.broadcast_to(first, best.shape).copy()  # tap number t = i*kW + j
    for i in range(kH):
        for j in range(kW):
            v = tap(xp, i, j, spec)
            take = (v > best) | np.isnan(v)  # ATen: if (val > maxval || isnan(val))
            best = np.where(take, v, best)
            chosen[take] = i * kW + j
    return best, _flat_index(chosen, spec)


def _first_inside(spec: Pool2dSpec) -> np.ndarray:
    """(H_out, W_out) tap number of each window's first tap inside the input."""
    first = []
    for k, s, p, d, o, n in zip(spec.kernel, spec.stride, spec.padding, spec.dilation,
                                spec.out, spec.size, strict=True):  # fmt: skip
        rows = taps(np.arange(o), k, s, d) - p
        first.append(np.argmax((rows >= 0) & (rows < n), axis=1))
    return first[0][:, None] * spec.kernel[1] + first[1][None, :]


def _flat_index(chosen: np.ndarray, spec: Pool2dSpec) -> np.ndarray:
    """Tap numbers (N, C, H_out, W_out) -> flat input indices h*W + w (int64)."""
    (kH, kW), (H_out, W_out) = spec.kernel, spec.out
    rows = taps(np.arange(H_out), kH, spec.stride[0], spec.dilation[0]) - spec.padding[0]
    cols = taps(np.arange(W_out), kW, spec.stride[1], spec.dilation[1]) - spec.padding[1]
    i, j = np.divmod(chosen, kW)
    r = rows[np.arange(H_out)[:, None], i]  # (N, C, H_out, W_out)
    c = cols[np.arange(W_out)[None, :], j]
    return (r * spec.size[1] + c).astype(np.int64)


def max_pool2d_backward(
    grad_output: np.ndarray,
    x: np.ndarray,
    kernel_size: int | Pair,
    stride: int | Pair | None = None,
    padding: int | Pair = 0,
    dilation: int | Pair = 1,
    ceil_mode: bool = False,
) -> np.ndarray:
    """dL/dx of max_pool2d: each window's gradient goes to its chosen cell (summed on overlap).

    grad_output: (N, C, H_out, W_out) like y; x: the forward input. Returns dx like x.
    """
    x, unbatched, spec = _inputs(x, kernel_size, stride, padding, dilation, ceil_mode)
    dy = _grad(grad_output, x, spec)
    _, index = _max(x, spec)
    N, C, H, W = x.shape
    plane = np.arange(N * C).reshape(N, C, 1, 1) * (H * W)
    dx = np.bincount((index + plane).ravel(), dy.ravel(), N * C * H * W)
    dx = dx.astype(x.dtype, copy=False).reshape(N, C, H, W)
    return dx[0] if unbatched else dx


def avg_pool2d(
    x: np.ndarray,
    kernel_size: int | Pair,
    stride: int | Pair | None = None,
    padding: int | Pair = 0,
    ceil_mode: bool = False,
    count_include_pad: bool = True,
    divisor_override: int | None = None,
) -> np.ndarray:
    """Mean of each window, as torch.nn.functional.avg_pool2d.

    Args:
      x: (N, C, H, W) or unbatched (C, H, W).
      count_include_pad: divide by the window's cells inside the padded input (True) or
        inside the input only (False); cells past the padding (ceil_mode) never count.
      divisor_override: divide every sum by this number instead.
    Returns:
      (N, C, H_out, W_out) in x's float dtype.
    """
    x, unbatched, spec = _inputs(x, kernel_size, stride, padding, 1, ceil_mode)
    y = _avg(x, spec, _divisor(spec, count_include_pad, divisor_override))
    return y[0] if unbatched else y


def _avg(x: np.ndarray, spec: Pool2dSpec, divisor: np.ndarray) -> np.ndarray:
    """Window sums in torch's scan order over divisor (H_out, W_out): (N, C, H_out, W_out)."""
    xp = padded(x, spec, 0.0)
    total = np.zeros(x.shape[:2] + spec.out, x.dtype)
    for i in range(spec.kernel[0]):
        for j in range(spec.kernel[1]):
            total += tap(xp, i, j, spec)
    return total / divisor


def avg_pool2d_backward(
    grad_output: np.ndarray,
    x: np.ndarray,
    kernel_size: int | Pair,
    stride: int | Pair | None = None,
    padding: int | Pair = 0,
    ceil_mode: bool = False,
    count_include_pad: bool = True,
    divisor_override: int | None = None,
) -> np.ndarray:
    """dL/dx of avg_pool2d: each window spreads grad / divisor over its cells in the input.

    grad_output: (N, C, H_out, W_out); x: the forward input (only its shape matters).
    """
    x, unbatched, spec = _inputs(x, kernel_size, stride, padding, 1, ceil_mode)
    share = _grad(grad_output, x, spec) / _divisor(spec, count_include_pad, divisor_override)
    dxp = np.zeros(x.shape[:2] + spec.padded, x.dtype)
    for i in range(spec.kernel[0]):
        for j in range(spec.kernel[1]):
            tap(dxp, i, j, spec)[...] += share
    (ph, pw), (H, W) = spec.padding, spec.size
    dx = np.ascontiguousarray(dxp[:, :, ph : ph + H, pw : pw + W])
    return dx[0] if unbatched else dx


def _divisor(spec: Pool2dSpec, count_include_pad: bool, override: int | None) -> np.ndarray:
    """(H_out, W_out) divisor of each window, ATen's avg_pool2d rule."""
    if override is not None:
        if isinstance(override, bool) or int(override) != override or override == 0:
            raise ConvError(
                f"divisor_override must be a non-zero whole number, got {override!r}",
                code="pool_divisor",
                params={"divisor": repr(override)},
            )
        return np.full(spec.out, float(override))
    counts = []
    for k, s, p, o, n in zip(spec.kernel, spec.stride, spec.padding, spec.out, spec.size,
                             strict=True):  # fmt: skip
        start = np.arange(o) * s - p
        end = np.minimum(start + k, n + p)  # a window is cut at the end of the padding
        if not count_include_pad:
            start, end = np.maximum(start, 0), np.minimum(end, n)
        counts.append(end - start)
    return np.outer(counts[0], counts[1]).astype(np.float64)


def _inputs(x, kernel_size, stride, padding, dilation, ceil_mode):
    """Cast x, batch it to (N, C, H, W) and check the pooling: (x, unbatched, spec)."""
    (x,) = floats(x)
    if x.ndim not in (3, 4):
        raise ConvError(
            f"pooling input must be (N, C, H, W) or (C, H, W), got {x.ndim} dimensions",
            code="pool_input_dims",
            params={"ndim": x.ndim},
        )
    if x.size == 0:
        raise ConvError(
            f"every pooling input size must be at least 1, got {x.shape}",
            code="pool_input_empty",
            params={"shape": list(x.shape)},
        )
    x, unbatched = batched(x)
    return x, unbatched, pool_spec(x.shape, kernel_size, stride, padding, dilation, ceil_mode)


def _grad(grad_output, x: np.ndarray, spec: Pool2dSpec) -> np.ndarray:
    (dy,) = floats(grad_output)
    dy = dy[None] if dy.ndim == 3 else dy
    expected = x.shape[:2] + spec.out
    if dy.shape != expected:
        raise ConvError(
            f"grad_output must have the pooling output's shape {expected}, got {dy.shape}",
            code="grad_output_shape",
            params={"expected": list(expected), "got": list(dy.shape)},
        )
    return dy.astype(x.dtype, copy=False)
