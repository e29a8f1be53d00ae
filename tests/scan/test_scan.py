"""copydesk scan: a report line per article, failures recorded, resume after a kill, jobs."""

from __future__ import annotations

import csv
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT
from support.command import ENV, copydesk
from support.processes import alive, kill_a_worker, workers
from support.synthetic import synthetic_articles

from copydesk.report.schema import Report
from copydesk.scan.records import findings_of

CASES = ROOT.parent / "shared" / "cases"
TEXTS = sorted(CASES.rglob("*.txt"))

pytestmark = pytest.mark.skipif(not TEXTS, reason="the shared cases are not checked out")


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return copydesk("scan", *args, timeout=300)


def _records(path: Path) -> list[dict]:
    """The records of the articles a scan read (the files that are none are skipped)."""
    records = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
    return [r for r in records if r["status"] != "skipped"]


def _same(records: list[dict]) -> list[tuple]:
    return [(r["origin"]["key"], r["status"], findings_of(r)) for r in records]


def _synthetic_folder(folder: Path, n: int, seed: int) -> Path:
    folder.mkdir()
    for article in synthetic_articles(n, seed=seed):
        (folder / f"{article.doc_id}.txt").write_text(article.text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def cases_scan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("scan") / "cases.jsonl"
    done = _run(str(CASES), "--out", str(out))
    assert done.returncode == 0, done.stderr
    return out


def test_every_case_gets_a_valid_report_line(cases_scan: Path) -> None:
    records = _records(cases_scan)
    assert sorted(r["origin"]["path"] for r in records) == [str(p) for p in TEXTS]
    for record in records:
        assert record["status"] == "ok"
        report = Report.model_validate(record["report"])
        assert report.article.text
    with cases_scan.with_suffix(".csv").open(newline="") as f:
        rows = [row for row in csv.DictReader(f) if row["status"] != "skipped"]
    assert len(rows) == len(TEXTS)
    seed = next(r for r in rows if r["origin"].endswith("seed/article.txt"))
    assert int(seed["major"]) + int(seed["minor"]) > 0


def test_a_filtered_scan_keeps_in_every_record_what_check_keeps(
    tmp_path: Path, cases_scan: Path
) -> None:
    out = tmp_path / "major.jsonl"
    done = _run(str(CASES), "--out", str(out), "--min-severity", "major", "--ignore", "copy")
    assert done.returncode == 0, done.stderr
    everything = {r["origin"]["key"]: r for r in _records(cases_scan)}
    records = _records(out)
    assert len(records) == len(everything)
    for record in records:
        kept = findings_of(record)
        expected = [
            f
            for f in findings_of(everything[record["origin"]["key"]])
            if f[3] == "major" and not f[0].startswith("copy.")
        ]
        assert kept == expected
        filtered = record["report"]["summary"]["filtered"]
        assert filtered["min_severity"] == "major" and filtered["ignore"] == ["copy"]
        assert filtered["total"] == len(findings_of(everything[record["origin"]["key"]])) - len(
            kept
        )
    with out.with_suffix(".csv").open(newline="") as f:
        assert all(row["minor"] in ("0", "") for row in csv.DictReader(f))


def test_a_scan_refuses_an_unknown_kind_before_it_starts(tmp_path: Path) -> None:
    done = _run(str(CASES), "--out", str(tmp_path / "x.jsonl"), "--ignore", "copy.typo")
    assert done.returncode == 2
    assert done.stderr.startswith("copydesk: Unknown finding kind 'copy.typo'")
    assert not (tmp_path / "x.jsonl").exists()


def test_a_failing_input_is_recorded_and_the_scan_goes_on(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    shutil.copy(CASES / "seed" / "article.txt", folder / "good.txt")
    (folder / "empty.html").write_text("<html><body></body></html>")
    out = tmp_path / "out.jsonl"
    done = _run(str(folder), "--out", str(out))
    assert done.returncode == 0, done.stderr
    records = {Path(r["origin"]["path"]).name: r for r in _records(out)}
    assert records["good.txt"]["status"] == "ok"
    failed = records["empty.html"]
    assert failed["status"] == "failed"
    assert failed["reason"].endswith(".") and "\n" not in failed["reason"]


def test_a_killed_scan_resumes_without_duplicates(tmp_path: Path, cases_scan: Path) -> None:
    out = tmp_path / "out.jsonl"
    proc = subprocess.Popen(
        [sys.executable, "-m", "copydesk", "scan", str(CASES), "--out", str(out)], env=ENV
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and (not out.exists() or out.stat().st_size == 0):
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    with out.open("a") as f:
        f.write('{"origin": {"key": "half a li')  # what a kill mid-write would leave
    done = _run(str(CASES), "--out", str(out))
    assert done.returncode == 0, done.stderr
    keys = [r["origin"]["key"] for r in _records(out)]
    assert len(keys) == len(set(keys)) == len(TEXTS)
    assert sorted(_same(_records(out))) == sorted(_same(_records(cases_scan)))


#: How long a scan may take to end once one of its workers is killed.
ENDS_WITHIN_S = 30


def _scan_on_two_jobs(folder: Path, out: Path) -> subprocess.Popen[bytes]:
    """``copydesk scan FOLDER --out OUT --jobs 2``, started."""
    command = [sys.executable, "-m", "copydesk", "scan", str(folder), "--out", str(out)]
    return subprocess.Popen([*command, "--jobs", "2"], env=ENV, stderr=subprocess.DEVNULL)


def test_a_killed_worker_is_redone_and_the_scan_ends(tmp_path: Path) -> None:
    folder = _synthetic_folder(tmp_path / "pages", 32, seed=5)
    out = tmp_path / "out.jsonl"
    proc = _scan_on_two_jobs(folder, out)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and (not out.exists() or out.stat().st_size == 0):
            time.sleep(0.01)
        kill_a_worker(proc.pid)
        written_at_kill = len(_records(out))
        proc.wait(timeout=ENDS_WITHIN_S)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert written_at_kill < 32, "the kill must land mid-way"
    assert proc.returncode == 0
    keys = [r["origin"]["key"] for r in _records(out)]
    assert len(keys) == len(set(keys)) == 32
    assert {r["status"] for r in _records(out)} == {"ok"}, "what the dead worker held is redone"
    again = _run(str(folder), "--out", str(out))
    assert again.returncode == 0, again.stderr
    assert len(_records(out)) == 32


def test_a_killed_scan_takes_its_workers_with_it_and_resumes(tmp_path: Path) -> None:
    folder = _synthetic_folder(tmp_path / "pages", 32, seed=8)
    out = tmp_path / "out.jsonl"
    proc = _scan_on_two_jobs(folder, out)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and len(workers(proc.pid)) < 2:
            time.sleep(0.01)
        left = workers(proc.pid)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    finally:
        if proc.poll() is None:
            proc.kill()
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and any(alive(pid) for pid in left):
        time.sleep(0.05)
    assert not any(alive(pid) for pid in left), "no worker outlives the scan"
    done = _run(str(folder), "--out", str(out), "--jobs", "2")
    assert done.returncode == 0, done.stderr
    keys = [r["origin"]["key"] for r in _records(out)]
    assert len(keys) == len(set(keys)) == 32


def test_a_full_output_is_one_sentence_and_exit_2(tmp_path: Path) -> None:
    folder = _synthetic_folder(tmp_path / "pages", 2, seed=3)
    done = _run(str(folder), "--out", "/dev/full")
    assert done.returncode == 2
    assert done.stderr.startswith("copydesk: Cannot write the scan to /dev/full: No space left")
    assert len(done.stderr.splitlines()) == 1
    out = tmp_path / "out.jsonl"
    done = _run(str(folder), "--out", str(out), "--summary", "/dev/full")
    assert done.returncode == 2
    assert done.stderr.startswith("copydesk: Cannot write the scan's summary to /dev/full")
    assert len(_records(out)) == 2, "the records are written before the summary"


def test_a_file_size_limit_stops_the_scan_with_whole_records_to_resume(tmp_path: Path) -> None:
    import resource

    folder = _synthetic_folder(tmp_path / "pages", 6, seed=4)
    out = tmp_path / "out.jsonl"

    def limit_files() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (20_000, 20_000))

    command = [sys.executable, "-m", "copydesk", "scan", str(folder), "--out", str(out)]
    limited = subprocess.run(
        command,
        env=ENV,
        preexec_fn=limit_files,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert limited.returncode == 2
    assert "Cannot write the scan to" in limited.stderr and "File too large" in limited.stderr
    assert 0 < out.stat().st_size <= 20_000
    done = _run(str(folder), "--out", str(out))
    assert done.returncode == 0, done.stderr
    keys = [r["origin"]["key"] for r in _records(out)]
    assert len(keys) == len(set(keys)) == 6


def test_a_second_scan_to_the_same_output_is_refused_while_the_first_writes(
    tmp_path: Path,
) -> None:
    folder = _synthetic_folder(tmp_path / "pages", 16, seed=6)
    out = tmp_path / "out.jsonl"
    command = [sys.executable, "-m", "copydesk", "scan", str(folder), "--out", str(out)]
    first = subprocess.Popen(command, env=ENV, stderr=subprocess.DEVNULL)
    try:
        while first.poll() is None and not out.exists():
            time.sleep(0.01)
        second = _run(str(folder), "--out", str(out))
        assert first.wait(timeout=300) == 0
    finally:
        if first.poll() is None:
            first.kill()
    assert second.returncode == 2
    assert second.stderr == (
        f"copydesk: Another scan is writing to {out}; wait for it to end or give another --out.\n"
    )
    keys = [r["origin"]["key"] for r in _records(out)]
    assert len(keys) == len(set(keys)) == 16


def test_two_jobs_give_the_same_records_as_one(tmp_path: Path, cases_scan: Path) -> None:
    out = tmp_path / "two.jsonl"
    done = _run(str(CASES), "--out", str(out), "--jobs", "2")
    assert done.returncode == 0, done.stderr
    one, two = _records(cases_scan), _records(out)
    assert _same(two) == _same(one)
    for a, b in zip(one, two, strict=True):
        a["report"].pop("generated_at")
        b["report"].pop("generated_at")
    assert two == one


def test_spark_finds_what_the_local_engine_finds(tmp_path: Path, cases_scan: Path) -> None:
    pytest.importorskip("pyspark", reason="pyspark is not installed (the 'spark' extra)")
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        pytest.skip("Spark needs Java, and none is installed")
    from copydesk.scan.spark import read_output

    out = tmp_path / "spark"
    done = _run(str(CASES), "--out", str(out), "--engine", "spark", "--jobs", "2")
    assert done.returncode == 0, done.stderr
    read = [r for r in read_output(out) if r["status"] != "skipped"]
    assert sorted(_same(read)) == sorted(_same(_records(cases_scan)))
    assert len(list((tmp_path / "spark.csv").glob("part-*"))) == 1


def test_spark_reads_the_index_files_as_the_local_engine_does(tmp_path: Path) -> None:
    pytest.importorskip("pyspark", reason="pyspark is not installed (the 'spark' extra)")
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        pytest.skip("Spark needs Java, and none is installed")
    from copydesk.scan.spark import read_output

    described, broken = tmp_path / "pages" / "described", tmp_path / "pages" / "broken"
    for folder in (described, broken):
        folder.mkdir(parents=True)
        shutil.copy(CASES / "seed" / "source.txt", folder / "story.txt")
    (described / "index.tsv").write_text(
        "file\turl\toutlet\tdate\twire\nstory.txt\thttps://news.example/a\tNews\t2025-02-17\tAFP\n"
    )
    (broken / "index.tsv").write_text("name\tlink\nstory.txt\thttps://news.example/b\n")
    local, spark = tmp_path / "local.jsonl", tmp_path / "spark"
    assert _run(str(tmp_path / "pages"), "--out", str(local)).returncode == 0
    done = _run(str(tmp_path / "pages"), "--out", str(spark), "--engine", "spark")
    assert done.returncode == 0, done.stderr
    records = {r["origin"]["key"]: r for r in read_output(spark)}
    assert sorted(_same(records.values())) == sorted(_same(_records(local)))
    assert records[str(described / "story.txt")]["report"]["article"]["url"] == (
        "https://news.example/a"
    )
    failed = records[str(broken / "index.tsv")]
    assert failed["status"] == "failed" and "has no 'file' column" in failed["reason"]


def test_nothing_to_scan_is_one_sentence_and_exit_2(tmp_path: Path) -> None:
    done = _run("--out", str(tmp_path / "x.jsonl"))
    assert done.returncode == 2
    assert done.stderr.strip().count("\n") == 0 and done.stderr.strip().endswith(".")


def test_the_spark_engine_without_pyspark_says_so_in_one_sentence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from copydesk import cli

    # pyspark is a development pin and the 'spark' extra, not a runtime dependency
    monkeypatch.setitem(sys.modules, "pyspark", None)
    monkeypatch.setitem(sys.modules, "pyspark.sql", None)
    code = cli.main(["scan", str(tmp_path), "--engine", "spark", "--out", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert code == 2
    assert err == (
        "copydesk: The Spark engine needs pyspark; install copydesk with its 'spark' extra.\n"
    )


def test_under_spark_a_damaged_input_is_one_failed_record(tmp_path: Path) -> None:
    pytest.importorskip("pyspark", reason="pyspark is not installed (the 'spark' extra)")
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        pytest.skip("Spark needs Java, and none is installed")
    import gzip

    from copydesk.scan.spark import read_output

    pages = tmp_path / "pages"
    pages.mkdir()
    story = (CASES / "seed" / "source.txt").read_text(encoding="utf-8")
    (pages / "good.txt").write_text(story, encoding="utf-8")
    whole = gzip.compress(json.dumps({"text": story, "id": "g1"}).encode() + b"\n")
    (pages / "cut.jsonl.gz").write_bytes(whole[: len(whole) // 2])
    lone = json.dumps({"text": story.replace("talks", "talks \ud800", 1), "id": "lone"})
    (pages / "lone.jsonl").write_text(lone + "\n", encoding="utf-8")
    os.mkfifo(pages / "pipe.txt")  # opened, it would block until someone writes to it
    for odd in ("report[2024].txt", "a,b.txt"):  # names Hadoop would read as patterns
        (pages / odd).write_text(story, encoding="utf-8")
    out = tmp_path / "spark"
    done = _run(str(pages), "--out", str(out), "--engine", "spark", "--quiet")
    assert done.returncode == 0, done.stderr
    assert done.stderr == "", "--quiet leaves Spark's log and progress bars out"
    named = {Path(r["origin"]["key"]).name: r for r in read_output(out)}
    assert named["pipe.txt"]["status"] == "failed"
    assert "not a regular file" in named["pipe.txt"]["reason"]
    assert named["report[2024].txt"]["status"] == named["a,b.txt"]["status"] == "ok"
    records = {Path(r["origin"]["key"]).name: r for r in read_output(out)}
    assert records["good.txt"]["status"] == "ok"
    assert records["lone"]["status"] == "ok"
    assert "\ufffd" in records["lone"]["report"]["article"]["text"]
    cut = records["cut.jsonl.gz"]
    assert cut["status"] == "failed" and cut["reason"].endswith(".")
