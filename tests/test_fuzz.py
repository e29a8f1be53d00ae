"""Property-based fuzzing of read, annotate, the ledger, the checks, the diff and the command,
with articles mutated from the project's own examples: whitespace, control and direction
characters, truncation, odd quotation marks, lost words.

Whatever the mutation, an input is either read as an article or refused with one sentence
(`InputError`); an article read goes through every stage, and every span it reports lies
inside its text; the command exits 0, 1 or 2, never 70, and never prints a traceback.

CI runs a few examples per property (`FUZZ_EXAMPLES`); ``make fuzz`` runs the command's
property over 1,000 articles (``COPYDESK_FUZZ_EXAMPLES=1000``) and prints the tally.
"""

from __future__ import annotations

import io
import os
from collections import Counter
from collections.abc import Iterator
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest
from conftest import EXAMPLES, SEED
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from copydesk import cli, pipeline
from copydesk.errors import InputError
from copydesk.read import read_bytes
from copydesk.read.article import Article
from copydesk.report.build import build_report
from copydesk.report.html import render_html
from copydesk.report.schema import Report

#: Examples per property in CI: enough to try each kind of mutation a few times, and about
#: 20 s of the suite in all (an article takes 0.1-0.5 s through every stage on one core).
FUZZ_EXAMPLES = int(os.environ.get("COPYDESK_FUZZ_EXAMPLES", "12"))

FUZZ = settings(
    max_examples=FUZZ_EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


def _seeds() -> list[str]:
    paths = [EXAMPLES / "original.txt", EXAMPLES / "reworded.txt"]
    paths += [p for p in (SEED / "source.txt", SEED / "article.txt") if p.exists()]
    return [p.read_text(encoding="utf-8") for p in paths]


SEEDS = _seeds()
ORIGINAL = (EXAMPLES / "original.txt").read_text(encoding="utf-8")

#: What the mutations put in: runs of spaces and line breaks, no-break and zero-width spaces,
#: control characters, the direction controls, byte-order marks, every kind of quotation
#: mark, a combining accent, and punctuation that sentence splitting turns on.
INSERTS = (
    "  ",
    "   ",
    "\t",
    "\n",
    "\n\n\n",
    "\r",
    "\u00a0",
    "\u200b",
    "\u2028",
    "\ufeff",
    "\x00",
    "\x07",
    "\x1b[31m",
    "\u202e",
    "\u202d",
    "\u2066",
    "\u200f",
    '"',
    "'",
    "“",
    "”",
    "‘",
    "’",
    "«",
    "»",
    "„",
    "\u0301",
    ",",
    ".",
    ". ",
    "(",
    ")",
    " - ",
    "…",
)
QUOTES = ('"', "“", "”", "«", "»", "„", "'", "’", "‹", "›", "``", "''")


@st.composite
def mutated(draw: st.DrawFn) -> str:
    """A seed article with one to six mutations."""
    text = draw(st.sampled_from(SEEDS))
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(text)))
        kind = draw(st.sampled_from(["insert", "delete", "truncate", "drop_word", "quote", "case"]))
        if kind == "insert":
            text = text[:at] + draw(st.sampled_from(INSERTS)) + text[at:]
        elif kind == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 40)) :]
        elif kind == "truncate":
            text = text[:at]
        elif kind == "drop_word":
            # A word lost in transit leaves its two spaces: "secretary of  said".
            start = text.find(" ", at)
            end = text.find(" ", start + 1)
            if 0 <= start < end:
                text = text[: start + 1] + text[end:]
        elif kind == "quote":
            quote = draw(st.sampled_from(QUOTES))
            text = text.replace(draw(st.sampled_from(['"', "“", "”"])), quote, 3)
        else:
            text = text[:at] + text[at : at + 60].swapcase() + text[at + 60 :]
    return text


def _read(text: str) -> Article | None:
    try:
        return read_bytes(text.encode("utf-8", "surrogatepass"), origin="fuzz.txt")
    except InputError as exc:
        message = str(exc)
        assert message.endswith(".") and "\n" not in message, message
        return None


def _spans_inside(result: pipeline.CheckResult) -> None:
    n = len(result.article.text)
    for f in result.findings:
        assert 0 <= f.span.start <= f.span.end <= n, f
    report = build_report(result)
    Report.model_validate_json(report.model_dump_json())
    for f in report.findings:
        assert f.text == result.article.text[f.span.start : f.span.end]
    render_html(report)


@FUZZ
@given(text=mutated())
def test_read_refuses_or_reads(text: str) -> None:
    article = _read(text)
    if article is not None:
        assert article.text.strip()
        for ex in article.excluded:
            assert 0 <= ex.span.start <= ex.span.end <= len(article.text)


@FUZZ
@given(data=st.binary(max_size=64), cut=st.integers(0, 4000), seed=st.sampled_from(SEEDS))
def test_read_takes_any_bytes(data: bytes, cut: int, seed: str) -> None:
    """Truncated UTF-8, stray bytes: read or refused in one sentence."""
    raw = seed.encode("utf-8")
    try:
        read_bytes(raw[:cut] + data + raw[cut:], origin="fuzz.txt")
    except InputError as exc:
        assert str(exc).endswith("."), exc


@FUZZ
@given(text=mutated())
def test_every_stage_takes_a_mutated_article(text: str) -> None:
    article = _read(text)
    if article is not None:
        result = pipeline.check(article)
        _spans_inside(result)
        assert len(result.analysed.doc.tokens) > 0


@FUZZ
@given(text=mutated())
def test_the_diff_takes_a_mutated_article(text: str) -> None:
    article = _read(text)
    if article is not None:
        result = pipeline.check(article, _read(ORIGINAL))
        assert result.comparison is not None
        _spans_inside(result)


#: Exit codes of the command's fuzzed runs in this session, and tracebacks printed.
TALLY: Counter[str] = Counter()


@pytest.fixture(scope="module")
def tally() -> Iterator[Counter[str]]:
    yield TALLY
    if TALLY:
        runs = sum(v for k, v in TALLY.items() if k.startswith("exit "))
        codes = ", ".join(f"{k}: {v}" for k, v in sorted(TALLY.items()) if k.startswith("exit"))
        print(
            f"\nfuzzed the command on {runs} articles; {codes}; "
            f"exit 70: {TALLY['exit 70']}; tracebacks: {TALLY['tracebacks']}"
        )


@FUZZ
@given(text=mutated(), fmt=st.sampled_from(["json", "text", "html"]), source=st.booleans())
def test_the_command_never_fails_inside(
    text: str, fmt: str, source: bool, tmp_path: Path, tally: Counter[str]
) -> None:
    path = tmp_path / "fuzzed.txt"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    args = ["check", str(path), "--format", fmt]
    if source:
        args += ["--source", str(EXAMPLES / "original.txt")]
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = cli.main(args)
    tally[f"exit {code}"] += 1
    tally["tracebacks"] += "Traceback" in err.getvalue()
    assert code in (cli.EXIT_OK, cli.EXIT_MAJOR, cli.EXIT_ERROR), err.getvalue()
    assert "Traceback" not in err.getvalue()
    if code == cli.EXIT_ERROR:
        assert err.getvalue().count("\n") == 1 and err.getvalue().startswith("copydesk: ")
