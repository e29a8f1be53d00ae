"""The ``copydesk`` command, run as a user runs it: a subprocess, its exit code, its output."""

from __future__ import annotations

import argparse
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import EXAMPLES, ROOT
from support.command import copydesk

from copydesk.corpus.store import Store
from copydesk.report.schema import SCHEMA_VERSION, Report, SourceSearch, schema_json

CLEAN = """Library extends weekend opening hours
The city library will open on Sundays from next month, the council said on Monday.
The branch in the old market hall will stay open until six in the evening on weekdays.
“Readers asked for this for years, and we listened,” said Anna Berg, the head librarian.
The change will be reviewed after a year, the council said.
"""

# A number broken by a stray space is a major copy error under any reading of the rules.
BROKEN = """Bridge repairs to close the river road
The council said on Monday that repairs to the old bridge will cost 4, 500 pounds more than planned.
Work will start in May and last about six weeks, the council said.
"""

HOSTILE = """Council <script>alert("x")</script> votes on the harbour plan
The council said on Tuesday that it would vote on the harbour plan next week.
Members said the plan would need more money before work could start in the spring.
"""


def assert_usage_error(run: subprocess.CompletedProcess[str], *words: str) -> None:
    assert run.returncode == 2, run.stderr
    assert "Traceback" not in run.stderr
    last = run.stderr.strip().splitlines()[-1]
    assert last.startswith("copydesk: ")
    for word in words:
        assert word in last


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("articles")
    (folder / "clean.txt").write_text(CLEAN, encoding="utf-8")
    (folder / "broken.txt").write_text(BROKEN, encoding="utf-8")
    (folder / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def reworded_json() -> subprocess.CompletedProcess[str]:
    return copydesk(
        "compare",
        str(EXAMPLES / "reworded.txt"),
        str(EXAMPLES / "original.txt"),
        "--format",
        "json",
    )


def test_clean_article_exits_0(files: Path) -> None:
    run = copydesk("check", str(files / "clean.txt"), "--format", "json")
    assert run.returncode == 0, run.stdout + run.stderr
    report = Report.model_validate_json(run.stdout)
    assert report.summary.by_severity["major"] == 0


def test_major_finding_exits_1_and_points_at_it(files: Path) -> None:
    run = copydesk("check", str(files / "broken.txt"), "--format", "json")
    assert run.returncode == 1, run.stderr
    report = Report.model_validate_json(run.stdout)
    broken = [f for f in report.findings if f.kind == "copy.broken_number"]
    assert len(broken) == 1 and broken[0].text.startswith("4, 500")
    assert report.has_major()


def test_text_report_on_a_pipe_is_plain(files: Path) -> None:
    run = copydesk("check", str(files / "broken.txt"))
    assert run.returncode == 1
    assert "\x1b[" not in run.stdout
    assert "MAJOR (1)" in run.stdout and "[[4, 500" in run.stdout


def test_colour_can_be_forced(files: Path) -> None:
    run = copydesk("check", str(files / "broken.txt"), "--color", "always")
    assert run.returncode == 1
    assert "\x1b[" in run.stdout and "[[4, 500" not in run.stdout


def test_stdin_is_read_with_a_dash() -> None:
    run = copydesk("check", "-", "--format", "json", stdin=BROKEN)
    assert run.returncode == 1, run.stderr
    assert Report.model_validate_json(run.stdout).article.text == BROKEN


def test_compare_reports_the_source_and_validates(
    reworded_json: subprocess.CompletedProcess[str],
) -> None:
    assert reworded_json.returncode == 1, reworded_json.stderr
    report = Report.model_validate_json(reworded_json.stdout)
    assert report.comparison is not None
    assert report.comparison.source.origin is not None
    assert report.comparison.source.origin.endswith("original.txt")
    assert report.article.declared_source == "Iberian Press"
    assert any(f.kind.startswith("source.") for f in report.findings)
    for f in report.findings:
        assert f.text == report.article.text[f.span.start : f.span.end]


def test_missing_file_is_a_usage_error(files: Path) -> None:
    assert_usage_error(copydesk("check", str(files / "nowhere.txt")), "nowhere.txt")


def test_empty_file_is_a_usage_error(files: Path) -> None:
    assert_usage_error(copydesk("check", str(files / "empty.txt")), "empty.txt")


def test_bad_option_is_a_usage_error(files: Path) -> None:
    assert_usage_error(copydesk("check", str(files / "clean.txt"), "--format", "pdf"), "pdf")
    assert_usage_error(copydesk("check", str(files / "clean.txt"), "--colour", "never"))
    assert_usage_error(copydesk("frobnicate"))


def test_out_into_a_missing_folder_is_a_usage_error(files: Path) -> None:
    target = files / "no" / "such" / "report.html"
    run = copydesk("check", str(files / "clean.txt"), "--format", "html", "--out", str(target))
    assert_usage_error(run, "does not exist")
    assert not target.exists()


def test_out_onto_a_folder_is_a_usage_error(files: Path) -> None:
    run = copydesk("check", str(files / "clean.txt"), "--out", str(files))
    assert_usage_error(run, "folder")


def test_html_out_writes_an_escaped_page(files: Path, tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    run = copydesk("check", str(files / "hostile.txt"), "--format", "html", "--out", str(page))
    assert run.returncode in (0, 1), run.stderr
    assert run.stdout == ""
    html = page.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert "&lt;script&gt;" in html
    assert "<script" not in html.lower()


def test_json_out_writes_the_report(files: Path, tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    run = copydesk("check", str(files / "broken.txt"), "--format", "json", "--out", str(target))
    assert run.returncode == 1 and run.stdout == ""
    report = Report.model_validate_json(target.read_text(encoding="utf-8"))
    assert report.article.origin is not None and report.article.origin.endswith("broken.txt")


def test_schema_command_prints_the_committed_schema() -> None:
    run = copydesk("schema")
    assert run.returncode == 0
    assert run.stdout == schema_json()
    committed = ROOT / "src" / "copydesk" / "report" / "schema.json"
    assert run.stdout == committed.read_text(encoding="utf-8")


def test_schema_command_prints_the_find_source_schema() -> None:
    run = copydesk("schema", "find-source")
    assert run.returncode == 0
    committed = ROOT / "src" / "copydesk" / "report" / "find-source.schema.json"
    assert run.stdout == schema_json("find-source") == committed.read_text(encoding="utf-8")
    schema = json.loads(run.stdout)
    assert schema["$id"] == f"urn:copydesk:find-source:{SCHEMA_VERSION}"
    assert {"schema_version", "article", "source_candidates"} <= set(schema["required"])
    assert_usage_error(copydesk("schema", "ledger"), "invalid choice")


def test_corpus_commands_need_an_existing_corpus(files: Path) -> None:
    run = copydesk("find-source", str(files / "clean.txt"), "--db", str(files / "none.db"))
    assert_usage_error(run, "copydesk ingest")
    assert not (files / "none.db").exists()
    assert_usage_error(copydesk("find-source", str(files / "clean.txt")), "--db")


@pytest.mark.parametrize("form", ["text", "json"])
def test_closed_output_pipe_is_reported_in_one_line(files: Path, form: str) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "copydesk", "check", str(files / "broken.txt"), "--format", form],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # the reader goes away before the report is written
    err = process.stderr.read().decode()
    process.wait(timeout=60)
    assert process.returncode == 141
    assert err.strip() == "copydesk: the output was closed before the report was written."


#: The number of the read system call, by machine, as /proc/PID/syscall shows it.
_READ_SYSCALL = {"x86_64": "0", "aarch64": "63"}


def _wait_until_reading_stdin(pid: int, limit_s: float = 60.0) -> None:
    """Wait until the process blocks reading its stdin, so the interrupt lands in the command
    and not in the interpreter's start-up (which a loaded machine can stretch past any fixed
    sleep). Where /proc does not tell, wait a fixed while."""
    read = _READ_SYSCALL.get(os.uname().machine)
    deadline = time.monotonic() + limit_s
    while read is not None and time.monotonic() < deadline:
        try:
            fields = Path(f"/proc/{pid}/syscall").read_text().split()
        except OSError:
            break
        if fields[:2] == [read, "0x0"]:  # read(0, ...): waiting for the article on stdin
            return
        time.sleep(0.05)
    time.sleep(1.5)


def _interruptible() -> None:
    """In the child: Ctrl-C interrupts, as in a terminal, even when the suite itself runs as
    a background job (which starts its children with SIGINT ignored)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_interrupt_exits_130_without_a_traceback() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "copydesk", "check", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        preexec_fn=_interruptible,  # noqa: PLW1509 (the child starts single-threaded)
    )
    _wait_until_reading_stdin(process.pid)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130
    assert err.strip() == "copydesk: interrupted."


OTHER_COVERAGE = """Portugal and Spain settle Tagus flow dispute
LISBON, Thursday. Spanish and Portuguese officials settled a long dispute over the Tagus on
Thursday, agreeing that Spain will send more water downstream in summer.
The Spanish side was led by Environment Minister Lucía Serrano; Rui Antunes, Portugal's
infrastructure minister, headed his country's team.
Both governments are expected to sign the accord before the end of the year.
"""


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("coverage")
    (folder / "wire.txt").write_text(
        (EXAMPLES / "original.txt").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (folder / "other.txt").write_text(OTHER_COVERAGE, encoding="utf-8")
    (folder / "library.txt").write_text(CLEAN, encoding="utf-8")
    db = folder / "corpus.db"
    run = copydesk("ingest", str(folder), "--db", str(db), "--quiet")
    assert run.returncode == 0, run.stderr
    assert "3 added" in run.stdout
    return db


def test_find_source_ranks_the_original_first(corpus: Path) -> None:
    run = copydesk(
        "find-source", str(EXAMPLES / "reworded.txt"), "--db", str(corpus), "--format", "json"
    )
    assert run.returncode == 0, run.stderr
    search = SourceSearch.model_validate_json(run.stdout)
    assert search.schema_version == SCHEMA_VERSION
    assert search.article.origin is not None and search.article.origin.endswith("reworded.txt")
    candidates = json.loads(run.stdout)["source_candidates"]
    assert candidates and candidates[0]["reuse_share"] > 0.3
    with Store.open(corpus) as store:
        origins = [store.get(c["doc_id"]).origin or "" for c in candidates]
    assert origins[0].endswith("wire.txt")
    assert not any(origin.endswith("library.txt") for origin in origins)


def test_find_source_table_is_plain_on_a_pipe_and_coloured_on_request(
    corpus: Path, tmp_path: Path
) -> None:
    article = str(EXAMPLES / "reworded.txt")
    run = copydesk("find-source", article, "--db", str(corpus))
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert "Source candidates" in lines[0] and "\x1b[" not in run.stdout
    assert not [line for line in lines if line.endswith(" ")]
    out = tmp_path / "ranking.txt"
    forced = copydesk(
        "find-source", article, "--db", str(corpus), "--out", str(out), "--color", "always"
    )
    assert forced.returncode == 0, forced.stderr
    assert "\x1b[" in out.read_text(encoding="utf-8")


def test_check_with_a_corpus_redlines_against_the_source_found(corpus: Path) -> None:
    run = copydesk("check", str(EXAMPLES / "reworded.txt"), "--db", str(corpus), "--format", "json")
    assert run.returncode == 1, run.stderr
    report = Report.model_validate_json(run.stdout)
    assert report.source_candidates
    assert report.comparison is not None
    assert report.comparison.source.doc_id == report.source_candidates[0].doc_id
    assert report.corroboration is not None
    assert any(f.kind == "source.role_swap" for f in report.findings)


def test_corroborate_labels_claims_against_the_corpus(corpus: Path) -> None:
    run = copydesk(
        "corroborate", str(EXAMPLES / "reworded.txt"), "--db", str(corpus), "--format", "json"
    )
    assert run.returncode in (0, 1), run.stderr
    report = Report.model_validate_json(run.stdout)
    assert report.corroboration is not None
    assert report.corroboration.documents_considered >= 1
    assert report.corroboration.verdicts
    assert all(f.kind.startswith("corroboration.") for f in report.findings)
    assert run.returncode == (1 if report.has_major() else 0)


def test_a_fault_inside_copydesk_is_one_line_and_exit_70(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from copydesk import cli, pipeline

    def broken_check(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("the ledger is inconsistent")

    monkeypatch.setattr(pipeline, "check", broken_check)
    monkeypatch.delenv("COPYDESK_DEBUG", raising=False)
    article = tmp_path / "clean.txt"
    article.write_text(CLEAN, encoding="utf-8")
    assert cli.main(["check", str(article)]) == 70
    err = capsys.readouterr().err
    assert err.startswith("copydesk: internal error (RuntimeError: the ledger is inconsistent)")
    assert "Traceback" not in err and err.count("\n") == 1
    monkeypatch.setenv("COPYDESK_DEBUG", "1")
    with pytest.raises(RuntimeError):
        cli.main(["check", str(article)])


# --- filters: --min-severity and --ignore ---------------------------------------------------


def test_filters_keep_what_they_say_and_count_what_they_left_out(
    reworded_json: subprocess.CompletedProcess[str],
) -> None:
    everything = Report.model_validate_json(reworded_json.stdout)
    run = copydesk(
        "compare",
        str(EXAMPLES / "reworded.txt"),
        str(EXAMPLES / "original.txt"),
        "--format",
        "json",
        "--min-severity",
        "minor",
        "--ignore",
        "spin,source.role_swap",
    )
    assert run.returncode == 1, run.stderr
    kept = Report.model_validate_json(run.stdout)

    def left_out_for_kind(kind: str) -> bool:
        return kind == "source.role_swap" or kind.startswith("spin.")

    expected = [
        (f.kind, f.span)
        for f in everything.findings
        if f.severity.value != "info" and not left_out_for_kind(f.kind)
    ]
    assert [(f.kind, f.span) for f in kept.findings] == expected
    assert any(f.kind == "source.role_swap" for f in everything.findings)
    summary = kept.summary
    assert summary.total == len(kept.findings) and summary.by_severity["info"] == 0
    filtered = summary.filtered
    assert filtered.min_severity.value == "minor"
    assert filtered.ignore == ["source.role_swap", "spin"]
    assert filtered.total == everything.summary.total - summary.total
    assert filtered.below_min_severity == everything.summary.by_severity["info"]
    assert filtered.ignored == sum(
        1 for f in everything.findings if f.severity.value != "info" and left_out_for_kind(f.kind)
    )
    for kind, n in everything.summary.by_kind.items():
        assert summary.by_kind.get(kind, 0) + filtered.by_kind.get(kind, 0) == n
    # what a filter leaves out is not shown; what the article is, is read from everything
    assert kept.rewording == everything.rewording
    assert everything.summary.filtered.total == 0


def test_ignore_before_the_article_leaves_the_article_alone(files: Path) -> None:
    broken = str(files / "broken.txt")
    run = copydesk("check", "--ignore", "spin", "--ignore", "copy", broken, "--format", "json")
    assert run.returncode == 0, run.stderr
    filtered = Report.model_validate_json(run.stdout).summary.filtered
    assert sorted(filtered.ignore) == ["copy", "spin"]
    assert filtered.by_kind == {"copy.broken_number": 1}


def test_the_exit_code_follows_the_findings_kept(files: Path) -> None:
    broken = str(files / "broken.txt")
    assert copydesk("check", broken, "--min-severity", "major").returncode == 1
    assert copydesk("check", broken, "--ignore", "copy.broken_number").returncode == 0
    run = copydesk("check", broken, "--ignore", "copy", "--format", "json")
    assert run.returncode == 0
    assert Report.model_validate_json(run.stdout).summary.filtered.by_kind == {
        "copy.broken_number": 1
    }


def test_filters_mean_the_same_in_text_and_html(tmp_path: Path) -> None:
    pair = (str(EXAMPLES / "reworded.txt"), str(EXAMPLES / "original.txt"))
    text = copydesk("compare", *pair, "--min-severity", "major")
    assert text.returncode == 1
    assert "MAJOR (" in text.stdout and "MINOR (" not in text.stdout and "INFO (" not in text.stdout
    assert " 0 minor, 0 info findings" in text.stdout
    pages = {}
    for name, extra in (("all", ()), ("major", ("--min-severity", "major"))):
        page = tmp_path / f"{name}.html"
        assert (
            copydesk("compare", *pair, *extra, "--format", "html", "--out", str(page)).returncode
            == 1
        )
        pages[name] = page.read_text(encoding="utf-8")
    listed = {
        name: re.findall(r'<li id="n\d+" class="finding (\w+)', page)
        for name, page in pages.items()
    }
    assert "minor" in listed["all"]
    assert listed["major"] == [s for s in listed["all"] if s == "major"]


@pytest.mark.parametrize("kind", ["spin.typo", "spin.*", "Spin", "major"])
def test_an_unknown_kind_is_one_sentence(files: Path, kind: str) -> None:
    run = copydesk("check", str(files / "nowhere.txt"), "--ignore", kind)
    assert_usage_error(run, repr(kind), "--ignore")
    assert run.stderr.count("\n") == 1 and "nowhere" not in run.stderr


@pytest.mark.parametrize(
    ("arguments", "words"),
    [
        (("check", "{clean}", "--min-severity", "high"), ("'high'", "'major'", "check --help")),
        (("check", "{clean}", "--format", "xml"), ("'xml'", "'html'")),
        (("compare", "{clean}"), ("SOURCE", "compare --help")),
        (("find-source", "{clean}", "--limit", "0"), ("--limit",)),
        (("scan", "{clean}", "--ignore"), ("--ignore",)),
    ],
)
def test_a_bad_value_or_a_missing_argument_is_one_sentence(
    files: Path, arguments: tuple[str, ...], words: tuple[str, ...]
) -> None:
    clean = str(files / "clean.txt")
    run = copydesk(*(a.format(clean=clean) for a in arguments))
    assert_usage_error(run, *words)
    assert run.stderr.count("\n") == 1, run.stderr


# --- --lang en ------------------------------------------------------------------------------

# English football results: club names and scores, a few English words. The language check
# reads it as another language; its author knows it is English.
RESULTS = """Turkish Super Lig results
Galatasaray 2 Fenerbahce 1
Besiktas 0 Trabzonspor 0
Basaksehir 3 Antalyaspor 1
Kasimpasa 1 Konyaspor 2
Sivasspor 2 Alanyaspor 2
Kayserispor 1 Gaziantep 0
Rizespor 4 Hatayspor 1
Icardi 34, Mertens 71; Dzeko 58
Aboubakar 12, 66, Visca 80
Galatasaray lead the table on 61 points, Fenerbahce are second.
"""


def test_lang_en_accepts_english_the_language_check_refuses(tmp_path: Path) -> None:
    brief = tmp_path / "results.txt"
    brief.write_text(RESULTS, encoding="utf-8")
    assert_usage_error(copydesk("check", str(brief)), "does not look like English")
    run = copydesk("check", str(brief), "--lang", "en", "--format", "json")
    assert run.returncode in (0, 1), run.stderr
    assert Report.model_validate_json(run.stdout).article.text == RESULTS
    piped = copydesk("compare", "-", str(brief), "--lang", "en", stdin=RESULTS)
    assert piped.returncode in (0, 1), piped.stderr


def test_lang_takes_only_en(files: Path, tmp_path: Path) -> None:
    run = copydesk("check", str(files / "clean.txt"), "--lang", "tr")
    assert_usage_error(run, "--lang", "'en'", "'tr'")
    assert run.stderr.count("\n") == 1
    missing = tmp_path / "missing.db"
    scan = copydesk(
        "scan", "--db", str(missing), "--out", str(tmp_path / "s.jsonl"), "--lang", "tr"
    )
    assert_usage_error(scan, "--lang", "'tr'")
    assert not missing.exists()


# --- help and width -------------------------------------------------------------------------


def test_help_lists_every_exit_code() -> None:
    run = copydesk("--help")
    assert run.returncode == 0
    epilog = run.stdout[run.stdout.index("Exit codes") :]
    codes = [line.split()[0] for line in epilog.splitlines()[1:] if line[:3].strip().isdigit()]
    from copydesk.cli import EXIT_CODES

    assert codes == [str(code) for code in EXIT_CODES] == ["0", "1", "2", "70", "130", "141"]


def test_every_argument_of_every_command_says_what_it_is() -> None:
    from copydesk.cli import build_parser

    [commands] = [a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction)]
    for name, parser in commands.choices.items():
        for action in parser._actions:
            # more than a default: the words before "(default: ...)"
            words = (action.help or "").split("(default")[0].strip()
            assert words, f"copydesk {name} {action.dest}"


@pytest.mark.parametrize("columns", [60, 200])
def test_text_output_honours_columns(files: Path, columns: int) -> None:
    run = copydesk("check", str(files / "broken.txt"), env={"COLUMNS": str(columns)})
    assert run.returncode == 1
    widths = [len(line) for line in run.stdout.splitlines()]
    assert max(widths) <= columns
    assert not [line for line in run.stdout.splitlines() if line.endswith(" ")]
    # the broken number's sentence (108 characters with its indent) wraps only when narrow
    sentence = "the old bridge will cost [[4, 500 pounds]] more than planned."
    assert (sentence in run.stdout) == (columns == 200)
