"""What the command does when the world fails it: standard output closed, full or a broken
pipe; a damaged or locked store; hostile input. Each is one sentence and the exit code the
README gives, never "internal error" (70) or a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLES, ROOT
from support.command import ENV, copydesk
from support.synthetic import synthetic_articles

REWORDED = str(EXAMPLES / "reworded.txt")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return copydesk(*args, timeout=180)


def with_stdout(target: int | None, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """Run with stdout on ``target`` (a file descriptor), or closed when it is None."""

    def close_stdout() -> None:
        os.close(1)

    return subprocess.run(
        [sys.executable, "-m", "copydesk", *args],
        stdout=target if target is not None else subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        preexec_fn=close_stdout if target is None else None,
        text=True,
        cwd=ROOT,
        env={**ENV, **env},
        timeout=180,
        check=False,
    )


def one_sentence(stderr: str, *phrases: str) -> str:
    assert "Traceback" not in stderr and "internal error" not in stderr, stderr
    lines = [line for line in stderr.strip().splitlines() if line.startswith("copydesk: ")]
    assert len(lines) == 1, stderr
    for phrase in phrases:
        assert phrase in lines[0], stderr
    return lines[0]


@pytest.fixture(scope="module")
def closed_pipe() -> int:
    read, write = os.pipe()
    os.close(read)
    return write


def test_a_double_space_where_a_name_is_missing_is_checked(tmp_path: Path) -> None:
    path = tmp_path / "t.txt"
    path.write_text(
        "John Smith, a former defense minister and current secretary of  said the council, "
        "will lead the delegation. The talks in Istanbul were the third round this year, "
        "officials said on Wednesday.\n",
        encoding="utf-8",
    )
    checked = run("check", str(path), "--format", "json")
    assert checked.returncode in (0, 1), checked.stderr
    assert '"John Smith"' in checked.stdout


def test_stdout_on_a_full_device_is_an_error() -> None:
    with open("/dev/full", "w") as full:
        done = with_stdout(full.fileno(), "check", REWORDED)
    assert done.returncode == 2
    one_sentence(done.stderr, "standard output", "no space left on device")


@pytest.mark.parametrize("fmt", ["json", "text"])
def test_stdout_closed_is_an_error(fmt: str) -> None:
    done = with_stdout(None, "check", REWORDED, "--format", fmt)
    assert done.returncode == 2
    one_sentence(done.stderr, "Standard output is closed", "--out")


def test_stdout_closed_does_not_stop_a_report_written_to_a_file(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    done = with_stdout(None, "check", REWORDED, "--format", "json", "--out", str(out))
    assert done.returncode == 1, done.stderr
    assert out.read_text(encoding="utf-8").startswith("{")


@pytest.mark.parametrize(
    "args",
    [("check", REWORDED), ("check", REWORDED, "--format", "json"), ("--help",), ("--version",)],
    ids=["text", "json", "help", "version"],
)
@pytest.mark.parametrize("unbuffered", ["", "1"], ids=["buffered", "unbuffered"])
def test_a_closed_pipe_exits_141(closed_pipe: int, args: tuple[str, ...], unbuffered: str) -> None:
    env = {"PYTHONUNBUFFERED": unbuffered} if unbuffered else {}
    done = with_stdout(closed_pipe, *args, **env)
    assert done.returncode == 141, done.stderr
    one_sentence(done.stderr, "closed")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("coverage")
    for a in synthetic_articles(40, seed=21):
        (folder / f"{a.doc_id}.txt").write_text(a.text, encoding="utf-8")
    (folder / "original.txt").write_text(
        (EXAMPLES / "original.txt").read_text(encoding="utf-8"), encoding="utf-8"
    )
    return folder


def test_a_store_with_corrupted_pages_is_reported_as_damaged(corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    assert run("ingest", str(corpus), "--db", str(db), "--quiet").returncode == 0
    size = db.stat().st_size
    with db.open("r+b") as f:
        f.seek(size // 2)
        f.write(bytes((i * 37 + 11) % 256 for i in range(size - size // 2)))
    for args in (("find-source", REWORDED), ("check", REWORDED), ("corroborate", REWORDED)):
        done = run(*args, "--db", str(db))
        assert done.returncode == 2, (args, done.stderr)
        one_sentence(done.stderr, str(db), "damaged")


def test_a_pipe_in_an_ingest_folder_is_recorded_not_waited_on(tmp_path: Path) -> None:
    folder = tmp_path / "coverage"
    folder.mkdir()
    (folder / "original.txt").write_text(
        (EXAMPLES / "original.txt").read_text(encoding="utf-8"), encoding="utf-8"
    )
    os.mkfifo(folder / "stuck.txt")
    os.mkfifo(folder / "index.tsv")
    # Nothing ever writes to the pipes: reading one would wait for ever (here, the timeout).
    done = copydesk("ingest", str(folder), "--db", str(tmp_path / "c.db"), timeout=60)
    assert done.returncode == 0, done.stderr
    assert "1 added" in done.stdout
    for name in ("stuck.txt", "index.tsv"):
        assert f"{folder / name} is not a regular file" in done.stderr


@pytest.mark.parametrize("command", ["check", "compare"])
def test_a_pipe_given_as_the_article_is_refused_not_waited_on(tmp_path: Path, command: str) -> None:
    fifo = tmp_path / "article.txt"
    os.mkfifo(fifo)
    args = (str(fifo),) if command == "check" else (str(fifo), REWORDED)
    done = copydesk(command, *args, timeout=30)
    assert done.returncode == 2
    one_sentence(done.stderr, str(fifo), "not a regular file")


def _file_size_limit(limit: int) -> None:
    """In the child: writes past ``limit`` bytes fail with EFBIG instead of killing it."""
    import resource
    import signal

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))


def test_a_failed_rewrite_of_out_keeps_the_earlier_report(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    first = run("check", REWORDED, "--format", "json", "--out", str(out))
    assert first.returncode == 1, first.stderr
    earlier = out.read_bytes()
    assert len(earlier) > 8192
    done = subprocess.run(
        [sys.executable, "-m", "copydesk", "check", REWORDED, "--format", "json", "--out", str(out)],
        capture_output=True, text=True, env=ENV, cwd=ROOT, timeout=180, check=False,
        preexec_fn=lambda: _file_size_limit(4096),
    )  # fmt: skip
    assert done.returncode == 2
    one_sentence(done.stderr, str(out))
    assert out.read_bytes() == earlier
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]
    assert out.stat().st_mode & 0o777 == 0o666 & ~_umask()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


TERMINAL_ATTACKS = ("\x1b]0;owned\x07", "\x1b[2J", "\u202e")


@pytest.mark.parametrize("color", ["never", "always"])
def test_escape_sequences_in_an_article_are_shown_not_obeyed(tmp_path: Path, color: str) -> None:
    sentence = (
        "Harbour officials said on Tuesday that the ferry service would resume next week "
        "after repairs to the main pier were finished ahead of schedule."
    )
    body = (
        " ".join([sentence] * 4)
        .replace("ferry service", "ferry \x1b[2Jservice was miraclear", 1)
        .replace("main pier", "main \u202e pier", 1)
    )
    path = tmp_path / "article.txt"
    path.write_text(f"Ferry \x1b]0;owned\x07service to resume\n\n{body}\n", encoding="utf-8")
    done = run("check", str(path), "--color", color)
    assert done.returncode == 1, done.stderr
    assert not any(attack in done.stdout for attack in TERMINAL_ATTACKS)
    assert "^[[2Jservice was" in done.stdout and "[U+202E]" in done.stdout
    assert "Ferry ^[]0;owned" in done.stdout


def test_an_escape_sequence_in_a_file_name_is_shown_in_the_error(tmp_path: Path) -> None:
    path = tmp_path / "gone\x1b[2J.txt"
    done = run("check", str(path))
    assert done.returncode == 2
    assert "\x1b" not in done.stderr
    one_sentence(done.stderr, "gone^[[2J.txt", "does not exist")


def test_ingest_refuses_a_store_with_corrupted_pages(corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    assert run("ingest", str(corpus), "--db", str(db), "--quiet").returncode == 0
    size = db.stat().st_size
    with db.open("r+b") as f:  # damage one page in the middle, as a failing disk would
        f.seek((size // 4096 // 2) * 4096 + 100)
        f.write(bytes((i * 37 + 11) % 256 for i in range(2000)))
    more = tmp_path / "more"
    more.mkdir()
    (more / "story.txt").write_text((EXAMPLES / "reworded.txt").read_text(encoding="utf-8"))
    before = db.read_bytes()
    done = run("ingest", str(more), "--db", str(db), "--quiet")
    assert done.returncode == 2, done.stdout
    one_sentence(done.stderr, str(db), "damaged")
    assert db.read_bytes() == before


def test_a_damaged_row_is_left_out_of_find_source(corpus: Path, tmp_path: Path) -> None:
    import sqlite3

    db = tmp_path / "c.db"
    assert run("ingest", str(corpus), "--db", str(db), "--quiet").returncode == 0
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE documents SET excluded = '[[1, 2' WHERE origin NOT LIKE '%original%'")
        (original,) = conn.execute("SELECT id FROM documents WHERE origin LIKE '%original%'")
    done = run("find-source", REWORDED, "--db", str(db), "--format", "json")
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    ranked = json.loads(done.stdout)["source_candidates"]
    assert [c["doc_id"] for c in ranked] == [str(original[0])]
