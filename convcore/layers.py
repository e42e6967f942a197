"""relu, linear and softmax cross-entropy, each beside its backward, with torch's semantics."""

from __future__ import annotations

import numpy as np

from .arrays import floats
from .errors import ConvError


def relu(x: np.ndarray) -> np.ndarray:
    """max(x, 0) elementwise, as torch.relu (a NaN stays NaN). x: any shape."""
    (x,) = floats(x)
    return np.maximum(x, 0)


def relu_backward(grad_output: np.ndarray, x: np.ndarray) -> np.ndarray:
    """dL/dx of relu: grad where x > 0, else 0. grad_output and x: the same shape.

    torch's threshold_backward zeroes where x <= 0, so a NaN input passes its gradient on.
    """
    dy, x = floats(grad_output, x)
    _same_shape(dy, x, "grad_output", "x")
    return np.where(x <= 0, 0, dy).astype(dy.dtype, copy=False)


def linear(x: np.ndarray, weight: np.ndarray, bias: np.ndarray | None = None) -> np.ndarray:
    """y = x W^T + b, as torch.nn.functional.linear.

    Args:
      x: (..., in_features); weight: (out_features, in_features); bias: (out_features,).
    Returns:
      (..., out_features).
    """
    x, weight, bias = _linear_inputs(x, weight, bias)
    y = x @ weight.T  # (..., out)
    return y if bias is None else y + bias


def linear_backward(
    grad_output: np.ndarray, x: np.ndarray, weight: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Gradients of linear: (dx like x, dw like weight, db (out_features,)).

    dx = dy W; dW = sum over the leading dims of dy^T x; db = the sum of dy over them.
    """
    dy, x, weight = floats(grad_output, x, weight)
    x, weight, _ = _linear_inputs(x, weight, None)
    _same_shape(dy, np.empty(x.shape[:-1] + weight.shape[:1]), "grad_output", "linear's output")
    dy2, x2 = dy.reshape(-1, weight.shape[0]), x.reshape(-1, weight.shape[1])  # (B, out), (B, in)
    return dy @ weight, dy2.T @ x2, dy2.sum(axis=0)


def softmax(logits: np.ndarray, axis: int = -1) -> np.ndarray:
    """exp(z - max z) / sum exp(z - max z) along `axis`, as torch.softmax (overflow-free)."""
    (z,) = floats(logits)
    e = np.exp(z - z.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


def log_softmax(logits: np.ndarray, axis: int = -1) -> np.ndarray:
    """z - logsumexp(z) along `axis`, as torch.log_softmax."""
    (z,) = floats(logits)
    shifted = z - z.max(axis=axis, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=axis, keepdims=True))


def softmax_cross_entropy(logits: np.ndarray, target: np.ndarray) -> tuple[float, np.ndarray]:
    """Mean cross-entropy of class scores and its gradient, as F.cross_entropy (reduction mean).

    Args:
      logits: (N, C) scores, or unbatched (C,).
      target: (N,) class indices in [0, C) (or a single index for unbatched logits).
    Returns:
      loss = mean_n (logsumexp(z_n) - z_n[target_n]) and dlogits = (softmax(z) - onehot) / N,
      shaped like logits.
    """
    (z,) = floats(logits)
    t = np.asarray(target)
    unbatched = z.ndim == 1
    z, t = (z[None], t.reshape(1)) if unbatched else (z, t)
    if z.ndim != 2 or z.shape[0] < 1 or z.shape[1] < 1:
        raise ConvError(
            f"logits must be (N, C) or (C,) with N, C >= 1, got shape {np.shape(logits)}",
            code="logits_shape",
            params={"shape": list(np.shape(logits))},
        )
    N, C = z.shape
    if t.dtype.kind not in "iu" or t.shape != (N,):
        raise ConvError(
            f"target must hold {N} whole class indices, one per row of logits, got "
            f"shape {t.shape} of {t.dtype}",
            code="target_shape",
            params={"expected": N, "shape": list(t.shape), "dtype": str(t.dtype)},
        )
    if t.size and (t.min() < 0 or t.max() >= C):
        raise ConvError(
            f"every target must be a class index from 0 to {C - 1} ({C} classes), got "
            f"{int(t.min())} to {int(t.max())}",
            code="target_range",
            params={"classes": C, "min": int(t.min()), "max": int(t.max())},
        )
    logp = log_softmax(z)  # (N, C)
    rows = np.arange(N)
    loss = -logp[rows, t].mean()
    dz = np.exp(logp)
    dz[rows, t] -= 1
    dz /= N
    return float(loss), (dz[0] if unbatched else dz)


def _linear_inputs(x, weight, bias):
    x, weight, bias = floats(x, weight, bias)
    if weight.ndim != 2:
        raise ConvError(
            f"linear weight must be (out_features, in_features), got {weight.ndim} dimensions",
            code="linear_weight_shape",
            params={"ndim": weight.ndim},
        )
    if x.ndim < 1 or x.shape[-1] != weight.shape[1]:
        raise ConvError(
            f"linear input's last size {x.shape[-1] if x.ndim else None} must equal the "
            f"weight's in_features {weight.shape[1]}",
            code="linear_in_features",
            params={"got": x.shape[-1] if x.ndim else None, "expected": weight.shape[1]},
        )
    if bias is not None and bias.shape != weight.shape[:1]:
        raise ConvError(
            f"linear bias must hold one number per output feature ({weight.shape[0]}), got "
            f"shape {bias.shape}",
            code="bias_shape",
            params={"expected": weight.shape[0], "shape": list(bias.shape)},
        )
    return x, weight, bias


def _same_shape(a: np.ndarray, b: np.ndarray, a_name: str, b_name: str) -> None:
    if a.shape != b.shape:
        raise ConvError(
            f"{a_name} must have {b_name}'s shape {b.shape}, got {a.shape}",
            code="grad_output_shape",
            params={"expected": list(b.shape), "got": list(a.shape)},
        )
