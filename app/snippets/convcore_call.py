"""convcore snippets: the same call as the page made, with the arrays written out."""

from __future__ import annotations

from .literals import Call, nested

HEAD = "import json\n\nimport numpy as np\n\nimport convcore as cc\n\n"


def array(name: str, a, shape: str) -> str:
    return f"{name} = np.array(  # {shape}\n    {nested(a)}\n)\n"


def inputs(c: Call, weight_shape: str) -> str:
    src = HEAD + array("x", c.x, "(N, C_in, H, W)") + array("w", c.weight, weight_shape)
    return src + (array("b", c.bias, "(C_out,)") if c.bias is not None else "b = None\n")


def forward(c: Call) -> str:
    src = inputs(c, "(C_out, C_in / groups, kH, kW)")
    mode = c.spec.padding_mode
    src += f'y = cc.conv2d(x, w, b, {c.kwargs()}, padding_mode="{mode}")\n'
    return src + "print(json.dumps(y.tolist()))\n"


def backward(c: Call) -> str:
    src = inputs(c, "(C_out, C_in / groups, kH, kW)")
    src += array("dy", c.grad_output, "(N, C_out, H_out, W_out): dL/dy")
    mode = c.spec.padding_mode
    src += f'dx, dw, db = cc.conv2d_backward(dy, x, w, {c.kwargs()}, padding_mode="{mode}")\n'
    return src + 'print(json.dumps({"dx": dx.tolist(), "dw": dw.tolist(), "db": db.tolist()}))\n'


def transposed(c: Call) -> str:
    src = inputs(c, "(C_in, C_out / groups, kH, kW)")
    src += f"y = cc.conv_transpose2d(x, w, b, {c.kwargs(transposed=True)})\n"
    return src + "print(json.dumps(y.tolist()))\n"
