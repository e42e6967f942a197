"""The transposed plan says what padding and output_padding crop from the stamps' canvas."""

from __future__ import annotations

import numpy as np
import pytest
from fastapi.testclient import TestClient


@pytest.mark.parametrize(
    "query, full, crop",
    [
        ("padding=0", (9, 9), (0, 0, 0, 0)),
        ("padding=1", (9, 9), (1, 1, 1, 1)),
        ("padding=1&stride=2&output_padding=1", (15, 15), (1, 1, 0, 0)),
        ("padding=2,1&stride=2&output_padding=1,0", (15, 15), (2, 1, 1, 1)),
    ],
)
def test_crop_and_full_canvas(client: TestClient, query: str, full, crop) -> None:
    plan = client.get(f"/api/conv-transpose/plan?height=7&width=7&kernel_size=3&{query}").json()
    c = plan["crop"]
    assert (plan["full"]["H_full"], plan["full"]["W_full"]) == full
    assert (c["top"], c["left"], c["bottom"], c["right"]) == crop
    H_out = full[0] - c["top"] - c["bottom"]
    W_out = full[1] - c["left"] - c["right"]
    assert np.shape(plan["output"])[2:] == (H_out, W_out)
