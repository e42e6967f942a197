"""A request-body limit whose 413 is JSON like every other 4xx.

FastAPI's own `max_body_size` answers a body announced as too large with a text/plain 413 that
replaces any response; this one answers {"detail", "code", "args"} and still never buffers more
than the limit: a declared Content-Length is refused before reading, a streamed body as soon as
it passes the limit.
"""

from __future__ import annotations

from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .errors import body_too_large


class BodyLimit:
    """ASGI middleware: at most `max_bytes` of request body."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app, self.max_bytes = app, max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = Headers(scope=scope).get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            error = body_too_large()
            content = {"detail": str(error), "code": error.code, "args": error.params}
            await JSONResponse(content, status_code=413)(scope, receive, send)
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.max_bytes:  # an HTTPException: FastAPI passes it on, not as a 400
                raise HTTPException(413)
            return message

        await self.app(scope, counted, send)
