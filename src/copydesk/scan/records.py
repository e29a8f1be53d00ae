"""The lines a scan writes: one record per article, its report or the reason it failed.

A record is a JSON object on one line::

    {"origin": {"key": ..., "path": ..., "url": ..., "warc_record_id": ..., "doc_id": ...},
     "status": "ok", "report": {...the report of `copydesk schema`...}}
    {"origin": {...}, "status": "failed", "reason": "One sentence."}

``origin.key`` names the article uniquely within a scan (a path, a URL, ``crawl.warc@offset``
or ``db:ID``); resuming skips the keys already written.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from copydesk.files import write_whole

if TYPE_CHECKING:
    from copydesk.pipeline import CheckResult

#: Columns of the CSV summary.
SUMMARY_COLUMNS = ("origin", "url", "status", "major", "minor", "rewording_score", "source")


@dataclass(frozen=True, slots=True)
class Origin:
    key: str
    path: str | None = None
    url: str | None = None
    warc_record_id: str | None = None
    doc_id: str | None = None


def report_record(origin: Origin, result: CheckResult) -> str:
    from copydesk.report.build import build_report

    report = build_report(result)
    body = report.model_dump_json()
    return f'{{"origin": {json.dumps(asdict(origin))}, "status": "ok", "report": {body}}}'


def failure_record(origin: Origin, reason: str) -> str:
    return json.dumps({"origin": asdict(origin), "status": "failed", "reason": reason})


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
        return [origin["key"], origin.get("url") or "", "failed", "", "", "", ""]
    report = record["report"]
    summary = report["summary"]
    comparison = report.get("comparison")
    source = comparison["source"]["doc_id"] if comparison else ""
    return [
        origin["key"],
        origin.get("url") or "",
        "ok",
        str(summary["by_severity"]["major"]),
        str(summary["by_severity"]["minor"]),
        f"{report['rewording']['score']:.3f}",
        source,
    ]


def write_summary(records: Iterable[dict[str, Any]], path: str | Path) -> None:
    """The CSV summary of ``records``, written whole over ``path`` or not at all."""
    rows = io.StringIO(newline="")
    out = csv.writer(rows)
    out.writerow(SUMMARY_COLUMNS)
    for record in records:
        out.writerow(summary_row(record))
    write_whole(path, rows.getvalue())


def read_records(path: str | Path) -> Iterable[dict[str, Any]]:
    """The whole records of a scan's output (a cut-off last line is not one)."""
    p = Path(path)
    if not p.is_file():
        return
    with p.open("rb") as f:
        for line in f:
            if not line.endswith(b"\n"):
                return
            try:
                yield json.loads(line)
            except ValueError:
                continue


def prepare_resume(path: str | Path) -> set[str]:
    """The origin keys already written to ``path``; a last line cut off by a kill (no line
    break, or not JSON) is removed so that its article is checked and written again."""
    p = Path(path)
    if not p.is_file():
        return set()
    done: set[str] = set()
    good_end = 0
    with p.open("rb") as f:
        for line in f:
            if not line.endswith(b"\n"):
                break
            try:
                record = json.loads(line)
                done.add(record["origin"]["key"])
            except (ValueError, KeyError, TypeError):
                break
            good_end += len(line)
    if good_end != p.stat().st_size:
        with p.open("r+b") as f:
            f.truncate(good_end)
            os.fsync(f.fileno())
    return done
