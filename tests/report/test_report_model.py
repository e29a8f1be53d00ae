"""The JSON report: built from a CheckResult, versioned, and its committed schema kept in step."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from conftest import EXAMPLES, ROOT
from pydantic import ValidationError
from report_fixtures import TEXT, at, contradicted_result, harbour_result

from copydesk.analysis import analyse
from copydesk.kinds import KINDS
from copydesk.model import Span
from copydesk.pipeline import CheckResult, check
from copydesk.read import read_input
from copydesk.read.article import Article
from copydesk.report.build import build_report
from copydesk.report.schema import SCHEMA_VERSION, Report, schema_json
from copydesk.source.model import AlignedSentence, Comparison, Label

SCHEMA_FILE = ROOT / "src" / "copydesk" / "report" / "schema.json"


@pytest.fixture(scope="module")
def result() -> CheckResult:
    return harbour_result()


@pytest.fixture(scope="module")
def report(result: CheckResult) -> Report:
    return build_report(result)


def test_committed_schema_is_the_generated_one() -> None:
    # A schema change must be made deliberately: regenerate with `copydesk schema`.
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_json()


def test_schema_is_versioned_and_documented() -> None:
    schema = json.loads(schema_json())
    assert schema["$id"].endswith(SCHEMA_VERSION)
    assert schema["title"] and schema["description"]
    assert schema["properties"]["schema_version"]["const"] == SCHEMA_VERSION
    for name, model in [("Report", schema), *schema["$defs"].items()]:
        for field, spec in model.get("properties", {}).items():
            assert spec.get("description"), f"{name}.{field} has no description"


def test_schema_enumerates_exactly_the_finding_kinds() -> None:
    kind = json.loads(schema_json())["$defs"]["Finding"]["properties"]["kind"]
    assert kind["enum"] == [k.code for k in KINDS]


def test_every_finding_carries_its_span_text_and_sentence(
    result: CheckResult, report: Report
) -> None:
    assert len(report.findings) == len(result.findings)
    for f in report.findings:
        assert f.text == TEXT[f.span.start : f.span.end]
        assert f.sentence is not None
        assert f.sentence.text == TEXT[f.sentence.span.start : f.sentence.span.end]
        assert f.sentence.span.start <= f.span.start and f.span.end <= f.sentence.span.end
    number = next(f for f in report.findings if f.kind == "copy.broken_number")
    assert number.text == "1, 200m"
    assert number.sentence is not None
    assert number.sentence.text == (
        "The Port of Halden approved a 1, 200m pier on Tuesday after a two-hour meeting."
    )
    assert number.suggestion == "1,200 m"


def test_a_finding_outside_the_body_gets_its_line_as_context(report: Report) -> None:
    junk = next(f for f in report.findings if f.kind == "copy.page_junk")
    assert junk.sentence is not None and junk.sentence.text == "Leave a Reply"


def test_summary_counts_per_severity_and_kind(report: Report) -> None:
    assert report.summary.total == 5
    assert report.summary.by_severity == {"major": 2, "minor": 2, "info": 1}
    assert report.summary.by_kind["attribution.loaded_verb"] == 1
    assert report.has_major()


def test_article_metadata_and_excluded_stretches(report: Report) -> None:
    a = report.article
    assert (a.title, a.outlet, a.url) == (
        "Harbour board approves new ferry pier",
        "Halden Herald",
        "https://news.example/halden/pier",
    )
    assert a.length == len(TEXT) and a.text == TEXT
    assert [(x.text, x.reason, x.label) for x in a.excluded] == [
        ("Leave a Reply", "junk", "comment form")
    ]


def test_ledger_is_carried_over(report: Report) -> None:
    (quote,) = report.ledger.quotations
    assert quote.speaker == "Ingrid Solberg" and quote.cue == "say" and quote.marked
    solberg = next(p for p in report.ledger.people if p.name == "Ingrid Solberg")
    assert [(r.title, r.side, r.former) for r in solberg.roles] == [("chairwoman", "Halden", False)]
    (conversion,) = report.ledger.conversions
    assert conversion.agrees and conversion.converted.text == "3,937 feet"


def test_json_round_trip(report: Report) -> None:
    again = Report.model_validate_json(report.model_dump_json())
    assert again == report
    assert json.loads(report.model_dump_json())["schema_version"] == SCHEMA_VERSION == "1.3"


def test_unknown_finding_kind_is_rejected(report: Report) -> None:
    data = json.loads(report.model_dump_json())
    data["findings"][0]["kind"] = "copy.typo"
    with pytest.raises(ValidationError, match="unknown finding kind"):
        Report.model_validate(data)


def test_generated_at_is_recorded(result: CheckResult) -> None:
    when = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
    assert build_report(result, generated_at=when).generated_at == when


def test_comparison_pairs_point_into_the_source(result: CheckResult) -> None:
    source = Article(
        "The Port of Halden approved a 1,200m pier on Tuesday.\nThe pier opens in 2027.\n",
        doc_id="halden-source",
        outlet="Halden Wire",
    )
    doc = result.analysed.doc
    first, second = doc.sentences[1], doc.sentences[2]
    comparison = Comparison(
        source=source,
        pairs=(
            AlignedSentence(1, first.span, (0,), (Span(0, 53),), Label.CHANGED, 0.82),
            AlignedSentence(2, second.span, (), (), Label.ADDED, 0.0),
        ),
        omitted=(Span(54, 77),),
        article_reuse=0.3,
        source_reuse=0.7,
        findings=(),
    )
    report = build_report(CheckResult(result.analysed, result.findings, comparison))
    assert report.comparison is not None
    changed, added = report.comparison.pairs
    assert changed.source[0].text == "The Port of Halden approved a 1,200m pier on Tuesday."
    assert changed.article.text == first.text and changed.label.value == "changed"
    assert added.source == [] and added.label.value == "added"
    assert [o.text for o in report.comparison.omitted] == ["The pier opens in 2027."]
    assert report.comparison.by_label == {"verbatim": 0, "paraphrase": 0, "changed": 1, "added": 1}
    assert report.comparison.source.outlet == "Halden Wire"


def test_corroboration_verdicts_with_evidence() -> None:
    report = build_report(contradicted_result())
    assert report.corroboration is not None
    (verdict,) = report.corroboration.verdicts
    assert verdict.verdict == "contradicted"
    assert verdict.text == "Mayor Lars Moe claimed the project would bring 300 jobs."
    assert verdict.evidence[0].outlet == "Fjord Post"
    assert report.corroboration.documents_considered == 4
    contradicted = next(f for f in report.findings if f.kind == "corroboration.contradicted")
    assert contradicted.span.start == at(TEXT, "300 jobs").start


def test_report_of_a_real_check_validates() -> None:
    article = read_input(str(EXAMPLES / "reworded.txt"))
    report = build_report(check(article))
    again = Report.model_validate_json(report.model_dump_json())
    assert again.article.text == article.text
    assert {f.kind for f in again.findings} <= {k.code for k in KINDS}
    for f in again.findings:
        assert f.text == article.text[f.span.start : f.span.end]


def test_analysed_ledger_reaches_the_report() -> None:
    text = (
        "Water talks resume in Lisbon\n"
        "“We are close to a deal,” said Marta Vidal, a spokeswoman for the ministry.\n"
    )
    analysed = analyse(Article(text))
    report = build_report(CheckResult(analysed, ()))
    assert len(report.ledger.quotations) == len(analysed.ledger.quotations)
    assert [p.name for p in report.ledger.people] == [p.name for p in analysed.ledger.people]
    assert report.summary.total == 0 and not report.has_major()
