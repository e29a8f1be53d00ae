"""`copydesk serve` in a process of its own on a loopback port, as a client meets it."""

from __future__ import annotations

import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from conftest import ROOT

from support.command import ENV

START_TIMEOUT_S = 90  # model load and the warm-up check, on a busy 2-core machine


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def with_open_files(limit: int) -> list[str]:
    """``python -m copydesk`` under ``ulimit -n LIMIT``."""
    return ["sh", "-c", f'ulimit -n {limit} && exec "$0" "$@"', sys.executable, "-m", "copydesk"]


@contextmanager
def serving(
    *, start: list[str] | None = None, options: Sequence[str] = (), log: Path | None = None
) -> Iterator[str]:
    """A service answering on its base URL; ``start`` runs the command instead of
    ``python -m copydesk`` (a script with a seam, or `with_open_files`); ``options`` are
    added to ``serve``'s; its standard error (the access log) goes to ``log``, else to a
    file of its own (a pipe nobody reads would fill and stall the service)."""
    port = free_port()
    with tempfile.TemporaryDirectory() as folder:
        log = log or Path(folder) / "serve.log"
        with log.open("w", encoding="utf-8") as err:
            proc = subprocess.Popen(
                [*(start or [sys.executable, "-m", "copydesk"]), "serve", "--port", str(port),
                 *options],
                cwd=ROOT,
                env=ENV,
                stdout=subprocess.DEVNULL,
                stderr=err,
                text=True,
            )  # fmt: skip
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + START_TIMEOUT_S
        try:
            while True:
                if proc.poll() is not None:
                    pytest.fail(f"copydesk serve exited early: {log.read_text(encoding='utf-8')}")
                try:
                    if httpx.get(f"{base}/health", timeout=2).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                if time.monotonic() > deadline:
                    pytest.fail("copydesk serve did not answer /health in time")
                time.sleep(0.3)
            yield base
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
