"""Work spread over worker processes, in input order, that survives a worker's death.

Ingest reads files and scan checks articles in worker processes. A worker can die under
them: the kernel's out-of-memory killer, a segfault in a parser on one hostile page, an
operator's ``kill -9``. `ordered_map` is built on `concurrent.futures.ProcessPoolExecutor`
rather than `multiprocessing.Pool` for that reason: ``Pool`` quietly replaces a dead worker
and waits for ever for the task it held, while the executor marks itself broken and fails
every unfinished task with `BrokenProcessPool`, so the loss is seen.

What a death costs: the tasks unfinished at that moment are run again, one at a time in a
fresh pool, so the one that kills its worker alone is known. That item (and only it) gets
``lost(item)`` in its place; every other item is redone. The run then goes on in parallel.
A worker's set-up that fails is no death: its error ends the run. A worker dies with the
process that started it.
"""

from __future__ import annotations

import ctypes
import os
import signal
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

#: Chunks in flight per worker: 2 keeps every worker busy while the next chunk travels, and
#: bounds what is held in memory (and redone after a death) to a few chunks a worker.
CHUNKS_PER_WORKER = 2


def died(origin: str, doing: str) -> str:
    """The failure of an item whose worker process died under it, in one sentence."""
    return (
        f"{origin} could not be {doing}: its worker process died on it "
        "(killed, out of memory, or crashed)."
    )


def ordered_map(
    run_chunk: Callable[[list[T]], list[R]],
    items: Iterable[T],
    *,
    workers: int,
    chunk: int,
    lost: Callable[[T], R],
    initializer: Callable[..., None] | None = None,
    initargs: tuple[Any, ...] = (),
) -> Generator[R, None, None]:
    """``run_chunk`` over ``items`` in ``workers`` processes, ``chunk`` items a call, one
    result per item in input order. ``run_chunk`` must return one result per item it is
    given; an item whose worker dies under it alone yields ``lost(item)``."""
    pool = _Pool(workers, initializer, initargs)
    try:
        pending: deque[tuple[list[T], Future[list[R]]]] = deque()
        chunks = _chunks(items, chunk)
        while True:
            while len(pending) < workers * CHUNKS_PER_WORKER and (part := next(chunks, None)):
                pending.append((part, pool.submit(run_chunk, part)))
            if not pending:
                return
            part, future = pending.popleft()
            try:
                results = future.result()
            except BrokenProcessPool:
                in_flight = [(part, future), *pending]
                pending.clear()
                pool.restart()
                for again, outcome in in_flight:
                    # A chunk that finished before the death keeps its results.
                    if outcome.done() and outcome.exception() is None:
                        yield from outcome.result()
                    else:
                        yield from _alone(pool, run_chunk, again, lost)
                continue
            yield from results
    finally:
        pool.close()


def _alone(
    pool: _Pool, run_chunk: Callable[[list[T]], list[R]], part: list[T], lost: Callable[[T], R]
) -> Generator[R, None, None]:
    """Each item of a chunk lost with a dead worker, run again by itself."""
    for item in part:
        try:
            yield from pool.submit(run_chunk, [item]).result()
        except BrokenProcessPool:
            pool.restart()
            yield lost(item)


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    part: list[T] = []
    for item in items:
        part.append(item)
        if len(part) >= size:
            yield part
            part = []
    if part:
        yield part


#: Linux's prctl option that sends the calling process a signal when its parent dies.
_PR_SET_PDEATHSIG = 1

#: Why this worker's set-up failed, when it did: the error every task it is given raises.
_setup_failure: list[BaseException] = []


def _start_worker(
    parent: int, initializer: Callable[..., None] | None, initargs: tuple[Any, ...]
) -> None:
    """A worker's start: it is to die with ``parent``, the process that started it (a worker
    left behind by a ``kill -9`` of its parent would hold the models' memory, and the files
    it inherited, for ever); then the caller's set-up, whose error is kept for the tasks to
    raise."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        pass  # not Linux: the worker outlives a killed parent, as multiprocessing's do
    if os.getppid() != parent:
        os._exit(1)  # the parent died before the signal was asked for: it will never come
    if initializer is None:
        return
    try:
        initializer(*initargs)
    except Exception as exc:  # noqa: BLE001 (raised by every task, as the run's own error)
        _setup_failure.append(exc)


def _run(fn: Callable[[list[T]], list[R]], part: list[T]) -> list[R]:
    """A task in a worker: ``fn(part)``, or the worker's set-up error (so a set-up that fails
    ends the run with its error, rather than passing for a worker's death)."""
    if _setup_failure:
        raise _setup_failure[0]
    return fn(part)


class _Pool:
    """A process pool that can be replaced once a death has broken it."""

    def __init__(
        self, workers: int, initializer: Callable[..., None] | None, initargs: tuple[Any, ...]
    ) -> None:
        self.workers, self.initializer, self.initargs = workers, initializer, initargs
        self.executor = self._new()

    def _new(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            self.workers,
            initializer=_start_worker,
            initargs=(os.getpid(), self.initializer, self.initargs),
        )

    def submit(self, fn: Callable[[list[T]], list[R]], part: list[T]) -> Future[list[R]]:
        """``fn(part)`` in a worker; once the pool is broken, a future failed as the ones
        already in flight are."""
        try:
            return self.executor.submit(_run, fn, part)
        except BrokenProcessPool as exc:
            failed: Future[list[R]] = Future()
            failed.set_exception(exc)
            return failed

    def restart(self) -> None:
        self.close()
        self.executor = self._new()

    def close(self) -> None:
        """Stop at once: what is queued is cancelled and running workers are ended (a run
        that stops early, or a broken pool, has nothing more to wait for)."""
        processes = list((self.executor._processes or {}).values())
        self.executor.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            process.terminate()
        for process in processes:
            process.join()
