"""The one error class of the engine, with messages a student can act on."""


class ConvError(ValueError):
    """An impossible convolution: the message names the numbers and says what to change."""
