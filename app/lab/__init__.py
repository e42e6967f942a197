"""The image lab: your own image through real filters, and the numbers behind one pixel."""
