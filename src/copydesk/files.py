"""Writing a file whole or not at all: what a report, or a scan's summary, replaces is kept
until the new content is written in full."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_whole(path: str | Path, content: str) -> None:
    """Write ``content`` to ``path``: beside it first, then renamed over it, so a failed write
    (a full disk, a file-size limit) leaves the earlier file as it was. A device or a pipe is
    written through. Raises `OSError`."""
    path = Path(path)
    if path.exists() and not path.is_file():
        path.write_text(content, encoding="utf-8")
        return
    with tempfile.NamedTemporaryFile(
        "w", encoding="utf-8", dir=path.parent, prefix=f".{path.name}.", delete=False
    ) as partial:
        try:
            partial.write(content)
            partial.flush()
        except BaseException:
            partial.close()
            os.unlink(partial.name)
            raise
    os.chmod(partial.name, _mode_for(path))
    os.replace(partial.name, path)


def _mode_for(path: Path) -> int:
    """The permissions a written file gets: the earlier file's, else a new file's."""
    if path.exists():
        return path.stat().st_mode & 0o777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
