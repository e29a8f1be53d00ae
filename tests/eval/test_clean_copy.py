"""Clean copy gets no finding: generated articles, the eval fixtures and the clean example."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from copydesk.pipeline import check_many

ROOT = Path(__file__).resolve().parents[2]


def test_clean_copy_gets_no_finding() -> None:
    spec = importlib.util.spec_from_file_location("clean_copy", ROOT / "eval" / "clean_copy.py")
    assert spec is not None and spec.loader is not None
    clean_copy = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(clean_copy)
    false_alarms = clean_copy.false_alarms
    results = check_many(clean_copy.clean_articles(40, seed=5))
    assert len(results) == 47  # 40 generated, the six eval fixtures and the clean example
    assert false_alarms(results) == {}, [
        (r.article.doc_id, f.kind, f.span.of(r.article.text)) for r in results for f in r.findings
    ]
