"""Building the `Report` from a `pipeline.CheckResult` (frozen dataclasses)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from copydesk.kinds import BY_CODE
from copydesk.model import Span as CoreSpan
from copydesk.report.groups import group_findings
from copydesk.report.schema import (
    SCHEMA_VERSION,
    SEVERITY_ORDER,
    AlignedPair,
    ArticleInfo,
    Attribution,
    Claim,
    ClaimVerdict,
    ComparisonInfo,
    Conversion,
    CorroborationInfo,
    CoverageFamilyInfo,
    DocumentInfo,
    Evidence,
    Excerpt,
    Excluded,
    FamilyInfo,
    FamilyMember,
    Filtered,
    Finding,
    Label,
    Ledger,
    LeftOutInfo,
    Person,
    Quantity,
    Quotation,
    Report,
    RewordingInfo,
    RewordingReason,
    Role,
    SourceCandidate,
    SourceSearch,
    Span,
    Summary,
)

if TYPE_CHECKING:
    import copydesk.model as core
    from copydesk.checks.verdict import Rewording
    from copydesk.corpus import model as km
    from copydesk.ledger import model as lm
    from copydesk.nlp.annotate import Annotated
    from copydesk.pipeline import CheckResult
    from copydesk.read.article import Article
    from copydesk.source import model as cm


def _envelope(generated_at: datetime | None) -> dict[str, Any]:
    """The fields every document begins with (`schema._Document`)."""
    from copydesk.version import __version__

    return {
        "schema_version": SCHEMA_VERSION,
        "tool_version": __version__,
        "generated_at": generated_at or datetime.now(UTC),
    }


def build_report(result: CheckResult, *, generated_at: datetime | None = None) -> Report:
    doc = result.analysed.doc
    article = result.article
    groups = group_findings(result.findings, result.analysed.ledger, article.doc_id, article.text)
    group_of = {i: g for g, group in enumerate(groups) for i in (group.lead, *group.related)}
    number = finding_numbers(result.findings)
    findings = [_finding(f, doc, group_of[i], number[i]) for i, f in enumerate(result.findings)]
    return Report(
        **_envelope(generated_at),
        article=_article(article),
        findings=findings,
        groups=groups,
        summary=_summary(result),
        rewording=_rewording(result.rewording),
        ledger=_ledger(result.analysed.ledger),
        comparison=_comparison(result.comparison, doc) if result.comparison else None,
        source_candidates=[_candidate(c) for c in result.source_candidates],
        corroboration=_corroboration(result.corroboration, article.text)
        if result.corroboration
        else None,
        family=_family(result.family) if result.family else None,
    )


def context_span(doc: Annotated, span: core.Span) -> core.Span:
    """The sentence(s) containing ``span``; outside any sentence (junk), the line(s) instead."""
    covering = doc.sentences_over(span)
    if covering:
        return CoreSpan(min(covering[0].start, span.start), max(covering[-1].end, span.end))
    text = doc.text
    start = text.rfind("\n", 0, span.start) + 1
    end = text.find("\n", span.end)
    return CoreSpan(start, len(text) if end < 0 else end)


def _span(span: core.Span) -> Span:
    return Span(start=span.start, end=span.end)


def _excerpt(span: core.Span, text: str) -> Excerpt:
    return Excerpt(span=_span(span), text=span.of(text))


def _evidence(e: core.Evidence) -> Evidence:
    return Evidence(
        doc_id=e.doc_id,
        outlet=e.outlet,
        url=e.url,
        span=_span(e.span),
        text=e.text,
        note=e.note,
        marks=[_span(m) for m in e.marks],
    )


def finding_numbers(findings: Sequence[core.Finding]) -> list[int]:
    """Each finding's number (by its position in ``findings``, which are in text order): by
    severity, major first, then text order; every rendering numbers them so."""
    order = sorted(range(len(findings)), key=lambda i: (-findings[i].severity.rank, i))
    number = [0] * len(findings)
    for n, i in enumerate(order, start=1):
        number[i] = n
    return number


def _finding(f: core.Finding, doc: Annotated, group: int, number: int) -> Finding:
    text = doc.text
    return Finding(
        kind=f.kind,
        label=BY_CODE[f.kind].label,
        number=number,
        severity=f.severity,
        message=f.message,
        span=_span(f.span),
        text=f.span.of(text),
        sentence=_excerpt(context_span(doc, f.span), text),
        evidence=[_evidence(e) for e in f.evidence],
        suggestion=f.suggestion,
        confidence=min(max(f.confidence, 0.0), 1.0),
        group=group,
    )


def _article(a: Article) -> ArticleInfo:
    declared = next((ex for ex in a.excluded if ex.reason == "declared_source"), None)
    return ArticleInfo(
        doc_id=a.doc_id,
        title=a.title,
        byline=a.byline,
        published=a.published,
        url=a.url,
        outlet=a.outlet,
        declared_source=a.declared_source,
        declared_source_span=_span(declared.span) if declared else None,
        origin=a.origin,
        format=a.format,
        excluded=[
            Excluded(span=_span(ex.span), text=ex.span.of(a.text), reason=ex.reason, label=ex.label)
            for ex in a.excluded
        ],
        length=len(a.text),
        text=a.text,
    )


def _rewording(r: Rewording) -> RewordingInfo:
    return RewordingInfo(
        score=r.score,
        density=r.density,
        words=r.words,
        reasons=[
            RewordingReason(kind=x.kind, count=x.count, per_1000_words=x.per_1000_words)
            for x in r.reasons
        ],
        summary=r.summary,
        threshold=r.threshold,
        likely=r.likely,
    )


def _summary(result: CheckResult) -> Summary:
    by_severity = {s.value: 0 for s in SEVERITY_ORDER}
    for f in result.findings:
        by_severity[f.severity.value] += 1
    return Summary(
        total=len(result.findings),
        by_severity=by_severity,
        by_kind=_by_kind(result.findings),
        filtered=_filtered(result),
    )


def _by_kind(findings: Iterable[core.Finding]) -> dict[str, int]:
    return dict(sorted(Counter(f.kind for f in findings).items()))


def _filtered(result: CheckResult) -> Filtered:
    keep = result.keep
    if keep is None:
        return Filtered()
    below = sum(1 for f in result.filtered if keep.below(f))
    return Filtered(
        min_severity=keep.min_severity,
        ignore=sorted(keep.ignore),
        total=len(result.filtered),
        below_min_severity=below,
        ignored=len(result.filtered) - below,
        by_kind=_by_kind(result.filtered),
    )


def _opt(span: core.Span | None) -> Span | None:
    return _span(span) if span is not None else None


def _quantity(q: lm.Quantity) -> Quantity:
    return Quantity(
        text=q.text,
        span=_span(q.span),
        value=q.value,
        unit=q.unit,
        dimension=q.dimension,
        si_value=q.si_value,
        sentence=q.sentence,
    )


def _ledger(ledger: lm.Ledger) -> Ledger:
    return Ledger(
        quotations=[
            Quotation(
                text=q.text,
                span=_span(q.span),
                sentence=q.sentence,
                marked=q.marked,
                speaker=q.speaker,
                speaker_span=_opt(q.speaker_span),
                cue=q.cue,
                cue_span=_opt(q.cue_span),
            )
            for q in ledger.quotations
        ],
        attributions=[
            Attribution(
                cue=a.cue,
                cue_span=_span(a.cue_span),
                speaker=a.speaker,
                speaker_span=_opt(a.speaker_span),
                content_span=_opt(a.content_span),
                sentence=a.sentence,
            )
            for a in ledger.attributions
        ],
        people=[
            Person(
                name=p.name,
                mentions=[_span(m) for m in p.mentions],
                roles=[
                    Role(title=r.title, side=r.side, former=r.former, span=_span(r.span))
                    for r in p.roles
                ],
            )
            for p in ledger.people
        ],
        quantities=[_quantity(q) for q in ledger.quantities],
        conversions=[
            Conversion(
                original=_quantity(c.original),
                converted=_quantity(c.converted),
                agrees=c.agrees,
                expected=c.expected,
            )
            for c in ledger.conversions
        ],
        claims=[
            Claim(
                sentence=c.sentence,
                span=_span(c.span),
                subject=c.subject,
                subject_span=_opt(c.subject_span),
                predicate=c.predicate,
                predicate_span=_span(c.predicate_span),
                object=c.object,
                object_span=_opt(c.object_span),
                negated=c.negated,
                hedged=c.hedged,
                passive=c.passive,
                subject_side=c.subject_side,
                object_side=c.object_side,
                control=list(c.control),
            )
            for c in ledger.claims
        ],
    )


def _document(d: Article) -> DocumentInfo:
    return DocumentInfo(
        doc_id=d.doc_id,
        title=d.title,
        url=d.url,
        outlet=d.outlet,
        published=d.published,
        origin=d.origin,
        length=len(d.text),
    )


def _comparison(c: cm.Comparison, doc: Annotated) -> ComparisonInfo:
    source = c.source
    by_label = {label.value: 0 for label in Label}
    pairs = []
    for p in c.pairs:
        by_label[p.label.value] = by_label.get(p.label.value, 0) + 1
        pairs.append(
            AlignedPair(
                article_sentence=p.article_sentence,
                article=_excerpt(p.article_span, doc.text),
                source_sentences=list(p.source_sentences),
                source=[_excerpt(s, source.text) for s in p.source_spans],
                label=Label(p.label.value),
                similarity=p.similarity,
            )
        )
    return ComparisonInfo(
        source=_document(source),
        pairs=pairs,
        omitted=[_excerpt(s, source.text) for s in c.omitted],
        article_reuse=c.article_reuse,
        source_reuse=c.source_reuse,
        by_label=by_label,
    )


def build_source_search(
    article: Article, candidates: Iterable[km.Candidate], *, generated_at: datetime | None = None
) -> SourceSearch:
    """What ``find-source --format json`` prints: the article and its ranked candidates."""
    return SourceSearch(
        **_envelope(generated_at),
        article=_document(article),
        source_candidates=[_candidate(c) for c in candidates],
    )


def _candidate(c: km.Candidate) -> SourceCandidate:
    return SourceCandidate(
        doc_id=c.doc_id,
        url=c.url,
        outlet=c.outlet,
        title=c.title,
        reuse_share=c.reuse_share,
        score=c.score,
        reason=c.reason,
        relation=c.relation,
    )


def _family(f: km.Family) -> FamilyInfo:
    return FamilyInfo(
        original=f.original,
        reason=f.reason,
        members=[
            FamilyMember(
                doc_id=c.doc_id,
                outlet=c.outlet,
                url=c.url,
                title=c.title,
                published=c.published,
                relation=c.relation,
                reuse_share=c.reuse_share,
                differs=c.differs,
            )
            for c in f.copies
        ],
    )


def _verdict(v: km.ClaimVerdict, text: str) -> ClaimVerdict:
    return ClaimVerdict(
        claim=v.claim,
        kind=v.kind,
        span=_span(v.span),
        text=v.span.of(text),
        verdict=v.verdict.value,
        evidence=[_evidence(e) for e in v.evidence],
        reason=v.reason,
        agree=v.agree,
        disagree=v.disagree,
    )


def _corroboration(c: km.Corroboration, text: str) -> CorroborationInfo:
    return CorroborationInfo(
        verdicts=[_verdict(v, text) for v in c.verdicts],
        documents_considered=c.documents_considered,
        families=[
            CoverageFamilyInfo(label=f.label, outlets=list(f.outlets), doc_ids=list(f.doc_ids))
            for f in c.families
        ],
        left_out=[
            LeftOutInfo(doc_id=x.doc_id, outlet=x.outlet, reason=x.reason) for x in c.left_out
        ],
    )
