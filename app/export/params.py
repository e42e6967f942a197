"""Query models of the exports: the plan's own models (the same URL is the same layer) plus a
frame range, one step, or a language."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from convcore import ConvError

from ..conv.params import BackwardParams, ConvParams, StepParams, TransposeParams
from ..settings import get_settings

S = get_settings()
DEFAULT_FRAMES = 24  # without `stop`: a short loop (a couple of seconds to draw), not max_frames


class Frames(BaseModel):
    """How long each frame lasts; start/stop come from the plan's Range."""

    ms: int = Field(600, ge=20, le=10_000, description="milliseconds per frame")

    def frame_range(self, start: int, stop: int | None, total: int) -> tuple[int, int]:
        """[start, stop) clipped to the steps; no stop means DEFAULT_FRAMES steps.

        Raises ConvError: start past the end (start_past_end), stop before start
        (stop_before_start), or more than max_frames frames asked for (too_many_frames).
        """
        if start >= total:
            raise ConvError(
                f"start {start} is past the last step index {total - 1}",
                code="start_past_end",
                params={"start": start, "last": total - 1},
            )
        if stop is not None and stop <= start:
            raise ConvError(
                f"stop {stop} must be greater than start {start}",
                code="stop_before_start",
                params={"start": start, "stop": stop},
            )
        end = (
            min(total, start + min(DEFAULT_FRAMES, S.max_frames))
            if stop is None
            else min(stop, total)
        )
        if end - start > S.max_frames:
            raise ConvError(
                f"{end - start} frames is more than the limit of {S.max_frames}: choose a "
                "shorter step range",
                code="too_many_frames",
                params={"frames": end - start, "max_frames": S.max_frames},
            )
        return start, end


class ForwardGif(StepParams, Frames):
    model_config = ConfigDict(extra="forbid")


class BackwardGif(BackwardParams, Frames):
    model_config = ConfigDict(extra="forbid")


TransposeView = Literal["scatter", "direct"]


class TransposeGif(TransposeParams, Frames):
    """view=scatter: one frame per input element's stamp; direct: one per output element."""

    model_config = ConfigDict(extra="forbid")
    view: TransposeView = "scatter"


class ForwardFrame(ConvParams):
    model_config = ConfigDict(extra="forbid")
    step: int = Field(0, ge=0, description="step index (C order over n, f, oh, ow)")


class BackwardFrame(BackwardParams):
    """start/stop are accepted (the same URL as the GIF) and ignored: one step is drawn."""

    model_config = ConfigDict(extra="forbid")
    step: int = Field(0, ge=0, description="step index (C order over n, f, oh, ow)")


class TransposeFrame(TransposeParams):
    model_config = ConfigDict(extra="forbid")
    step: int = Field(0, ge=0, description="stamp (scatter) or output element (direct) index")
    view: TransposeView = "scatter"


Lang = Literal["pytorch", "numpy", "convcore"]
Kind = Literal["forward", "backward", "transposed"]


class ForwardCode(ConvParams):
    model_config = ConfigDict(extra="forbid")
    lang: Lang = "pytorch"
    kind: Kind = "forward"


class BackwardCode(BackwardParams):
    model_config = ConfigDict(extra="forbid")
    lang: Lang = "pytorch"
    kind: Kind = "backward"


class TransposeCode(TransposeParams):
    model_config = ConfigDict(extra="forbid")
    lang: Lang = "pytorch"
    kind: Kind = "transposed"


CODE_MODELS: dict[str, type[ConvParams]] = {
    "forward": ForwardCode,
    "backward": BackwardCode,
    "transposed": TransposeCode,
}
