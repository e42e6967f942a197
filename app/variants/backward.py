"""The backward pass explained: dW, dX two ways (conv2d_backward and a transposed conv of dy
over the padded canvas, cropped or folded back), the step shown, costs and the update step."""

from __future__ import annotations

import json

import numpy as np

import convcore
from convcore import ConvError

from ..conv.events import backward_json
from ..conv.sources import make_weight
from .models import BackwardOut, UpdateOut
from .params import BackwardAt, UpdateParams, check_step


def backward(p: BackwardAt) -> BackwardOut:
    """Everything the backward section draws for the step p.step."""
    c = p.setup
    shape, spec = c.shape, c.spec
    step = check_step(p.step, shape.steps)
    dy = p.grad_output()  # (N, C_out, H_out, W_out)
    dx, dw, db = convcore.conv2d_backward(dy, c.x, c.kernel, *c.conv_args())
    dx_padded = _dx_on_padded_canvas(p, dy)  # (N, C_in, Hp, Wp)
    source = _padding_source(p)  # (Hp, Wp): which real cell each padded cell copies, -1 none
    folded = _fold(dx_padded, source, c.x.shape)  # (N, C_in, H, W)
    st = next(iter(convcore.backward_steps(dy, c.x, c.kernel, *c.conv_args(), start=step,
                                           stop=step + 1)))  # fmt: skip
    cost = convcore.conv_cost(c.x.shape, shape.C_out, spec.kernel, *c.conv_args()[:4],
                              bias=False, padding_mode=spec.padding_mode)  # fmt: skip
    return BackwardOut(
        x=c.x.tolist(),
        padded=convcore.pad(c.x, spec.padding, spec.padding_mode).tolist(),
        source=source.tolist(),
        pad_mask=np.pad(np.zeros(shape.size, bool), spec.padding, constant_values=True).tolist(),
        kernel=c.kernel.tolist(),
        dy=dy.tolist(),
        dw=dw.tolist(),
        db=db.tolist(),
        dx=dx.tolist(),
        dx_padded=dx_padded.tolist(),
        dx_transposed=folded.tolist(),
        max_difference=float(np.abs(folded - dx).max()),
        step=json.loads(backward_json(st)),
        steps=shape.steps,
        padding_mode=spec.padding_mode,
        macs_dw=cost.macs,  # each dy times each tap of its window: the forward's products
        macs_dx=cost.macs,  # each dy times each kernel tap, scattered: the same count
        adds_db=int(dy.size),
        macs_forward=cost.macs,
    )


def _dx_on_padded_canvas(p: BackwardAt, dy: np.ndarray) -> np.ndarray:
    """dL/dXp = conv_transpose2d(dy, W) with no padding: a full correlation with the flipped
    kernel; output_padding adds the rows/columns a strided window never reached."""
    c = p.setup
    spec, shape = c.spec, c.shape
    spans = [convcore.span(k, d) for k, d in zip(spec.kernel, spec.dilation, strict=True)]
    left = [P - ((o - 1) * s + sp) for P, o, s, sp in
            zip(shape.padded, shape.out, spec.stride, spans, strict=True)]  # fmt: skip
    return convcore.conv_transpose2d(dy, c.kernel, None, spec.stride, 0, (left[0], left[1]),
                                     spec.groups, spec.dilation)  # fmt: skip


def _padding_source(p: BackwardAt) -> np.ndarray:
    """(Hp, Wp) ints: the real cell h*W + w that the padding mode copied there, -1 for zeros.
    The engine's own pad applied to cell numbers, so the fold follows the forward's copies."""
    c = p.setup
    H, W = c.shape.size
    numbers = np.arange(1, H * W + 1, dtype=float).reshape(1, 1, H, W)
    padded = convcore.pad(numbers, c.spec.padding, c.spec.padding_mode)[0, 0]
    return padded.astype(int) - 1


def _fold(dx_padded: np.ndarray, source: np.ndarray, x_shape: tuple[int, ...]) -> np.ndarray:
    """Add each padded cell's gradient onto the real cell it copied; zeros padding drops it."""
    N, C, H, W = x_shape
    flat = dx_padded.reshape(N, C, -1)  # (N, C, Hp*Wp)
    keep = source.ravel() >= 0
    out = np.zeros((N, C, H * W))
    index = (slice(None), slice(None), source.ravel()[keep])
    np.add.at(out, index, flat[:, :, keep])  # type: ignore[arg-type]
    return out.reshape(N, C, H, W)


def update(p: UpdateParams) -> UpdateOut:
    """One step W <- W - lr dW (and b) on the kernels as given, and the loss before and after."""
    c = p.setup
    args = c.conv_args()
    target = None
    if p.loss == "mse":
        t_kernel = make_weight(p.target_kernel, c.kernel.shape, p.seed, None)
        target = convcore.conv2d(c.x, t_kernel, None, *args)
    y = convcore.conv2d(c.x, c.kernel, c.bias, *args)
    dy = np.ones_like(y) if target is None else y - target
    _, dw, db = convcore.conv2d_backward(dy, c.x, c.kernel, *args)
    new_kernel = c.kernel - p.lr * dw
    new_bias = None if c.bias is None else c.bias - p.lr * db
    y_new = convcore.conv2d(c.x, new_kernel, new_bias, *args)
    flip = p.operation == "convolution"  # dW of the given weight is the flipped dW applied
    new_weight = new_kernel[..., ::-1, ::-1] if flip else new_kernel
    if not np.isfinite(y_new).all() or np.abs(new_weight).max() > 1e6:
        raise ConvError(
            f"a learning rate of {p.lr} makes the kernel blow up; try a smaller one",
            code="update_diverges",
            params={"lr": p.lr},
        )
    return UpdateOut(
        loss=p.loss,
        lr=p.lr,
        target=None if target is None else target.tolist(),
        output=y.tolist(),
        dy=dy.tolist(),
        dw=(dw[..., ::-1, ::-1] if flip else dw).tolist(),
        db=db.tolist(),
        weight=c.weight.tolist(),
        new_weight=new_weight.tolist(),
        new_bias=None if new_bias is None else new_bias.tolist(),
        new_output=y_new.tolist(),
        loss_before=_loss(y, target),
        loss_after=_loss(y_new, target),
    )


def _loss(y: np.ndarray, target: np.ndarray | None) -> float:
    return float(y.sum()) if target is None else float(0.5 * ((y - target) ** 2).sum())
