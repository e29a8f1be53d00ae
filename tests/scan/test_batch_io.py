"""Batch input and output as pipelines expect them: JSONL documents read alike by both
engines, standard input and output, gzip output that resumes, slim records, every skipped
input counted with its reason, a Spark rerun that resumes, and a non-zero exit when nothing
could be checked."""

from __future__ import annotations

import gzip
import io
import json
import os
import shutil
from pathlib import Path

import pytest
from support.command import copydesk
from support.synthetic import synthetic_articles
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from copydesk.scan.records import findings_of

needs_spark = pytest.mark.skipif(
    shutil.which("java") is None and not os.environ.get("JAVA_HOME"),
    reason="Spark needs Java, and none is installed",
)


def _scan(*args: str, stdin: str | None = None):  # type: ignore[no-untyped-def]
    return copydesk("scan", *args, "--quiet", stdin=stdin, timeout=300)


def _records(path: Path) -> list[dict]:
    if path.is_dir():
        lines = [
            line for part in sorted(path.glob("part-*")) for line in part.read_text().splitlines()
        ]
    elif path.name.endswith(".gz"):
        with gzip.open(path, "rt", encoding="utf-8") as f:
            lines = f.read().splitlines()
    else:
        lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line]


def _same(records: list[dict]) -> list[tuple]:
    return sorted((r["origin"]["key"], r["status"], findings_of(r)) for r in records)


@pytest.fixture(scope="module")
def stories() -> list[str]:
    return [a.text for a in synthetic_articles(3, seed=21)]


@pytest.fixture
def documents(tmp_path: Path, stories: list[str]) -> Path:
    """A JSONL file: a text with an id, HTML without one, a URL the scan may not fetch, a line
    that is no JSON object and one with nothing to check."""
    html = (
        "<html><body><article>"
        + "".join(f"<p>{p}</p>" for p in stories[1].split("\n"))
        + "</article></body></html>"
    )
    lines = [
        json.dumps({"id": "story-1", "text": stories[0], "url": "https://news.example/1"}),
        json.dumps({"html": html}),
        json.dumps({"id": "story-3", "url": "http://127.0.0.1:9/story"}),
        "[1, 2]",
        json.dumps({"id": "story-5", "title": "nothing else"}),
    ]
    path = tmp_path / "docs.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_jsonl_is_one_record_a_line(documents: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    done = _scan(str(documents), "--out", str(out))
    assert done.returncode == 0, done.stderr
    records = {r["origin"]["key"]: r for r in _records(out)}
    assert list(records) == ["story-1", f"{documents}:2", "story-3", f"{documents}:4", "story-5"]
    assert records["story-1"]["status"] == records[f"{documents}:2"]["status"] == "ok"
    assert records["story-1"]["report"]["article"]["url"] == "https://news.example/1"
    assert records["story-3"]["status"] == "failed"  # a loopback address is never fetched
    assert records[f"{documents}:4"]["reason"] == f"Line 4 of {documents} is not a JSON object."
    assert records["story-5"]["reason"] == f"Line 5 of {documents} has no text, html or url."


@needs_spark
def test_both_engines_read_jsonl_alike(documents: Path, tmp_path: Path) -> None:
    local, spark = tmp_path / "local.jsonl", tmp_path / "spark"
    assert _scan(str(documents), "--out", str(local)).returncode == 0
    done = _scan(str(documents), "--out", str(spark), "--engine", "spark")
    assert done.returncode == 0, done.stderr
    assert _same(_records(spark)) == _same(_records(local))
    assert {tuple(r) for r in _records(spark)} == {tuple(r) for r in _records(local)}, "same keys"


@needs_spark
def test_a_spark_rerun_adds_only_what_is_missing(tmp_path: Path, stories: list[str]) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "one.txt").write_text(stories[0], encoding="utf-8")
    out = tmp_path / "spark"
    assert _scan(str(pages), "--out", str(out), "--engine", "spark").returncode == 0
    (out / "_run-1-2").mkdir()  # what an interrupted run leaves
    (out / "_run-1-2" / "part-00000").write_text("not a record\n")
    (pages / "two.txt").write_text(stories[1], encoding="utf-8")
    again = _scan(str(pages), "--out", str(out), "--engine", "spark")
    assert again.returncode == 0, again.stderr
    assert "1 records written (0 failed), 1 already written" in again.stdout
    keys = sorted(Path(r["origin"]["key"]).name for r in _records(out))
    assert keys == ["one.txt", "two.txt"]
    assert not (out / "_run-1-2").exists()
    summary = (tmp_path / "spark.csv").glob("part-*")
    assert len(next(summary).read_text().splitlines()) == 3  # the header and both records
    file_out = tmp_path / "file.jsonl"
    file_out.write_text("")
    refused = _scan(str(pages), "--out", str(file_out), "--engine", "spark")
    assert refused.returncode == 2
    assert refused.stderr == (
        f"copydesk: {file_out} is a file; the Spark engine writes a folder of part files, so "
        "give --out a folder's name.\n"
    )


def test_standard_input_and_output(documents: Path, tmp_path: Path) -> None:
    done = _scan("-", "--out", "-", stdin=documents.read_text(encoding="utf-8"))
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert [r["origin"]["key"] for r in records][:2] == ["story-1", "stdin:2"]
    assert "5 records written" in done.stderr
    assert not Path("-").exists() and not (tmp_path / "-").exists()
    summary = tmp_path / "summary.csv"
    asked = _scan(
        "-", "--out", "-", "--summary", str(summary), stdin=documents.read_text(encoding="utf-8")
    )
    assert asked.returncode == 0, asked.stderr
    rows = summary.read_text(encoding="utf-8").splitlines()
    assert len(rows) == 6 and rows[1].startswith("story-1,https://news.example/1,")


def test_gzip_output_is_gzip_and_resumes(documents: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl.gz"
    assert _scan(str(documents), "--out", str(out)).returncode == 0
    with gzip.open(out, "rt", encoding="utf-8") as f:
        first = [json.loads(line) for line in f]
    assert len(first) == 5
    data = out.read_bytes()
    out.write_bytes(data[: len(data) - 20])  # a kill in the middle of the last record
    again = _scan(str(documents), "--out", str(out))
    assert again.returncode == 0, again.stderr
    assert "1 records written" in again.stdout and "4 already written" in again.stdout
    assert [r["origin"]["key"] for r in _records(out)] == [r["origin"]["key"] for r in first]
    assert (tmp_path / "out.csv").is_file()


def test_slim_records_leave_out_the_ledger_and_the_texts(documents: Path, tmp_path: Path) -> None:
    full, slim = tmp_path / "full.jsonl", tmp_path / "slim.jsonl"
    assert _scan(str(documents), "--out", str(full)).returncode == 0
    assert _scan(str(documents), "--out", str(slim), "--slim").returncode == 0
    whole, trimmed = _records(full)[0]["report"], _records(slim)[0]["report"]
    assert "ledger" not in trimmed and "text" not in trimmed["article"]
    assert trimmed["findings"] == whole["findings"]
    assert slim.stat().st_size < full.stat().st_size / 2


def _crawl(path: Path, page: bytes) -> None:
    """A WARC of a page, an image and a page gone (404)."""
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=False)
    for i, (status, kind, body) in enumerate(
        [
            ("200 OK", "text/html", page),
            ("200 OK", "image/png", b"\x89PNG"),
            ("404 Not Found", "text/html", b"gone"),
        ]
    ):
        headers = StatusAndHeaders(status, [("Content-Type", kind)], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                f"https://crawl.example/{i}",
                "response",
                payload=io.BytesIO(body),
                http_headers=headers,
                length=len(body),
            )
        )
    path.write_bytes(buf.getvalue())


def test_every_skipped_input_is_counted_with_its_reason(tmp_path: Path, stories: list[str]) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    page = (
        "<html><body><article><p>"
        + stories[2].replace("\n", "</p><p>")
        + "</p></article></body></html>"
    ).encode()
    _crawl(pages / "crawl.warc", page)
    (pages / "brief.pdf").write_bytes(b"%PDF-1.4")
    out = tmp_path / "out.jsonl"
    done = _scan(str(pages), "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert "4 records written (0 failed, 3 skipped as no article)" in done.stdout
    skipped = {
        r["origin"].get("url") or Path(r["origin"]["key"]).name: r["reason"]
        for r in _records(out)
        if r["status"] == "skipped"
    }
    assert skipped["brief.pdf"].endswith(
        "brief.pdf is no page, crawl, JSONL or URL list copydesk reads; it was skipped."
    )
    assert (
        "a response of type image/png, not a page; skipped." in skipped["https://crawl.example/1"]
    )
    assert "an HTTP 404 response, not a page; skipped." in skipped["https://crawl.example/2"]
    rows = (tmp_path / "out.csv").read_text().splitlines()
    assert rows[0] == "origin,url,outlet,status,major,minor,rewording_score,source"
    assert sum(",skipped," in row for row in rows) == 3


def test_a_scan_where_nothing_could_be_checked_exits_2(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "empty.html").write_text("<html><body></body></html>")
    (pages / "blank.txt").write_text("   \n")
    out = tmp_path / "out.jsonl"
    done = _scan(str(pages), "--out", str(out))
    assert done.returncode == 2
    assert (
        done.stderr
        == f"copydesk: Not one of the 2 inputs could be checked; the records in {out} say why.\n"
    )
    assert [r["status"] for r in _records(out)] == ["failed", "failed"]
