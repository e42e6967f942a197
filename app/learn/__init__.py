"""Learn a kernel by gradient descent, live: the steps and the curvature that bounds the rate."""
