"""The scan on this machine: inputs read in order, checked in worker processes, one record a
line appended to the output as each batch comes back.

Each worker loads the models once (in the pool's initializer) and checks its articles in
batches (`pipeline.check_many`, one ``nlp.pipe`` pass per batch). With a store, each article
is checked against the rest of the store (`pipeline.check(article, None, store)`), each
worker holding its own connection. Records come back in input order whatever the number of
workers, and each is written whole and flushed, so a killed scan leaves whole lines; run
again with the same output, it skips the articles written and checks the rest. The output is
locked while a scan writes it, so a second scan to it is refused rather than writing every
record again; a worker that dies is survived (`copydesk.corpus.workers`).
"""

from __future__ import annotations

import fcntl
import json
import math
import sys
import time
from collections.abc import Generator, Iterable, Iterator, Sequence
from contextlib import closing
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from copydesk.corpus.inputs import (
    InputItem,
    JsonlDocument,
    find_inputs,
    jsonl_documents,
    progress_bar,
    read_jsonl_file,
    unreadable,
    warc_records,
    with_meta,
)
from copydesk.corpus.warc import WarcFailure, WarcPage, WarcSkipped
from copydesk.corpus.workers import died, ordered_map
from copydesk.errors import CopydeskError, InputError, OutputError
from copydesk.filtering import KEEP_ALL, FindingFilter
from copydesk.house import PLAIN, HouseStyle
from copydesk.read import Article, read_bytes, read_file, read_url
from copydesk.read.language import Lang
from copydesk.scan.records import (
    Origin,
    encoded,
    failure_record,
    prepare_resume,
    read_records,
    record_status,
    report_record,
    skipped_record,
    summary_row,
    write_summary,
    write_summary_rows,
)

if TYPE_CHECKING:
    from copydesk.pipeline import CheckResult

#: Articles a worker checks in one `check_many` batch. 8 is where one ``nlp.pipe`` pass over
#: the seed coverage stops getting faster per article, and it keeps what a kill loses small.
BATCH_ARTICLES = 8

#: Documents after which a progress bar is worth showing (as for ingest).
PROGRESS_MIN_DOCUMENTS = 50


@dataclass(frozen=True, slots=True)
class Unit:
    """One article to check, as a worker receives it: what to read, and where it came from."""

    origin: Origin
    kind: str  # "file", "page", "url", "stored", "failure", "skipped"
    item: InputItem | None = None
    page: WarcPage | None = None
    reason: str = ""


@dataclass(frozen=True, slots=True)
class ScanReport:
    written: int  # records written by this run, of every status
    resumed: int  # inputs an earlier run already wrote
    failed: int
    seconds: float
    skipped: int = 0  # files and crawl records that are no article, each with its record

    @property
    def rate(self) -> float:
        return self.written / self.seconds if self.seconds > 0 else 0.0

    @property
    def all_failed(self) -> bool:
        """Whether the scan wrote records and not one of them is a checked article (a run that
        resumed an earlier one is judged by neither)."""
        return self.written > 0 and not self.resumed and self.failed + self.skipped == self.written

    def summary(self) -> str:
        skipped = f", {self.skipped} skipped as no article" if self.skipped else ""
        return (
            f"{self.written} records written ({self.failed} failed{skipped}), {self.resumed} "
            f"already written ({self.rate:.1f} records/s)"
        )


def summary_path(out: str | Path) -> Path:
    """The CSV summary beside ``out``: ``scan.jsonl`` (or ``scan.jsonl.gz``) → ``scan.csv``."""
    path = Path(out)
    return path.with_name(path.name.removesuffix(".gz")).with_suffix(".csv")


#: ``--out -``: the records go to standard output (no resume, no summary unless asked for).
STDOUT = "-"

#: ``-`` as an INPUT: JSONL documents on standard input, one a line, keyed ``stdin:LINE``
#: unless they have an id.
STDIN = "-"
STDIN_NAME = "stdin"


def units(paths: Sequence[str | Path], db: str | None = None) -> Iterator[Unit]:
    """Every article of the inputs, in order (with ``db`` and no paths, the store's)."""
    if db is not None and not paths:
        from copydesk.corpus.store import Store

        with Store.open(db) as store:
            ids = store.doc_ids()
        for doc_id in ids:
            yield Unit(Origin(f"db:{doc_id}", doc_id=doc_id), "stored")
        return
    if STDIN in (str(p) for p in paths):
        stdin = sys.stdin.buffer
        yield from jsonl_units(STDIN_NAME, jsonl_documents(STDIN_NAME, stdin))
        paths = [p for p in paths if str(p) != STDIN]
    for item in find_inputs(paths):
        if item.kind == "file":
            yield Unit(Origin(item.target, path=item.target), "file", item)
        elif item.kind == "url":
            yield Unit(Origin(item.target, url=item.target), "url", item)
        elif item.kind == "warc":
            yield from _warc_units(item.target)
        elif item.kind == "jsonl":
            yield from jsonl_units(item.target, read_jsonl_file(item.target))
        elif item.kind in ("failure", "skipped"):
            origin = Origin(item.target, path=item.target)
            yield Unit(origin, item.kind, reason=item.reason)


def jsonl_units(path: str, documents: Iterable[JsonlDocument | WarcFailure]) -> Iterator[Unit]:
    """The units of a JSONL file's documents: a page for a line with its text or HTML, a URL
    to fetch for one with only a URL, a failure for a line that is no document."""
    for doc in documents:
        if isinstance(doc, WarcFailure):
            yield Unit(Origin(doc.origin, path=path), "failure", reason=doc.reason)
        elif doc.page is not None:
            yield Unit(Origin(doc.key, path=path, url=doc.url), "page", page=doc.page)
        else:
            yield Unit(Origin(doc.key, path=path, url=doc.url), "url")


def _warc_units(path: str) -> Iterator[Unit]:
    for record in warc_records(path):
        if isinstance(record, WarcFailure):
            yield Unit(Origin(record.origin, path=path), "failure", reason=record.reason)
        elif isinstance(record, WarcSkipped):
            origin = Origin(record.origin, path=path, url=record.url)
            yield Unit(origin, "skipped", reason=f"{record.origin} is {record.reason}; skipped.")
        else:
            origin = Origin(
                record.origin, path=path, url=record.url, warc_record_id=record.record_id
            )
            yield Unit(origin, "page", page=record)


# -- in each worker ---------------------------------------------------------------------------

_state: dict[str, Any] = {}


def init_worker(
    db: str | None,
    allow_private: bool,
    keep: FindingFilter = KEEP_ALL,
    lang: Lang = None,
    house: HouseStyle = PLAIN,
    slim: bool = False,
) -> None:
    """Load the models (and open the store) once for this process; ``keep`` chooses the
    findings each record keeps, ``lang`` declares the articles' language, ``house`` is the
    house style every check follows, ``slim`` leaves the ledger and texts out of records."""
    from copydesk import pipeline

    _state["allow_private"] = allow_private
    _state["keep"] = keep
    _state["lang"] = lang
    _state["house"] = house
    _state["slim"] = slim
    if db is not None:
        from copydesk.corpus.store import Store

        _state["store"] = Store.open(db)
    pipeline.check_many([Article(text="The models are loaded once.")])


def read_unit(unit: Unit) -> Article:
    if unit.kind == "file":
        assert unit.item is not None
        return with_meta(read_file(unit.item.target, lang=_state.get("lang")), unit.item.meta)
    if unit.kind == "page":
        page = unit.page
        assert page is not None
        article = read_bytes(
            page.data,
            origin=page.origin,
            content_type=page.content_type,
            url=page.url,
            lang=_state.get("lang"),
        )
        return with_meta(article, unit.item.meta) if unit.item is not None else article
    if unit.kind == "url":
        url = unit.origin.url or unit.origin.key
        article = read_url(
            url, allow_private=_state.get("allow_private", False), lang=_state.get("lang")
        )
        return article if article.url else replace(article, url=url)
    if unit.kind == "stored":
        assert unit.origin.doc_id is not None
        return _state["store"].get(unit.origin.doc_id)
    raise InputError(unit.reason)


def check_batch(batch: list[Unit]) -> list[tuple[str, str]]:
    """The records of a batch of units, in order, each with its status ("ok", "failed" or
    "skipped")."""
    from copydesk import pipeline

    lines: list[str | None] = [None] * len(batch)
    read: list[tuple[int, Article]] = []
    for i, unit in enumerate(batch):
        if unit.kind == "skipped":
            lines[i] = skipped_record(unit.origin, unit.reason)
            continue
        try:
            read.append((i, read_unit(unit)))
        except CopydeskError as exc:
            lines[i] = failure_record(unit.origin, str(exc))
        except Exception as exc:  # noqa: BLE001 (a page that breaks a parser must not end a scan)
            lines[i] = failure_record(unit.origin, unreadable(unit.origin.key, exc))
    store = _state.get("store")
    if store is None and read:
        try:
            results = pipeline.check_many([a for _, a in read], _state.get("house", PLAIN))
        except Exception:  # noqa: BLE001 (one article's fault: check them one by one below)
            results = []
        for (i, _), result in zip(read, results, strict=False):
            lines[i] = _record(batch[i].origin, result)
        if results:
            read = []
    for i, article in read:
        try:
            result = pipeline.check(article, None, store, _state.get("house", PLAIN))
            lines[i] = _record(batch[i].origin, result)
        except CopydeskError as exc:
            lines[i] = failure_record(batch[i].origin, str(exc))
        except Exception as exc:  # noqa: BLE001 (one article's fault must not end a scan)
            lines[i] = failure_record(batch[i].origin, _check_fault(batch[i].origin.key, exc))
    return [(line, record_status(line)) for line in lines if line is not None]


def _record(origin: Origin, result: CheckResult) -> str:
    from copydesk.pipeline import apply_filter

    kept = apply_filter(result, _state.get("keep", KEEP_ALL))
    return report_record(origin, kept, slim=_state.get("slim", False))


def _check_fault(origin: str, exc: Exception) -> str:
    return f"{origin} could not be checked ({type(exc).__name__}: {str(exc)[:120]})."


# -- in the scanning process ------------------------------------------------------------------


def scan(
    paths: Sequence[str | Path],
    out: str | Path,
    *,
    jobs: int = 1,
    db: str | None = None,
    summary: str | Path | None = None,
    progress: bool | None = None,
    allow_private: bool = False,
    keep: FindingFilter = KEEP_ALL,
    lang: Lang = None,
    house: HouseStyle = PLAIN,
    slim: bool = False,
) -> ScanReport:
    """Check every article of ``paths`` (or of the store ``db``) into ``out``, resuming;
    each record keeps the findings ``keep`` keeps (`filtering`), ``lang="en"`` skips the
    language check, every check follows the ``house`` style, and ``slim`` leaves the ledger
    and the texts out of each record."""
    started = time.perf_counter()
    to_stdout = str(out) == STDOUT
    out = Path(out)
    try:
        # Unbuffered: a record is written whole or fails, and nothing is left to flush later.
        f = _output(out, to_stdout)
    except OSError as exc:
        raise InputError(f"Cannot write the scan to {out}: {exc.strerror or exc}.") from None
    with f:
        done: set[str] = set()
        if not to_stdout:
            _hold(f, out)
            done = prepare_resume(out)
        todo = list(units(paths, db))
        total = len(todo)
        todo = [unit for unit in todo if unit.origin.key not in done]
        show = progress if progress is not None else sys.stderr.isatty()
        show = bool(show) and (progress is True or total >= PROGRESS_MIN_DOCUMENTS)
        written = failed = skipped = 0
        # Written to standard output, the records cannot be read back for the summary: its
        # rows are kept as they go, when one is asked for.
        rows: list[list[str]] = []
        with (
            progress_bar(show, len(todo), "scanning") as advance,
            closing(_checked(todo, jobs, (db, allow_private, keep, lang, house, slim))) as records,
        ):
            for line, status in records:
                _append(f, encoded(line, out), out)
                if to_stdout and summary is not None:
                    rows.append(summary_row(json.loads(line)))
                failed += status == "failed"
                skipped += status == "skipped"
                written += 1
                advance()
    if to_stdout and summary is None:
        return ScanReport(written, 0, failed, time.perf_counter() - started, skipped)
    summary = summary or summary_path(out)
    try:
        if to_stdout:
            write_summary_rows(rows, summary)
        else:
            write_summary(read_records(out), summary)
    except OSError as exc:
        raise OutputError(
            f"Cannot write the scan's summary to {summary}: {exc.strerror or exc}; the "
            f"records in {out} are whole."
        ) from None
    return ScanReport(written, total - len(todo), failed, time.perf_counter() - started, skipped)


def _hold(f: BinaryIO, out: Path) -> None:
    """Lock the output for this scan: a second scan to the same file would write every
    record twice."""
    try:
        fcntl.flock(f.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        raise OutputError(
            f"Another scan is writing to {out}; wait for it to end or give another --out."
        ) from None
    except OSError:
        pass  # a file system without locks (or a device): nothing to hold


def _output(out: Path, to_stdout: bool) -> BinaryIO:
    """The scan's output, opened to append (standard output, left open when closed)."""
    if to_stdout:
        return open(sys.stdout.fileno(), "ab", buffering=0, closefd=False)
    return out.open("ab", buffering=0)


def _append(f: BinaryIO, record: bytes, out: Path) -> None:
    data = memoryview(record)
    try:
        while data:
            data = data[f.write(data) or 0 :]
    except OSError as exc:
        raise OutputError(
            f"Cannot write the scan to {out}: {exc.strerror or exc}; run it again with the "
            "same --out once there is room, and it goes on from the last whole record."
        ) from None


def _checked(
    todo: list[Unit], jobs: int, settings: tuple[Any, ...]
) -> Generator[tuple[str, str], None, None]:
    """Each unit's record and its status, in order, checked here or in ``jobs`` worker processes;
    ``settings`` are the arguments of `init_worker`."""
    if not todo:
        return
    workers = min(jobs, math.ceil(len(todo) / BATCH_ARTICLES))
    if workers <= 1:
        init_worker(*settings)
        for i in range(0, len(todo), BATCH_ARTICLES):
            yield from check_batch(todo[i : i + BATCH_ARTICLES])
        return
    yield from ordered_map(
        check_batch,
        todo,
        workers=workers,
        chunk=BATCH_ARTICLES,
        lost=_lost_with_worker,
        initializer=init_worker,
        initargs=settings,
    )


def _lost_with_worker(unit: Unit) -> tuple[str, str]:
    return failure_record(unit.origin, died(unit.origin.key, "checked")), "failed"
