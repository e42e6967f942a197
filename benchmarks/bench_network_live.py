"""The /network live run as the stream computes it: wall and CPU time, accuracy, and what the
per-epoch scoring costs next to the training.

Run: python benchmarks/bench_network_live.py [--epochs 6]
Prints each `epoch` event's clock, the `done` event, the process CPU time (less noisy than wall
time on a busy machine), and the cost of scoring train + test once against one epoch of
training (the stream scores after every epoch), as a ratio measured in this process.
"""

from __future__ import annotations

import argparse
import json
import time

from app.network.data import accuracy, digits, weights
from app.network.params import TrainParams
from app.network.training import epochs
from convcore import network as nw


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--epochs", type=int, default=TrainParams().epochs)
    args = ap.parse_args()
    run = TrainParams(epochs=args.epochs)
    wall, cpu = time.perf_counter(), time.process_time()
    for text in epochs(run):
        name = text.split("\n", 1)[0].removeprefix("event: ")
        data = json.loads(text.rsplit("data: ", 1)[1])
        data.pop("kernels", None)
        print(name, data)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(f"live run: {wall:.2f} s wall, {cpu:.2f} s CPU for {run.epochs} epochs + scoring")

    d = digits()
    (x, y), test = d.train(), d.test()
    start = time.process_time()
    accuracy(weights(), x, y), accuracy(weights(), *test)
    score = time.process_time() - start
    start = time.process_time()
    params = nw.init_params(nw.DIGITS_CNN, run.seed)
    for _ in nw.train(nw.DIGITS_CNN, params, x, y, 1, run.batch, run.lr, run.seed):
        pass
    epoch = time.process_time() - start
    print(f"scoring train + test once: {score:.3f} s CPU; one training epoch: {epoch:.3f} s CPU;"
          f" scoring / epoch = {score / epoch:.2f}x")  # fmt: skip


if __name__ == "__main__":
    main()
