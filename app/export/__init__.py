"""Export: the explorer's configuration as a slide-sized GIF/PNG, or as runnable Python."""
