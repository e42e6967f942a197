"""The variants page's answers, one module per section (each calls the public convcore)."""

from .backward import backward, update
from .grouped import grouped
from .lowering import lowering
from .transposed import transposed

__all__ = ["backward", "grouped", "lowering", "transposed", "update"]
