"""The scan as a PySpark job: the same records as `local.scan`, written by the executors.

The inputs are paths Spark can read (local, ``hdfs://``, ``s3a://`` through the usual
connectors): folders or files of ``.html``/``.htm``/``.txt`` pages, WARC files, and JSONL
files of ``{"text"|"html"|"url": ..., "id"?: ...}`` objects, read as the local engine reads
them. Each partition is checked by `copydesk.scan.local.check_batch` in an executor's Python
worker, which loads the models once (`mapPartitions`). The output is a folder of JSONL part
files (Spark's layout), and the CSV summary a folder beside it; a run into the same folder
again writes only the records it lacks (`_Output`). Files that are no input are skipped
records, as on the local engine. Lists of URLs, standard input and output, and corpora
(``--db``) are local-engine only.
"""

from __future__ import annotations

import io
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
    JSONL_SUFFIXES,
    SIDECAR,
    InputItem,
    SidecarEntry,
    jsonl_documents,
    not_a_document,
    not_regular,
    parse_sidecar,
)
from copydesk.corpus.warc import CRAWL_SUFFIXES, WarcPage
from copydesk.errors import InputError
from copydesk.filtering import KEEP_ALL, FindingFilter
from copydesk.house import PLAIN, HouseStyle
from copydesk.read.language import Lang
from copydesk.read.reader import PAGE_SUFFIXES, content_type_for
from copydesk.scan.local import (
    BATCH_ARTICLES,
    ScanReport,
    Unit,
    check_batch,
    init_worker,
    jsonl_units,
)
from copydesk.scan.records import (
    SUMMARY_COLUMNS,
    Origin,
    failure_record,
    record_status,
    skipped_record,
    summary_row,
)


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
        yield from jsonl_units(path, jsonl_documents(path, io.BytesIO(data)))
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


def check_partition(
    files: Iterable[tuple[str, bytes]],
    keep: FindingFilter = KEEP_ALL,
    lang: Lang = None,
    sidecars: Sidecars = NO_SIDECARS,
    house: HouseStyle = PLAIN,
    done: Any = None,
    slim: bool = False,
) -> Iterator[str]:
    """An executor's work: read its files' articles and check them, a batch at a time,
    leaving out the keys ``done`` (a broadcast set) holds: those an earlier run wrote."""
    init_worker(None, False, keep, lang, house, slim)
    written = done.value if done is not None else frozenset()
    batch: list[Unit] = []
    for uri, data in files:
        for unit in _units_of_file(uri, data, sidecars):
            if unit.origin.key in written:
                continue
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


def require_pyspark() -> None:
    """Raise the user's error when pyspark is not installed."""
    try:
        import pyspark  # noqa: F401
    except ImportError:
        raise InputError(
            "The Spark engine needs pyspark; install copydesk with its 'spark' extra."
        ) from None


def spark_session(app: str, master: str | None, quiet: bool) -> Any:
    """A Spark session that reads input folders recursively; ``quiet`` leaves Spark's own log
    and progress bars out of standard error."""
    from pyspark.sql import SparkSession

    # The executors' Python is this one unless the user chose another (as on a cluster).
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName(app).config(
        "spark.hadoop.mapreduce.input.fileinputformat.input.dir.recursive", "true"
    )
    if master:
        builder = builder.master(master)
    if quiet:
        builder = builder.config("spark.ui.showConsoleProgress", "false")
    with _jvm_output_hidden(quiet):
        return builder.getOrCreate()


def scan(
    paths: Sequence[str],
    out: str,
    *,
    master: str | None = None,
    summary: str | None = None,
    keep: FindingFilter = KEEP_ALL,
    lang: Lang = None,
    house: HouseStyle = PLAIN,
    slim: bool = False,
    quiet: bool = False,
) -> ScanReport:
    """Run the scan on Spark; ``out`` (and ``summary``, default ``OUT.csv``) become folders.
    ``quiet`` leaves Spark's own log and progress bars out of standard error."""
    require_pyspark()
    if not paths:
        raise InputError("The Spark engine scans INPUT paths; a corpus (--db) is scanned locally.")
    started = time.perf_counter()
    session = spark_session("copydesk scan", master, quiet)
    try:
        sc = session.sparkContext
        output = _Output(sc, out)
        done = output.written_keys()
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
        # the files no executor reads, each a record of its own (keyed by its path), unless
        # an earlier run wrote it
        unread = [
            failure_record(Origin(path, path=path), not_regular(path))
            for path in sorted(local_path(uri) for uri in special)
            if (_is_input(path) or path.rsplit("/", 1)[-1] == SIDECAR) and path not in done
        ]
        unread += [
            skipped_record(Origin(path, path=path), not_a_document(path))
            for path in sorted(local_path(uri) for uri in listed if uri not in special)
            if not _is_input(path) and path.rsplit("/", 1)[-1] != SIDECAR and path not in done
        ]
        keys = sc.broadcast(frozenset(done))
        records = files.mapPartitions(
            partial(
                check_partition,
                keep=keep,
                lang=lang,
                sidecars=sidecars,
                house=house,
                done=keys,
                slim=slim,
            )
        )
        if unread:
            records = records.union(sc.parallelize(unread, 1))
        records = records.cache()
        output.add(records)
        header = sc.parallelize([",".join(SUMMARY_COLUMNS)], 1)
        summary_uri = summary or str(out).rstrip("/") + ".csv"
        output.replace(summary_uri, header.union(output.records().map(_csv_line)).coalesce(1))
        statuses = records.map(record_status).countByValue()
        written = sum(statuses.values())
    finally:
        session.stop()
    return ScanReport(
        written,
        len(done),
        statuses.get("failed", 0),
        time.perf_counter() - started,
        statuses.get("skipped", 0),
    )


class _Output:
    """The scan's output folder, through Hadoop's file system (local, HDFS, S3): the part
    files of every run that ended, and the run in progress in a hidden folder inside it
    (Hadoop's readers pass over names that start with "_"), whose parts join the others only
    once the run has written them all. An interrupted run leaves the folder as it was; a rerun
    writes the records it lacks."""

    def __init__(self, sc: Any, uri: str) -> None:
        self.sc = sc
        jvm = sc._jvm
        self.path = jvm.org.apache.hadoop.fs.Path(_spark_path(uri))
        self.fs = self.path.getFileSystem(sc._jsc.hadoopConfiguration())
        self.uri = uri
        if self.fs.exists(self.path) and not self.fs.getFileStatus(self.path).isDirectory():
            raise InputError(
                f"{uri} is a file; the Spark engine writes a folder of part files, so give "
                "--out a folder's name."
            )
        self.fs.mkdirs(self.path)
        for status in self.fs.listStatus(self.path):
            if status.getPath().getName().startswith(RUN_PREFIX):
                self.fs.delete(status.getPath(), True)  # an interrupted run's partial parts

    def records(self) -> Any:
        """Every record written so far, as an RDD of lines (Hadoop reads every file of the
        folder but the hidden ones)."""
        if not any(
            s.getPath().getName().startswith("part-") for s in self.fs.listStatus(self.path)
        ):
            return self.sc.emptyRDD()
        return self.sc.textFile(self.path.toString())

    def written_keys(self) -> set[str]:
        """The keys of the records the folder holds."""
        return set(self.records().map(_record_key).filter(bool).collect())

    def add(self, records: Any) -> None:
        """Write ``records`` as new part files, moved in only once all are written."""
        run = f"{RUN_PREFIX}{os.getpid()}-{time.time_ns()}"
        staging = self.sc._jvm.org.apache.hadoop.fs.Path(self.path, run)
        records.saveAsTextFile(staging.toString())
        for status in self.fs.listStatus(staging):
            name = status.getPath().getName()
            if name.startswith("part-"):
                target = self.sc._jvm.org.apache.hadoop.fs.Path(self.path, f"{name}-{run[1:]}")
                self.fs.rename(status.getPath(), target)
        self.fs.delete(staging, True)

    def replace(self, uri: str, rdd: Any) -> None:
        """``rdd`` saved at ``uri``, in place of what was there."""
        path = self.sc._jvm.org.apache.hadoop.fs.Path(_spark_path(uri))
        fs = path.getFileSystem(self.sc._jsc.hadoopConfiguration())
        if fs.exists(path):
            fs.delete(path, True)
        rdd.saveAsTextFile(path.toString())


#: Name of the hidden folder a run writes its part files to before they join the output.
RUN_PREFIX = "_run-"


def _record_key(line: str) -> str:
    try:
        return str(json.loads(line)["origin"]["key"])
    except (ValueError, KeyError, TypeError):
        return ""  # a line that is no record names no input


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
