"""``copydesk ARGS...`` with a resolver that never answers for names under ``.test``: the
look-up blocks as the system's does when its DNS server is silent. Run as a script."""

from __future__ import annotations

import socket
import sys
import threading

_real = socket.getaddrinfo
_never = threading.Event()


def _stalled(host: object, *args: object, **kwargs: object) -> object:
    if isinstance(host, str) and host.endswith(".test"):
        _never.wait()
    return _real(host, *args, **kwargs)  # type: ignore[arg-type]


socket.getaddrinfo = _stalled  # type: ignore[assignment]

if __name__ == "__main__":
    from copydesk.cli import main

    sys.exit(main(sys.argv[1:]))
