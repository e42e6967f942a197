"""The live run: train the digits CNN from scratch with convcore, one SSE event per epoch.

Each epoch is computed in a worker thread under a heavy slot (app/capacity.py), as app/sse.py
does for trace batches: the event loop stays free and a classroom of runs shares the two cores
an epoch at a time. A client that leaves stops the run before its next epoch.
"""

from __future__ import annotations

import json
import math
import time
from collections.abc import AsyncIterator, Generator
from typing import Any

from fastapi import Request

from convcore import network

from ..capacity import heavy
from ..sse import event
from .data import accuracy, digits
from .params import TrainParams

GOAL = 0.95  # the test accuracy the page marks as reached


def _kernels(params: network.Params) -> list[Any]:
    """The first layer's kernels (16, 3, 3): what the page draws changing epoch by epoch."""
    return params["conv1.weight"][:, 0].tolist()


def epochs(run: TrainParams) -> Generator[str, None, None]:
    """`epoch` events (epoch 0: the random start), then one `done` with the final accuracy."""
    d = digits()
    (x, y), test = d.train(), d.test()
    start = time.perf_counter()
    params = network.init_params(network.DIGITS_CNN, run.seed)
    reached = None

    def line(epoch: int, loss: float | None, params: network.Params) -> tuple[str, float, float]:
        train_acc, test_acc = accuracy(params, x, y), accuracy(params, *test)
        data = {"epoch": epoch, "epochs": run.epochs, "loss": loss, "train": train_acc,
                "test": test_acc, "seconds": round(time.perf_counter() - start, 3),
                "kernels": _kernels(params)}  # fmt: skip
        return event("epoch", _dumps(data), id=epoch), train_acc, test_acc

    yield line(0, None, params)[0]
    train_acc = test_acc = 0.0
    for state in network.train(network.DIGITS_CNN, params, x, y, run.epochs, run.batch,
                               run.lr, run.seed):  # fmt: skip
        text, train_acc, test_acc = line(state.epoch, state.loss, state.params)
        if reached is None and test_acc >= GOAL:
            reached = state.epoch
        yield text
    done = {"epochs": run.epochs, "train": train_acc, "test": test_acc, "reached": reached,
            "goal": GOAL, "seconds": round(time.perf_counter() - start, 3)}  # fmt: skip
    yield event("done", _dumps(done))


def _dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, separators=(",", ":"))


async def stream_epochs(request: Request, run: TrainParams) -> AsyncIterator[str]:
    """Each event computed under a heavy slot in a worker thread; stop when the client goes."""
    lines = epochs(run)
    while (text := await heavy().run(next, lines, None, wait=math.inf)) is not None:
        yield text
        if await request.is_disconnected():
            lines.close()
            return
