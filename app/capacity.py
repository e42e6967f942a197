"""Admission control for heavy work: a few slots per worker process, a short wait, then 503.

A classroom sends a hundred uploads and traces at once. Running them all would exhaust memory
and make every request slow; queueing them unboundedly would hang. So heavy work (uploads and
their filters, large plans, stream batches) takes one of `slots` places; a request that cannot
get one within `wait` seconds is refused with 503 and Retry-After, which the pages retry.

The slots are a `threading.Semaphore` polled from the event loop: waiting holds no thread (so
static files and /healthz, which need the thread pool or nothing, never queue behind heavy work)
and it binds to no event loop (test clients start a loop per request).
"""

from __future__ import annotations

import threading
import time
from collections.abc import AsyncIterator, Callable
from functools import lru_cache
from typing import Any, TypeVar

import anyio

from .settings import get_settings

T = TypeVar("T")
_POLL = 0.02  # seconds between tries while waiting: cheap, and short next to any heavy job


class Busy(Exception):
    """Every heavy slot stayed taken for the whole wait; `retry_after` is in whole seconds."""

    def __init__(self, retry_after: int) -> None:
        super().__init__(f"busy; retry after {retry_after} s")
        self.retry_after = retry_after


class HeavyWork:
    """`slots` heavy jobs at a time in this process; others wait up to `wait` seconds."""

    def __init__(self, slots: int, wait: float) -> None:
        self.slots = slots
        self.wait = wait
        self._free = threading.BoundedSemaphore(slots)

    async def acquire(self, wait: float | None = None) -> None:
        """Take a slot, waiting up to `wait` s (default: the configured wait; inf: no limit).

        Raises:
          Busy: no slot became free in time.
        """
        limit = self.wait if wait is None else wait
        deadline = time.monotonic() + limit
        while not self._free.acquire(blocking=False):
            if time.monotonic() >= deadline:
                raise Busy(retry_after=max(1, round(self.wait)))
            await anyio.sleep(_POLL)

    def release(self) -> None:
        self._free.release()

    async def run(self, fn: Callable[..., T], *args: Any, wait: float | None = None) -> T:
        """fn(*args) in a worker thread once a slot is free; the slot is freed when it returns.

        Raises:
          Busy: as `acquire`.
        """
        await self.acquire(wait)
        try:
            return await anyio.to_thread.run_sync(fn, *args)
        finally:
            self.release()

    @property
    def busy(self) -> int:
        """How many slots are taken now (for /healthz and the benchmark)."""
        return self.slots - self._free._value  # type: ignore[attr-defined]


@lru_cache
def heavy() -> HeavyWork:
    """This process's heavy slots, sized by the settings (one set per worker process)."""
    s = get_settings()
    return HeavyWork(s.heavy_slots, s.heavy_wait)


async def heavy_slot() -> AsyncIterator[None]:
    """Dependency: hold a heavy slot for the whole request, or answer 503 (Busy) in time."""
    work = heavy()
    await work.acquire()
    try:
        yield
    finally:
        work.release()


async def heavy_admission() -> None:
    """Dependency for streams: refuse with 503 before the 200 when every slot stays busy.

    A stream cannot turn into a 503 once its first byte is sent, so it is admitted here and
    then takes a slot for each batch of steps (waiting as long as it must: it has started).
    """
    work = heavy()
    await work.acquire()
    work.release()
