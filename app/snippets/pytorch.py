"""PyTorch snippets: F.conv2d (or nn.Conv2d for the padding modes F.conv2d lacks), autograd."""

from __future__ import annotations

from .literals import Call, nested

HEAD = """import json

import torch
import torch.nn.functional as F
from torch import nn

"""


def tensor(name: str, a, shape: str, grad: bool = False) -> str:
    flag = ", requires_grad=True" if grad else ""
    return (
        f"{name} = torch.tensor(  # {shape}\n    {nested(a)},\n    dtype=torch.float64{flag},\n)\n"
    )


def layer(c: Call, grad: bool) -> str:
    """Inputs and the conv call that makes `y` (with `w`, `b` leaf tensors when grad)."""
    C_out, C_g, kH, kW = c.weight.shape
    src = tensor("x", c.x, "(N, C_in, H, W)", grad)
    if c.spec.padding_mode == "zeros":
        src += tensor("w", c.weight, "(C_out, C_in / groups, kH, kW)", grad)
        if c.bias is not None:
            src += tensor("b", c.bias, "(C_out,)", grad)
        b = "b" if c.bias is not None else "None"
        return src + f"y = F.conv2d(x, w, {b}, {c.kwargs()})\n"
    # F.conv2d has no padding_mode: the module pads reflect/replicate/circular itself.
    src += (
        f"conv = nn.Conv2d(\n    {C_g * c.spec.groups}, {C_out}, kernel_size={(kH, kW)}, "
        f'{c.kwargs()},\n    bias={c.bias is not None}, padding_mode="{c.spec.padding_mode}", '
        "dtype=torch.float64,\n)\nwith torch.no_grad():\n"
        f"    conv.weight.copy_(torch.tensor(\n        {nested(c.weight, 8)},\n"
        "        dtype=torch.float64,\n    ))\n"
    )
    if c.bias is not None:
        src += f"    conv.bias.copy_(torch.tensor({nested(c.bias)}, dtype=torch.float64))\n"
    src += "w, b = conv.weight, conv.bias\n"
    return src + "y = conv(x)\n"


def forward(c: Call) -> str:
    return HEAD + layer(c, grad=False) + "print(json.dumps(y.tolist()))\n"


def backward(c: Call) -> str:
    src = HEAD + layer(c, grad=True)
    src += tensor("dy", c.grad_output, "(N, C_out, H_out, W_out): dL/dy from the next layer")
    src += "y.backward(dy)  # autograd: dL/dx, dL/dw, dL/db\n"
    db = (
        "b.grad"
        if c.bias is not None
        else "dy.sum(dim=(0, 2, 3))  # no bias: what its grad would be"
    )
    src += f"db = {db}\n"
    return src + (
        'print(json.dumps({"dx": x.grad.tolist(), "dw": w.grad.tolist(), "db": db.tolist()}))\n'
    )


def transposed(c: Call) -> str:
    src = HEAD + tensor("x", c.x, "(N, C_in, H, W)")
    src += tensor("w", c.weight, "(C_in, C_out / groups, kH, kW): in and out swapped")
    if c.bias is not None:
        src += tensor("b", c.bias, "(C_out,)")
    b = "b" if c.bias is not None else "None"
    src += f"y = F.conv_transpose2d(x, w, {b}, {c.kwargs(transposed=True)})\n"
    return src + "print(json.dumps(y.tolist()))\n"
