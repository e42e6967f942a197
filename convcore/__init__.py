"""convcore: an exact, pure-NumPy convolution engine that matches torch.nn.functional."""

from .backward import conv2d_backward
from .conv import conv2d, convolve2d
from .cost import ConvCost, conv_cost, output_size
from .erf import EffectiveField, effective_field
from .errors import ConvError
from .kernels import PRESETS, kernel
from .layers import (
    linear,
    linear_backward,
    log_softmax,
    relu,
    relu_backward,
    softmax,
    softmax_cross_entropy,
)
from .learn import Curvature, LearnStep, curvature, learn_kernel, noise_image
from .pool_trace import PoolStep, pool_steps
from .pooling import (
    Pool2dSpec,
    avg_pool2d,
    avg_pool2d_backward,
    max_pool2d,
    max_pool2d_backward,
    pool_out_size,
)
from .separable import separable_conv2d
from .spec import Conv2dSpec
from .trace import BackwardStep, Step, TransposeStep, backward_steps, forward_steps, transpose_steps
from .transposed import conv_transpose2d, conv_transpose2d_backward

__all__ = [
    "BackwardStep",
    "Step",
    "TransposeStep",
    "backward_steps",
    "forward_steps",
    "transpose_steps",
    "ConvCost",
    "ConvError",
    "Conv2dSpec",
    "PRESETS",
    "conv2d",
    "conv2d_backward",
    "conv_transpose2d",
    "conv_transpose2d_backward",
    "conv_cost",
    "convolve2d",
    "kernel",
    "output_size",
    "separable_conv2d",
    "Pool2dSpec",
    "avg_pool2d",
    "avg_pool2d_backward",
    "linear",
    "linear_backward",
    "log_softmax",
    "max_pool2d",
    "max_pool2d_backward",
    "pool_out_size",
    "relu",
    "relu_backward",
    "softmax",
    "softmax_cross_entropy",
    "Curvature",
    "LearnStep",
    "curvature",
    "learn_kernel",
    "noise_image",
    "EffectiveField",
    "effective_field",
    "PoolStep",
    "pool_steps",
]
