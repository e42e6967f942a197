"""convcore: an exact, pure-NumPy convolution engine that matches torch.nn.functional.

Everything the app needs is re-exported here, so nothing outside imports a submodule.
"""

from . import network, signals
from .backward import conv2d_backward
from .checks import check, check_groups, check_transpose, group_choices
from .conv import conv2d, convolve2d
from .cost import ConvCost, conv_cost, output_size
from .erf import EffectiveField, effective_field
from .erf_width import linear_std
from .errors import ConvError
from .geometry import AXES, ConvShape, out_size, span, taps, transpose_out_size
from .kernels import PRESETS, SIZED, kernel, preset_sizes
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
from .matrix import LayerCounts, MatrixCounts, conv2d_matrix, matrix_counts
from .padding import pad
from .patches import Im2col, im2col
from .pool_trace import PoolStep, pool_steps
from .pooling import (
    Pool2dSpec,
    avg_pool2d,
    avg_pool2d_backward,
    max_pool2d,
    max_pool2d_backward,
    pool_out_size,
)
from .receptive_field import (
    Layer,
    ReceptiveField,
    interval,
    intervals,
    map_sizes,
    paths,
    receptive_field,
)
from .separable import separable_conv2d
from .spec import PADDING_MODES, Conv2dSpec, Pair, pair
from .trace import BackwardStep, Step, backward_steps, forward_steps
from .transpose_trace import TransposeStep, transpose_steps
from .transposed import conv_transpose2d, conv_transpose2d_backward
from .transposed_direct import direct_cells, transposed_as_conv2d

__all__ = [
    "Im2col",
    "LayerCounts",
    "MatrixCounts",
    "conv2d_matrix",
    "direct_cells",
    "im2col",
    "matrix_counts",
    "network",
    "signals",
    "transposed_as_conv2d",
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
    "linear_std",
    "PoolStep",
    "pool_steps",
    "AXES",
    "PADDING_MODES",
    "PRESETS",
    "SIZED",
    "BackwardStep",
    "Conv2dSpec",
    "ConvCost",
    "ConvError",
    "ConvShape",
    "Layer",
    "Pair",
    "ReceptiveField",
    "Step",
    "TransposeStep",
    "backward_steps",
    "check",
    "check_groups",
    "check_transpose",
    "conv2d",
    "conv2d_backward",
    "conv_cost",
    "conv_transpose2d",
    "conv_transpose2d_backward",
    "convolve2d",
    "forward_steps",
    "group_choices",
    "interval",
    "intervals",
    "kernel",
    "map_sizes",
    "out_size",
    "output_size",
    "pad",
    "pair",
    "paths",
    "preset_sizes",
    "receptive_field",
    "separable_conv2d",
    "span",
    "taps",
    "transpose_out_size",
    "transpose_steps",
]
