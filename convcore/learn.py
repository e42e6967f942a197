"""Learn a kernel by gradient descent: W <- W - lr * dW on L = 1/2 ||conv2d(x, W) - t||^2.

The target map is t = conv2d(x, W_target) for a hidden kernel, and dW comes from
conv2d_backward with grad_output = conv2d(x, W) - t, exactly as in training a network.

Why there is a largest learning rate. conv2d is linear in W: conv2d(x, W) = X w, where X
(positions, kH*kW) holds one im2col patch per output position and w is W flattened. So
L(w) = 1/2 ||X w - t||^2 is a quadratic with gradient X^T (X w - t) and constant Hessian
H = X^T X, and one step maps the error e = w - w* to (I - lr H) e. Along H's eigenvector
with eigenvalue lam the error is multiplied by (1 - lr lam) each step: it shrinks iff
|1 - lr lam| < 1, i.e. lr < 2 / lam. The stiffest direction decides: lr_max = 2 / lam_max
(above it the loss grows geometrically), and the slowest direction (lam_min) sets the pace
below it, so convergence takes about lam_max / lam_min (the condition number) steps.
White noise excites every kernel direction alike (H near a multiple of I), which is why the
default image is noise; a smooth photo has a condition number in the thousands.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from .backward import conv2d_backward
from .conv import conv2d
from .errors import ConvError
from .kernels import kernel as preset
from .padding import pad
from .windows import windows

SAFE_FRACTION = 0.5  # default lr = 1 / lam_max: the stiffest direction lands in one step


@dataclass(frozen=True)
class Curvature:
    """H = X^T X (kH*kW, kH*kW) of one image, its eigenvalues (ascending) and what they imply."""

    hessian: np.ndarray
    eigenvalues: np.ndarray

    @property
    def lr_max(self) -> float:
        """Largest stable learning rate 2 / lam_max: above it gradient descent diverges."""
        return 2.0 / float(self.eigenvalues[-1])

    @property
    def condition(self) -> float:
        """lam_max / lam_min: roughly the number of steps convergence takes."""
        return float(self.eigenvalues[-1] / self.eigenvalues[0])


@dataclass(frozen=True)
class LearnStep:
    """State after `iteration` updates: kernel (kH, kW), its loss, gradient dW and output.

    update = lr * grad is what the next step subtracts from the kernel.
    """

    iteration: int
    loss: float
    kernel: np.ndarray
    grad: np.ndarray
    output: np.ndarray
    update: np.ndarray


def noise_image(size: int = 32, seed: int = 0) -> np.ndarray:
    """Uniform [0, 1) noise (size, size): the best-conditioned image to learn a kernel from."""
    return np.random.default_rng(seed).random((size, size))


def curvature(x: np.ndarray, kernel_size: tuple[int, int], padding: int = 0) -> Curvature:
    """Exact Hessian of L for image x (H, W): sum over positions of patch patch^T.

    x: (H, W); kernel_size: (kH, kW). H is small (kH*kW squared), so eigvalsh is exact.
    """
    kH, kW = kernel_size
    xp = pad(np.asarray(x, np.float64)[None, None], ((padding,) * 2, (padding,) * 2), "zeros")
    patches = windows(xp, (kH, kW), (1, 1), (1, 1)).reshape(-1, kH * kW)  # (positions, kH*kW)
    hessian = patches.T @ patches
    return Curvature(hessian, np.linalg.eigvalsh(hessian))


def learn_kernel(
    x: np.ndarray,
    target: np.ndarray | str = "sobel_x",
    lr: float | None = None,
    iterations: int = 300,
    init: str = "zeros",
    seed: int = 0,
    padding: int = 0,
) -> Iterator[LearnStep]:
    """Yield the states 0..iterations of gradient descent towards the hidden `target` kernel.

    Args:
      x: (H, W) image. target: (kH, kW) kernel or a preset name (kernels.PRESETS).
      lr: learning rate; None means SAFE_FRACTION * curvature(x).lr_max.
      init: 'zeros' or 'random' (standard normal, from `seed`).
    Raises ConvError (codes learn_image, learn_init, learn_lr, learn_iterations) eagerly.
    """
    x = np.asarray(x, np.float64)
    w_target = preset(target) if isinstance(target, str) else np.asarray(target, np.float64)
    if x.ndim != 2 or w_target.ndim != 2:
        raise ConvError(
            f"learning a kernel needs a 2-D image and a 2-D kernel, got {x.ndim}-D and "
            f"{w_target.ndim}-D",
            code="learn_image",
            params={"image_ndim": x.ndim, "kernel_ndim": w_target.ndim},
        )
    if init not in ("zeros", "random"):
        raise ConvError(
            f"init must be 'zeros' or 'random', got {init!r}",
            code="learn_init",
            params={"init": init},
        )
    if lr is not None and not lr > 0:
        raise ConvError(
            f"the learning rate must be positive, got {lr}", code="learn_lr", params={"lr": lr}
        )
    if iterations < 0:
        raise ConvError(
            f"iterations must be at least 0, got {iterations}",
            code="learn_iterations",
            params={"iterations": iterations},
        )
    x4 = x[None, None]  # (1, 1, H, W)
    t = conv2d(x4, w_target[None, None], padding=padding)  # checks the sizes too
    rate = SAFE_FRACTION * curvature(x, w_target.shape, padding).lr_max if lr is None else lr
    w = (np.zeros_like(w_target) if init == "zeros"
         else np.random.default_rng(seed).standard_normal(w_target.shape))  # fmt: skip
    return _descend(x4, t, w, rate, iterations, padding)


def _descend(x4, t, w, lr: float, iterations: int, padding: int) -> Iterator[LearnStep]:
    for i in range(iterations + 1):
        y = conv2d(x4, w[None, None], padding=padding)  # (1, 1, H_out, W_out)
        r = y - t  # dL/dy
        _, dw, _ = conv2d_backward(r, x4, w[None, None], padding=padding)
        grad = dw[0, 0]
        yield LearnStep(i, 0.5 * float((r * r).sum()), w, grad, y[0, 0], lr * grad)
        w = w - lr * grad
