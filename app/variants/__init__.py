"""Backward & variants page: the backward pass explained, transposed conv two ways, grouped and
separable convolution, im2col, and the update step W <- W - lr dW."""
