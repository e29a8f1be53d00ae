"""Ingesting folders, WARC crawls and URL lists into a real store; failures and resumption."""

from __future__ import annotations

import html
import io
import os
import signal
import subprocess
import time
from collections.abc import Iterator
from functools import partial
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from support.command import ENV
from support.ingest import ingest_command, run_ingest
from support.loopback import serving
from support.processes import kill_a_worker
from support.synthetic import synthetic_articles
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from copydesk.corpus.ingest import ingest, read_sidecar
from copydesk.corpus.store import Store
from copydesk.read import read_url
from copydesk.read.article import Article

# The test servers listen on loopback, which a fetch refuses unless told otherwise.
LOOPBACK_FETCH = partial(read_url, allow_private=True)


def page(article: Article) -> str:
    """An article as a news web page, with navigation around it."""
    paragraphs = "\n".join(f"<p>{html.escape(p)}</p>" for p in article.text.split("\n")[1:] if p)
    return (
        f"<html><head><title>{html.escape(article.title or '')}</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<article><h1>{html.escape(article.title or '')}</h1>{paragraphs}</article>"
        "<footer>© Example News</footer></body></html>"
    )


def write_texts(folder: Path, n: int, seed: int) -> list[Article]:
    folder.mkdir(parents=True, exist_ok=True)
    articles = list(synthetic_articles(n, seed=seed))
    for a in articles:
        (folder / f"{a.doc_id}.txt").write_text(a.text, encoding="utf-8")
    return articles


def test_folder_ingest_is_idempotent(tmp_path: Path) -> None:
    write_texts(tmp_path / "docs" / "a", 12, seed=1)
    write_texts(tmp_path / "docs" / "b", 8, seed=2)
    (tmp_path / "docs" / "b" / "notes.json").write_text("{}")  # not an article: not read
    with Store.open(tmp_path / "c.db") as store:
        first = ingest([tmp_path / "docs"], store, progress=False)
        assert (first.added, first.duplicates, first.failed) == (20, 0, ())
        again = ingest([tmp_path / "docs"], store, progress=False)
        assert (again.added, again.duplicates, again.failed) == (0, 20, ())
        assert store.counts().documents == 20
        assert store.counts().consistent


def test_sidecar_index_supplies_url_outlet_and_date(tmp_path: Path) -> None:
    folder = tmp_path / "coverage"
    articles = write_texts(folder, 2, seed=3)
    (folder / "index.tsv").write_text(
        "file\turl\toutlet\tdate\twire\n"
        f"{articles[0].doc_id}.txt\thttps://gazette.example/a1\tThe Gazette\t2024-03-02\tAFP\n"
    )
    assert read_sidecar(folder / "index.tsv")[f"{articles[0].doc_id}.txt"].outlet == "The Gazette"
    with Store.open(tmp_path / "c.db") as store:
        report = ingest([folder], store, progress=False)
        assert report.added == 2
        docs = {Path(d.origin or "").name: d for d in store.get_many(["1", "2"])}
    described = docs[f"{articles[0].doc_id}.txt"]
    assert (described.url, described.outlet, described.published) == (
        "https://gazette.example/a1",
        "The Gazette",
        "2024-03-02",
    )
    assert docs[f"{articles[1].doc_id}.txt"].url is None


def test_an_index_of_folders_describes_each_folder_by_its_own_index(tmp_path: Path) -> None:
    pair = tmp_path / "pairs" / "p01"
    articles = write_texts(pair, 1, seed=5)
    (tmp_path / "pairs" / "index.tsv").write_text(
        "folder\tarticle_url\tsource_url\twire\np01\thttps://a.example/1\thttps://b.example/1\tAP\n"
    )
    (pair / "index.tsv").write_text(
        f"file\turl\toutlet\tdate\twire\n{articles[0].doc_id}.txt\thttps://a.example/1\ta.example\t\tAP\n"
    )
    assert read_sidecar(tmp_path / "pairs" / "index.tsv") == {}
    with Store.open(tmp_path / "c.db") as store:
        report = ingest([tmp_path / "pairs"], store, progress=False)
        assert (report.added, report.failed) == (1, ())
        assert store.get_many(["1"])[0].url == "https://a.example/1"


def test_seed_coverage_takes_its_metadata_from_index_tsv(tmp_path: Path, seed_dir: Path) -> None:
    with Store.open(tmp_path / "c.db") as store:
        report = ingest([seed_dir / "coverage"], store, progress=False)
        assert report.added == 5 and not report.failed
        outlets = {a.outlet for a in store.get_many([str(i) for i in range(1, 6)])}
    assert "Dawn (Pakistan)" in outlets and "The Kyiv Independent" in outlets


def test_binary_and_empty_files_are_recorded_and_the_rest_ingested(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    write_texts(folder, 5, seed=4)
    (folder / "photo.html").write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(2048))
    (folder / "empty.txt").write_bytes(b"   \n")
    (folder / "short.txt").write_text("Breaking: more soon.\n")
    with Store.open(tmp_path / "c.db") as store:
        report = ingest([folder, tmp_path / "missing-folder"], store, progress=False)
        assert report.added == 5
        reasons = {Path(f.origin).name: f.reason for f in report.failed}
        assert set(reasons) == {"photo.html", "empty.txt", "short.txt", "missing-folder"}
        assert "PNG" in reasons["photo.html"]
        assert "empty" in reasons["empty.txt"]
        assert "does not exist" in reasons["missing-folder"]
        stored = {Path(f.origin).name: f.reason for f in store.failures()}
        assert stored == reasons
        again = ingest([folder], store, progress=False)
        assert again.added == 0 and len(again.failed) == 3
        assert len(store.failures()) == 4, "a failure seen twice is recorded once"


def test_every_file_of_a_folder_is_stored_failed_or_counted_as_skipped(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    (one,) = write_texts(folder, 1, seed=9)
    (folder / f"{one.doc_id}.txt").rename(folder / "story.xhtml")
    (folder / "story.xhtml").write_text(page(one), encoding="utf-8")
    (folder / "README.md").write_text("# Notes\n\nWhat this folder holds.\n")
    (folder / "empty.warc.gz").write_bytes(b"")
    (folder / "notes.json").write_text("{}")
    (folder / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    done = run_ingest(folder, tmp_path / "c.db", timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(
        "1 added, 0 already stored, 1 failed, 3 skipped (files and crawl records that are no "
        "article) ("
    )
    assert f"failed: {folder / 'empty.warc.gz'}: {folder / 'empty.warc.gz'} is empty" in (
        done.stderr
    )


def _warc_record(writer: WARCWriter, url: str, body: bytes, content_type: str) -> None:
    headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
    record = writer.create_warc_record(
        url, "response", payload=io.BytesIO(body), http_headers=headers, length=len(body)
    )
    writer.write_record(record)


def _warc(articles: list[Article], gzip: bool) -> tuple[bytes, list[int]]:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gzip)
    offsets = []
    for i, a in enumerate(articles):
        offsets.append(buf.tell())
        _warc_record(writer, f"https://crawl.example/{i}", page(a).encode(), "text/html")
    offsets.append(buf.tell())
    _warc_record(writer, "https://crawl.example/logo.png", b"\x89PNG....", "image/png")
    return buf.getvalue(), offsets


@pytest.mark.parametrize("gzip", [True, False], ids=["warc.gz", "warc"])
def test_warc_with_broken_records_ingests_the_good_ones(tmp_path: Path, gzip: bool) -> None:
    articles = list(synthetic_articles(5, seed=5))
    data, at = _warc(articles, gzip)
    # Record 1 cut short, garbage bytes between records 2 and 3; 0, 2, 3, 4 are intact.
    broken = (
        data[: at[1]]
        + data[at[1] : at[1] + 90]
        + data[at[2] : at[3]]
        + b"\x00garbage between records\r\n" * 4
        + data[at[3] :]
    )
    path = tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc")
    path.write_bytes(broken)
    with Store.open(tmp_path / "c.db") as store:
        report = ingest([path], store, progress=False)
        stored = {a.url for a in store.get_many([str(i) for i in range(1, 10)])}
        assert store.counts().failures == len(report.failed)
    assert report.failed, "the damage must be reported"
    assert all("damaged" in f.reason and str(path) in f.origin for f in report.failed)
    assert {"https://crawl.example/0", "https://crawl.example/3"} <= stored
    assert "https://crawl.example/4" in stored
    assert "https://crawl.example/logo.png" not in stored
    assert report.added >= 3


@pytest.fixture
def news_server() -> Iterator[tuple[str, list[str]]]:
    articles = list(synthetic_articles(3, seed=6))
    served: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            served.append(self.path)
            index = self.path.strip("/").removeprefix("story-")
            if index.isdigit() and int(index) < len(articles):
                body = page(articles[int(index)]).encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
            else:
                body = b"not found"
                self.send_response(404)
                self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    with serving(Handler) as base:
        yield base, served


def test_url_list_is_fetched_and_not_refetched(
    tmp_path: Path, news_server: tuple[str, list[str]]
) -> None:
    base, served = news_server
    urls = tmp_path / "links.txt"
    urls.write_text("".join(f"{base}/story-{i}\n\n" for i in range(4)))
    with Store.open(tmp_path / "c.db") as store:
        report = ingest([urls], store, progress=False, fetch=LOOPBACK_FETCH)
        assert report.added == 3
        assert [f.origin for f in report.failed] == [f"{base}/story-3"]
        assert "404" in report.failed[0].reason
        served.clear()
        again = ingest([urls], store, progress=False, fetch=LOOPBACK_FETCH)
        assert again.added == 0 and again.duplicates == 3
        assert served == ["/story-3"], "stored URLs are skipped before fetching"


def _counts(db: Path) -> tuple[int, int, int]:
    import sqlite3

    conn = sqlite3.connect(db, timeout=5)
    try:
        return tuple(  # type: ignore[return-value]
            conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("documents", "documents_fts_docsize", "signatures")
        )
    except sqlite3.OperationalError:
        return (0, 0, 0)  # tables not created yet
    finally:
        conn.close()


def _ingest_under_way(folder: Path, db: Path) -> subprocess.Popen[bytes]:
    """``copydesk ingest FOLDER`` started (10 documents a transaction), once it has stored 30
    documents."""
    proc = subprocess.Popen(
        ingest_command(folder, db, batch_size=10),
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if db.exists() and _counts(db)[0] >= 30:
            break
        time.sleep(0.01)
    return proc


def test_killed_ingest_leaves_a_consistent_store_and_resumes(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    total = 600
    write_texts(folder, total, seed=7)
    db = tmp_path / "c.db"
    proc = _ingest_under_way(folder, db)
    try:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == -signal.SIGKILL
    with Store.open(db) as store:
        counts = store.counts()
        assert 0 < counts.documents < total, "the kill must land mid-way"
        assert counts.consistent
        assert store.check_integrity()
        report = ingest([folder], store, progress=False)
        assert report.added == total - counts.documents
        assert report.duplicates == counts.documents
        assert store.counts().documents == total
        assert store.counts().consistent


#: How long a run may take to end once one of its workers is killed.
ENDS_WITHIN_S = 30


def test_a_killed_worker_is_redone_and_the_ingest_ends(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    total = 2000  # enough files for the worker pool, and for the kill to land mid-way
    write_texts(folder, total, seed=11)
    db = tmp_path / "c.db"
    proc = _ingest_under_way(folder, db)
    try:
        kill_a_worker(proc.pid)
        stored_at_kill = _counts(db)[0]
        proc.wait(timeout=ENDS_WITHIN_S)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert stored_at_kill < total, "the kill must land mid-way"
    assert proc.returncode == 0
    with Store.open(db) as store:
        assert store.counts().documents == total, "what the dead worker held is read again"
        assert store.counts().consistent
        again = ingest([folder], store, progress=False)
        assert (again.added, again.duplicates, again.failed) == (0, total, ())


def test_the_command_lists_each_failure_with_its_origin_and_the_stored_reason(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "docs"
    write_texts(folder, 2, seed=8)
    (folder / "broken.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    db = tmp_path / "c.db"
    done = run_ingest(folder, db, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "2 added" in done.stdout
    with Store.open(db) as store:
        [failure] = store.failures()
    assert failure.origin == str(folder / "broken.txt")
    assert done.stderr.splitlines() == [f"failed: {failure.origin}: {failure.reason}"]
