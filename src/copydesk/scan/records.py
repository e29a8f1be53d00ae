"""The lines a scan writes: one record per article, its report or the reason it failed.

A record is a JSON object on one line::

    {"origin": {"key": ..., "path": ..., "url": ..., "warc_record_id": ..., "doc_id": ...},
     "status": "ok", "report": {...the report of `copydesk schema`...}}
    {"origin": {...}, "status": "failed", "reason": "One sentence."}
    {"origin": {...}, "status": "skipped", "reason": "One sentence."}  (no article: an image)

``origin.key`` names the article uniquely within a scan (a path, a URL, ``crawl.warc@offset``
or ``db:ID``); resuming skips the keys already written.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from copydesk.files import write_whole

if TYPE_CHECKING:
    from copydesk.pipeline import CheckResult

#: Characters at the start of a record its status lies within: after its origin, whose
#: key, path and URL are each at most a few hundred characters.
RECORD_HEAD_CHARS = 4000

#: Columns of the CSV summary.
SUMMARY_COLUMNS = (
    "origin", "url", "outlet", "status", "major", "minor", "rewording_score", "source",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Origin:
    key: str
    path: str | None = None
    url: str | None = None
    warc_record_id: str | None = None
    doc_id: str | None = None


#: What ``--slim`` leaves out of a record's report: the ledger and the texts. The record of
#: examples/reworded.txt (1.6 KB of text) goes from 21.8 KB to 6.3 KB; what stays is the
#: findings with their sentences, the summary and the rewording score.
SLIM_EXCLUDE: dict[str, Any] = {
    "ledger": True,
    "article": {"text": True, "excluded": True},
    "comparison": {"pairs": True, "omitted": True},
}


def report_record(origin: Origin, result: CheckResult, slim: bool = False) -> str:
    from copydesk.report.build import build_report

    report = build_report(result)
    body = report.model_dump_json(exclude=SLIM_EXCLUDE if slim else None)
    return f'{{"origin": {json.dumps(asdict(origin))}, "status": "ok", "report": {body}}}'


def failure_record(origin: Origin, reason: str) -> str:
    return json.dumps({"origin": asdict(origin), "status": "failed", "reason": reason})


def skipped_record(origin: Origin, reason: str) -> str:
    """The record of an input that is no article (an image in a crawl, a PDF in a folder)."""
    return json.dumps({"origin": asdict(origin), "status": "skipped", "reason": reason})


def record_status(line: str) -> str:
    """A record's status, read off the start of its line ("ok", "failed" or "skipped")."""
    for status in ("ok", "skipped"):
        if f'"status": "{status}"' in line[:RECORD_HEAD_CHARS]:
            return status
    return "failed"


def findings_of(record: dict[str, Any]) -> list[tuple[str, int, int, str]]:
    """A record's findings as (kind, start, end, severity): what two engines must agree on."""
    if record.get("status") != "ok":
        return []
    return [
        (f["kind"], f["span"]["start"], f["span"]["end"], f["severity"])
        for f in record["report"]["findings"]
    ]


def summary_row(record: dict[str, Any]) -> list[str]:
    origin = record["origin"]
    if record.get("status") != "ok":
        status = "skipped" if record.get("status") == "skipped" else "failed"
        return [origin["key"], origin.get("url") or "", "", status, "", "", "", ""]
    report = record["report"]
    summary = report["summary"]
    article = report.get("article") or {}
    comparison = report.get("comparison")
    source = ""
    if comparison:  # the source as a reader finds it: its address, else its outlet
        found = comparison["source"]
        source = found.get("url") or found.get("outlet") or found.get("origin") or ""
    return [
        origin["key"],
        origin.get("url") or article.get("url") or "",
        article.get("outlet") or "",
        "ok",
        str(summary["by_severity"]["major"]),
        str(summary["by_severity"]["minor"]),
        f"{report['rewording']['score']:.3f}",
        source,
    ]


def write_summary(records: Iterable[dict[str, Any]], path: str | Path) -> None:
    """The CSV summary of ``records``, written whole over ``path`` or not at all."""
    write_summary_rows(map(summary_row, records), path)


def write_summary_rows(rows: Iterable[list[str]], path: str | Path) -> None:
    """A CSV summary of records' `summary_row` rows, written whole over ``path``."""
    text = io.StringIO(newline="")
    out = csv.writer(text)
    out.writerow(SUMMARY_COLUMNS)
    out.writerows(rows)
    write_whole(path, text.getvalue())


def compressed(path: str | Path) -> bool:
    """Whether a scan's output is gzip-compressed (its name ends ``.gz``)."""
    return str(path).lower().endswith(".gz")


def encoded(line: str, out: str | Path) -> bytes:
    """A record as written to ``out``: a line, or, to a ``.gz`` output, a gzip member of its
    own (a gzip file may hold many, read as one stream), so that a kill cuts at most the last
    record and the file stays a gzip file that ``zcat`` reads."""
    data = (line + "\n").encode("utf-8")
    return gzip.compress(data, mtime=0) if compressed(out) else data


def _lines(path: Path) -> Iterator[tuple[bytes, int]]:
    """Each whole line of a scan's output with the offset just past it (for a ``.gz`` output,
    past the gzip member that holds it); a cut-off end stops the lines."""
    with path.open("rb") as f:
        if not compressed(path):
            end = 0
            for line in f:
                if not line.endswith(b"\n"):
                    return
                end += len(line)
                yield line, end
            return
        data, end = f.read(), 0
    while end < len(data):
        member = zlib.decompressobj(wbits=31)
        try:
            text = member.decompress(data[end:])
        except zlib.error:
            return
        if not member.eof:
            return  # a member cut short by a kill
        end = len(data) - len(member.unused_data)
        for line in text.splitlines(keepends=True):
            if line.endswith(b"\n"):
                yield line, end


def read_records(path: str | Path) -> Iterable[dict[str, Any]]:
    """The whole records of a scan's output (a cut-off last line is not one)."""
    p = Path(path)
    if not p.is_file():
        return
    for line, _ in _lines(p):
        try:
            yield json.loads(line)
        except ValueError:
            continue


def prepare_resume(path: str | Path) -> set[str]:
    """The origin keys already written to ``path``; a last record cut off by a kill (no line
    break, not JSON, or a gzip member cut short) is removed so that its article is checked
    and written again."""
    p = Path(path)
    if not p.is_file():
        return set()
    done: set[str] = set()
    good_end = 0
    for line, end in _lines(p):
        try:
            record = json.loads(line)
            done.add(record["origin"]["key"])
        except (ValueError, KeyError, TypeError):
            break
        good_end = end
    if good_end != p.stat().st_size:
        with p.open("r+b") as f:
            f.truncate(good_end)
            os.fsync(f.fileno())
    return done
