"""The lessons' answers: every number from the engine's public API, as pydantic models."""

from __future__ import annotations

from fractions import Fraction

import numpy as np

import convcore
from convcore import Layer, signals

from ..conv.params import ConvParams
from ..settings import get_settings
from .models import (
    CountsOut,
    ImpulseOut,
    LayerCountsOut,
    MatrixOut,
    OutputSizeOut,
    ShiftOut,
    StackOut,
    StackRow,
)
from .params import ImpulseParams, KernelStackParams, OutputSizeParams, ShiftParams

POOL = 2  # lesson 4's max-pool: 2x2, stride 2


def matrix(params: ConvParams) -> MatrixOut:
    """The plan's conv as M (rows (n, c_out, i, j), columns (n, c_in, h, w) of the input)."""
    c = params.setup
    shape = c.shape
    m, tap = convcore.conv2d_matrix(
        c.x.shape, c.kernel, *c.conv_args(), max_entries=get_settings().max_matrix_entries
    )
    # tap indexes the kernel as applied; name the weight as given (convolution flips it).
    given = np.arange(c.weight.size).reshape(c.weight.shape)
    applied = given[..., ::-1, ::-1] if params.operation == "convolution" else given
    tap = np.where(tap >= 0, applied.ravel()[tap], -1)
    # With all-ones weights each entry counts the taps that land on it: > 1 where padding folds
    # several weights onto one input (their sum may be 0, which the matrix alone cannot show).
    hits, _ = convcore.conv2d_matrix(c.x.shape, np.ones_like(c.kernel), *c.conv_args())
    bias = np.zeros(shape.C_out) if c.bias is None else c.bias
    out = (shape.N, shape.C_out, *shape.out)
    row_bias = np.broadcast_to(bias[None, :, None, None], out).ravel()  # (rows,)
    counts = convcore.matrix_counts(
        c.x.shape, c.kernel.shape, *c.conv_args(), bias=c.bias is not None
    )
    return MatrixOut(
        matrix=m.tolist(),
        tap=tap.tolist(),
        bias=row_bias.tolist(),
        folded=np.argwhere(hits > 1).tolist(),
        weight=c.weight.ravel().tolist(),
        row_at=np.argwhere(np.ones(out, bool)).tolist(),  # C order: row r is output element r
        col_at=np.argwhere(np.ones(c.x.shape, bool)).tolist(),
        counts=CountsOut(
            rows=counts.rows,
            cols=counts.cols,
            conv=LayerCountsOut(**vars(counts.conv)),
            dense=LayerCountsOut(**vars(counts.dense)),
        ),
        shapes={"input": list(c.x.shape), "weight": list(c.weight.shape), "output": list(out)},
    )


def impulse(params: ImpulseParams) -> ImpulseOut:
    """An impulse in the middle of a size x size image, padding 1 so the output keeps its size."""
    n, mid = params.size, params.size // 2
    x = np.zeros((1, 1, n, n))
    x[0, 0, mid, mid] = 1.0
    k = np.array(params.kernel_rows())
    corr = convcore.conv2d(x, k[None, None], padding=1)[0, 0]
    conv = convcore.convolve2d(x, k[None, None], padding=1)[0, 0]
    window = (slice(mid - 1, mid + 2), slice(mid - 1, mid + 2))
    flipped = k[::-1, ::-1]
    line = x[0, 0, mid]
    return ImpulseOut(
        input=x[0, 0].tolist(),
        kernel=k.tolist(),
        kernel_flipped=flipped.tolist(),
        correlation=corr.tolist(),
        convolution=conv.tolist(),
        mid=mid,
        correlation_is_flipped=bool(np.array_equal(corr[window], flipped)),
        convolution_is_kernel=bool(np.array_equal(conv[window], k)),
        row={"x": line.tolist(), "kernel": k[0].tolist(),
             "correlate": signals.correlate1d(line, k[0]).tolist(),
             "convolve": signals.convolve1d(line, k[0]).tolist()},
    )  # fmt: skip


def shift(params: ShiftParams) -> ShiftOut:
    """Sample 0, channel 0: conv(x), conv(x one pixel to the right), and where they disagree."""
    c = params.setup
    circular = params.shift_mode == "circular"
    x = c.x
    if circular:
        xs = np.roll(x, 1, axis=-1)
    else:
        xs = np.zeros_like(x)
        xs[..., 1:] = x[..., :-1]  # the right column leaves; a zero column enters on the left
    y = convcore.conv2d(x, c.kernel, c.bias, *c.conv_args())
    ys = convcore.conv2d(xs, c.kernel, c.bias, *c.conv_args())
    moved = np.roll(y, 1, axis=-1)
    if not circular:  # the entering column has no counterpart in y: nothing to compare
        moved[..., 0] = ys[..., 0]
    broken = ~np.isclose(ys, moved)
    pooled = pooled_s = same = None
    if params.pool and min(y.shape[2:]) >= POOL:
        pooled = np.asarray(convcore.max_pool2d(y, POOL))  # (N, C_out, H_out/2, W_out/2)
        pooled_s = np.asarray(convcore.max_pool2d(ys, POOL))
        same = int(np.isclose(pooled, pooled_s)[0, 0].sum())
    return ShiftOut(
        x=x[0, 0].tolist(),
        x_shifted=xs[0, 0].tolist(),
        y=y[0, 0].tolist(),
        y_shifted=ys[0, 0].tolist(),
        y_then_shift=moved[0, 0].tolist(),
        broken=broken[0, 0].tolist(),
        broken_count=int(broken[0, 0].sum()),
        cells=int(broken[0, 0].size),
        pooled=None if pooled is None else pooled[0, 0].tolist(),
        pooled_shifted=None if pooled_s is None else pooled_s[0, 0].tolist(),
        pooled_same=same,
    )


def stack(params: KernelStackParams) -> StackOut:
    """n 3x3 layers (padding 1) against one k x k layer, k = 2n + 1 (padding n), C to C."""
    C, n, size = params.channels, params.n, params.size
    k = 2 * n + 1
    shape = (1, C, size, size)
    small = convcore.conv_cost(shape, C, 3, padding=1, bias=False)
    big = convcore.conv_cost(shape, C, k, padding=n, bias=False)
    stacked = StackRow(
        name="stacked", layers=n, kernel=3,
        rf=convcore.receptive_field([Layer(3, 1, 1)] * n).size,
        params=n * small.params, formula=f"{n}·9·C² = {n}·9·{C}² = {n * small.params}",
        nonlinearities=n, macs=n * small.macs,
    )  # fmt: skip
    single = StackRow(
        name="single", layers=1, kernel=k,
        rf=convcore.receptive_field([Layer(k, 1, n)]).size,
        params=big.params, formula=f"{k * k}·C² = {k * k}·{C}² = {big.params}",
        nonlinearities=1, macs=big.macs,
    )  # fmt: skip
    return StackOut(
        channels=C, size=size, stacked=stacked, single=single,
        saved=single.params - stacked.params, ratio=stacked.params / single.params,
    )  # fmt: skip


def output_size(params: OutputSizeParams) -> OutputSizeOut:
    """The seed's W₂ = (W₁ − F + 2P)/S + 1 (F the dilated span) and conv2d's floor of it."""
    W1, k, S, P, d = params.size, params.kernel, params.stride, params.padding, params.dilation
    F = convcore.span(k, d)
    out = convcore.output_size(W1, k, S, P, d)[0]  # the engine's check: F must fit W₁ + 2P
    numerator = W1 - F + 2 * P
    seed = Fraction(numerator, S) + 1
    return OutputSizeOut(
        numerator=numerator,
        seed_text=f"({W1} − {F} + 2·{P}) / {S} + 1 = {numerator}/{S} + 1",
        seed_value=float(seed),
        seed_whole=seed.denominator == 1,
        fraction=str(seed),
        general_text=f"⌊({W1} + 2·{P} − {d}·({k} − 1) − 1) / {S}⌋ + 1 = {out}",
        output=out,
        ceil_output=convcore.pool_out_size(W1, k, S, P, d, ceil_mode=True),
        unused=numerator % S,
        span=F,
        padded=W1 + 2 * P,
        windows=[[int(v) for v in convcore.taps(o, k, S, d)[[0, -1]]] for o in range(out)],
    )
