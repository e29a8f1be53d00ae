"""Faults injected into a real ingest: a full disk (the file size limit, and a small tmpfs
where this machine lets a test mount one), a lock held by another process, a kill between
batches, a read-only store. After each the store passes SQLite's integrity check, and every
input is either stored or recorded as failed, at once or after running again."""

from __future__ import annotations

import os
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from functools import partial
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from support.command import ENV
from support.ingest import ingest_command, run_ingest
from support.loopback import serving
from support.synthetic import synthetic_articles

from copydesk import cli
from copydesk.corpus import store as store_module
from copydesk.corpus.ingest import ingest
from copydesk.corpus.store import Store
from copydesk.errors import StoreError
from copydesk.read import read_url

DOCUMENTS = 80
#: The file size limit for the full-disk runs: the store of DOCUMENTS articles grows past it
#: (about 1 MB with its indexes), the first batches fit under it.
FILE_LIMIT_BYTES = 192 * 1024


def unshared(script: str) -> subprocess.CompletedProcess[str]:
    """Run a shell script in a mount namespace of its own (its mounts vanish with it)."""
    return subprocess.run(
        ["unshare", "-m", "sh", "-c", script],
        env=ENV,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.fixture(scope="module")
def coverage(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """DOCUMENTS articles and one file that cannot be read (a binary), which is recorded."""
    folder = tmp_path_factory.mktemp("coverage")
    for a in synthetic_articles(DOCUMENTS, seed=31):
        (folder / f"{a.doc_id}.txt").write_text(a.text, encoding="utf-8")
    (folder / "broken.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    return folder


def assert_whole(db: Path) -> None:
    """SQLite finds the file sound, and documents, index and signatures agree."""
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()
    with Store.open(db) as store:
        assert store.check_integrity()


def assert_nothing_lost(db: Path) -> None:
    """Every input is stored, or recorded with its reason."""
    with Store.open(db) as store:
        assert len(store) == DOCUMENTS
        assert [Path(f.origin).name for f in store.failures()] == ["broken.txt"]


def finish(folder: Path, db: Path) -> None:
    """Run the ingest again, with nothing in its way: it completes what was left."""
    done = run_ingest(folder, db, timeout=300)
    assert done.returncode == 0, done.stderr
    assert_whole(db)
    assert_nothing_lost(db)


def one_sentence(stderr: str, *phrases: str) -> None:
    assert "Traceback" not in stderr and "internal error" not in stderr, stderr
    last = stderr.strip().splitlines()[-1]
    assert last.startswith("copydesk: "), stderr
    for phrase in phrases:
        assert phrase in last, stderr


def test_the_file_size_limit_during_ingest(coverage: Path, tmp_path: Path) -> None:
    db = tmp_path / "c.db"

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (FILE_LIMIT_BYTES, FILE_LIMIT_BYTES))

    done = subprocess.run(
        ingest_command(coverage, db, batch_size=5),
        check=False,
        env=ENV,
        capture_output=True,
        text=True,
        timeout=300,
        preexec_fn=limit,
    )
    assert done.returncode == 2, done.stderr
    one_sentence(done.stderr, str(db), "what was stored before is kept")
    assert_whole(db)
    with Store.open(db) as store:
        assert 0 < len(store) < DOCUMENTS, "the limit must land mid-way"
    finish(coverage, db)


def _mounting() -> bool:
    if os.geteuid() != 0 or shutil.which("unshare") is None:
        return False
    probe = subprocess.run(
        ["unshare", "-m", "sh", "-c", "mount -t tmpfs -o size=64k none /tmp"],
        capture_output=True,
        timeout=30,
        check=False,
    )
    return probe.returncode == 0


MOUNTING = pytest.mark.skipif(
    not _mounting(), reason="needs root and a private mount namespace (unshare -m) to mount"
)


@MOUNTING
def test_a_full_disk_during_ingest(coverage: Path, tmp_path: Path) -> None:
    disk = tmp_path / "disk"
    disk.mkdir()
    kept = tmp_path / "kept"
    kept.mkdir()
    command = " ".join(ingest_command(coverage, disk / "c.db"))
    # The tmpfs lives only in the namespace: the store is copied out before it goes.
    script = (
        f"mount -t tmpfs -o size={FILE_LIMIT_BYTES} none {disk} || exit 99; "
        f"{command}; code=$?; cp {disk}/c.db* {kept}/; exit $code"
    )
    done = unshared(script)
    assert done.returncode == 2, done.stderr
    one_sentence(done.stderr, "c.db", "full")
    db = kept / "c.db"
    assert_whole(db)
    finish(coverage, db)


@pytest.fixture
def lock_holder(tmp_path: Path) -> Iterator[tuple[Path, subprocess.Popen[str]]]:
    """Another process that holds the store's write lock until told to let go."""
    db = tmp_path / "c.db"
    Store.open(db).close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            (
                "import sqlite3, sys\n"
                f"c = sqlite3.connect({str(db)!r}, isolation_level=None)\n"
                "c.execute('BEGIN IMMEDIATE')\n"
                "print('locked', flush=True)\n"
                "sys.stdin.readline()\n"
                "c.execute('ROLLBACK')\n"
            ),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
    try:
        yield db, holder
    finally:
        if holder.poll() is None:
            holder.kill()
        holder.wait()


def release(holder: subprocess.Popen[str]) -> None:
    assert holder.stdin is not None
    holder.stdin.write("go\n")
    holder.stdin.flush()
    holder.wait(timeout=30)


def test_a_lock_held_by_another_process_is_an_error_once_waiting_is_over(
    coverage: Path,
    lock_holder: tuple[Path, subprocess.Popen[str]],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    db, holder = lock_holder
    monkeypatch.setattr(store_module, "BUSY_TIMEOUT_S", 0.5)
    code = cli.main(["ingest", str(coverage), "--db", str(db), "--quiet"])
    assert code == cli.EXIT_ERROR
    one_sentence(capsys.readouterr().err, str(db), "locked by another process")
    release(holder)
    assert_whole(db)
    finish(coverage, db)


def test_an_ingest_waits_out_a_short_lock(
    coverage: Path, lock_holder: tuple[Path, subprocess.Popen[str]]
) -> None:
    db, holder = lock_holder
    ingesting = subprocess.Popen(
        ingest_command(coverage, db), env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    time.sleep(1.0)
    release(holder)
    _, stderr = ingesting.communicate(timeout=300)
    assert ingesting.returncode == 0, stderr
    assert_whole(db)
    assert_nothing_lost(db)


def test_a_kill_between_batches(coverage: Path, tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    proc = subprocess.Popen(
        ingest_command(coverage, db, batch_size=5),
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and proc.poll() is None:
            if _stored(db) >= 10:
                break
            time.sleep(0.01)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == -signal.SIGKILL
    assert_whole(db)
    with Store.open(db) as store:
        assert 0 < len(store) < DOCUMENTS, "the kill must land mid-way"
    finish(coverage, db)


def _stored(db: Path) -> int:
    try:
        conn = sqlite3.connect(db, timeout=5)
        try:
            return int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.OperationalError:
        return 0  # not created yet


def test_a_store_opened_read_only_reads_and_refuses_writes(coverage: Path, tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    finish(coverage, db)
    before = db.read_bytes()
    article = next(iter(synthetic_articles(1, seed=99)))
    with pytest.raises(StoreError, match="read-only"), Store.open(db, readonly=True) as store:
        assert len(store) == DOCUMENTS
        assert store.search_text("council", limit=3)
        store.add(article)
    assert db.read_bytes() == before
    assert_whole(db)


@MOUNTING
def test_a_store_on_read_only_media(coverage: Path, tmp_path: Path) -> None:
    media = tmp_path / "media"
    media.mkdir()
    db = media / "c.db"
    finish(coverage, db)
    article = tmp_path / "article.txt"
    article.write_text(next(iter(synthetic_articles(1, seed=31))).text, encoding="utf-8")
    copydesk = f"{sys.executable} -m copydesk"
    script = (
        f"mount --bind {media} {media} && mount -o remount,bind,ro {media} || exit 99; "
        f"{copydesk} find-source {article} --db {db} --format json || exit $?; "
        f"{copydesk} ingest {coverage} --db {db} --quiet"
    )
    done = unshared(script)
    assert done.returncode == 2, done.stderr
    assert '"reuse_share"' in done.stdout, "find-source reads the read-only store"
    one_sentence(done.stderr, str(db), "read-only")
    assert_whole(db)
    assert_nothing_lost(db)


def test_fetches_happen_outside_the_write_transaction(tmp_path: Path) -> None:
    """While a listed URL is being fetched, another process can write to the store."""
    db = tmp_path / "c.db"
    Store.open(db).close()
    article = next(iter(synthetic_articles(1, seed=41)))
    body = f"<html><body><article><p>{article.text}</p></article></body></html>".encode()
    writable: list[bool] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            other = sqlite3.connect(db, timeout=0, isolation_level=None)
            try:
                other.execute("BEGIN IMMEDIATE")
                other.execute("ROLLBACK")
                writable.append(True)
            except sqlite3.OperationalError:
                writable.append(False)
            finally:
                other.close()
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    with serving(Handler) as base:
        urls = tmp_path / "links.urls"
        urls.write_text(f"{base}/story\n")
        with Store.open(db) as store:
            report = ingest(
                [urls], store, progress=False, fetch=partial(read_url, allow_private=True)
            )
    assert report.added == 1
    assert writable == [True]
