"""Query model of a layer stack from the input up, validated by pydantic.

`layers=k,s,p[,d];...` (conv layers, today's syntax) or, per layer, a kind prefix:
`conv:3,1,1;pool:2,2,0,ceil;convT:4,2,1` (`pool:k,s,p[,d][,ceil]`: ceil_mode on; `convT`:
a transposed conv). A bare item is a conv, so old links keep working.
"""

from __future__ import annotations

from typing import Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    TypeAdapter,
    ValidationError,
    model_validator,
)

from convcore import ConvError, Layer, map_sizes

from ..errors import translate
from ..settings import get_settings

S = get_settings()
LAYER = r"((conv|convT|pool):)?\d{1,2},\d{1,2},\d{1,2}(,\d{1,2})?(,ceil)?"
MAX_LAYERS = 8  # with kernels <= max_kernel, path counts stay below 11**8: exact in JSON


class LayerIn(BaseModel):
    """One 'k,s,p[,d]' item, bounded by the server's limits."""

    model_config = ConfigDict(extra="forbid")
    kernel: int = Field(ge=1, le=S.max_kernel)
    stride: int = Field(ge=1, le=S.max_stride)
    padding: int = Field(ge=0, le=S.max_padding)
    dilation: int = Field(1, ge=1, le=S.max_dilation)
    kind: Literal["conv", "convT", "pool"] = "conv"
    ceil_mode: bool = False


STACK = TypeAdapter(list[LayerIn])
NUMBERS = ("kernel", "stride", "padding", "dilation")


def _item(text: str) -> dict[str, object]:
    """'pool:2,2,0,ceil' -> {kind: pool, kernel: 2, stride: 2, padding: 0, ceil_mode: True}."""
    kind, _, numbers = text.rpartition(":")
    parts = numbers.split(",")
    ceil = parts[-1] == "ceil"
    item: dict[str, object] = dict(zip(NUMBERS, parts[:-1] if ceil else parts, strict=False))
    return item | {"kind": kind or "conv", "ceil_mode": ceil}


class StackParams(BaseModel):
    """layers 'k,s,p[,d];...' from the input up; size of the input; y an output index."""

    model_config = ConfigDict(extra="forbid")
    layers: str = Field("3,1,1;3,1,1;2,2,0", pattern=rf"^{LAYER}(;{LAYER}){{0,{MAX_LAYERS - 1}}}$")
    size: int = Field(32, ge=1, le=4096, description="input length along one axis")
    y: int = Field(0, ge=0, description="output index along the same axis")

    _stack: list[Layer] = PrivateAttr()
    _sizes: list[int] = PrivateAttr()

    @model_validator(mode="after")
    def _build(self) -> StackParams:
        items = [_item(t) for t in self.layers.split(";")]
        try:
            stack = STACK.validate_python(items)
        except ValidationError as exc:  # 'layer 2 stride must be at least 1', with its code
            first = exc.errors()[0]
            index, name = first["loc"][0], first["loc"][-1]
            raise translate({**first, "loc": (f"layer {int(index) + 1} {name}",)}) from None
        self._stack = [
            Layer(la.kernel, la.stride, la.padding, la.dilation, transposed=la.kind == "convT",
                  pool=la.kind == "pool", ceil_mode=la.ceil_mode)
            for la in stack
        ]  # fmt: skip
        self._sizes = map_sizes(self._stack, self.size)
        if self.y >= self._sizes[-1]:
            size = self._sizes[-1]
            raise ConvError(
                f"output index y must be below the last map's size {size}, got {self.y}",
                code="y_out_of_range",
                params={"y": self.y, "size": size},
            )
        return self

    def stack(self) -> tuple[list[Layer], list[int]]:
        """The layers, and every map's length from the input up."""
        return self._stack, self._sizes
