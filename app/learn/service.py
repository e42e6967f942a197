"""A learning run as a plan and a stream of steps, from the engine's learn_kernel."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import numpy as np

import convcore

from ..sse import event
from .models import LearnPlanOut
from .params import LearnParams

OUTPUT_FRAMES = 40  # the output map rides along this many times per run (plus the last step)
BLOWUP = 1e12  # a loss this many times the first has diverged: stop before it overflows


def plan(p: LearnParams) -> LearnPlanOut:
    x, w = p.x, p.target_kernel
    t = convcore.conv2d(x[None, None], w[None, None])[0, 0]  # (H_out, W_out)
    c = p.curvature
    ev = c.eigenvalues
    return LearnPlanOut(
        image=x.tolist(), target=w.tolist(), target_map=t.tolist(),
        eigenvalues=ev.tolist(), lambda_max=float(ev[-1]), lambda_min=float(ev[0]),
        lr_max=c.lr_max, condition=c.condition, lr=p.rate, iterations=p.iterations,
        output_every=output_every(p.iterations),
    )  # fmt: skip


def output_every(iterations: int) -> int:
    return max(1, -(-iterations // OUTPUT_FRAMES))


def events(p: LearnParams) -> tuple[Iterator[str], Iterator[str]]:
    """`step` lines (iteration, loss, kernel, dW, the update lr*dW, output every k), then the
    `done` event, written once the steps are exhausted (it reports where they stopped)."""
    steps = convcore.learn_kernel(
        p.x, p.target_kernel, lr=p.rate, iterations=p.iterations, init=p.init, seed=p.seed
    )
    done: dict[str, Any] = {"lr": p.rate, "lr_max": p.curvature.lr_max}
    return _lines(steps, p.iterations, done), _late(done)


def _late(done: dict[str, Any]) -> Iterator[str]:
    yield event("done", json.dumps(done, separators=(",", ":")))


def _lines(steps: Iterator[convcore.LearnStep], last: int, done: dict[str, Any]) -> Iterator[str]:
    every, first = output_every(last), None
    for st in steps:
        first = st.loss if first is None else first
        diverged = not np.isfinite(st.loss) or st.loss > BLOWUP * max(first, 1e-300)
        if diverged or not np.isfinite(st.kernel).all():
            done.update(diverged=True, iteration=st.iteration - 1)
            return
        data: dict[str, Any] = {
            "iteration": st.iteration, "loss": st.loss, "kernel": st.kernel.tolist(),
            "dW": st.grad.tolist(), "update": st.update.tolist(),
        }  # fmt: skip
        if st.iteration % every == 0 or st.iteration == last:
            data["output"] = st.output.tolist()
        done.update(kernel=data["kernel"], loss=st.loss, iteration=st.iteration, diverged=False)
        yield event("step", json.dumps(data, separators=(",", ":")), id=st.iteration)
