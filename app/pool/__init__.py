"""Pooling, one window at a time: max_pool2d / avg_pool2d and their step trace."""
