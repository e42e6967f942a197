"""GET /api/network/train: the default live run, once (a few seconds of two cores)."""

from __future__ import annotations

import numpy as np
from sse_events import parse_sse

from app.network.data import weights


def test_the_default_live_run_reaches_95_percent_and_is_the_committed_run(client):
    r = client.get("/api/network/train")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/event-stream")
    events = parse_sse(r.text)
    names = [name for name, _, _ in events]
    assert names == ["epoch"] * 7 + ["done"]
    epochs = [data for _, _, data in events[:-1]]
    assert [e["epoch"] for e in epochs] == list(range(7))
    assert [int(i) for _, i, _ in events[:-1]] == list(range(7))  # SSE ids
    assert epochs[0]["loss"] is None and epochs[0]["test"] < 0.5  # the random start
    losses = [e["loss"] for e in epochs[1:]]
    assert losses == sorted(losses, reverse=True)  # this run's loss falls every epoch
    done = events[-1][2]
    assert done["test"] >= 0.95 and done["test"] == epochs[-1]["test"]
    assert done["reached"] is not None and done["reached"] <= 6
    # Bit for bit the run that made the committed weights (scripts/train_digits.py).
    assert np.array_equal(np.array(epochs[-1]["kernels"]), weights()["conv1.weight"][:, 0])
    assert np.array(epochs[0]["kernels"]).shape == (16, 3, 3)
