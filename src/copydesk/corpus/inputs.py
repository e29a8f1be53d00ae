"""Finding the documents in a command's inputs: folders of pages, WARC crawls, lists of URLs,
JSONL files of documents.

`find_inputs(paths)` turns the paths a user gives into `InputItem` units, in a stable order
(folders walked in sorted order): a document file (with its sidecar metadata), a WARC file,
a JSONL file, a URL, a file of a folder that is no document (skipped, with why), or an input
that failed with the reason. ``ingest`` and ``scan`` read their inputs
through it, so both accept the same things (see `copydesk.corpus.ingest` for the list).
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, BinaryIO

from copydesk.corpus.warc import WarcFailure, WarcPage, WarcSkipped, is_warc, read_warc
from copydesk.errors import InputError
from copydesk.lexicon.wires import wire_key
from copydesk.read import Article
from copydesk.read.reader import PAGE_SUFFIXES, without_lone_surrogates

#: File suffixes read as single documents.
DOCUMENT_SUFFIXES = PAGE_SUFFIXES

#: Suffix of a file that lists URLs to fetch.
URL_LIST_SUFFIX = ".urls"

#: Files read as JSONL, one document a line: ``{"id": ..., "text"|"html"|"url": ...}``.
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz")

#: Name of the per-folder metadata file (see the module docstring).
SIDECAR = "index.tsv"

#: How much of a ``.txt`` file is examined to decide whether it is a list of URLs.
URL_LIST_PROBE_BYTES = 1 << 16


@dataclass(frozen=True, slots=True)
class SidecarEntry:
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    wire: str | None = None  # the cell as written: "AFP", "AFP-based", "Own report"


@dataclass(frozen=True, slots=True)
class InputItem:
    """One unit of input: a document file, a WARC file, a URL, or an input that failed."""

    kind: str  # "file", "warc", "jsonl", "url", "failure", "skipped" (a file that is none)
    target: str
    meta: SidecarEntry | None = None
    reason: str = ""


def unreadable(origin: str, exc: Exception) -> str:
    """The failure of an input that broke a reader, in one sentence with the reader's error."""
    return f"{origin} could not be read ({type(exc).__name__}: {str(exc)[:120]})."


def warc_records(path: str) -> Iterator[WarcPage | WarcFailure | WarcSkipped]:
    """`read_warc`, where a fault of the reader itself ends the file as one more failure."""
    records = read_warc(path)
    while True:
        try:
            record = next(records)
        except StopIteration:
            return
        except Exception as exc:  # noqa: BLE001 (a crawl that breaks the reader must not end a run)
            yield WarcFailure(path, unreadable(path, exc))
            return
        yield record


@dataclass(frozen=True, slots=True)
class JsonlDocument:
    """One line of a JSONL input: its key (its ``id``, else ``PATH:LINE``), its URL, and its
    text or HTML as a page (None when the line only gives a URL to fetch)."""

    key: str
    url: str | None
    page: WarcPage | None


def jsonl_documents(path: str, stream: BinaryIO) -> Iterator[JsonlDocument | WarcFailure]:
    """The documents of a JSONL file read from ``stream`` (gzip-compressed when ``path`` ends
    ``.gz``), one a line, read as they come; or the failure of each line that is no
    document. Every engine reads JSONL through this."""
    import gzip
    import zlib

    lines: Any = gzip.GzipFile(fileobj=stream) if path.lower().endswith(".gz") else stream
    number = 0
    while True:
        try:
            line = lines.readline()
        except (OSError, EOFError, zlib.error):
            yield WarcFailure(
                path, f"{path} is not a whole gzip file (it is cut short or damaged)."
            )
            return
        if not line:
            return
        number += 1
        if line.strip():
            yield _jsonl_line(path, number, line)


def _jsonl_line(path: str, number: int, line: bytes) -> JsonlDocument | WarcFailure:
    key = f"{path}:{number}"
    try:
        doc = json.loads(line)
    except ValueError:
        doc = None
    if not isinstance(doc, dict):
        return WarcFailure(key, f"Line {number} of {path} is not a JSON object.")
    body = doc.get("html") or doc.get("text")
    url = doc.get("url") if isinstance(doc.get("url"), str) and doc["url"].strip() else None
    given = doc.get("id")
    if isinstance(given, str | int) and not isinstance(given, bool) and str(given).strip():
        key = str(given)
    if not isinstance(body, str) and url is None:
        return WarcFailure(key, f"Line {number} of {path} has no text, html or url.")
    page = None
    if isinstance(body, str):
        kind = "text/html" if doc.get("html") else "text/plain"
        page = WarcPage(key, url, kind, without_lone_surrogates(body).encode("utf-8"))
    return JsonlDocument(key, url, page)


def read_jsonl_file(path: str) -> Iterator[JsonlDocument | WarcFailure]:
    """`jsonl_documents` of a file on disk, read a line at a time."""
    try:
        stream = open(path, "rb")  # noqa: SIM115 (closed below, after the generator's last line)
    except OSError as exc:
        yield WarcFailure(path, f"{path} cannot be read: {exc.strerror or exc}.")
        return
    with stream:
        yield from jsonl_documents(path, stream)


def with_meta(article: Article, meta: SidecarEntry | None) -> Article:
    if meta is None:
        return article
    return replace(
        article,
        url=meta.url or article.url,
        outlet=meta.outlet or article.outlet,
        published=meta.published or article.published,
        wire=wire_key(meta.wire) if meta.wire else article.wire,
    )


# -- finding the inputs ------------------------------------------------------------------


def find_inputs(paths: Iterable[str | Path]) -> Iterator[InputItem]:
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from _folder(path)
        elif path.is_file():
            yield from _file(path, None)
        elif path.exists():
            yield InputItem("failure", str(path), reason=not_regular(path))
        else:
            yield InputItem("failure", str(path), reason=f"{path} does not exist.")


def not_a_document(path: Path | str) -> str:
    """Why a file of a folder is not read, in one sentence."""
    return f"{path} is no page, crawl, JSONL or URL list copydesk reads; it was skipped."


def not_regular(path: Path | str) -> str:
    """Why a pipe, socket or device among the inputs is not read, in one sentence."""
    return f"{path} is not a regular file (a pipe, socket or device); it was skipped."


def _folder(root: Path) -> Iterator[InputItem]:
    for folder, dirs, files in os.walk(root):
        dirs.sort()
        here = Path(folder)
        sidecar: dict[str, SidecarEntry] = {}
        if SIDECAR in files and not (here / SIDECAR).is_file():
            yield InputItem("failure", str(here / SIDECAR), reason=not_regular(here / SIDECAR))
        elif SIDECAR in files:
            try:
                sidecar = read_sidecar(here / SIDECAR)
            except InputError as exc:
                yield InputItem("failure", str(here / SIDECAR), reason=str(exc))
        for name in sorted(files):
            path = here / name
            if name == SIDECAR:
                continue
            if is_warc(path) or _readable_name(path):
                # Only regular files are opened: a pipe would block the run until someone
                # writes to it, a device would be read forever.
                if path.is_file():
                    yield from _file(path, sidecar.get(name))
                else:
                    yield InputItem("failure", str(path), reason=not_regular(path))
            else:
                yield InputItem("skipped", str(path), reason=not_a_document(path))


def _readable_name(path: Path) -> bool:
    name = path.name.lower()
    return path.suffix.lower() in DOCUMENT_SUFFIXES | {URL_LIST_SUFFIX} or name.endswith(
        JSONL_SUFFIXES
    )


def _file(path: Path, meta: SidecarEntry | None) -> Iterator[InputItem]:
    if is_warc(path):
        yield InputItem("warc", str(path))
        return
    if path.name.lower().endswith(JSONL_SUFFIXES):
        yield InputItem("jsonl", str(path))
        return
    suffix = path.suffix.lower()
    if suffix == URL_LIST_SUFFIX or (suffix == ".txt" and _is_url_list(path)):
        try:
            urls = read_url_list(path)
        except InputError as exc:
            yield InputItem("failure", str(path), reason=str(exc))
            return
        for url in urls:
            yield InputItem("url", url)
        return
    yield InputItem("file", str(path), meta)


def _is_url_list(path: Path) -> bool:
    try:
        with path.open("rb") as f:
            head = f.read(URL_LIST_PROBE_BYTES)
    except OSError:
        return False
    if not head.lstrip().lower().startswith(b"http"):
        return False
    lines = [line.strip() for line in head.splitlines()]
    if len(head) == URL_LIST_PROBE_BYTES and lines:
        lines.pop()  # possibly cut off by the probe
    lines = [line for line in lines if line and not line.startswith(b"#")]
    return bool(lines) and all(
        line.lower().startswith((b"http://", b"https://")) and b" " not in line for line in lines
    )


def read_url_list(path: str | Path) -> list[str]:
    """The http(s) URLs in a list file, one per line (blank and ``#`` lines skipped)."""
    p = Path(path)
    try:
        lines = p.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as exc:
        raise InputError(f"{p} cannot be read: {(exc.strerror or 'error').lower()}.") from None
    urls: list[str] = []
    for number, line in enumerate(lines, 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if not line.lower().startswith(("http://", "https://")) or " " in line:
            raise InputError(f"Line {number} of {p} is not an http or https URL.")
        urls.append(line)
    return urls


def read_sidecar(path: str | Path) -> dict[str, SidecarEntry]:
    """File name → metadata from an ``index.tsv`` (columns ``file``, ``url``, ``outlet``,
    ``date``, ``wire``). An index of sub-folders (a ``folder`` column instead of ``file``)
    describes no file of its own folder: each sub-folder's index.tsv does."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"The metadata file {p} cannot be read ({exc}).") from None
    return parse_sidecar(data, str(p))


def parse_sidecar(data: bytes, name: str) -> dict[str, SidecarEntry]:
    """`read_sidecar` on the bytes of the index.tsv called ``name``."""
    try:
        rows = list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline=""), delimiter="\t"))
    except (UnicodeDecodeError, csv.Error) as exc:
        raise InputError(f"The metadata file {name} cannot be read ({exc}).") from None
    if rows and "file" not in rows[0]:
        if "folder" in rows[0]:
            return {}  # a listing of sub-folders, each with its own index.tsv for its files
        raise InputError(f"The metadata file {name} has no 'file' column.")
    out: dict[str, SidecarEntry] = {}
    for row in rows:
        name_cell = (row.get("file") or "").strip()
        if name_cell:
            out[name_cell] = SidecarEntry(
                url=_cell(row, "url"),
                outlet=_cell(row, "outlet"),
                published=_cell(row, "date"),
                wire=_cell(row, "wire"),
            )
    return out


def _cell(row: dict[str, Any], key: str) -> str | None:
    value = row.get(key)
    return value.strip() or None if isinstance(value, str) else None


def progress_bar(show: bool, total: int, label: str) -> Any:
    if not show:
        return nullcontext(lambda: None)
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    @contextmanager
    def bar() -> Iterator[Callable[[], None]]:
        with Progress(
            TextColumn(label),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            transient=True,
        ) as prog:
            task = prog.add_task(label, total=total)
            yield lambda: prog.advance(task)

    return bar()
