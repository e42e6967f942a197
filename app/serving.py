"""uvicorn's HTTP protocol with a deadline for request headers (slowloris protection).

uvicorn times out idle keep-alive connections, but a client that trickles its request headers a
byte at a time resets that timer with every byte and can hold a connection (and a classroom
server's file descriptors) forever; ASGI middleware cannot help, since it runs only after the
headers are parsed. So the deadline lives in the protocol: armed when a connection opens and
after each response, disarmed when a request's headers are complete. Streams are unaffected.
"""

from __future__ import annotations

import asyncio

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from .settings import get_settings


class HeaderDeadlineProtocol(HttpToolsProtocol):
    """HttpToolsProtocol that closes a connection whose request headers take over `deadline` s."""

    _timer: asyncio.TimerHandle | None = None

    @property
    def deadline(self) -> float:
        """Seconds (Settings.header_timeout; read here so that every worker process sees it)."""
        return get_settings().header_timeout

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm()

    def on_headers_complete(self) -> None:
        self._disarm()
        super().on_headers_complete()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        idle = self.cycle is None or self.cycle.response_complete  # no pipelined request waits
        if idle and not self.transport.is_closing():
            self._arm()  # the next request on this connection gets the same deadline

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

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
