"""Clean copy gets no finding: generated articles, the eval fixtures and the clean example."""

from __future__ import annotations

from eval_scripts import load

from copydesk.pipeline import check_many


def test_clean_copy_gets_no_finding() -> None:
    clean_copy = load("clean_copy")
    false_alarms = clean_copy.false_alarms
    results = check_many(clean_copy.clean_articles(40, seed=5))
    assert len(results) == 47  # 40 generated, the six eval fixtures and the clean example
    assert false_alarms(results) == {}, [
        (r.article.doc_id, f.kind, f.span.of(r.article.text)) for r in results for f in r.findings
    ]
