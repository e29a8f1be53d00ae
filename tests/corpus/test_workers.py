"""Work in worker processes survives a worker's death: the item that killed its worker alone
is reported lost, every other item is done, in input order, and the run ends."""

from __future__ import annotations

import os
import signal

import pytest

from copydesk.corpus.workers import ordered_map

#: The item that kills the worker process holding it, as a segfault in a parser would.
POISON = 13


def _squares(items: list[int]) -> list[int]:
    if POISON in items:
        os.kill(os.getpid(), signal.SIGKILL)
    return [i * i for i in items]


def test_the_item_that_kills_its_worker_is_lost_and_every_other_is_done() -> None:
    items = list(range(40))
    results = list(ordered_map(_squares, items, workers=2, chunk=4, lost=lambda i: f"lost {i}"))
    assert results == [f"lost {i}" if i == POISON else i * i for i in items]


def test_two_poisoned_items_in_one_run_are_each_lost_alone() -> None:
    items = [POISON if i in (5, 30) else i for i in range(36)]
    results = list(ordered_map(_squares, items, workers=2, chunk=3, lost=lambda i: None))
    assert results == [None if i == POISON else i * i for i in items]


def _children() -> set[str]:
    with open(f"/proc/{os.getpid()}/task/{os.getpid()}/children") as f:
        return set(f.read().split())


def test_a_run_stopped_early_leaves_no_worker_behind() -> None:
    before = _children()
    mapped = ordered_map(_squares, range(1000), workers=2, chunk=2, lost=lambda i: None)
    assert next(mapped) == 0
    assert len(_children() - before) == 2
    mapped.close()
    assert _children() <= before


def _no_store() -> None:
    raise FileNotFoundError("the store is gone")


def test_a_set_up_that_fails_ends_the_run_with_its_error_not_as_deaths() -> None:
    mapped = ordered_map(
        _squares, range(10), workers=2, chunk=2, lost=lambda i: None, initializer=_no_store
    )
    with pytest.raises(FileNotFoundError, match="the store is gone"):
        list(mapped)
