"""The receptive field of a stack of conv layers, along one axis."""
