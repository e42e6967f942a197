"""Plain NumPy snippets in the seed article's style: pad, then explicit window loops."""

from __future__ import annotations

from .literals import Call, nested

HEAD = "import json\n\nimport numpy as np\n\n"
NP_MODE = {"zeros": "constant", "reflect": "reflect", "replicate": "edge", "circular": "wrap"}


def array(name: str, a, shape: str) -> str:
    return f"{name} = np.array(  # {shape}\n    {nested(a)}\n)\n"


def settings(c: Call) -> str:
    s = c.spec
    return (
        f"stride, dilation, groups = {s.stride}, {s.dilation}, {s.groups}\n"
        f"(top, bottom), (left, right) = {s.padding}  # padding on each side\n"
    )


def padded(c: Call) -> str:
    mode = NP_MODE[c.spec.padding_mode]
    return (
        f"\n# 1. Pad ({c.spec.padding_mode!r} padding is numpy's {mode!r}).\n"
        f'xp = np.pad(x, ((0, 0), (0, 0), (top, bottom), (left, right)), mode="{mode}")\n'
        "N, C_in, Hp, Wp = xp.shape\n"
        "C_out, C_g, kH, kW = w.shape  # C_g = C_in // groups input channels per filter\n"
        "F_g = C_out // groups  # filters per group\n"
        "H_out = (Hp - dilation[0] * (kH - 1) - 1) // stride[0] + 1\n"
        "W_out = (Wp - dilation[1] * (kW - 1) - 1) // stride[1] + 1\n"
    )


LOOPS = """
# 2. Slide the window: every output is one dot product of a window with a kernel.
for n in range(N):
    for f in range(C_out):
        g = f // F_g  # the group of input channels filter f reads
        for i in range(H_out):
            for j in range(W_out):
                for c in range(C_g):
                    for u in range(kH):
                        for v in range(kW):
                            r = i * stride[0] + u * dilation[0]
                            q = j * stride[1] + v * dilation[1]
"""


def forward(c: Call) -> str:
    src = HEAD + array("x", c.x, "(N, C_in, H, W)")
    src += array("w", c.weight, "(C_out, C_in / groups, kH, kW)")
    src += array("b", c.bias, "(C_out,)") if c.bias is not None else "b = None\n"
    src += settings(c) + padded(c)
    src += "y = np.zeros((N, C_out, H_out, W_out))\n" + LOOPS
    src += " " * 28 + "y[n, f, i, j] += xp[n, g * C_g + c, r, q] * w[f, c, u, v]\n"
    src += "if b is not None:\n    y += b[None, :, None, None]\n"
    return src + "print(json.dumps(y.tolist()))\n"


def backward(c: Call) -> str:
    src = HEAD + array("x", c.x, "(N, C_in, H, W)")
    src += array("w", c.weight, "(C_out, C_in / groups, kH, kW)")
    src += array("dy", c.grad_output, "(N, C_out, H_out, W_out): dL/dy")
    src += settings(c) + padded(c)
    src += "dxp = np.zeros_like(xp)  # gradient on the padded input\ndw = np.zeros_like(w)\n"
    src += "db = dy.sum(axis=(0, 2, 3))  # each bias is added to every output of its channel\n"
    src += LOOPS.replace("Slide the window: every output is one dot product", "Each output sends")
    src = src.replace("of a window with a kernel.", "dy back along the products that made it.")
    pad = " " * 28
    src += f"{pad}dw[f, c, u, v] += dy[n, f, i, j] * xp[n, g * C_g + c, r, q]\n"
    src += f"{pad}dxp[n, g * C_g + c, r, q] += dy[n, f, i, j] * w[f, c, u, v]\n"
    return (
        src
        + fold(c)
        + 'print(json.dumps({"dx": dx.tolist(), "dw": dw.tolist(), "db": db.tolist()}))\n'
    )


FOLD = """
# 3. A padded cell is a copy of a real pixel (or a zero): add its gradient back to that pixel.
#    Padding an index ramp with the same mode says which pixel each padded cell copies.
H, W = x.shape[2:]
rows = np.pad(np.arange(H), (top, bottom), mode="{mode}"{fill})
cols = np.pad(np.arange(W), (left, right), mode="{mode}"{fill})
dx = np.zeros_like(x)
for r, src_r in enumerate(rows):
    for q, src_q in enumerate(cols):
        if src_r >= 0 and src_q >= 0:  # -1: a zero of zeros padding, whose gradient is dropped
            dx[:, :, src_r, src_q] += dxp[:, :, r, q]
"""


def fold(c: Call) -> str:
    mode = NP_MODE[c.spec.padding_mode]
    fill = ", constant_values=-1" if mode == "constant" else ""
    return FOLD.format(mode=mode, fill=fill)


def transposed(c: Call) -> str:
    s = c.spec
    src = HEAD + array("x", c.x, "(N, C_in, H, W)")
    src += array("w", c.weight, "(C_in, C_out / groups, kH, kW): in and out swapped")
    src += array("b", c.bias, "(C_out,)") if c.bias is not None else "b = None\n"
    src += (
        f"stride, dilation, groups = {s.stride}, {s.dilation}, {s.groups}\n"
        f"padding, output_padding = {(s.padding[0][0], s.padding[1][0])}, {c.output_padding}\n"
        "N, C_in, H, W = x.shape\n"
        "_, F_g, kH, kW = w.shape\n"
        "C_g = C_in // groups\n"
        "H_out = (H - 1) * stride[0] - 2 * padding[0] + dilation[0] * (kH - 1) "
        "+ output_padding[0] + 1\n"
        "W_out = (W - 1) * stride[1] - 2 * padding[1] + dilation[1] * (kW - 1) "
        "+ output_padding[1] + 1\n"
        "y = np.zeros((N, F_g * groups, H_out, W_out))\n"
        "\n# Every input pixel stamps a scaled copy of its kernel onto the output.\n"
        "for n in range(N):\n"
        "    for c in range(C_in):\n"
        "        g = c // C_g  # the group of output channels input channel c feeds\n"
        "        for i in range(H):\n"
        "            for j in range(W):\n"
        "                for o in range(F_g):\n"
        "                    for u in range(kH):\n"
        "                        for v in range(kW):\n"
        "                            r = i * stride[0] - padding[0] + u * dilation[0]\n"
        "                            q = j * stride[1] - padding[1] + v * dilation[1]\n"
        "                            if 0 <= r < H_out and 0 <= q < W_out:  # else cropped\n"
        "                                y[n, g * F_g + o, r, q] += x[n, c, i, j] * w[c, o, u, v]\n"
        "if b is not None:\n    y += b[None, :, None, None]\n"
    )
    return src + "print(json.dumps(y.tolist()))\n"
