"""The worker processes of a command running in a process of its own, read from /proc."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path


def _cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


def workers(pid: int) -> list[int]:
    """The children of ``pid`` forked from it (same command line): its worker processes."""
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return []
    own = _cmdline(pid)
    return [int(c) for c in children if _cmdline(int(c)) == own]


def kill_a_worker(pid: int, *, timeout: float = 120) -> int:
    """``kill -9`` one worker of ``pid`` as soon as it has one; the worker's pid."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = workers(pid)
        if found:
            os.kill(found[0], signal.SIGKILL)
            return found[0]
        time.sleep(0.01)
    raise AssertionError(f"process {pid} started no worker in {timeout} s")


def alive(pid: int) -> bool:
    """Whether process ``pid`` still runs (a zombie, dead but not yet reaped, does not)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")
