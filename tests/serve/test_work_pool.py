"""The service's bounded pool: a full queue and a slow check are each answered at once with
`ServiceBusy` (503 to the client), and the slots come back when the work ends."""

from __future__ import annotations

import asyncio
import threading

import pytest

from copydesk.serve.app import ServiceBusy, WorkPool


def test_full_pool_and_slow_work_are_busy() -> None:
    async def scenario() -> None:
        pool = WorkPool(workers=1, pending=1)
        release = threading.Event()
        first = asyncio.ensure_future(pool.run(lambda: release.wait(5), timeout=10))
        await asyncio.sleep(0.05)
        with pytest.raises(ServiceBusy):
            await pool.run(lambda: 1, timeout=10)
        release.set()
        assert await first is True
        await asyncio.sleep(0.05)
        assert await pool.run(lambda: 2, timeout=10) == 2
        slow = threading.Event()
        with pytest.raises(ServiceBusy):
            await pool.run(lambda: slow.wait(5), timeout=0.1)
        slow.set()
        pool.shutdown()

    asyncio.run(scenario())
