"""Web pages out of WARC files (plain or gzipped), one record at a time.

A crawl file often holds a damaged record: a gzip member cut short, bytes of garbage between
records, a header that does not parse. Such a record is reported as a `WarcFailure` and
reading goes on from the next record boundary found in the file (the next gzip member header
for a ``.warc.gz``, the next ``WARC/1.x`` line for a plain WARC), so one bad record never
costs the rest of the file.
"""

from __future__ import annotations

import os
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

#: Content types read as articles; other responses (images, scripts, JSON) are skipped.
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain"})

#: Record types that carry a page.
PAGE_RECORDS = frozenset({"response", "resource"})

_GZIP_MEMBER = b"\x1f\x8b\x08"
_WARC_LINE = b"WARC/1."
_SCAN_CHUNK = 1 << 20


@dataclass(frozen=True, slots=True)
class WarcPage:
    """One page's bytes out of a WARC record."""

    origin: str  # "crawl.warc.gz@1234": the file and the record's byte offset
    url: str | None
    content_type: str | None
    data: bytes


@dataclass(frozen=True, slots=True)
class WarcFailure:
    origin: str
    reason: str


def is_warc(path: Path) -> bool:
    name = path.name.lower()
    return name.endswith((".warc", ".warc.gz", ".arc", ".arc.gz"))


def read_warc(path: str | Path) -> Iterator[WarcPage | WarcFailure]:
    """The HTML pages in a WARC file, and a failure for each record that cannot be read."""
    p = Path(path)
    try:
        size = os.path.getsize(p)
        raw = p.open("rb")
    except OSError as exc:
        yield WarcFailure(str(p), f"{p} cannot be read: {(exc.strerror or 'error').lower()}.")
        return
    gzipped = p.name.lower().endswith(".gz")
    with raw:
        pos = 0
        while pos < size:
            raw.seek(pos)
            iterator = ArchiveIterator(raw, no_record_parse=False, arc2warc=True)
            try:
                for record in iterator:
                    page = _page(record)
                    # Asking for the offset reads the record to its end: the page first.
                    offset = iterator.get_record_offset()
                    if page is not None:
                        url, content_type, data = page
                        yield WarcPage(f"{p}@{offset}", url, content_type, data)
                return
            except (ArchiveLoadFailed, zlib.error, EOFError, ValueError, OSError) as exc:
                # The iterator counts offsets from the start of the file (it asks the file
                # where it is): its offset is where the record it could not read begins.
                failed = max(iterator.offset, pos)
                yield WarcFailure(
                    f"{p}@{failed}",
                    f"The record at byte {failed} of {p} is damaged and was skipped "
                    f"({_describe(exc)}).",
                )
                pos = _next_boundary(raw, failed + 1, gzipped, size)


def _page(record: Any) -> tuple[str | None, str | None, bytes] | None:
    """``(url, content type, bytes)`` of a page record; None for any other record."""
    if record.rec_type not in PAGE_RECORDS:
        return None
    headers = record.http_headers
    if headers is not None:
        content_type = headers.get_header("Content-Type")
    else:
        content_type = record.rec_headers.get_header("Content-Type")
    mime = (content_type or "").split(";")[0].strip().lower()
    if mime and mime not in HTML_TYPES:
        return None
    if headers is not None and headers.get_statuscode() not in (None, "200"):
        return None
    url = record.rec_headers.get_header("WARC-Target-URI")
    return url, content_type, record.content_stream().read()


def _describe(exc: BaseException) -> str:
    if isinstance(exc, zlib.error):
        return "its gzip data is corrupt"
    if isinstance(exc, EOFError):
        return "it ends before its declared length"
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    if text.startswith("Invalid WARC record, first line"):
        return "no WARC header where a record should start"
    if text.startswith("Unknown archive format"):
        return "no WARC header where a record should start"
    return text[:120]


def _next_boundary(raw: BinaryIO, start: int, gzipped: bool, size: int) -> int:
    """Offset of the next record start at or after ``start``; ``size`` when there is none."""
    marker = _GZIP_MEMBER if gzipped else _WARC_LINE
    pos = start
    while pos < size:
        raw.seek(pos)
        chunk = raw.read(_SCAN_CHUNK + len(marker))
        if not chunk:
            break
        found = chunk.find(marker)
        while found != -1:
            candidate = pos + found
            if gzipped and _inflates(raw, candidate):
                return candidate
            if not gzipped and (candidate == 0 or _at_line_start(raw, candidate)):
                return candidate
            found = chunk.find(marker, found + 1)
        pos += _SCAN_CHUNK
    return size


def _inflates(raw: BinaryIO, offset: int) -> bool:
    """Whether a gzip member that starts at ``offset`` begins with a WARC header."""
    raw.seek(offset)
    head = raw.read(4096)
    try:
        out = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 64)
    except zlib.error:
        return False
    return out.startswith((b"WARC/", b"filedesc://", b"http://", b"https://"))


def _at_line_start(raw: BinaryIO, offset: int) -> bool:
    raw.seek(offset - 1)
    return raw.read(1) == b"\n"
