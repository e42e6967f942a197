"""`python -m convscope` (installed) or `python -m app` (source tree): the same as `convscope`."""

from .cli import main

raise SystemExit(main())
