"""The ``copydesk`` command run in a process of its own, as a user runs it, on this checkout's
code."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

#: The environment a command runs in: the caller's, with this checkout's sources on the path.
ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src")}

#: How long a command may take before the test fails: a check of a short article takes a few
#: seconds with its model loads, so two minutes means it hangs. Slower commands (a scan, a
#: corpus of distractors) pass their own.
TIMEOUT_S = 120


def copydesk(
    *args: str,
    stdin: str | None = None,
    env: dict[str, str] | None = None,
    timeout: float = TIMEOUT_S,
    cwd: Path = ROOT,
) -> subprocess.CompletedProcess[str]:
    """``copydesk ARGS...`` in ``cwd`` (the repository root), with ``stdin`` as its input and
    ``env`` added to its environment; its output and exit status."""
    return subprocess.run(
        [sys.executable, "-m", "copydesk", *args],
        input=stdin,
        capture_output=True,
        check=False,
        text=True,
        cwd=cwd,
        env={**ENV, **(env or {})},
        timeout=timeout,
    )


#: ``copydesk`` with a resolver that never answers for host names under ``.test``
#: (`stalled_resolver.py`): the start of a command line, as ``[python, -m, copydesk]`` is.
WITH_SILENT_RESOLVER = [sys.executable, str(ROOT / "tests" / "support" / "stalled_resolver.py")]
