"""HeavyWork: a bounded number of heavy jobs run at once; the rest wait briefly, then Busy."""

from __future__ import annotations

import threading
import time

import anyio
import pytest

from app.capacity import Busy, HeavyWork


def test_no_more_than_the_slots_run_at_once_and_all_finish():
    work, running, peak, lock = HeavyWork(slots=2, wait=10), [0], [0], threading.Lock()

    def job() -> int:
        with lock:
            running[0] += 1
            peak[0] = max(peak[0], running[0])
        time.sleep(0.05)
        with lock:
            running[0] -= 1
        return 1

    async def main() -> int:
        results = []
        async with anyio.create_task_group() as tg:
            for _ in range(8):
                tg.start_soon(lambda: _append(results, work.run(job)))
        return sum(results)

    assert anyio.run(main) == 8
    assert peak[0] == 2 and work.busy == 0


async def _append(results: list[int], job) -> None:
    results.append(await job)


def test_a_job_that_cannot_get_a_slot_in_time_is_refused_and_frees_nothing():
    work = HeavyWork(slots=1, wait=0.1)

    async def main() -> None:
        await work.acquire()
        started = time.monotonic()
        with pytest.raises(Busy) as refused:
            await work.run(lambda: None)
        assert 0.1 <= time.monotonic() - started < 2
        assert refused.value.retry_after >= 1
        assert work.busy == 1  # the refused job released no slot it never had
        work.release()
        assert await work.run(lambda: 7) == 7

    anyio.run(main)


def test_a_failing_job_gives_its_slot_back():
    work = HeavyWork(slots=1, wait=0.1)

    def boom() -> None:
        raise ValueError("x")

    async def main() -> None:
        with pytest.raises(ValueError):
            await work.run(boom)
        assert work.busy == 0

    anyio.run(main)
