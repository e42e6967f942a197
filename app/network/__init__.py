"""A small CNN on handwritten digits, end to end: every layer's numbers, any unit explained."""
