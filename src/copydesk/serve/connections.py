"""Connections to the service, bounded in time and in number.

uvicorn closes an idle keep-alive connection after `KEEP_ALIVE_S`, but it gives a client all
the time it wants to send a request: a connection that never sends one, or sends its headers
a byte every few seconds ("slowloris"), is held for ever, and enough of them use up the
process's file descriptors until nothing, ``/health`` included, can connect. `GuardedH11`
is uvicorn's HTTP/1.1 protocol with two bounds added:

- time: a request's headers must arrive within `HEADER_TIMEOUT_S` of the connection's
  opening (or of the previous answer on a kept-alive connection), and its body within
  `BODY_TIMEOUT_S` of its headers, however its bytes are spaced; past either, the connection
  is closed;
- number: at most `connection_limit()` connections are open at once (and at most
  `ACCEPT_BACKLOG` more for a moment, as they are accepted). A new connection past
  the limit closes the oldest one that is only waiting for a request (none is dropped while
  its check runs), and is itself closed when every one is busy.
"""

from __future__ import annotations

import asyncio
import resource
import time
from typing import Any

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

#: Seconds an idle keep-alive connection stays open after an answer (uvicorn's default):
#: an editor's plug-in sends its next check within a few seconds of the last, or not soon.
KEEP_ALIVE_S = 5

#: Seconds a client has to send a request's headers. A real client sends them in one packet,
#: within milliseconds of connecting; 10 s allows for a slow mobile link, and cuts a
#: slowloris connection off after a few bytes.
HEADER_TIMEOUT_S = 10.0

#: Seconds a client has to send a request's body once its headers are in: the 5 MB body limit
#: over a 2 Mbit/s uplink takes 20 s; a plug-in's article of a few kilobytes takes
#: milliseconds.
BODY_TIMEOUT_S = 30.0

#: Connections open at once, at most. Each costs a file descriptor and a few kilobytes; 256
#: is 30 times the checks the service admits at once (`MAX_PENDING`), so it only ever bites
#: on a flood.
MAX_CONNECTIONS = 256

#: Connections accepted in one go before any of them is counted: asyncio accepts up to the
#: listening backlog each time the socket is ready, before the new connections reach
#: `GuardedH11`, so this is how far past the limit the open connections can briefly go.
#: The kernel queues further connections meanwhile; 32 is ample for a service whose answers
#: take half a second each (uvicorn's default, 2048, would let a flood take 2,048 file
#: descriptors at once).
ACCEPT_BACKLOG = 32

#: File descriptors kept free of connections under a low ``ulimit -n``: a backlog's worth of
#: connections not yet counted, the listening socket, the fetches' sockets and the files the
#: process holds (about 10 once the models are loaded).
FD_HEADROOM = ACCEPT_BACKLOG + 64


def connection_limit() -> int:
    """`MAX_CONNECTIONS`, or fewer when the process may open too few files for that."""
    soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft == resource.RLIM_INFINITY:
        return MAX_CONNECTIONS
    return max(1, min(MAX_CONNECTIONS, soft - FD_HEADROOM))


class GuardedH11(H11Protocol):
    """uvicorn's HTTP/1.1 protocol, with request read deadlines and a connection limit."""

    _deadline: asyncio.TimerHandle | None = None
    _phase: str | None = None
    _waiting_since = 0.0

    def connection_made(self, transport: Any) -> None:  # type: ignore[override]
        super().connection_made(transport)
        open_now = sum(1 for c in self.connections if not c.transport.is_closing())
        if open_now > connection_limit() and not self._make_room():
            self.connections.discard(self)
            transport.close()
            return
        self._follow()

    def connection_lost(self, exc: Exception | None) -> None:
        self._cancel()
        super().connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        self._follow()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self._follow()

    def _follow(self) -> None:
        """Time the part of the request being received: its headers, its body, or nothing
        while it is answered."""
        state = self.conn.their_state
        phase = "headers" if state is h11.IDLE else "body" if state is h11.SEND_BODY else None
        if phase == self._phase:
            return
        self._cancel()
        self._phase = phase
        if phase is not None:
            self._waiting_since = time.monotonic()
            timeout = HEADER_TIMEOUT_S if phase == "headers" else BODY_TIMEOUT_S
            self._deadline = self.loop.call_later(timeout, self._too_slow)

    def _cancel(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None

    def _too_slow(self) -> None:
        self._deadline = None
        if not self.transport.is_closing():
            self.transport.close()

    def _idle(self) -> bool:
        """Whether this connection only waits for a request: nothing of one is being
        answered, so closing it costs its client a reconnection at most."""
        return self._phase == "headers" and (self.cycle is None or self.cycle.response_complete)

    def _make_room(self) -> bool:
        """Close the connection that has waited longest for a request; False when every
        other connection is busy."""
        idle = [c for c in self.connections if c is not self and isinstance(c, GuardedH11)]
        idle = [c for c in idle if c._idle() and not c.transport.is_closing()]
        if not idle:
            return False
        oldest = min(idle, key=lambda c: c._waiting_since)
        oldest._cancel()
        oldest.transport.close()
        return True
