"""What the whole-process benches share: the environment their commands run in."""

from __future__ import annotations

import os


def user_environment() -> dict[str, str]:
    """This environment without ``PYTHONDONTWRITEBYTECODE``. An installation writes Python's
    bytecode cache on its first run and reads it on every run after, so the runs timed
    (after a warm-up run) read it too; a shell that forbids the cache would otherwise time
    compiling copydesk's sources on every run (about 50 ms here)."""
    return {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
