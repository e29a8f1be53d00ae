"""Web pages out of WARC files (plain or gzipped), one record at a time; ARC files, WARC's
predecessor (versions 1 and 2), are read the same way.

A crawl file often holds a damaged record: a gzip member or a record cut short, bytes of
garbage between records, a header that does not parse, a response with no target URI. Each
record's framing is checked before its content is read: its header must parse and give a
``Content-Length``, the file must hold that many bytes, and the record must end where that
length says (with the blank lines the format puts after each record; for a ``.warc.gz``,
the gzip member must be whole). A record that fails any of these is reported as a
`WarcFailure` and reading goes on from the next record header found after the damaged
record's start (the next gzip member for a ``.warc.gz``, the next ``WARC/1.x`` header for a
plain WARC, the next ARC header line that starts a whole record for a plain ARC), so a
cut-short record never swallows the record after it, and one bad record never costs the
rest of the file.

The record's own parsing (HTTP headers, chunked transfer and content encodings) is warcio's,
over the record's bytes alone; whatever it raises is that record's failure.
"""

from __future__ import annotations

import io
import mmap
import os
import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from warcio.recordloader import ArcWarcRecord, ArcWarcRecordLoader

from copydesk.read.limits import MAX_INPUT_BYTES, MAX_INPUT_MB

#: Content types read as articles; other responses (images, scripts, JSON) are skipped.
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain"})

#: Record types that carry a page.
PAGE_RECORDS = frozenset({"response", "resource"})

#: The most bytes a record's WARC header may take. Crawlers write 300-1,000 bytes (a long
#: target URI and a few digests); 64 KiB is far beyond any real header, so text that runs
#: on that long without a blank line is no header.
MAX_HEADER_BYTES = 64 * 1024

#: The largest record block read into memory: one article's limit plus room for its HTTP
#: headers. A page record larger than that is reported as too large; any other record is
#: skipped without being read.
MAX_BLOCK_BYTES = MAX_INPUT_BYTES + MAX_HEADER_BYTES

#: The most bytes of one gzip member kept while inflating it: a page record's block and its
#: WARC header.
MAX_MEMBER_BYTES = MAX_BLOCK_BYTES + MAX_HEADER_BYTES

_GZIP_MEMBER = b"\x1f\x8b\x08"
_WARC_START = re.compile(rb"WARC/1\.[01]\r?\n")
_HEADER_END = re.compile(rb"\r?\n\r?\n")
_SCAN_CHUNK = 1 << 20


@dataclass(frozen=True, slots=True)
class WarcPage:
    """One page's bytes out of a WARC record."""

    origin: str  # "crawl.warc.gz@1234": the file and the record's byte offset
    url: str | None
    content_type: str | None
    data: bytes
    record_id: str | None = None  # the record's WARC-Record-ID, when it has one


@dataclass(frozen=True, slots=True)
class WarcFailure:
    origin: str
    reason: str


@dataclass(frozen=True, slots=True)
class WarcSkipped:
    """A response record that is no article (an image, a script, a 404), and why."""

    origin: str
    url: str | None
    reason: str


class _Damaged(Exception):
    """A record whose framing or content cannot be read; the text says why."""


#: The endings of an ARC file, WARC's predecessor, and of any crawl file.
ARC_SUFFIXES = (".arc", ".arc.gz")
CRAWL_SUFFIXES = (".warc", ".warc.gz", *ARC_SUFFIXES)


def is_warc(path: Path) -> bool:
    """Whether ``path`` names a crawl file, WARC or its predecessor ARC."""
    return path.name.lower().endswith(CRAWL_SUFFIXES)


def is_arc_file(path: Path) -> bool:
    return path.name.lower().endswith(ARC_SUFFIXES)


def read_warc(path: str | Path) -> Iterator[WarcPage | WarcFailure | WarcSkipped]:
    """The HTML pages in a WARC file, and a failure for each record that cannot be read."""
    p = Path(path)
    try:
        with p.open("rb") as raw:
            size = os.fstat(raw.fileno()).st_size
            if size == 0:
                yield WarcFailure(str(p), f"{p} is empty: it holds no record.")
                return
            if p.name.lower().endswith(".gz"):
                yield from _gzip_records(p, raw, size)
            else:
                with mmap.mmap(raw.fileno(), 0, access=mmap.ACCESS_READ) as data:
                    yield from _plain_records(p, data, 0, len(data))
    except OSError as exc:
        yield WarcFailure(str(p), f"{p} cannot be read: {(exc.strerror or 'error').lower()}.")


def _failure(path: Path, offset: int, why: str) -> WarcFailure:
    return WarcFailure(
        f"{path}@{offset}",
        f"The record at byte {offset} of {path} is damaged and was skipped ({why}).",
    )


# -- plain WARC: records framed by their Content-Length ---------------------------------------


def _plain_records(
    path: Path, data: bytes | mmap.mmap, pos: int, end: int, *, base: int | None = None
) -> Iterator[WarcPage | WarcFailure | WarcSkipped]:
    """The records in ``data[pos:end]``. ``base``: the file offset all of them are reported
    at (a gzip member's), or None to report each at its own offset."""
    while pos < end:
        pos = _skip_blank_lines(data, pos, end)
        if pos >= end:
            return
        at = pos if base is None else base
        try:
            header, fields, block_start, block_end = _frame(data, pos, end)
            page = _page(path, at, header, fields, data, block_start, block_end)
        except _Damaged as exc:
            yield _failure(path, at, str(exc))
            if base is not None:
                return  # the member is one record; the caller resynchronises
            pos = _next_header(data, pos + 1, end, arc=is_arc_file(path))
            continue
        if page is not None:
            yield page
        pos = block_end


def _skip_blank_lines(data: bytes | mmap.mmap, pos: int, end: int) -> int:
    while pos < end and data[pos : pos + 1] in (b"\r", b"\n"):
        pos += 1
    return pos


def _frame(data: bytes | mmap.mmap, pos: int, end: int) -> tuple[bytes, dict[str, str], int, int]:
    """(header, header fields, block start, block end) of the record at ``pos``; an ARC
    record's header is given in version 1's five fields, the form the record parser reads."""
    head = bytes(data[pos : min(end, pos + MAX_HEADER_BYTES)])
    is_arc = False
    if _WARC_START.match(head):
        stop = _HEADER_END.search(head)
        if stop is None:
            raise _Damaged(
                "its header does not end"
                if len(head) < MAX_HEADER_BYTES
                else "its header runs on with no end"
            )
        header = head[: stop.end()]
        header_bytes = len(header)
        fields = _fields(header)
        length_text = fields.get("content-length", "")
    else:
        line_end = head.find(b"\n")
        arc = _arc_header(head[: line_end + 1] if line_end >= 0 else b"")
        if arc is None:
            raise _Damaged("no WARC or ARC header where a record should start")
        is_arc = True
        header_bytes = line_end + 1
        url, length_text, header = arc
        fields = {"arc-url": url}
    if not length_text.isdigit():
        raise _Damaged("its header gives no valid Content-Length")
    block_start = pos + header_bytes
    block_end = block_start + int(length_text)
    if block_end > end:
        raise _Damaged("it ends before its declared length")
    if not _ends_cleanly(data, block_end, end, is_arc):
        raise _Damaged(
            "it does not end where its Content-Length says: it was cut short, or bytes "
            "were lost or added inside it"
        )
    return header, fields, block_start, block_end


def _arc_header(line: bytes) -> tuple[str, str, bytes] | None:
    """(URL, length, the line in version 1's form) of an ARC record's header line, or None
    when ``line`` is none. Version 1 has five fields (URL, IP address, date, content type,
    length); version 2 ten (result code, checksum, location, offset and file name before the
    length). The URL must name a scheme and the date be digits, so a line of article text
    that happens to end in a number is no header."""
    parts = line.split()
    if len(parts) not in (5, 10) or b":" not in parts[0] or not parts[2].isdigit():
        return None
    url, address, date, content_type, length = (*parts[:4], parts[-1])
    if not length.isdigit():
        return None
    v1 = b" ".join((url, address, date, content_type, length)) + b"\n"
    return url.decode("latin-1"), length.decode("ascii"), v1


def _fields(header: bytes) -> dict[str, str]:
    out: dict[str, str] = {}
    for line in header.decode("utf-8", "replace").splitlines()[1:]:
        name, sep, value = line.partition(":")
        if sep:
            out[name.strip().lower()] = value.strip()
    return out


def _ends_cleanly(data: bytes | mmap.mmap, block_end: int, end: int, is_arc: bool) -> bool:
    """Whether a record's block is followed by the line breaks its format puts after every
    record: two CRLFs in a WARC (two LFs from some writers), one LF in an ARC. The end of the
    data also ends a record cleanly."""
    after = bytes(data[block_end : min(end, block_end + 4)])
    if is_arc:
        return after[:1] in (b"", b"\n")
    return after in (b"", b"\r\n", b"\n") or after.startswith((b"\r\n\r\n", b"\n\n"))


def _next_header(data: bytes | mmap.mmap, start: int, end: int, *, arc: bool) -> int:
    """Offset of the next record header at or after ``start``: in an ARC file, a line that
    parses as an ARC header and starts a whole record; in a WARC file, a ``WARC/1.x`` header
    (anywhere, not only at a line start: garbage before a record need not end in a line
    break)."""
    return _next_arc_header(data, start, end) if arc else _next_warc_header(data, start, end)


def _next_warc_header(data: bytes | mmap.mmap, start: int, end: int) -> int:
    pos = start
    while pos < end:
        found = data.find(b"WARC/1.", pos, end)
        if found == -1:
            return end
        head = bytes(data[found : min(end, found + MAX_HEADER_BYTES)])
        if _WARC_START.match(head) and _HEADER_END.search(head):
            return found
        pos = found + 1
    return end


def _next_arc_header(data: bytes | mmap.mmap, start: int, end: int) -> int:
    pos = data.find(b"\n", start, end) + 1 or end
    while pos < end:
        line_end = data.find(b"\n", pos, end)
        if line_end == -1:
            return end
        if line_end - pos < MAX_HEADER_BYTES and _arc_header(bytes(data[pos:line_end])):
            try:
                _frame(data, pos, end)
                return pos
            except _Damaged:
                pass
        pos = line_end + 1
    return end


# -- gzipped WARC: one gzip member per record -------------------------------------------------


def _gzip_records(
    path: Path, raw: BinaryIO, size: int
) -> Iterator[WarcPage | WarcFailure | WarcSkipped]:
    pos = 0
    while pos < size:
        try:
            member, next_pos = _inflate_member(raw, pos)
            if isinstance(member, _Oversized):
                # Larger than any page: reported when it is a page, skipped unkept otherwise.
                _frame_oversized(member.head)
                pos = next_pos
                continue
        except _Damaged as exc:
            yield _failure(path, pos, str(exc))
            pos = _next_gzip_member(raw, pos + 1, size)
            continue
        yield from _plain_records(path, member, 0, len(member), base=pos)
        pos = next_pos


@dataclass(frozen=True, slots=True)
class _Oversized:
    """A gzip member that inflates past `MAX_MEMBER_BYTES`: only its first bytes are kept."""

    head: bytes


def _inflate_member(raw: BinaryIO, pos: int) -> tuple[bytes | _Oversized, int]:
    """The inflated gzip member at ``pos`` and the offset where the next member starts.

    Inflates at most `_SCAN_CHUNK` bytes per step and keeps at most `MAX_MEMBER_BYTES`, so a
    member that inflates to gigabytes costs time to read past, never memory.
    """
    raw.seek(pos)
    if raw.read(len(_GZIP_MEMBER)) != _GZIP_MEMBER:
        raise _Damaged("no gzip member where a record should start")
    raw.seek(pos)
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    out = bytearray()
    head: bytes | None = None
    consumed = 0
    pending = b""
    while not inflater.eof:
        if not pending:
            pending = raw.read(_SCAN_CHUNK)
            consumed += len(pending)
            if not pending:
                raise _Damaged("its gzip data ends before the record does")
        try:
            piece = inflater.decompress(pending, _SCAN_CHUNK)
        except zlib.error:
            raise _Damaged("its gzip data is corrupt") from None
        pending = inflater.unconsumed_tail
        if head is None:
            out += piece
            if len(out) > MAX_MEMBER_BYTES:
                head = bytes(out[:MAX_HEADER_BYTES])
                out = bytearray()
    next_pos = pos + consumed - len(inflater.unconsumed_tail) - len(inflater.unused_data)
    return (_Oversized(head) if head is not None else bytes(out)), next_pos


def _frame_oversized(head: bytes) -> None:
    """Refuse an oversized record that is a page; let any other pass unread."""
    stop = _HEADER_END.search(head)
    fields = _fields(head[: stop.end()]) if stop and _WARC_START.match(head) else {}
    if fields.get("warc-type") in PAGE_RECORDS and _mime(fields.get("content-type")) in (
        HTML_TYPES | {"application/http"}
    ):
        raise _Damaged(f"its page is larger than the {MAX_INPUT_MB} MB limit for one article")


def _next_gzip_member(raw: BinaryIO, start: int, size: int) -> int:
    """Offset of the next gzip member that holds a record header, at or after ``start``."""
    pos = start
    while pos < size:
        raw.seek(pos)
        chunk = raw.read(_SCAN_CHUNK + len(_GZIP_MEMBER))
        if not chunk:
            break
        found = chunk.find(_GZIP_MEMBER)
        while found != -1:
            if _inflates(raw, pos + found):
                return pos + found
            found = chunk.find(_GZIP_MEMBER, found + 1)
        pos += _SCAN_CHUNK
    return size


def _inflates(raw: BinaryIO, offset: int) -> bool:
    """Whether a gzip member that starts at ``offset`` begins with a WARC or ARC header."""
    raw.seek(offset)
    head = raw.read(4096)
    try:
        out = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 64)
    except zlib.error:
        return False
    return out.startswith((b"WARC/", b"filedesc://", b"http://", b"https://"))


# -- a record's content -----------------------------------------------------------------------


def _page(
    path: Path,
    offset: int,
    header: bytes,
    fields: dict[str, str],
    data: bytes | mmap.mmap,
    block_start: int,
    block_end: int,
) -> WarcPage | WarcSkipped | None:
    """The page a framed record carries; a response that is no article (an image, a 404) is
    skipped, with why; None for a record that carries no response (a request, metadata)."""
    is_arc = "arc-url" in fields
    if not is_arc and fields.get("warc-type") not in PAGE_RECORDS:
        return None
    url = fields.get("arc-url") if is_arc else fields.get("warc-target-uri")
    if not is_arc and fields.get("warc-type") == "response" and not url:
        raise _Damaged("a response record with no WARC-Target-URI")
    if block_end - block_start > MAX_BLOCK_BYTES:
        mime = _mime(fields.get("content-type"))
        if mime in HTML_TYPES or mime == "application/http":
            raise _Damaged(f"its page is larger than the {MAX_INPUT_MB} MB limit for one article")
        return WarcSkipped(
            f"{path}@{offset}", url, f"a record of type {mime or 'unknown'}, not a page"
        )
    record_bytes = header + bytes(data[block_start:block_end])
    try:
        record = ArcWarcRecordLoader(arc2warc=True).parse_record_stream(
            io.BytesIO(record_bytes), known_format="arc" if is_arc else None
        )
        return _content(path, offset, record)
    except _Damaged:
        raise
    except Exception as exc:  # noqa: BLE001 (warcio's parse errors are this record's damage)
        raise _Damaged(_describe(exc)) from None


def _content(path: Path, offset: int, record: ArcWarcRecord) -> WarcPage | WarcSkipped | None:
    if record.rec_type not in PAGE_RECORDS:
        return None
    headers = record.http_headers
    if headers is not None:
        content_type = headers.get_header("Content-Type")
    else:
        content_type = record.rec_headers.get_header("Content-Type")
    mime = _mime(content_type)
    url = record.rec_headers.get_header("WARC-Target-URI")
    origin = f"{path}@{offset}"
    if mime and mime not in HTML_TYPES:
        return WarcSkipped(origin, url, f"a response of type {mime}, not a page")
    status = headers.get_statuscode() if headers is not None else None
    if status not in (None, "200"):
        return WarcSkipped(origin, url, f"an HTTP {status} response, not a page")
    # One byte past the limit is enough to refuse it, however well the body compresses.
    body = record.content_stream().read(MAX_INPUT_BYTES + 1)
    record_id = record.rec_headers.get_header("WARC-Record-ID")
    return WarcPage(f"{path}@{offset}", url, content_type, body, record_id)


def _mime(content_type: str | None) -> str:
    return (content_type or "").split(";")[0].strip().lower()


def _describe(exc: BaseException) -> str:
    if isinstance(exc, zlib.error):
        return "its compressed content is corrupt"
    if isinstance(exc, EOFError):
        return "it ends before its declared length"
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return f"its content could not be read: {text[:120]}"
