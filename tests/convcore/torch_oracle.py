"""Live torch oracle (float64). Import only after `pytest.importorskip("torch")`."""

from __future__ import annotations

import warnings
from typing import Any

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

# 'same' with an even kernel and odd dilation warns about a padded copy; expected, not news.
warnings.filterwarnings("ignore", message="Using padding='same'", category=UserWarning)


def _tuple(v: Any) -> Any:
    return tuple(v) if isinstance(v, list | tuple) else v


def _t(a: np.ndarray | None, grad: bool = False) -> torch.Tensor | None:
    if a is None:
        return None
    return torch.tensor(np.asarray(a, np.float64), requires_grad=grad)


def conv2d(x, w, b, gy=None, stride=1, padding=0, dilation=1, groups=1, padding_mode="zeros"):
    """(y, dx, dw, db) from nn.Conv2d (the torch API with every padding_mode); grads if gy."""
    conv = nn.Conv2d(
        w.shape[1] * groups,
        w.shape[0],
        tuple(w.shape[2:]),
        stride=_tuple(stride),
        padding=_tuple(padding),
        dilation=_tuple(dilation),
        groups=groups,
        bias=b is not None,
        padding_mode=padding_mode,
        dtype=torch.float64,
    )
    with torch.no_grad():
        conv.weight.copy_(_t(w))
        if b is not None:
            conv.bias.copy_(_t(b))
    xt = _t(x, grad=True)
    y = conv(xt)
    if gy is None:
        return y.detach().numpy(), None, None, None
    y.backward(_t(gy))
    db = None if b is None else conv.bias.grad.numpy()
    return y.detach().numpy(), xt.grad.numpy(), conv.weight.grad.numpy(), db


def conv_transpose2d(x, w, b, gy=None, stride=1, padding=0, output_padding=0, groups=1, dilation=1):
    """(y, dx, dw, db) from F.conv_transpose2d; grads if gy."""
    xt, wt, bt = _t(x, True), _t(w, True), _t(b, b is not None)
    y = F.conv_transpose2d(
        xt,
        wt,
        bt,
        stride=_tuple(stride),
        padding=_tuple(padding),
        output_padding=_tuple(output_padding),
        groups=groups,
        dilation=_tuple(dilation),
    )
    if gy is None:
        return y.detach().numpy(), None, None, None
    y.backward(_t(gy))
    db = None if b is None else bt.grad.numpy()
    return y.detach().numpy(), xt.grad.numpy(), wt.grad.numpy(), db
