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
import re
import stat
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any

from copydesk.corpus.inputs import (
    SIDECAR,
    InputItem,
    SidecarEntry,
    not_regular,
    parse_sidecar,
)
from copydesk.corpus.warc import CRAWL_SUFFIXES, WarcPage
from copydesk.errors import InputError
from copydesk.filtering import KEEP_ALL, FindingFilter
from copydesk.house import PLAIN, HouseStyle
from copydesk.read.language import Lang
from copydesk.read.reader import PAGE_SUFFIXES, content_type_for, without_lone_surrogates
from copydesk.scan.local import BATCH_ARTICLES, ScanReport, Unit, check_batch, init_worker
from copydesk.scan.records import Origin, failure_record, summary_row

#: Files read as JSONL of documents.
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz")


def local_path(uri: str) -> str:
    """A ``file:`` URI as the plain path the local engine reports; other URIs as they are."""
    return uri.removeprefix("file:")


#: What the ``index.tsv`` files among the inputs say: each described file's metadata (by its
#: path), and the index files that cannot be read, each with why.
Sidecars = tuple[dict[str, SidecarEntry], dict[str, str]]

NO_SIDECARS: Sidecars = ({}, {})


def sidecar_metadata(files: Iterable[tuple[str, bytes]]) -> Sidecars:
    """The metadata the ``index.tsv`` files (URI, bytes) give, as the local engine reads it
    (`copydesk.corpus.inputs.read_sidecar`), keyed by each described file's path."""
    meta: dict[str, SidecarEntry] = {}
    broken: dict[str, str] = {}
    for uri, data in files:
        path = local_path(uri)
        try:
            entries = parse_sidecar(data, path)
        except InputError as exc:
            broken[path] = str(exc)
            continue
        folder = path.rsplit("/", 1)[0]
        meta.update((f"{folder}/{name}", entry) for name, entry in entries.items())
    return meta, broken


def _units_of_file(uri: str, data: bytes, sidecars: Sidecars = NO_SIDECARS) -> Iterator[Unit]:
    from copydesk.scan.local import _warc_units

    path = local_path(uri)
    name = path.lower()
    meta, broken = sidecars
    if path in broken:
        yield Unit(Origin(path, path=path), "failure", reason=broken[path])
    elif name.endswith(CRAWL_SUFFIXES):
        with tempfile.NamedTemporaryFile(suffix=Path(name).name) as tmp:
            tmp.write(data)
            tmp.flush()
            for unit in _warc_units(tmp.name):
                yield _renamed(unit, tmp.name, path)
    elif name.endswith(JSONL_SUFFIXES):
        yield from _jsonl_units(path, data)
    else:
        page = WarcPage(path, None, content_type_for(path) or "text/plain", data)
        described = meta.get(path)
        item = InputItem("file", path, described) if described is not None else None
        yield Unit(Origin(path, path=path), "page", item=item, page=page)


def _renamed(unit: Unit, tmp: str, path: str) -> Unit:
    from dataclasses import replace

    origin = unit.origin
    origin = replace(origin, key=origin.key.replace(tmp, path, 1), path=path)
    page = unit.page
    if page is not None:
        page = replace(page, origin=page.origin.replace(tmp, path, 1))
    return replace(unit, origin=origin, page=page, reason=unit.reason.replace(tmp, path))


def _jsonl_units(path: str, data: bytes) -> Iterator[Unit]:

    if path.lower().endswith(".gz"):
        import gzip
        import zlib

        try:
            data = gzip.decompress(data)
        except (OSError, EOFError, zlib.error):
            reason = f"{path} is not a whole gzip file (it is cut short or damaged)."
            yield Unit(Origin(path, path=path), "failure", reason=reason)
            return
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
        page = WarcPage(key, url, kind, without_lone_surrogates(body).encode("utf-8"))
        yield Unit(Origin(key, path=path, url=url), "page", page=page)


def check_partition(
    files: Iterable[tuple[str, bytes]],
    keep: FindingFilter = KEEP_ALL,
    lang: Lang = None,
    sidecars: Sidecars = NO_SIDECARS,
    house: HouseStyle = PLAIN,
) -> Iterator[str]:
    """An executor's work: read its files' articles and check them, a batch at a time."""
    init_worker(None, False, keep, lang, house)
    batch: list[Unit] = []
    for uri, data in files:
        for unit in _units_of_file(uri, data, sidecars):
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
    return name.endswith((*PAGE_SUFFIXES, *JSONL_SUFFIXES, *CRAWL_SUFFIXES))


def _listed(sc: Any, paths: Sequence[str]) -> list[str]:
    """Every file under the inputs, listed through Hadoop's file system (the inputs' bytes
    are read once, by the executors; only the small index files by the driver)."""
    jvm = sc._jvm
    conf = sc._jsc.hadoopConfiguration()
    found: list[str] = []
    for p in paths:
        path = jvm.org.apache.hadoop.fs.Path(_spark_path(p))
        fs = path.getFileSystem(conf)
        if not fs.exists(path):
            continue
        listing = fs.listFiles(path, True)
        while listing.hasNext():
            found.append(listing.next().getPath().toString())
    return found


def _special_file(uri: str) -> bool:
    """Whether a listed local file is a pipe, socket or device: opening a pipe blocks until
    someone writes to it, so it is never handed to Spark to read. (A cluster's file systems
    hold regular files only.)"""
    if not uri.startswith("file:"):
        return False
    try:
        return not stat.S_ISREG(os.stat(local_path(uri)).st_mode)
    except OSError:
        return False


def scan(
    paths: Sequence[str],
    out: str,
    *,
    master: str | None = None,
    summary: str | None = None,
    keep: FindingFilter = KEEP_ALL,
    lang: Lang = None,
    house: HouseStyle = PLAIN,
    quiet: bool = False,
) -> ScanReport:
    """Run the scan on Spark; ``out`` (and ``summary``, default ``OUT.csv``) become folders.
    ``quiet`` leaves Spark's own log and progress bars out of standard error."""
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
    if quiet:
        builder = builder.config("spark.ui.showConsoleProgress", "false")
    with _jvm_output_hidden(quiet):
        session = builder.getOrCreate()
    try:
        sc = session.sparkContext
        listed = _listed(sc, paths)
        special = {uri for uri in listed if _special_file(uri)}
        sidecar_uris = [u for u in listed if u.rsplit("/", 1)[-1] == SIDECAR and u not in special]
        sidecars = sidecar_metadata(
            sc.binaryFiles(",".join(sidecar_uris)).collect() if sidecar_uris else []
        )
        broken = set(sidecars[1])
        if special:
            # Only the regular files are named to Spark, one by one and each as itself (not
            # as a pattern); each other one is a failed record.
            sources = [
                _literal(uri)
                for uri in listed
                if uri not in special and (_is_input(uri) or local_path(uri) in broken)
            ]
        else:
            sources = [_spark_path(p) for p in paths]
        files = sc.union(
            [sc.binaryFiles(source, sc.defaultParallelism) for source in sources] or [sc.emptyRDD()]
        ).filter(lambda pair: _is_input(pair[0]) or local_path(pair[0]) in broken)
        skipped = [
            failure_record(Origin(path, path=path), not_regular(path))
            for path in sorted(local_path(uri) for uri in special)
            if _is_input(path) or path.rsplit("/", 1)[-1] == SIDECAR
        ]
        records = files.mapPartitions(
            partial(check_partition, keep=keep, lang=lang, sidecars=sidecars, house=house)
        )
        if skipped:
            records = records.union(sc.parallelize(skipped, 1))
        records = records.cache()
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


@contextmanager
def _jvm_output_hidden(hidden: bool) -> Iterator[None]:
    """While Spark's JVM starts, standard error is /dev/null, which the JVM (and the Python
    workers it starts) keep as theirs: its start-up notices and log never reach the terminal.
    What goes wrong in a job still reaches this process, as the exception it raises."""
    if not hidden:
        yield
        return
    saved = os.dup(2)
    null = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(null, 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(null)


def _literal(uri: str) -> str:
    """A file's URI as an input path that Hadoop reads as that file alone: its glob characters
    escaped, and each comma, which would split the path in two, as a one-way alternation."""
    escaped = re.sub(r"([\\\[\]*?{}])", r"\\\1", uri)
    return escaped.replace(",", "{\\,}")


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
