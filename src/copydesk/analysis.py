"""An article with its parse and ledger (`Analysed`): what checks, compare and corroborate
take. It sits below those stages, so each imports it without importing the orchestrator."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from copydesk.ledger import Ledger, build_ledger
from copydesk.nlp.annotate import Annotated, annotate, annotate_many
from copydesk.read.article import Article


@dataclass(frozen=True, slots=True)
class Analysed:
    """An article with its parse and ledger: what compare and corroborate take."""

    doc: Annotated
    ledger: Ledger

    @property
    def article(self) -> Article:
        return self.doc.article


def analyse(article: Article) -> Analysed:
    doc = annotate(article)
    return Analysed(doc, build_ledger(doc))


def analyse_many(articles: Iterable[Article]) -> list[Analysed]:
    """`analyse` for a batch: one `nlp.pipe` pass over all texts, then a ledger per article."""
    return [Analysed(doc, build_ledger(doc)) for doc in annotate_many(articles)]
