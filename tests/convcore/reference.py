"""Naive loop reference: the textbook formulas of the spec, written out index by index.

An oracle must not share code with what it checks, so nothing here imports convcore. Sizes,
'same' padding and the four padding modes are re-derived from the spec (sections 1, 2, 4, 5)
with explicit index rules, and every sum is a plain Python loop. Slow on purpose: use it on
small shapes only.

All functions take batched arrays: x (N, C_in, H, W), w (C_out, C_in/groups, kH, kW) for
conv2d and (C_in, C_out/groups, kH, kW) for conv_transpose2d. Results are float64.
"""

from __future__ import annotations

import numpy as np

MODES = ("zeros", "reflect", "replicate", "circular")


def two(v: int | tuple[int, int] | list[int]) -> tuple[int, int]:
    """int or (h, w) -> (h, w)."""
    return (v, v) if isinstance(v, int) else (int(v[0]), int(v[1]))


def same_split(k: int, d: int) -> tuple[int, int]:
    """'same' padding of one axis: total d(k-1), the odd pixel on the bottom/right side."""
    total = d * (k - 1)
    return total // 2, total - total // 2


def sides(padding, kernel, dilation) -> tuple[tuple[int, int], tuple[int, int]]:
    """Per-side padding ((top, bottom), (left, right)) for an int, a pair, 'valid' or 'same'."""
    if padding == "valid":
        return (0, 0), (0, 0)
    if padding == "same":
        return same_split(kernel[0], dilation[0]), same_split(kernel[1], dilation[1])
    ph, pw = two(padding)
    return (ph, ph), (pw, pw)


def conv_out(i: int, k: int, s: int, lo: int, hi: int, d: int) -> int:
    """floor((i + lo + hi - d(k-1) - 1) / s) + 1, spec section 2."""
    return (i + lo + hi - d * (k - 1) - 1) // s + 1


def transposed_out(i: int, k: int, s: int, p: int, d: int, op: int) -> int:
    """(i-1)s - 2p + d(k-1) + op + 1, spec section 4."""
    return (i - 1) * s - 2 * p + d * (k - 1) + op + 1


def source(r: int, n: int, lo: int, mode: str) -> int | None:
    """Input index that padded index r (0-based, lo padding in front) copies, or None (zero)."""
    q = r - lo  # position relative to the first real pixel
    if 0 <= q < n:
        return q
    if mode == "zeros":
        return None
    if mode == "replicate":
        return 0 if q < 0 else n - 1
    if mode == "circular":
        return q % n
    # reflect: mirror about the edge pixels, which are not repeated
    return -q if q < 0 else 2 * (n - 1) - q


def conv2d(x, w, b=None, stride=1, padding=0, dilation=1, groups=1, padding_mode="zeros"):
    """y[n,o,i,j] = b[o] + sum_{c',u,v} w[o,c',u,v] * Xp[n, g(o)*C_g + c', i*s + u*d, j*s + v*d]."""
    x, w = np.asarray(x, np.float64), np.asarray(w, np.float64)
    N, C_in, H, W = x.shape
    C_out, C_g, kH, kW = w.shape
    (sh, sw), (dh, dw) = two(stride), two(dilation)
    (top, bottom), (left, right) = sides(padding, (kH, kW), (dh, dw))
    H_out = conv_out(H, kH, sh, top, bottom, dh)
    W_out = conv_out(W, kW, sw, left, right, dw)
    F_g = C_out // groups
    y = np.zeros((N, C_out, H_out, W_out))
    for n in range(N):
        for o in range(C_out):
            g = o // F_g
            for i in range(H_out):
                for j in range(W_out):
                    acc = 0.0 if b is None else float(b[o])
                    for c in range(C_g):
                        for u in range(kH):
                            r = source(i * sh + u * dh, H, top, padding_mode)
                            for v in range(kW):
                                q = source(j * sw + v * dw, W, left, padding_mode)
                                xv = 0.0 if r is None or q is None else x[n, g * C_g + c, r, q]
                                acc += w[o, c, u, v] * xv
                    y[n, o, i, j] = acc
    return y


def conv2d_backward(gy, x, w, stride=1, padding=0, dilation=1, groups=1, padding_mode="zeros"):
    """(dx, dw, db) of L = <conv2d(x, w), gy>, by walking the same 7 loops as conv2d.

    Each term w * Xp[...] sends gy * w to the pixel the padded cell copies (the fold-back of
    reflect/replicate/circular) and gy * Xp[...] to the weight.
    """
    gy, x, w = (np.asarray(a, np.float64) for a in (gy, x, w))
    N, C_in, H, W = x.shape
    C_out, C_g, kH, kW = w.shape
    (sh, sw), (dh, dw_) = two(stride), two(dilation)
    (top, _), (left, _) = sides(padding, (kH, kW), (dh, dw_))
    _, _, H_out, W_out = gy.shape
    F_g = C_out // groups
    dx, dw, db = np.zeros_like(x), np.zeros_like(w), gy.sum(axis=(0, 2, 3))
    for n in range(N):
        for o in range(C_out):
            g = o // F_g
            for i in range(H_out):
                for j in range(W_out):
                    go = gy[n, o, i, j]
                    for c in range(C_g):
                        ci = g * C_g + c
                        for u in range(kH):
                            r = source(i * sh + u * dh, H, top, padding_mode)
                            for v in range(kW):
                                q = source(j * sw + v * dw_, W, left, padding_mode)
                                if r is None or q is None:
                                    continue
                                dx[n, ci, r, q] += go * w[o, c, u, v]
                                dw[o, c, u, v] += go * x[n, ci, r, q]
    return dx, dw, db


def conv_transpose2d(x, w, b=None, stride=1, padding=0, output_padding=0, groups=1, dilation=1):
    """Scatter form: x[n,c,i,j] * w[c,o',u,v] adds to y[n, g*F_g + o', i*s-p + u*d, j*s-p + v*d]."""
    x, w = np.asarray(x, np.float64), np.asarray(w, np.float64)
    N, C_in, H, W = x.shape
    _, F_g, kH, kW = w.shape
    (sh, sw), (ph, pw), (dh, dw) = two(stride), two(padding), two(dilation)
    oph, opw = two(output_padding)
    H_out = transposed_out(H, kH, sh, ph, dh, oph)
    W_out = transposed_out(W, kW, sw, pw, dw, opw)
    C_g = C_in // groups
    y = np.zeros((N, F_g * groups, H_out, W_out))
    for n in range(N):
        for c in range(C_in):
            g = c // C_g
            for i in range(H):
                for j in range(W):
                    for o in range(F_g):
                        for u in range(kH):
                            r = i * sh - ph + u * dh
                            if not 0 <= r < H_out:
                                continue
                            for v in range(kW):
                                q = j * sw - pw + v * dw
                                if 0 <= q < W_out:
                                    y[n, g * F_g + o, r, q] += x[n, c, i, j] * w[c, o, u, v]
    if b is not None:
        y += np.asarray(b, np.float64)[:, None, None]
    return y


def conv_transpose2d_backward(
    gy, x, w, stride=1, padding=0, output_padding=0, groups=1, dilation=1
):
    """(dx, dw, db) of L = <conv_transpose2d(x, w), gy>, by walking the scatter loops."""
    gy, x, w = (np.asarray(a, np.float64) for a in (gy, x, w))
    N, C_in, H, W = x.shape
    _, F_g, kH, kW = w.shape
    (sh, sw), (ph, pw), (dh, dw_) = two(stride), two(padding), two(dilation)
    H_out, W_out = gy.shape[2:]
    C_g = C_in // groups
    dx, dw, db = np.zeros_like(x), np.zeros_like(w), gy.sum(axis=(0, 2, 3))
    for n in range(N):
        for c in range(C_in):
            g = c // C_g
            for i in range(H):
                for j in range(W):
                    for o in range(F_g):
                        for u in range(kH):
                            r = i * sh - ph + u * dh
                            if not 0 <= r < H_out:
                                continue
                            for v in range(kW):
                                q = j * sw - pw + v * dw_
                                if 0 <= q < W_out:
                                    go = gy[n, g * F_g + o, r, q]
                                    dx[n, c, i, j] += go * w[c, o, u, v]
                                    dw[c, o, u, v] += go * x[n, c, i, j]
    return dx, dw, db


def conv_refusal(x_shape, w_shape, stride=1, padding=0, dilation=1, groups=1, padding_mode="zeros"):
    """Why torch would refuse this conv2d (spec sections 2-3), or None if it is valid."""
    N, C_in, H, W = x_shape
    C_out, C_g, kH, kW = w_shape
    (sh, sw), (dh, dw) = two(stride), two(dilation)
    if min(sh, sw) < 1:
        return "stride"
    if min(dh, dw) < 1:
        return "dilation"
    if not isinstance(groups, int) or isinstance(groups, bool) or groups < 1:
        return "groups"
    if padding == "same" and (sh, sw) != (1, 1):
        return "same with stride"
    if not isinstance(padding, str) and min(two(padding)) < 0:
        return "negative padding"
    if C_in % groups or C_out % groups or C_g * groups != C_in:
        return "groups"
    pads = sides(padding, (kH, kW), (dh, dw))
    for n, (lo, hi), k, d in ((H, pads[0], kH, dh), (W, pads[1], kW, dw)):
        if padding_mode == "reflect" and max(lo, hi) >= n:
            return "reflect"
        if padding_mode == "circular" and max(lo, hi) > n:
            return "circular"
        if d * (k - 1) + 1 > n + lo + hi:
            return "kernel larger than padded input"
    return None


def central_difference(f, a: np.ndarray, eps: float = 1e-6) -> np.ndarray:
    """d f / d a by (f(a + eps e_i) - f(a - eps e_i)) / 2 eps, one entry at a time."""
    grad = np.zeros_like(a)
    for i in np.ndindex(a.shape):
        old = a[i]
        a[i] = old + eps
        hi = f()
        a[i] = old - eps
        lo = f()
        a[i] = old
        grad[i] = (hi - lo) / (2 * eps)
    return grad
