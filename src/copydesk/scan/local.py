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
import math
import sys
import time
from collections.abc import Generator, Iterator, Sequence
from contextlib import closing
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from copydesk.corpus.inputs import (
    InputItem,
    find_inputs,
    progress_bar,
    unreadable,
    warc_records,
    with_meta,
)
from copydesk.corpus.warc import WarcFailure, WarcPage
from copydesk.corpus.workers import died, ordered_map
from copydesk.errors import CopydeskError, InputError, OutputError
from copydesk.filtering import KEEP_ALL, FindingFilter
from copydesk.house import PLAIN, HouseStyle
from copydesk.read import Article, read_bytes, read_file, read_url
from copydesk.read.language import Lang
from copydesk.scan.records import (
    Origin,
    failure_record,
    prepare_resume,
    read_records,
    report_record,
    write_summary,
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
    kind: str  # "file", "page", "url", "stored", "failure"
    item: InputItem | None = None
    page: WarcPage | None = None
    reason: str = ""


@dataclass(frozen=True, slots=True)
class ScanReport:
    written: int
    skipped: int
    failed: int
    seconds: float

    @property
    def rate(self) -> float:
        return self.written / self.seconds if self.seconds > 0 else 0.0

    def summary(self) -> str:
        return (
            f"{self.written} articles written ({self.failed} failed), {self.skipped} already "
            f"written ({self.rate:.1f} articles/s)"
        )


def summary_path(out: str | Path) -> Path:
    """The CSV summary beside ``out``: ``scan.jsonl`` → ``scan.csv``."""
    return Path(out).with_suffix(".csv")


def units(paths: Sequence[str | Path], db: str | None = None) -> Iterator[Unit]:
    """Every article of the inputs, in order (with ``db`` and no paths, the store's)."""
    if db is not None and not paths:
        from copydesk.corpus.store import Store

        with Store.open(db) as store:
            ids = store.doc_ids()
        for doc_id in ids:
            yield Unit(Origin(f"db:{doc_id}", doc_id=doc_id), "stored")
        return
    for item in find_inputs(paths):
        if item.kind == "file":
            yield Unit(Origin(item.target, path=item.target), "file", item)
        elif item.kind == "url":
            yield Unit(Origin(item.target, url=item.target), "url", item)
        elif item.kind == "warc":
            yield from _warc_units(item.target)
        elif item.kind == "failure":
            yield Unit(Origin(item.target, path=item.target), "failure", reason=item.reason)


def _warc_units(path: str) -> Iterator[Unit]:
    for record in warc_records(path):
        if isinstance(record, WarcFailure):
            yield Unit(Origin(record.origin, path=path), "failure", reason=record.reason)
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
) -> None:
    """Load the models (and open the store) once for this process; ``keep`` chooses the
    findings each record keeps, ``lang`` declares the articles' language, ``house`` is the
    house style every check follows."""
    from copydesk import pipeline

    _state["allow_private"] = allow_private
    _state["keep"] = keep
    _state["lang"] = lang
    _state["house"] = house
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
        article = read_url(
            unit.origin.key,
            allow_private=_state.get("allow_private", False),
            lang=_state.get("lang"),
        )
        return article if article.url else replace(article, url=unit.origin.key)
    if unit.kind == "stored":
        assert unit.origin.doc_id is not None
        return _state["store"].get(unit.origin.doc_id)
    raise InputError(unit.reason)


def check_batch(batch: list[Unit]) -> list[tuple[str, bool]]:
    """The records of a batch of units, in order, each with whether its article was checked."""
    from copydesk import pipeline

    lines: list[str | None] = [None] * len(batch)
    read: list[tuple[int, Article]] = []
    for i, unit in enumerate(batch):
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
    return [
        (line, line.startswith('{"origin"') and '"status": "ok"' in line[:2000])
        for line in lines
        if line is not None
    ]


def _record(origin: Origin, result: CheckResult) -> str:
    from copydesk.pipeline import apply_filter

    return report_record(origin, apply_filter(result, _state.get("keep", KEEP_ALL)))


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
) -> ScanReport:
    """Check every article of ``paths`` (or of the store ``db``) into ``out``, resuming;
    each record keeps the findings ``keep`` keeps (`filtering`), ``lang="en"`` skips the
    language check, and every check follows the ``house`` style."""
    started = time.perf_counter()
    out = Path(out)
    try:
        # Unbuffered: a record is written whole or fails, and nothing is left to flush later.
        f = out.open("ab", buffering=0)
    except OSError as exc:
        raise InputError(f"Cannot write the scan to {out}: {exc.strerror or exc}.") from None
    with f:
        _hold(f, out)
        done = prepare_resume(out)
        todo = list(units(paths, db))
        total = len(todo)
        todo = [unit for unit in todo if unit.origin.key not in done]
        show = progress if progress is not None else sys.stderr.isatty()
        show = bool(show) and (progress is True or total >= PROGRESS_MIN_DOCUMENTS)
        written = failed = 0
        with (
            progress_bar(show, len(todo), "scanning") as advance,
            closing(_checked(todo, jobs, (db, allow_private, keep, lang, house))) as records,
        ):
            for line, ok in records:
                _append(f, line, out)
                failed += not ok
                written += 1
                advance()
    summary = summary or summary_path(out)
    try:
        write_summary(read_records(out), summary)
    except OSError as exc:
        raise OutputError(
            f"Cannot write the scan's summary to {summary}: {exc.strerror or exc}; the "
            f"records in {out} are whole."
        ) from None
    return ScanReport(written, total - len(todo), failed, time.perf_counter() - started)


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


def _append(f: BinaryIO, line: str, out: Path) -> None:
    data = memoryview((line + "\n").encode("utf-8"))
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
) -> Generator[tuple[str, bool], None, None]:
    """Each unit's record, in order, checked here or in ``jobs`` worker processes;
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


def _lost_with_worker(unit: Unit) -> tuple[str, bool]:
    return failure_record(unit.origin, died(unit.origin.key, "checked")), False
