"""`check_many` parses a batch in one pass and gives what `check` gives one at a time."""

from __future__ import annotations

from conftest import EXAMPLES

from copydesk.pipeline import check, check_many
from copydesk.read import read_input


def test_check_many_matches_check_article_by_article() -> None:
    articles = [read_input(str(EXAMPLES / name)) for name in ("reworded.txt", "original.txt")]
    batched = check_many(articles)
    assert [r.article for r in batched] == articles
    for article, result in zip(articles, batched, strict=True):
        assert result.findings == check(article).findings
    assert any(f.severity.value == "major" for f in batched[0].findings)
    assert not any(f.severity.value == "major" for f in batched[1].findings)
