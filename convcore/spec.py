"""Normalised convolution hyper-parameters, checked once and shared by every path."""

from __future__ import annotations

from dataclasses import dataclass

from .errors import ConvError

PADDING_MODES = ("zeros", "reflect", "replicate", "circular")
PADDING_WORDS = ("valid", "same")
Pair = tuple[int, int]


def pair(value: int | tuple[int, int] | list[int], name: str) -> Pair:
    """Turn an int or an (h, w) pair into an (h, w) tuple of ints, as torch's `_pair`."""
    if isinstance(value, (int,)) and not isinstance(value, bool):
        return (int(value), int(value))
    try:
        h, w = value  # type: ignore[misc]
        if isinstance(h, bool) or isinstance(w, bool) or int(h) != h or int(w) != w:
            raise TypeError
        return (int(h), int(w))
    except (TypeError, ValueError):
        raise ConvError(
            f"{name} must be a whole number or a pair (height, width), got {value!r}",
            code="value_not_whole",
            params={"name": name, "value": repr(value)},
        ) from None


@dataclass(frozen=True)
class Conv2dSpec:
    """Hyper-parameters of one conv2d, per axis (h, w), with padding resolved per side.

    `padding` is ((top, bottom), (left, right)): 'same' may pad one more on the bottom/right,
    exactly as torch does, so a single number per axis is not enough.
    """

    kernel: Pair
    stride: Pair = (1, 1)
    padding: tuple[Pair, Pair] = ((0, 0), (0, 0))
    dilation: Pair = (1, 1)
    groups: int = 1
    padding_mode: str = "zeros"

    @classmethod
    def of(
        cls,
        kernel: Pair,
        stride: int | Pair = 1,
        padding: int | Pair | str = 0,
        dilation: int | Pair = 1,
        groups: int = 1,
        padding_mode: str = "zeros",
        *,
        transposed: bool = False,
    ) -> Conv2dSpec:
        """Normalise torch-style arguments; raise ConvError for values no conv accepts.

        transposed: torch's transposed conv takes padding as numbers only, not 'same'. Every
        path that describes one (conv_transpose2d, its trace, output_size, conv_cost) says so
        here, so they accept and refuse the same configurations.
        """
        if transposed and isinstance(padding, str):
            raise ConvError(
                f"a transposed convolution takes padding as numbers, not {padding!r}",
                code="transposed_padding_word",
                params={"padding": padding},
            )
        kernel = pair(kernel, "kernel size")
        stride, dilation = pair(stride, "stride"), pair(dilation, "dilation")
        if min(kernel) < 1:
            raise ConvError(
                f"kernel size must be at least 1, got {kernel[0]}x{kernel[1]}",
                code="kernel_too_small",
                params={"kernel_size": list(kernel), "minimum": 1},
            )
        if min(stride) < 1:
            raise ConvError(
                f"stride must be at least 1, got {_fmt(stride)}: a window must move",
                code="stride_too_small",
                params={"stride": list(stride), "minimum": 1},
            )
        if min(dilation) < 1:
            raise ConvError(
                f"dilation must be at least 1, got {_fmt(dilation)} (dilation 1 means no gaps)",
                code="dilation_too_small",
                params={"dilation": list(dilation), "minimum": 1},
            )
        if isinstance(groups, bool) or not isinstance(groups, int) or groups < 1:
            raise ConvError(
                f"groups must be a whole number of at least 1, got {groups!r}",
                code="groups_too_small",
                params={"groups": repr(groups), "minimum": 1},
            )
        if padding_mode not in PADDING_MODES:
            raise ConvError(
                f"padding mode must be one of {', '.join(PADDING_MODES)}, got {padding_mode!r}",
                code="padding_mode_unknown",
                params={"padding_mode": str(padding_mode), "choices": list(PADDING_MODES)},
            )
        return cls(
            kernel,
            stride,
            resolve_padding(padding, kernel, stride, dilation),
            dilation,
            groups,
            padding_mode,
        )


def resolve_padding(
    padding: int | Pair | str, kernel: Pair, stride: Pair, dilation: Pair
) -> tuple[Pair, Pair]:
    """Per-side padding ((top, bottom), (left, right)) from an int, a pair, 'valid' or 'same'."""
    if isinstance(padding, str):
        if padding == "valid":
            return ((0, 0), (0, 0))
        if padding != "same":
            raise ConvError(
                f"padding must be a number, a pair, 'valid' or 'same', got {padding!r}",
                code="padding_word_unknown",
                params={"padding": padding, "choices": list(PADDING_WORDS)},
            )
        # Total d(k-1) per axis; the odd pixel goes bottom/right, as in torch.
        totals = [d * (k - 1) for k, d in zip(kernel, dilation, strict=True)]
        if stride != (1, 1):
            # ceil(T/2) on both sides always fits the kernel, whatever the input size.
            near = [-(-t // 2) for t in totals]
            raise ConvError(
                f"padding 'same' needs stride 1, got stride {_fmt(stride)}: with a larger stride "
                f"the output cannot keep the input's size; use stride 1, or give the padding as "
                f"a number such as {_fmt(near)}",  # type: ignore[arg-type]
                code="same_padding_strided",
                params={"stride": list(stride), "padding": near, "choices": [1]},
            )
        return tuple((t // 2, t - t // 2) for t in totals)  # type: ignore[return-value]
    ph, pw = pair(padding, "padding")
    if min(ph, pw) < 0:
        raise ConvError(
            f"padding cannot be negative, got {_fmt((ph, pw))}: use 0 or more",
            code="padding_negative",
            params={"padding": [ph, pw], "minimum": 0},
        )
    return ((ph, ph), (pw, pw))


def _fmt(p: Pair) -> str:
    return str(p[0]) if p[0] == p[1] else f"({p[0]}, {p[1]})"
