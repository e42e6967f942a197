"""The explorer's conv2d, its backward pass and the transposed conv."""
