"""Parse a Server-Sent Events body in tests."""

from __future__ import annotations

import json


def parse_sse(text: str) -> list[tuple[str, str | None, dict]]:
    """'event: x\\nid: k\\ndata: {...}\\n\\n'... -> [(event, id, data), ...]."""
    events = []
    for block in text.strip().split("\n\n"):
        fields = dict(line.split(": ", 1) for line in block.splitlines())
        events.append((fields["event"], fields.get("id"), json.loads(fields["data"])))
    return events
