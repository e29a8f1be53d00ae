"""The service bounds its connections: a client that connects and sends nothing, or drips a
request a byte at a time, is cut off, and a flood of idle connections under a low file limit
leaves the service answering."""

from __future__ import annotations

import select
import socket
import time
from collections.abc import Iterator

import httpx
import pytest
from support.service import serving, with_open_files

from copydesk.serve.connections import BODY_TIMEOUT_S, HEADER_TIMEOUT_S

#: Seconds between the bytes a slow client drips.
DRIP_EVERY_S = 2.0

#: Seconds of slack on a deadline: the event loop's timers and this test's polling.
SLACK_S = 4.0


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with serving() as base:
        yield base


def _connect(base: str) -> socket.socket:
    host, port = base.removeprefix("http://").split(":")
    return socket.create_connection((host, int(port)), timeout=5)


def _closed(sock: socket.socket) -> bool:
    """Whether the server has closed ``sock`` (without waiting)."""
    ready, _, _ = select.select([sock], [], [], 0)
    if not ready:
        return False
    try:
        return sock.recv(4096) == b""
    except OSError:
        return True


def test_idle_and_dripping_connections_are_closed_at_their_deadlines(server: str) -> None:
    idle = [_connect(server) for _ in range(10)]
    heads = [_connect(server) for _ in range(3)]  # headers a byte at a time
    bodies = [_connect(server) for _ in range(3)]  # whole headers, then a body a byte at a time
    for sock in bodies:
        sock.sendall(
            b"POST /v1/check HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            b"Content-Length: 100000\r\n\r\n"
        )
    started = time.monotonic()
    closed_at: dict[socket.socket, float] = {}
    next_drip = started
    while time.monotonic() - started < BODY_TIMEOUT_S + SLACK_S and len(closed_at) < 16:
        now = time.monotonic()
        for sock in [*idle, *heads, *bodies]:
            if sock not in closed_at and _closed(sock):
                closed_at[sock] = now - started
        if now >= next_drip:
            for sock in [*heads, *bodies]:
                if sock not in closed_at:
                    try:
                        sock.send(b"G" if sock in heads else b"{")
                    except OSError:
                        closed_at[sock] = now - started
            next_drip = now + DRIP_EVERY_S
        time.sleep(0.1)
    for sock in [*idle, *heads]:
        assert sock in closed_at, "a connection sending no whole request is closed"
        assert HEADER_TIMEOUT_S - 1 <= closed_at[sock] <= HEADER_TIMEOUT_S + SLACK_S
    for sock in bodies:
        assert sock in closed_at, "a body dripped a byte at a time is cut off"
        assert closed_at[sock] <= BODY_TIMEOUT_S + SLACK_S
    for sock in [*idle, *heads, *bodies]:
        sock.close()
    assert httpx.get(f"{server}/health", timeout=5).status_code == 200


def test_a_flood_of_idle_connections_under_a_low_file_limit_leaves_health_answering() -> None:
    with serving(start=with_open_files(256)) as base:
        flood = []
        try:
            for _ in range(300):
                flood.append(_connect(base))
            started = time.monotonic()
            answer = httpx.get(f"{base}/health", timeout=5)
            assert answer.status_code == 200
            assert time.monotonic() - started < 2
        finally:
            for sock in flood:
                sock.close()
