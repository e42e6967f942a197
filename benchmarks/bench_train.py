"""Training speed: the digits CNN from scratch, where each batch's time goes, and torch's time.

Run: python benchmarks/bench_train.py [--epochs 12] [--repeat 30]
Prints the wall time of a full training run with convcore (as scripts/train_digits.py does
it), the epoch and time at which test accuracy first reaches 95%, the final accuracies, a
per-batch breakdown by operation (median over `repeat` calls on one batch of 32), and the
same training done by torch (float64, same initial weights, batches and Adam schedule) in
this process, as a ratio. torch is optional: without it that line reads n/a.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import numpy as np

from convcore import (
    conv2d,
    conv2d_backward,
    linear,
    linear_backward,
    max_pool2d,
    max_pool2d_backward,
    relu,
    relu_backward,
    softmax_cross_entropy,
)
from convcore import network as nw

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
import train_digits  # noqa: E402

try:
    import torch
    import torch.nn.functional as F
except ImportError:  # pragma: no cover - the benchmark still runs without torch
    torch = None


def full_run(epochs: int) -> None:
    x_train, y_train, x_test, y_test = train_digits.load_digits()
    params = nw.init_params(nw.DIGITS_CNN, train_digits.SEED)
    start, reached = time.perf_counter(), None
    for state in nw.train(nw.DIGITS_CNN, params, x_train, y_train, epochs, train_digits.BATCH,
                          train_digits.LR, train_digits.SEED):  # fmt: skip
        params = state.params
        test = train_digits.accuracy(params, x_test, y_test)
        if reached is None and test >= 0.95:
            reached = (state.epoch, time.perf_counter() - start)
    total = time.perf_counter() - start
    train = train_digits.accuracy(params, x_train, y_train)
    print(f"convcore: {epochs} epochs in {total:.2f} s (with a test evaluation per epoch); "
          f"train {train:.4f}, test {test:.4f}")  # fmt: skip
    if reached:
        print(f"  test accuracy first >= 95% after epoch {reached[0]} at {reached[1]:.2f} s")
    else:
        print("  test accuracy never reached 95%")
    if torch is not None:
        threads = torch.get_num_threads()
        for n in sorted({threads, 1}, reverse=True):
            torch.set_num_threads(n)
            t_total, t_test = torch_run(epochs)
            print(f"torch (float64, {n} thread{'s' * (n > 1)}): {t_total:.2f} s, test "
                  f"{t_test:.4f}; convcore / torch = {total / t_total:.2f}x")  # fmt: skip
        torch.set_num_threads(threads)
    else:
        print("torch: n/a")


def torch_run(epochs: int) -> tuple[float, float]:
    """The same training in torch: same initial weights, batch order and learning rates."""
    x_train, y_train, x_test, y_test = train_digits.load_digits()
    init = nw.init_params(nw.DIGITS_CNN, train_digits.SEED)
    p = {k: torch.tensor(v, requires_grad=True) for k, v in init.items()}
    opt = torch.optim.Adam(p.values(), lr=train_digits.LR)
    xt, yt = torch.tensor(x_train), torch.tensor(y_train)

    def model(a):
        a = F.max_pool2d(F.relu(F.conv2d(a, p["conv1.weight"], p["conv1.bias"], padding=1)), 2)
        a = F.max_pool2d(F.relu(F.conv2d(a, p["conv2.weight"], p["conv2.bias"], padding=1)), 2)
        return F.linear(a.flatten(1), p["fc.weight"], p["fc.bias"])

    rng = np.random.default_rng(train_digits.SEED)
    start = time.perf_counter()
    for epoch in range(1, epochs + 1):
        for group in opt.param_groups:
            group["lr"] = train_digits.LR * (epochs + 1 - epoch) / epochs
        order = rng.permutation(len(xt))
        for a in range(0, len(xt), train_digits.BATCH):
            b = torch.tensor(order[a : a + train_digits.BATCH])
            loss = F.cross_entropy(model(xt[b]), yt[b])
            opt.zero_grad()
            loss.backward()
            opt.step()
        with torch.no_grad():
            test = (model(torch.tensor(x_test)).argmax(1).numpy() == y_test).mean()
    return time.perf_counter() - start, float(test)


def median_ms(fn, repeat: int) -> float:
    fn()
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1e3


def breakdown(repeat: int) -> None:
    """Time every operation of one training step on a batch of 32, median of `repeat`."""
    x_train, y_train, _, _ = train_digits.load_digits()
    x, y = x_train[:32], y_train[:32]
    p = nw.init_params(nw.DIGITS_CNN, 0)
    w1, b1, w2, b2 = p["conv1.weight"], p["conv1.bias"], p["conv2.weight"], p["conv2.bias"]
    z1 = conv2d(x, w1, b1, padding=1)
    a1 = relu(z1)
    q1 = max_pool2d(a1, 2)
    z2 = conv2d(q1, w2, b2, padding=1)
    a2 = relu(z2)
    q2 = max_pool2d(a2, 2)
    logits = linear(q2.reshape(32, -1), p["fc.weight"], p["fc.bias"])
    _, dz = softmax_cross_entropy(logits, y)
    g2 = np.ones_like(z2)
    g1 = np.ones_like(z1)
    grads = nw.loss_and_grads(nw.DIGITS_CNN, p, x, y)[1]
    ops = {
        "conv1 forward (32,1,8,8)->16": lambda: conv2d(x, w1, b1, padding=1),
        "conv2 forward (32,16,4,4)->32": lambda: conv2d(q1, w2, b2, padding=1),
        "conv1 backward": lambda: conv2d_backward(g1, x, w1, padding=1),
        "conv2 backward": lambda: conv2d_backward(g2, q1, w2, padding=1),
        "relu forward x2": lambda: (relu(z1), relu(z2)),
        "relu backward x2": lambda: (relu_backward(g1, z1), relu_backward(g2, z2)),
        "max-pool forward x2": lambda: (max_pool2d(a1, 2), max_pool2d(a2, 2)),
        "max-pool backward x2": lambda: (
            max_pool2d_backward(q1, a1, 2),
            max_pool2d_backward(q2, a2, 2),
        ),  # fmt: skip
        "linear + cross-entropy fwd+bwd": lambda: (
            softmax_cross_entropy(linear(q2.reshape(32, -1), p["fc.weight"], p["fc.bias"]), y),
            linear_backward(dz, q2.reshape(32, -1), p["fc.weight"]),
        ),
        "Adam step": lambda: nw.adam_step(p, grads, nw.Adam.start(p)),
    }
    times = {name: median_ms(fn, repeat) for name, fn in ops.items()}
    whole = median_ms(lambda: nw.loss_and_grads(nw.DIGITS_CNN, p, x, y), repeat)
    whole += times["Adam step"]
    parts = sum(times.values())
    print(f"\nper batch of 32 (median of {repeat}): whole step {whole:.2f} ms, "
          f"sum of the parts {parts:.2f} ms (shares of that sum)")  # fmt: skip
    for name, ms in sorted(times.items(), key=lambda kv: -kv[1]):
        print(f"  {name:34s} {ms:7.3f} ms  {100 * ms / parts:5.1f}%")
    if torch is not None:
        xt, wt, bt = torch.tensor(q1), torch.tensor(w2), torch.tensor(b2)
        ours = times["conv2 forward (32,16,4,4)->32"]
        theirs = median_ms(lambda: F.conv2d(xt, wt, bt, padding=1), repeat)
        print(f"  conv2 forward: torch {theirs:.3f} ms, convcore / torch = {ours / theirs:.2f}x")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--epochs", type=int, default=train_digits.EPOCHS)
    ap.add_argument("--repeat", type=int, default=30)
    args = ap.parse_args()
    full_run(args.epochs)
    breakdown(args.repeat)


if __name__ == "__main__":
    main()
