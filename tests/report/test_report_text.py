"""The terminal report: findings grouped by severity, each with its span highlighted."""

from __future__ import annotations

import io
import re

import pytest
from report_fixtures import TEXT, contradicted_result, harbour_result, missing_speaker

from copydesk.filtering import FindingFilter
from copydesk.pipeline import CheckResult, apply_filter
from copydesk.report.build import build_report
from copydesk.report.text import make_console, render_text, text_report

ANSI = re.compile(r"\x1b\[[0-9;]*m")


@pytest.fixture(scope="module")
def plain() -> str:
    return text_report(build_report(harbour_result()), color="never")


def test_findings_are_grouped_major_then_minor_then_info(plain: str) -> None:
    major, minor, info = plain.index("MAJOR (2)"), plain.index("MINOR (2)"), plain.index("INFO (1)")
    assert major < minor < info
    # the header's rewording line names fingerprint kinds too: look below the headings
    assert major < plain.index("copy.broken_number", major) < minor
    assert major < plain.index("attribution.empty_speaker", major) < minor
    assert minor < plain.index("attribution.loaded_verb", minor) < info
    assert minor < plain.index("copy.page_junk", minor) < info
    assert info < plain.index("source.unmatched", info)


def test_each_finding_shows_its_sentence_with_the_span_marked(plain: str) -> None:
    assert (
        "The Port of Halden approved a [[1, 200m]] pier on Tuesday after a two-hour meeting."
        in plain
    )
    assert "Mayor Lars Moe [[claimed]] the project would bring 300 jobs." in plain
    assert "[[According to  ,]] the terminal will open" in plain
    assert "[[Leave a Reply]]" in plain


def test_messages_and_suggestions_are_shown(plain: str) -> None:
    assert "The number is broken by a stray space." in plain
    assert "suggestion: 1,200 m" in plain
    assert "suggestion: said" in plain


def test_header_names_the_article(plain: str) -> None:
    head = plain[: plain.index("MAJOR")]
    assert "Harbour board approves new ferry pier" in head
    assert "Halden Herald" in head and "https://news.example/halden/pier" in head
    assert "2 major, 2 minor, 1 info findings" in head


def test_a_filtered_report_says_what_it_left_out(plain: str) -> None:
    result = apply_filter(harbour_result(), FindingFilter.of("major", ["copy"]))
    filtered = text_report(build_report(result), color="never")
    head = filtered[: filtered.index("MAJOR")]
    assert "1 major, 0 minor, 0 info finding\n" in head
    assert "4 findings left out: 3 below major; 1 of the kinds ignored (copy)" in head
    assert "left out" not in plain


def test_ledger_lists_quotations_people_and_conversions(plain: str) -> None:
    ledger = plain[plain.index("Ledger") :]
    assert "Ingrid Solberg" in ledger and "This is a historic day for the town," in ledger
    assert "chairwoman (Halden)" in ledger
    assert "mayor" in ledger
    conversions = ledger[ledger.index("Conversions checked") :]
    assert "1,200m" in conversions and "3,937 feet" in conversions and "yes" in conversions


def test_plain_output_has_no_escape_codes_and_no_trailing_spaces(plain: str) -> None:
    assert not ANSI.search(plain)
    assert all(line == line.rstrip() for line in plain.splitlines())


def test_colour_highlights_the_span_itself() -> None:
    coloured = text_report(build_report(harbour_result()), color="always")
    assert ANSI.search(coloured)
    assert "[[" not in coloured
    assert re.search(r"approved a \x1b\[[0-9;]*m1, 200m\x1b\[0m pier", coloured)
    assert re.search(r"Lars Moe \x1b\[[0-9;]*mclaimed\x1b\[0m the project", coloured)


def test_auto_colour_is_off_when_not_a_terminal() -> None:
    buffer = io.StringIO()
    render_text(build_report(harbour_result()), make_console("auto", file=buffer))
    assert not ANSI.search(buffer.getvalue())
    assert "[[1, 200m]]" in buffer.getvalue()


def test_no_findings_says_so() -> None:
    result = harbour_result()
    clean = text_report(build_report(CheckResult(result.analysed, ())))
    assert "No findings." in clean
    assert "0 major, 0 minor, 0 info findings" in clean
    assert "MAJOR" not in clean


def test_document_text_is_never_read_as_markup() -> None:
    text = TEXT.replace("a two-hour meeting", "a [bold red]two-hour[/] meeting :smile:")
    result = harbour_result(text)
    out = text_report(build_report(result), width=200)
    assert "a [bold red]two-hour[/] meeting :smile:" in out


def test_a_long_sentence_is_cut_around_the_span() -> None:
    filler = "and the board also discussed the dredging of the inner harbour " * 12
    text = TEXT.replace("after a two-hour meeting.", f"after a meeting {filler.strip()}.")
    result = harbour_result(text)
    number = next(f for f in result.findings if f.kind == "copy.broken_number")
    out = text_report(build_report(CheckResult(result.analysed, (number,))), width=400)
    line = next(line for line in out.splitlines() if "[[1, 200m]]" in line)
    assert line.rstrip().endswith("…")
    assert len(line.strip()) < 360


def test_corroboration_table_and_evidence_outlet() -> None:
    out = text_report(build_report(contradicted_result()), width=160)
    assert "evidence: Fjord Post (https://fjordpost.example/a?id=17&lang=en)" in out
    assert "Moe told the council the pier would bring <b>about 30</b> jobs." in out
    table = out[out.index("Corroboration (4 other documents considered)") :]
    assert "contradicted" in table and "the project brings 300 jobs" in table
    assert "30 ≠ 300" in table


def test_empty_span_is_still_visible() -> None:
    result = harbour_result()
    out = text_report(build_report(CheckResult(result.analysed, (missing_speaker(),))))
    assert "According to [[∅]] , the terminal" in out
