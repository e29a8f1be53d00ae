"""The library's front door: one article in, a `CheckResult` out. Entry points call only this."""

from __future__ import annotations

from dataclasses import dataclass

from copydesk.checks import run_checks
from copydesk.compare.model import Comparison
from copydesk.corpus.model import Corroboration, SourceCandidate
from copydesk.ledger import Ledger, build_ledger
from copydesk.model import Finding
from copydesk.nlp.annotate import Annotated, annotate
from copydesk.read.article import Article


@dataclass(frozen=True, slots=True)
class Analysed:
    """An article with its parse and ledger: what compare and corroborate take."""

    doc: Annotated
    ledger: Ledger

    @property
    def article(self) -> Article:
        return self.doc.article


@dataclass(frozen=True, slots=True)
class CheckResult:
    analysed: Analysed
    findings: tuple[Finding, ...]  # all findings, from every stage, in text order
    comparison: Comparison | None = None
    source_candidates: tuple[SourceCandidate, ...] = ()
    corroboration: Corroboration | None = None

    @property
    def article(self) -> Article:
        return self.analysed.article


def analyse(article: Article) -> Analysed:
    doc = annotate(article)
    return Analysed(doc, build_ledger(doc))


def check(article: Article, source: Article | None = None) -> CheckResult:
    """Run the copy checks, and the source comparison when a source is given."""
    analysed = analyse(article)
    findings = list(run_checks(analysed.doc, analysed.ledger))
    comparison = None
    if source is not None:
        from copydesk.compare import compare

        comparison = compare(analysed, analyse(source))
        findings.extend(comparison.findings)
    return CheckResult(analysed, _ordered(findings), comparison)


def _ordered(findings: list[Finding]) -> tuple[Finding, ...]:
    return tuple(sorted(findings, key=lambda f: (f.span.start, f.span.end, f.kind)))
