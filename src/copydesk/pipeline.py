"""The library's front door: one article in, a `CheckResult` out. Entry points call only this."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from copydesk.analysis import Analysed, analyse, analyse_many
from copydesk.checks import run_checks
from copydesk.checks.verdict import Rewording, rewording
from copydesk.corpus.model import Candidate, Corroboration, Family
from copydesk.house import PLAIN, HouseStyle
from copydesk.model import Finding, Severity
from copydesk.read.article import Article

if TYPE_CHECKING:
    from copydesk.corpus.store import Store
    from copydesk.filtering import FindingFilter
    from copydesk.source.model import Comparison

#: Threads the source's sentences are embedded on: with the source parsed, only the
#: article's checks are left to run meanwhile, so two cores share the model's work. Measured
#: on `bench/compare_speed.py`'s pair, the whole `copydesk compare`: median 3.05 s on two
#: threads, 3.17 s on one (six runs each, alternated).
SOURCE_EMBED_THREADS = 2

#: Source candidates kept in a report made with a corpus.
SOURCE_CANDIDATES = 5


@dataclass(frozen=True, slots=True)
class CheckResult:
    analysed: Analysed
    findings: tuple[Finding, ...]  # all findings, from every stage, in text order
    comparison: Comparison | None = None
    source_candidates: tuple[Candidate, ...] = ()
    corroboration: Corroboration | None = None
    verdict: Rewording | None = None  # read from the article's own checks, source or none
    family: Family | None = None  # the copies of the article's story found in a corpus
    filtered: tuple[Finding, ...] = ()  # findings a `FindingFilter` left out of `findings`
    keep: FindingFilter | None = None  # the filter applied, if any (`filtering.apply`)

    @property
    def rewording(self) -> Rewording:
        """How likely a machine reworded the article (from its findings when not given)."""
        return self.verdict or rewording(self.analysed.doc, self.findings)

    @property
    def article(self) -> Article:
        return self.analysed.article


def check(
    article: Article,
    source: Article | None = None,
    store: Store | None = None,
    house: HouseStyle = PLAIN,
) -> CheckResult:
    """Run the copy checks; with a ``source``, redline against it; with a corpus ``store``,
    also find the source there (the original among the copies of the article's story,
    `find_source.provenance`, unless a ``source`` is given) and corroborate every claim
    against the independent coverage. The ``house`` style drops the findings on the words it
    accepts before the rewording score is read, and sets its severities."""
    if not isinstance(article, Article) or not isinstance(source, Article | None):
        raise TypeError(
            "pipeline.check takes Articles (copydesk.read makes them); copydesk.check takes "
            "text, a path or a URL."
        )
    ahead = None
    parsed: list[Analysed] = []
    if source is not None:
        # The sentence model loads, and embeds the sentences each text most likely has, on a
        # worker thread while this one loads the parser and parses; what the parse splits
        # otherwise is embedded once it is known (`copydesk.source.embed.VectorsAhead`).
        from copydesk.source import VectorsAhead, embed_ahead, embed_likely

        ahead = VectorsAhead()
        embed_likely(ahead, article, source)
        analysed = analyse(article)
        embed_ahead(ahead, analysed)
        parsed.append(analyse(source))
        embed_ahead(ahead, parsed[0], SOURCE_EMBED_THREADS)
    else:
        analysed = analyse(article)
    findings = house.apply(run_checks(analysed.doc, analysed.ledger), analysed.doc)
    verdict = rewording(analysed.doc, findings)
    candidates: tuple[Candidate, ...] = ()
    family = None
    if store is not None:
        # Imported here for start-up speed: the store loads SQLite, datasketch and scipy,
        # which a check without a corpus never needs.
        from copydesk.corpus.find_source import provenance

        found = provenance(store, article, limit=SOURCE_CANDIDATES)
        candidates, family = found.candidates, found.family
        if source is None:
            source = found.source
    comparison = None
    if source is not None:
        # Imported here for start-up speed: compare imports the aligner and ERRANT, which a
        # check without a source never needs.
        from copydesk.source import compare

        if not parsed:  # the source found in the store
            parsed.append(analyse(source))
        comparison = compare(analysed, parsed[0], ahead)
        changes = house.apply(comparison.findings, analysed.doc)
        findings = [*_not_echoed(findings, changes), *changes]
    corroboration = None
    if store is not None:
        # Imported here for start-up speed: corroboration's modules take about 50 ms to
        # import, which a check without a corpus never needs.
        from copydesk.corpus.corroborate import corroborate_from_store

        corroboration = corroborate_from_store(store, analysed, parsed=parsed, family=family)
        findings.extend(house.apply(corroboration.findings, analysed.doc))
    return CheckResult(
        analysed, _ordered(findings), comparison, candidates, corroboration, verdict, family
    )


def _not_echoed(found: list[Finding], against_source: list[Finding]) -> list[Finding]:
    """The article's own fingerprints, less those a finding against the source already makes
    at the same words ("performed down" is a broken phrase either way; the source's finding
    names the source's words)."""
    changes = [f.span for f in against_source if f.severity is not Severity.INFO]
    return [
        f
        for f in found
        if not (f.kind.startswith("spin.") and any(f.span.overlaps(s) for s in changes))
    ]


def _ordered(findings: list[Finding]) -> tuple[Finding, ...]:
    return tuple(sorted(findings, key=lambda f: (f.span.start, f.span.end, f.kind)))


def check_many(articles: Iterable[Article], house: HouseStyle = PLAIN) -> list[CheckResult]:
    """`check` (without a source) for a batch of articles, parsed together."""
    results = []
    for analysed in analyse_many(articles):
        findings = house.apply(run_checks(analysed.doc, analysed.ledger), analysed.doc)
        results.append(CheckResult(analysed, _ordered(findings)))
    return results


def corroborate(article: Article, store: Store, house: HouseStyle = PLAIN) -> CheckResult:
    """Only the corroboration of the article's claims against the corpus, as a `CheckResult`
    whose findings are the contradicted claims."""
    # Imported here for start-up speed, as in `check`.
    from copydesk.corpus.corroborate import corroborate_from_store
    from copydesk.corpus.find_source import provenance

    analysed = analyse(article)
    family = provenance(store, article).family
    corroboration = corroborate_from_store(store, analysed, family=family)
    own = house.apply(run_checks(analysed.doc, analysed.ledger), analysed.doc)
    verdict = rewording(analysed.doc, own)
    return CheckResult(
        analysed,
        _ordered(house.apply(corroboration.findings, analysed.doc)),
        corroboration=corroboration,
        verdict=verdict,
        family=family,
    )


def apply_filter(result: CheckResult, keep: FindingFilter) -> CheckResult:
    """``result`` with only the findings ``keep`` keeps; the others move to ``filtered``. The
    rewording verdict stays the one read from every finding."""
    if not keep.active:
        return result
    kept = tuple(f for f in result.findings if keep.keeps(f))
    dropped = tuple(f for f in result.findings if not keep.keeps(f))
    return replace(
        result,
        findings=kept,
        filtered=result.filtered + dropped,
        verdict=result.rewording,
        keep=keep,
    )
