"""Ingest coverage into a store: folders of pages, WARC crawls and lists of URLs.

``ingest(paths, store)`` reads every input, stores what is new and records what failed, and
returns an `IngestReport`. What it accepts:

- a folder: every ``.html``, ``.htm`` and ``.txt`` file under it (recursively), every WARC
  file and every ``.urls`` list. A sidecar ``index.tsv`` in a folder (tab-separated, with a
  header row naming at least ``file`` and any of ``url``, ``outlet``, ``date``, ``wire``)
  supplies that metadata for the files beside it, overriding what the reader found (a
  ``wire`` cell that names no agency, such as "Own report", says the text is the outlet's
  own);
- a WARC file (``.warc``, ``.warc.gz``): each HTML response record is a document; a damaged
  record is recorded as a failure and the rest of the file is read;
- a list of URLs: a ``.urls`` file, or a ``.txt`` file whose every non-empty line is an http(s)
  URL (``#`` lines are comments); each URL is fetched;
- a single ``.html``/``.htm``/``.txt`` file.

No language processing happens here: reading, hashing and indexing only, so that a large
crawl goes in at hundreds of documents a second. Running it again after an interruption
skips what is stored (by content hash; URLs of a list by URL, before fetching), and what was
stored before a kill is always whole: documents are committed in batches, each document with
its full-text row and MinHash bands in the same transaction.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path

import numpy as np

from copydesk.corpus import minhash
from copydesk.corpus.inputs import (
    DOCUMENT_SUFFIXES,
    SIDECAR,
    URL_LIST_SUFFIX,
    SidecarEntry,
    progress_bar,
    read_jsonl_file,
    read_sidecar,
    read_url_list,
    unreadable,
    warc_records,
)
from copydesk.corpus.inputs import InputItem as _Item
from copydesk.corpus.inputs import find_inputs as _items
from copydesk.corpus.inputs import with_meta as _with_meta
from copydesk.corpus.store import Store, content_hash
from copydesk.corpus.warc import WarcFailure, WarcPage, WarcSkipped
from copydesk.corpus.workers import died, ordered_map
from copydesk.errors import CopydeskError, InputError
from copydesk.read import Article, read_bytes, read_file, read_url

__all__ = [
    "DOCUMENT_SUFFIXES",
    "SIDECAR",
    "URL_LIST_SUFFIX",
    "IngestFailure",
    "IngestReport",
    "SidecarEntry",
    "ingest",
    "read_sidecar",
    "read_url_list",
]

#: Documents per transaction. A kill loses at most this many documents' work; 200 keeps the
#: commit cost (one WAL append each) below 2% of ingest time on a 100,000-document run.
BATCH_SIZE = 200

#: Seconds of reading after which a batch is written even when it is not full. Files are read
#: at hundreds a second, so only fetches reach it: with it, a list of slow URLs commits every
#: few documents instead of holding 200 fetches (up to an hour) in memory.
BATCH_MAX_SECONDS = 5.0

#: Reading and hashing run in worker processes on runs of at least this many files (below it
#: starting the workers costs more than it saves), on at most MAX_WORKERS processes; files go
#: to a worker PARALLEL_CHUNK at a time.
PARALLEL_MIN_ITEMS = 500
MAX_WORKERS = 4
PARALLEL_CHUNK = 32

#: Inputs after which a progress bar is worth showing.
PROGRESS_MIN_ITEMS = 50


@dataclass(frozen=True, slots=True)
class IngestFailure:
    origin: str
    reason: str


@dataclass(frozen=True, slots=True)
class IngestReport:
    """What one ingest run did."""

    added: int
    duplicates: int
    failed: tuple[IngestFailure, ...]
    seconds: float
    skipped: int = 0  # files of the folders and crawl records that are no article

    @property
    def rate(self) -> float:
        """Documents handled per second (stored or recognised as already stored)."""
        done = self.added + self.duplicates + len(self.failed)
        return done / self.seconds if self.seconds > 0 else 0.0

    def summary(self) -> str:
        skipped = (
            f", {self.skipped} skipped (files and crawl records that are no article)"
            if self.skipped
            else ""
        )
        return (
            f"{self.added} added, {self.duplicates} already stored, "
            f"{len(self.failed)} failed{skipped} ({self.rate:.0f} documents/s)"
        )


@dataclass(slots=True)
class _Tally:
    added: int = 0
    duplicates: int = 0
    skipped: int = 0
    failed: list[IngestFailure] = field(default_factory=list)


Fetcher = Callable[[str], Article]


def ingest(
    paths: Sequence[str | Path],
    store: Store,
    *,
    progress: bool | None = None,
    batch_size: int = BATCH_SIZE,
    fetch: Fetcher = read_url,
    workers: int | None = None,
) -> IngestReport:
    """Store every document found under ``paths``; failures are recorded and skipped.

    ``progress``: True shows a progress bar on standard error, False never does, None shows
    one when standard error is a terminal and the run is long enough to need it.
    ``workers``: processes that read files and compute their signatures while this one
    writes; None uses up to `MAX_WORKERS` of the machine's cores on runs of at least
    `PARALLEL_MIN_ITEMS` files, 1 reads everything in this process.
    """
    started = time.perf_counter()
    items = list(_items(paths))
    skipped = sum(1 for item in items if item.kind == "skipped")
    items = [item for item in items if item.kind != "skipped"]
    tally = _Tally()
    show = progress if progress is not None else sys.stderr.isatty()
    show = bool(show) and (progress is True or len(items) >= PROGRESS_MIN_ITEMS)
    files = sum(1 for item in items if item.kind == "file")
    if workers is None:
        workers = min(MAX_WORKERS, os.cpu_count() or 1) if files >= PARALLEL_MIN_ITEMS else 1
    with (
        progress_bar(show, len(items), "ingesting") as advance,
        _prepared(items, workers) as prepared,
    ):
        outcomes = _outcomes(prepared, store, fetch, advance)
        # Reading (and fetching) happens between transactions, never inside one: the store
        # is locked only while a batch is written.
        while batch := _next_batch(outcomes, batch_size):
            with store.transaction():
                for outcome in batch:
                    _count(_write(outcome, store), tally, store)
    return IngestReport(
        tally.added,
        tally.duplicates,
        tuple(tally.failed),
        time.perf_counter() - started,
        skipped + tally.skipped,
    )


@dataclass(frozen=True, slots=True)
class _Prepared:
    """A document file read (or refused) away from the writing process."""

    origin: str
    article: Article | None
    signature: np.ndarray | None
    reason: str = ""


def _prepare(item: _Item) -> _Item | _Prepared:
    """Read a document file and compute its signature; other items pass through."""
    if item.kind != "file":
        return item
    try:
        article = _with_meta(read_file(item.target), item.meta)
    except CopydeskError as exc:
        return _Prepared(item.target, None, None, str(exc))
    except Exception as exc:  # noqa: BLE001 (a page that breaks a parser must not end a run)
        return _Prepared(item.target, None, None, unreadable(item.target, exc))
    return _Prepared(item.target, article, minhash.signature(article.body))


@contextmanager
def _prepared(items: list[_Item], workers: int) -> Iterator[Iterator[_Item | _Prepared]]:
    if workers <= 1:
        yield (_prepare(item) for item in items)
        return
    prepared = ordered_map(
        _prepare_chunk, items, workers=workers, chunk=PARALLEL_CHUNK, lost=_lost_with_worker
    )
    with closing(prepared):
        yield prepared


def _prepare_chunk(items: list[_Item]) -> list[_Item | _Prepared]:
    return [_prepare(item) for item in items]


def _lost_with_worker(item: _Item) -> _Prepared:
    return _Prepared(item.target, None, None, died(item.target, "read"))


@dataclass(frozen=True, slots=True)
class _Read:
    """A document read and ready to store (with its signature when it was computed elsewhere)."""

    origin: str
    article: Article
    signature: np.ndarray | None = None


_Outcome = _Read | str | IngestFailure


def _next_batch(outcomes: Iterator[_Outcome], size: int) -> list[_Outcome]:
    """The next outcomes to write in one transaction: ``size`` of them, or fewer once reading
    them has taken `BATCH_MAX_SECONDS` (so slow fetches still commit as they go)."""
    batch: list[_Outcome] = []
    started = time.monotonic()
    for outcome in outcomes:
        batch.append(outcome)
        if len(batch) >= size or time.monotonic() - started > BATCH_MAX_SECONDS:
            break
    return batch


def _outcomes(
    prepared: Iterator[_Item | _Prepared],
    store: Store,
    fetch: Fetcher,
    advance: Callable[[], None],
) -> Iterator[_Outcome]:
    """Every input read, in order; nothing is written here."""
    for item in prepared:
        if isinstance(item, _Prepared):
            yield _read_prepared(item)
        else:
            yield from _process(item, store, fetch)
        advance()


def _read_prepared(item: _Prepared) -> _Outcome:
    if item.article is None:
        return IngestFailure(item.origin, item.reason)
    return _Read(item.origin, item.article, item.signature)


def _write(outcome: _Outcome, store: Store) -> str | IngestFailure:
    """Store a document read; failures and duplicates pass through."""
    if not isinstance(outcome, _Read):
        return outcome
    try:
        doc_id = store.add(outcome.article, signature=outcome.signature)
    except InputError as exc:
        return IngestFailure(outcome.origin, str(exc))
    return "added" if doc_id is not None else "duplicate"


def _count(outcome: str | IngestFailure, tally: _Tally, store: Store) -> None:
    if isinstance(outcome, IngestFailure):
        store.record_failure(outcome.origin, outcome.reason)
        tally.failed.append(outcome)
    elif outcome == "added":
        tally.added += 1
    elif outcome == "skipped":
        tally.skipped += 1
    else:
        tally.duplicates += 1


def _process(item: _Item, store: Store, fetch: Fetcher) -> Iterator[_Outcome]:
    if item.kind == "failure":
        yield IngestFailure(item.target, item.reason)
    elif item.kind == "file":
        prepared = _prepare(item)
        assert isinstance(prepared, _Prepared)
        yield _read_prepared(prepared)
    elif item.kind == "url":
        if store.has_url(item.target) or store.has_origin(item.target):
            yield "duplicate"
        else:
            yield _read(lambda: _fetched(fetch, item.target), item.target, store)
    elif item.kind == "warc":
        yield from _warc_outcomes(item.target, store)
    elif item.kind == "jsonl":
        yield from _jsonl_outcomes(item.target, store, fetch)


def _jsonl_outcomes(path: str, store: Store, fetch: Fetcher) -> Iterator[_Outcome]:
    for doc in read_jsonl_file(path):
        if isinstance(doc, WarcFailure):
            yield IngestFailure(doc.origin, doc.reason)
        elif doc.url and (store.has_url(doc.url) or store.has_origin(doc.key)):
            yield "duplicate"
        elif doc.page is not None:
            yield _read(partial(_read_page, doc.page), doc.key, store)
        else:
            yield _read(partial(_fetched, fetch, doc.url or ""), doc.key, store)


def _warc_outcomes(path: str, store: Store) -> Iterator[_Outcome]:
    for record in warc_records(path):
        if isinstance(record, WarcFailure):
            yield IngestFailure(record.origin, record.reason)
        elif isinstance(record, WarcSkipped):
            yield "skipped"
        elif record.url and store.has_url(record.url):
            yield "duplicate"
        else:
            yield _read(partial(_read_page, record), record.origin, store)


def _read_page(page: WarcPage) -> Article:
    return read_bytes(page.data, origin=page.origin, content_type=page.content_type, url=page.url)


def _fetched(fetch: Fetcher, url: str) -> Article:
    article = fetch(url)
    return article if article.url else replace(article, url=url)


def _read(read: Callable[[], Article], origin: str, store: Store) -> _Outcome:
    try:
        article = read()
    except CopydeskError as exc:
        return IngestFailure(origin, str(exc))
    except Exception as exc:  # noqa: BLE001 (a page that breaks a parser must not end a run)
        return IngestFailure(origin, unreadable(origin, exc))
    if store.has_hash(content_hash(article.text)) or (article.url and store.has_url(article.url)):
        return "duplicate"
    return _Read(origin, article)
