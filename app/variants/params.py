"""Query models of the variants page: the explorer's own models (one URL, one layer) plus the
step shown, and for the update step a learning rate, a loss and a target."""

from __future__ import annotations

from typing import Literal

from pydantic import ConfigDict, Field

from convcore import ConvError

from ..conv.params import BackwardParams, ConvParams, KernelName, TransposeParams


def check_step(step: int, total: int) -> int:
    """The step, or ConvError code="step_past_end" past the last one."""
    if step >= total:
        raise ConvError(
            f"step {step} is past the last step index {total - 1}",
            code="step_past_end",
            params={"step": step, "last": total - 1},
        )
    return step


class ConvAt(ConvParams):
    """A conv2d configuration and the forward step shown (C order over n, f, oh, ow)."""

    model_config = ConfigDict(extra="forbid")
    step: int = Field(0, ge=0)


class BackwardAt(BackwardParams):
    """The backward configuration (grad: dy) and the step shown; start/stop are ignored."""

    model_config = ConfigDict(extra="forbid")
    step: int = Field(0, ge=0)


class TransposeAt(TransposeParams):
    """A conv_transpose2d and the output element shown (C order over n, c_out, i, j)."""

    model_config = ConfigDict(extra="forbid")
    step: int = Field(0, ge=0)


class UpdateParams(ConvParams):
    """One gradient-descent step on the kernels: W <- W - lr * dL/dW, b <- b - lr * dL/db.

    loss=sum: L = sum(y) (dy = 1); loss=mse: L = 1/2 ||y - t||^2 (dy = y - t) with the target
    t = conv2d(x, target_kernel) over the same layer (the kernel the update moves towards).
    """

    model_config = ConfigDict(extra="forbid")
    lr: float = Field(0.0001, gt=0, le=10, description="learning rate eta")
    loss: Literal["sum", "mse"] = "mse"
    target_kernel: KernelName = "box"
