"""The scan as a PySpark job: the same records as `local.scan`, written by the executors.

The inputs are paths Spark can read (local, ``hdfs://``, ``s3a://`` through the usual
connectors): folders or files of ``.html``/``.htm``/``.txt`` pages, WARC files, and JSONL
files of ``{"text"|"html": ..., "url"?: ..., "id"?: ...}`` objects. Each partition is checked
by `copydesk.scan.local.check_batch` in an executor's Python worker, which loads the models
once (`mapPartitions`). The output is a folder of JSONL part files (Spark's layout), and the
CSV summary a folder beside it. Lists of URLs and corpora (``--db``) are local-engine only.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator, Sequence
from functools import partial
from pathlib import Path
from typing import Any

from copydesk.errors import InputError
from copydesk.filtering import KEEP_ALL, FindingFilter
from copydesk.read.language import Lang
from copydesk.scan.local import BATCH_ARTICLES, ScanReport, Unit, check_batch, init_worker
from copydesk.scan.records import Origin, summary_row

#: Files read as documents (pages) and as JSONL of documents.
PAGE_SUFFIXES = (".html", ".htm", ".txt")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz")
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")


def local_path(uri: str) -> str:
    """A ``file:`` URI as the plain path the local engine reports; other URIs as they are."""
    return uri.removeprefix("file:")


def _units_of_file(uri: str, data: bytes) -> Iterator[Unit]:
    from copydesk.corpus.warc import WarcPage
    from copydesk.scan.local import _warc_units

    path = local_path(uri)
    name = path.lower()
    if name.endswith(WARC_SUFFIXES):
        with tempfile.NamedTemporaryFile(suffix=Path(name).name) as tmp:
            tmp.write(data)
            tmp.flush()
            for unit in _warc_units(tmp.name):
                yield _renamed(unit, tmp.name, path)
    elif name.endswith(JSONL_SUFFIXES):
        yield from _jsonl_units(path, data)
    else:
        page = WarcPage(
            path, None, "text/html" if name.endswith((".html", ".htm")) else "text/plain", data
        )
        yield Unit(Origin(path, path=path), "page", page=page)


def _renamed(unit: Unit, tmp: str, path: str) -> Unit:
    from dataclasses import replace

    origin = unit.origin
    origin = replace(origin, key=origin.key.replace(tmp, path, 1), path=path)
    page = unit.page
    if page is not None:
        page = replace(page, origin=page.origin.replace(tmp, path, 1))
    return replace(unit, origin=origin, page=page, reason=unit.reason.replace(tmp, path))


def _jsonl_units(path: str, data: bytes) -> Iterator[Unit]:
    from copydesk.corpus.warc import WarcPage

    if path.lower().endswith(".gz"):
        import gzip

        data = gzip.decompress(data)
    for number, line in enumerate(data.splitlines(), 1):
        if not line.strip():
            continue
        key = f"{path}:{number}"
        try:
            doc = json.loads(line)
            body = doc.get("html") or doc.get("text")
            if not isinstance(body, str):
                raise TypeError
        except (ValueError, TypeError, AttributeError):
            reason = f"Line {number} of {path} is not a JSON object with text or html."
            yield Unit(Origin(key, path=path), "failure", reason=reason)
            continue
        url = doc.get("url") if isinstance(doc.get("url"), str) else None
        kind = "text/html" if doc.get("html") else "text/plain"
        key = str(doc.get("id") or key)
        page = WarcPage(key, url, kind, body.encode("utf-8"))
        yield Unit(Origin(key, path=path, url=url), "page", page=page)


def check_partition(
    files: Iterable[tuple[str, bytes]], keep: FindingFilter = KEEP_ALL, lang: Lang = None
) -> Iterator[str]:
    """An executor's work: read its files' articles and check them, a batch at a time."""
    init_worker(None, False, keep, lang)
    batch: list[Unit] = []
    for uri, data in files:
        for unit in _units_of_file(uri, data):
            batch.append(unit)
            if len(batch) >= BATCH_ARTICLES:
                yield from (line for line, _ in check_batch(batch))
                batch = []
    if batch:
        yield from (line for line, _ in check_batch(batch))


def _csv_line(record: str) -> str:
    import csv
    import io

    buffer = io.StringIO()
    csv.writer(buffer).writerow(summary_row(json.loads(record)))
    return buffer.getvalue().rstrip("\r\n")


def _is_input(uri: str) -> bool:
    name = uri.lower()
    return name.endswith(PAGE_SUFFIXES + JSONL_SUFFIXES + WARC_SUFFIXES) and not name.endswith(
        "index.tsv"
    )


def scan(
    paths: Sequence[str],
    out: str,
    *,
    master: str | None = None,
    summary: str | None = None,
    keep: FindingFilter = KEEP_ALL,
    lang: Lang = None,
) -> ScanReport:
    """Run the scan on Spark; ``out`` (and ``summary``, default ``OUT.csv``) become folders."""
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise InputError(
            "The Spark engine needs pyspark; install copydesk with its 'spark' extra."
        ) from None
    if not paths:
        raise InputError("The Spark engine scans INPUT paths; a corpus (--db) is scanned locally.")
    started = time.perf_counter()
    # The executors' Python is this one unless the user chose another (as on a cluster).
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName("copydesk scan").config(
        "spark.hadoop.mapreduce.input.fileinputformat.input.dir.recursive", "true"
    )
    if master:
        builder = builder.master(master)
    session = builder.getOrCreate()
    try:
        sc = session.sparkContext
        files = sc.union(
            [sc.binaryFiles(_spark_path(p), sc.defaultParallelism) for p in paths]
        ).filter(lambda pair: _is_input(pair[0]))
        records = files.mapPartitions(partial(check_partition, keep=keep, lang=lang)).cache()
        records.saveAsTextFile(out)
        header = sc.parallelize(["origin,url,status,major,minor,rewording_score,source"], 1)
        header.union(records.map(_csv_line)).coalesce(1).saveAsTextFile(
            summary or str(out).rstrip("/") + ".csv"
        )
        written = records.count()
        failed = records.filter(lambda line: '"status": "failed"' in line[:2000]).count()
    finally:
        session.stop()
    return ScanReport(written, 0, failed, time.perf_counter() - started)


def _spark_path(path: str) -> str:
    if "://" in path or path.startswith("file:"):
        return path
    return Path(path).resolve().as_uri()


def read_output(out: str | os.PathLike[str]) -> list[dict[str, Any]]:
    """The records of a Spark scan's output folder (for a local path)."""
    records: list[dict[str, Any]] = []
    for part in sorted(Path(out).glob("part-*")):
        records.extend(json.loads(line) for line in part.read_text("utf-8").splitlines() if line)
    return records
