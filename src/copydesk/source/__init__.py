"""source: the article against its source; its sentences aligned to the source's, and each
aligned pair diffed.

`compare` is the stage's entry point: `copydesk.source.align` pairs sentences (reworded and
reordered ones included, merges and splits of up to three sentences), `diff_pair` reads what
changed in each pair, and every article sentence gets a `Label`. A sentence with no source
counterpart is ADDED, with one ``source.unmatched`` finding; it is never CHANGED.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from copydesk.kinds import severity_of
from copydesk.model import Finding, Severity
from copydesk.source import align as sentence_alignment
from copydesk.source.align import Alignment, Group
from copydesk.source.diff import diff_pair, index_of
from copydesk.source.embed import VectorsAhead
from copydesk.source.model import AlignedSentence, Comparison, Label

if TYPE_CHECKING:
    from copydesk.analysis import Analysed
    from copydesk.read.article import Article

__all__ = [
    "UNMATCHED_MESSAGE",
    "AlignedSentence",
    "Comparison",
    "Label",
    "VectorsAhead",
    "compare",
    "embed_ahead",
    "embed_likely",
]

UNMATCHED_MESSAGE = "No source sentence matches this sentence."


def compare(article: Analysed, source: Analysed, ahead: VectorsAhead | None = None) -> Comparison:
    """Redline ``article`` against ``source``: one `AlignedSentence` per article body sentence
    (with the sentence vectors ``ahead`` computed, if given: see `embed_ahead`)."""
    alignment = sentence_alignment.align(article.doc, source.doc, ahead=ahead)
    group_of = alignment.group_of_article()
    indexes = (index_of(article), index_of(source))
    pairs: list[AlignedSentence] = []
    findings: list[Finding] = []
    labels: dict[int, Label] = {}
    for group in alignment.groups:
        found = diff_pair(
            article,
            tuple(alignment.article[k].sentence for k in group.article),
            source,
            tuple(alignment.source[k].sentence for k in group.source),
            indexes=indexes,
        )
        findings.extend(found)
        labels.update(_labels(alignment, group, found))
    for k, unit in enumerate(alignment.article):
        aligned = group_of.get(k)
        if aligned is None:
            pairs.append(AlignedSentence(unit.sentence, unit.span, (), (), Label.ADDED, 0.0))
            findings.append(
                Finding(
                    kind="source.unmatched",
                    severity=severity_of("source.unmatched"),
                    message=UNMATCHED_MESSAGE,
                    span=unit.span,
                )
            )
            continue
        src = [alignment.source[j] for j in aligned.source]
        pairs.append(
            AlignedSentence(
                unit.sentence,
                unit.span,
                tuple(u.sentence for u in src),
                tuple(u.span for u in src),
                labels[k],
                aligned.score,
            )
        )
    used = alignment.aligned_source()
    omitted = tuple(u.span for j, u in enumerate(alignment.source) if j not in used)
    return Comparison(
        source=source.article,
        pairs=tuple(pairs),
        omitted=omitted,
        article_reuse=_share([u.chars for u in alignment.article], set(group_of)),
        source_reuse=_share([u.chars for u in alignment.source], used),
        findings=tuple(sorted(findings, key=lambda f: (f.span.start, f.span.end, f.kind))),
    )


def embed_likely(ahead: VectorsAhead, *articles: Article) -> None:
    """Start computing, before the parse, the vectors of the sentences `compare` will most
    likely align in ``articles`` (`likely_body_texts`); `embed_ahead` adds what the parse
    splits otherwise."""
    ahead.embed([t for a in articles for t in sentence_alignment.likely_body_texts(a)])


def embed_ahead(ahead: VectorsAhead, analysed: Analysed, threads: int = 1) -> None:
    """Start computing, on ``threads`` threads, the vectors of the sentences `compare` will
    align in ``analysed``."""
    ahead.embed([u.text for u in sentence_alignment.body_units(analysed.doc)], threads)


def changes_meaning(finding: Finding) -> bool:
    """A diff finding above INFO severity says the pair's meaning changed."""
    return finding.severity is not Severity.INFO


def _labels(alignment: Alignment, group: Group, found: list[Finding]) -> dict[int, Label]:
    """CHANGED for the group's article sentences a meaning-changing finding points into;
    the others VERBATIM (same words) or PARAPHRASE."""
    changes = [f.span for f in found if changes_meaning(f)]
    hit = {k for k in group.article if any(alignment.article[k].span.touches(s) for s in changes)}
    if changes and not hit:  # a finding outside the group's sentences: the group changed
        hit = set(group.article)
    same = Label.VERBATIM if group.verbatim else Label.PARAPHRASE
    return {k: Label.CHANGED if k in hit else same for k in group.article}


def _share(sizes: list[int], chosen: set[int]) -> float:
    total = sum(sizes)
    if total == 0:
        return 0.0
    return round(sum(n for k, n in enumerate(sizes) if k in chosen) / total, 4)
