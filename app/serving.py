"""uvicorn's HTTP protocol with a deadline for request headers and JSON for unreadable requests.

uvicorn times out idle keep-alive connections, but a client that trickles its request headers a
byte at a time resets that timer with every byte and can hold a connection (and a classroom
server's file descriptors) forever; ASGI middleware cannot help, since it runs only after the
headers are parsed. So the deadline lives in the protocol: armed when a connection opens and
when the next request's first bytes arrive, disarmed when its headers are complete. An idle
keep-alive connection is left to uvicorn's keep-alive timeout; streams are unaffected.

A request the parser cannot read (most often a URL past its ~64 KB limit, e.g. a large
`input_values`) is answered before the app sees it; uvicorn sends text/plain there, so this
protocol sends the API's JSON error body instead, with a hint at the POST twins.
"""

from __future__ import annotations

import asyncio
import json

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from convcore import ConvError

from . import errors
from .settings import get_settings

UNREADABLE = ConvError(
    "the server could not read this request: it is malformed, or its URL is longer than about "
    "64 KB; send long values as a POST form to the same path",
    code="unreadable_request",
)


class GuardedProtocol(HttpToolsProtocol):
    """HttpToolsProtocol that closes a connection whose request headers take over `deadline` s
    and answers an unreadable request with the API's JSON error body."""

    _timer: asyncio.TimerHandle | None = None

    @property
    def deadline(self) -> float:
        """Seconds (Settings.header_timeout; read here so that every worker process sees it)."""
        return get_settings().header_timeout

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm()

    def data_received(self, data: bytes) -> None:
        idle = self.cycle is None or self.cycle.response_complete
        if idle and self._timer is None:  # the first bytes of the next request on this connection
            self._arm()
        super().data_received(data)

    def on_headers_complete(self) -> None:
        self._disarm()
        super().on_headers_complete()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def send_400_response(self, msg: str) -> None:
        body = json.dumps(errors.body(str(UNREADABLE), UNREADABLE.code)).encode()
        head = (
            b"HTTP/1.1 400 Bad Request\r\ncontent-type: application/json\r\n"
            b"content-length: %d\r\nconnection: close\r\n\r\n" % len(body)
        )
        self.transport.write(head + body)
        self.transport.close()

    def _arm(self) -> None:
        self._disarm()
        self._timer = self.loop.call_later(self.deadline, self._expire)

    def _disarm(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def _expire(self) -> None:
        if not self.transport.is_closing():
            self.transport.close()
