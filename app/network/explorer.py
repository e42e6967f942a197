"""The explorer's URL for one conv unit: its real input, filter and bias, at its own step.

The explorer (/) reads its configuration from the hash under the API's own names
(app/conv/params.py, static/js/explorer/state.js). The whole source map goes in, not only the
window, so the padding stays padding (hatched, not data) and the explorer's output at
(row, col) is the unit: step k = row * W_out + col of a one-filter conv.
"""

from __future__ import annotations

import json
from urllib.parse import urlencode

import numpy as np


def _json(a: np.ndarray) -> str:
    return json.dumps(a.tolist(), separators=(",", ":"))  # repr of each float: exact


def explorer_url(
    source: np.ndarray, weight: np.ndarray, bias: np.ndarray, stride: int, padding: int, k: int
) -> str:
    """source: (C_in, H, W); weight: (1, C_in, kH, kW); bias: (1,) -> "/#in_channels=...&k=k"."""
    C_in, H, W = source.shape
    _, _, kH, kW = weight.shape
    query = {
        "in_channels": C_in, "out_channels": 1, "height": H, "width": W,
        "kernel_size": f"{kH},{kW}" if kH != kW else kH, "stride": stride, "padding": padding,
        "bias": "true", "bias_values": repr(float(bias[0])),
        "input": "values", "input_values": _json(source),
        "kernel": "values", "weight_values": _json(weight),
        "k": k,
    }  # fmt: skip
    return "/#" + urlencode(query)
