"""The fast path: every window tap becomes one contiguous slice of a flattened input.

Split the padded input into stride phases (x[r::s]) and flatten each phase over (N, Hq, Wq).
Output (n, oh, ow) then sits at flat position n*Hq*Wq + oh*Wq + ow, and kernel tap (i, j)
reads one phase at that position plus a fixed offset, both from geometry.taps (via
tap_phases, the trace's own index function). So a chunk of im2col columns is kH*kW plain
slice copies (no index arithmetic, no gather), small enough to stay in cache,
and forward, dW and dX are each one GEMM per chunk. Positions with ow >= W_out are computed
and dropped: that costs (Wq - W_out) / Wq extra, a few percent, and buys contiguity.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .geometry import ConvShape, tap_phases
from .padding import pad

CACHE_BYTES = 1 << 21  # one chunk of columns: 2-4 MiB measured best here (32 MiB L3, 1 MiB L2)
SERIAL_MACS = 1 << 18  # OpenBLAS runs a GEMM with m*n*k <= 65536*4 on one thread (gemm.c)
SMALL_MACS = 1 << 24  # convs up to this many MACs per call keep every GEMM on one thread


@dataclass(frozen=True)
class Lowering:
    """Flat layout of one conv: phases (s_h, s_w), phase grid (Hq, Wq), taps as slices."""

    shape: ConvShape
    grid: tuple[int, int]
    length: int  # flat positions from the first output to the last
    phase: tuple[int, ...]  # (kH*kW,) phase of each tap, r_h * s_w + r_w
    offset: tuple[int, ...]  # (kH*kW,) flat offset of each tap inside its phase

    @classmethod
    def of(cls, shape: ConvShape) -> Lowering:
        (s_h, s_w), (d_h, d_w), (kH, kW) = shape.spec.stride, shape.spec.dilation, shape.spec.kernel
        Hq, Wq = -(-shape.padded[0] // s_h), -(-shape.padded[1] // s_w)
        H_out, W_out = shape.out
        # Output 0 reads padded rows taps(0): row r sits in phase r % s at phase-grid row r // s,
        # and output o reads the same taps shifted by o*s, i.e. o rows further in that phase.
        (qh, rh), (qw, rw) = tap_phases(kH, s_h, d_h), tap_phases(kW, s_w, d_w)
        taps_hw = [(i, j) for i in range(kH) for j in range(kW)]  # row-major, as w.reshape
        phase = tuple(rh[i] * s_w + rw[j] for i, j in taps_hw)  # (kH*kW,)
        offset = tuple(qh[i] * Wq + qw[j] for i, j in taps_hw)  # (kH*kW,)
        length = (shape.N - 1) * Hq * Wq + (H_out - 1) * Wq + W_out
        return cls(shape, (Hq, Wq), length, phase, offset)

    def filler(self) -> np.ndarray:
        """(length,) True at flat positions that are no output (past H_out or W_out)."""
        Hq, Wq = self.grid
        H_out, W_out = self.shape.out
        grid = np.ones((self.shape.N, Hq, Wq), bool)
        grid[:, :H_out, :W_out] = False
        return grid.reshape(-1)[: self.length]

    @property
    def taps(self) -> int:
        return len(self.phase)

    def chunk(self, rows: int, itemsize: int) -> int:
        """Columns per chunk so that a (rows, chunk) block fits in CACHE_BYTES."""
        return min(self.length, max(64, CACHE_BYTES // (rows * itemsize)))

    def block(self, rows: int) -> int | None:
        """Columns per GEMM call for a small conv (F_g x rows x block <= SERIAL_MACS), else None.

        OpenBLAS runs such a GEMM on one thread: two threads gain nothing at that size, and
        on a busy 2-core machine their hand-offs made training a small CNN 5-20x slower
        (benchmarks/bench_train.py). Large convs keep one GEMM per chunk, threaded.
        """
        F_g = self.shape.C_out // self.shape.spec.groups
        if F_g * rows * self.length > SMALL_MACS:
            return None
        return max(8, SERIAL_MACS // (F_g * rows))

    def chunks(self, rows: int, itemsize: int) -> list[tuple[int, int]]:
        """Column ranges [a, b) covering every flat position."""
        step = self.chunk(rows, itemsize)
        return [(a, min(a + step, self.length)) for a in range(0, self.length, step)]


def to_phases(x: np.ndarray, low: Lowering) -> np.ndarray:
    """x: (N, C, H, W) -> padded, split into (s_h*s_w, C, N*Hq*Wq) phases, zero past the edge."""
    spec = low.shape.spec
    N, C, H, W = x.shape
    s_h, s_w = spec.stride
    Hq, Wq = low.grid
    if (s_h, s_w) == (1, 1) and spec.padding_mode == "zeros":
        # Pad straight into the transposed buffer: saves a whole copy of the input.
        (top, _), (left, _) = spec.padding
        P = np.zeros((C, N, Hq, Wq), x.dtype)
        P[:, :, top : top + H, left : left + W] = x.transpose(1, 0, 2, 3)
        return P.reshape(1, C, N * Hq * Wq)
    xp = pad(x, spec.padding, spec.padding_mode)
    P = np.zeros((s_h, s_w, C, N, Hq, Wq), xp.dtype)
    for rh in range(s_h):
        for rw in range(s_w):
            part = xp[:, :, rh::s_h, rw::s_w].transpose(1, 0, 2, 3)  # (C, N, <=Hq, <=Wq)
            P[rh, rw, :, :, : part.shape[2], : part.shape[3]] = part
    return P.reshape(s_h * s_w, C, N * Hq * Wq)


def from_phases(P: np.ndarray, low: Lowering) -> np.ndarray:
    """Adjoint of `to_phases`: (s_h*s_w, C, N*Hq*Wq) -> dxp (N, C, Hp, Wp)."""
    s_h, s_w = low.shape.spec.stride
    Hq, Wq = low.grid
    Hp, Wp = low.shape.padded
    N, C = low.shape.N, P.shape[1]
    P = P.reshape(s_h, s_w, C, N, Hq, Wq)
    dxp = np.empty((N, C, Hp, Wp), P.dtype)
    for rh in range(s_h):
        for rw in range(s_w):
            part = dxp[:, :, rh::s_h, rw::s_w]
            part[...] = P[rh, rw, :, :, : part.shape[2], : part.shape[3]].transpose(1, 0, 2, 3)
    return dxp


def to_grid(y: np.ndarray, low: Lowering) -> np.ndarray:
    """y: (N, F, H_out, W_out) -> (F, length) on the flat grid, zero off the outputs."""
    N, F, H_out, W_out = y.shape
    Hq, Wq = low.grid
    g = np.zeros((F, N, Hq, Wq), y.dtype)
    g[:, :, :H_out, :W_out] = y.transpose(1, 0, 2, 3)
    return g.reshape(F, N * Hq * Wq)[:, : low.length]


def from_grid(g: np.ndarray, low: Lowering) -> np.ndarray:
    """Adjoint of `to_grid`: (F, N*Hq*Wq) flat grid -> (N, F, H_out, W_out), a copy."""
    Hq, Wq = low.grid
    H_out, W_out = low.shape.out
    g = g.reshape(g.shape[0], low.shape.N, Hq, Wq)[:, :, :H_out, :W_out]
    return np.ascontiguousarray(g.transpose(1, 0, 2, 3))


def forward(P: np.ndarray, w: np.ndarray, low: Lowering) -> np.ndarray:
    """y = W @ columns. P: phases of xp; w: (C_out, C_g, kH, kW) -> (N, C_out, H_out, W_out)."""
    G, K = low.shape.spec.groups, low.taps
    C_in, C_out = P.shape[1], w.shape[0]
    wm = w.reshape(G, C_out // G, -1)  # (G, F_g, C_g*K), rows ordered (c, i, j)
    Hq, Wq = low.grid
    out = np.empty((G, C_out // G, low.shape.N * Hq * Wq), P.dtype)
    buf = np.empty(C_in * K * low.chunk(C_in * K, P.itemsize), P.dtype)
    for a, b in low.chunks(C_in * K, P.itemsize):
        cols = _columns(P, low, a, b, buf)
        _matmul(wm, cols.reshape(G, -1, b - a), out[:, :, a:b], low.block(C_in * K))
    return from_grid(out.reshape(C_out, -1), low)


def weight_grad(P: np.ndarray, dy: np.ndarray, low: Lowering) -> np.ndarray:
    """dW = dy @ columns^T. dy: (N, C_out, H_out, W_out) -> (C_out, C_g, kH, kW)."""
    G, K = low.shape.spec.groups, low.taps
    C_in, C_out = P.shape[1], dy.shape[1]
    g = to_grid(dy, low).reshape(G, C_out // G, -1)  # (G, F_g, length)
    dw = np.zeros((G, C_out // G, (C_in // G) * K), P.dtype)
    buf = np.empty(C_in * K * low.chunk(C_in * K, P.itemsize), P.dtype)
    # Filler columns meet dy = 0 there; 0 * NaN would still poison dW, so zero them (as torch).
    filler = None if np.isfinite(P).all() else low.filler()
    for a, b in low.chunks(C_in * K, P.itemsize):
        cols = _columns(P, low, a, b, buf)
        if filler is not None:
            cols[:, :, filler[a:b]] = 0
        cols = cols.reshape(G, -1, b - a)
        step = low.block(C_in * K) or b - a
        for c in range(0, b - a, step):  # the sum runs over columns: add block by block
            dw += g[:, :, a + c : a + c + step] @ cols[:, :, c : c + step].transpose(0, 2, 1)
    kH, kW = low.shape.spec.kernel
    return dw.reshape(C_out, C_in // G, kH, kW)


def input_grad(dy: np.ndarray, w: np.ndarray, low: Lowering) -> np.ndarray:
    """dXp = col2im(W^T @ dy): dy (N, C_out, H_out, W_out) -> dxp (N, C_in, Hp, Wp)."""
    G, K = low.shape.spec.groups, low.taps
    C_out, C_g = w.shape[:2]
    C_in = C_g * G
    s_h, s_w = low.shape.spec.stride
    Hq, Wq = low.grid
    g = to_grid(dy, low).reshape(G, C_out // G, -1)
    wt = w.reshape(G, C_out // G, C_g * K).transpose(0, 2, 1)  # (G, C_g*K, F_g)
    P = np.zeros((s_h * s_w, C_in, low.shape.N * Hq * Wq), dy.dtype)
    filler = None if np.isfinite(w).all() else low.filler()  # inf * 0 = NaN off the outputs
    block = low.block(C_in * K)
    for a, b in low.chunks(C_in * K, dy.itemsize):
        cols = np.empty((G, C_g * K, b - a), dy.dtype)
        _matmul(wt, g[:, :, a:b], cols, block)
        cols = cols.reshape(C_in, K, b - a)
        if filler is not None:
            cols[:, :, filler[a:b]] = 0
        for t in range(K):
            o = low.offset[t]
            P[low.phase[t], :, a + o : b + o] += cols[:, t]
    return from_phases(P, low)


def _matmul(a: np.ndarray, b: np.ndarray, out: np.ndarray, block: int | None) -> None:
    """out = a @ b, in calls of at most `block` columns of b (None: one call)."""
    if block is None or b.shape[-1] <= block:
        np.matmul(a, b, out=out)
        return
    for c in range(0, b.shape[-1], block):
        np.matmul(a, b[..., c : c + block], out=out[..., c : c + block])


def _columns(P: np.ndarray, low: Lowering, a: int, b: int, buf: np.ndarray) -> np.ndarray:
    """im2col of positions [a, b): (C_in, K, b - a), rows (c, tap), in buf's memory."""
    C_in, K = P.shape[1], low.taps
    cols = buf[: C_in * K * (b - a)].reshape(C_in, K, b - a)
    for t in range(K):
        o = low.offset[t]
        cols[:, t] = P[low.phase[t], :, a + o : b + o]
    return cols
