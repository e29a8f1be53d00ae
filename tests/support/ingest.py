"""``copydesk ingest`` as a command line, for the tests that run it in a process of its own."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from support.command import ENV

#: The command with fewer documents per transaction than the default, so that a fault or a
#: kill lands after some batches are in: `copydesk.cli.main` with `ingest` given that batch.
_SMALL_BATCHES = (
    "import functools, sys; import copydesk.corpus.ingest as stage; "
    "stage.ingest = functools.partial(stage.ingest, batch_size={}); "
    "from copydesk.cli import main; sys.exit(main(sys.argv[1:]))"
)


def ingest_command(folder: Path, db: Path, *, batch_size: int | None = None) -> list[str]:
    """``copydesk ingest FOLDER --db DB --quiet``; with ``batch_size``, that many documents
    per transaction."""
    if batch_size is None:
        start = [sys.executable, "-m", "copydesk"]
    else:
        start = [sys.executable, "-c", _SMALL_BATCHES.format(batch_size)]
    return [*start, "ingest", str(folder), "--db", str(db), "--quiet"]


def run_ingest(folder: Path, db: Path, *, timeout: float) -> subprocess.CompletedProcess[str]:
    """`ingest_command` run to its end: its output and exit status."""
    return subprocess.run(
        ingest_command(folder, db),
        env=ENV,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
