"""Headers every response carries, and HEAD for every GET route (one pure ASGI middleware).

Content-Security-Policy allows scripts only from the app's own files (no inline script, no
eval), so an injected string can never run; `frame-ancestors` is a setting because teachers
embed pages in course sites. Styles keep 'unsafe-inline' for the style attributes that
renderers set; images (and fetches) allow data: and blob: for the lab's downloads, uploaded
previews and the image it sends back for an inspect click.
"""

from __future__ import annotations

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send


def content_security_policy(frame_ancestors: str = "'self'") -> str:
    """The policy string; `frame_ancestors` is a CSP source list such as "'self' https://x.edu"."""
    return "; ".join(
        (
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self'",
            "connect-src 'self' data: blob:",  # the lab turns its data: images back into blobs
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            f"frame-ancestors {frame_ancestors}",
        )
    )


class SecurityHeaders:
    """Adds CSP, nosniff and no-referrer to every HTTP response; answers HEAD like GET, bodiless."""

    def __init__(self, app: ASGIApp, frame_ancestors: str = "'self'") -> None:
        self.app = app
        self.headers = {
            "Content-Security-Policy": content_security_policy(frame_ancestors),
            "X-Content-Type-Options": "nosniff",
            "Referrer-Policy": "no-referrer",
        }

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        head = scope["method"] == "HEAD"
        if head:  # routes are declared for GET; the server itself never sends a HEAD body
            scope = {**scope, "method": "GET"}

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in self.headers.items():
                    headers.setdefault(name, value)
            elif head and message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        await self.app(scope, receive, send_with_headers)
