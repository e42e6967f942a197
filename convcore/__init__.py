"""convcore: an exact, pure-NumPy convolution engine that matches torch.nn.functional."""

from .backward import conv2d_backward
from .conv import conv2d, convolve2d
from .cost import ConvCost, conv_cost, output_size
from .errors import ConvError
from .kernels import PRESETS, kernel
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
]

# Views of the same math (issue 10 and 12): the layer as a matrix, im2col, transposed as direct.
from . import signals  # noqa: E402  (1-D lessons: box, gaussian, flip_slide, riemann_errors)
from .matrix import LayerCounts, MatrixCounts, conv2d_matrix, matrix_counts  # noqa: E402
from .padding import pad  # noqa: E402
from .patches import Im2col, im2col  # noqa: E402
from .transposed_direct import direct_cells, transposed_as_conv2d  # noqa: E402

__all__ += [
    "Im2col",
    "LayerCounts",
    "MatrixCounts",
    "conv2d_matrix",
    "direct_cells",
    "im2col",
    "matrix_counts",
    "pad",
    "signals",
    "transposed_as_conv2d",
]
