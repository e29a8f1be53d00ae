"""The redline: an article and its source side by side, as one self-contained HTML page.

One table row per article sentence, in article order: the sentence with its label (verbatim,
paraphrase, changed, added), the source sentence(s) it comes from, and the findings on it.
What changed is marked in both texts: the finding's span in the article, its evidence span in
the source, each mark linked to the finding's entry. A run of added sentences shares one "no
source sentence" cell. Source sentences the article left out appear as their own rows, after
the source sentence they follow. Every row has an id, and each side links to the other, so a
link (``#a3``, ``#s120``) lights up the pair through CSS ``:target``; hovering a row does too.
Below the table: the findings outside the compared text, then the check page's ledger and
corpus sections. Printed, the two texts stay side by side.

It renders the `Report` (its ``comparison`` holds the aligned pairs and their excerpts); the
page furniture is `copydesk.report.page`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from copydesk.model import Span as CoreSpan
from copydesk.report.escape import escape
from copydesk.report.page import (
    FindingList,
    Mark,
    article_lines,
    controls,
    document,
    link,
    marked,
    numbered,
    severity_legend,
    tables,
)
from copydesk.report.schema import (
    AlignedPair,
    ComparisonInfo,
    DocumentInfo,
    Excerpt,
    Finding,
    Label,
    Report,
    Span,
)

#: The finding of an added sentence: its row says so, so it is listed but not marked.
UNMATCHED = "source.unmatched"

LABEL_MEANING = {
    Label.VERBATIM: "same words as the source",
    Label.PARAPHRASE: "reworded, meaning kept",
    Label.CHANGED: "reworded with a change of meaning",
    Label.ADDED: "no source sentence",
}


def article_row_id(sentence: int) -> str:
    """The id of an article sentence's row (``#a3``)."""
    return f"a{sentence}"


def source_sentence_id(span: Span) -> str:
    """The id of a source sentence, keyed by where it starts in the source text (``#s120``)."""
    return f"s{span.start}"


def render_redline(report: Report) -> str:
    """The redline page of a report made with a source (``report.comparison`` set)."""
    if report.comparison is None:
        raise ValueError("render_redline needs a report compared with a source")
    page = _Page(report, report.comparison)
    a = report.article
    return document(
        f"Redline: {a.title or a.origin or a.doc_id}",
        "redline",
        [
            page.header(),
            controls(_LEGEND),
            '<main aria-label="The article against its source">',
            page.table(),
            "</main>",
            page.elsewhere(),
            tables(report, page.findings),
        ],
    )


# --- page parts -----------------------------------------------------------------------------

_LEGEND = [
    *severity_legend("change"),
    ('<mark class="major change">solid</mark>', "a change against the source"),
    ('<mark class="major issue">dotted</mark>', "a fault of the article alone"),
    ('<mark class="major source">double</mark>', "the source's words it changed"),
    *(
        (f'<span class="label {label.value}">{label.value}</span>', LABEL_MEANING[label])
        for label in Label
    ),
    ('<span class="label omitted">omitted</span>', "source sentence not used in the article"),
]


def _describe(source: DocumentInfo) -> str:
    name = source.title or source.origin or source.doc_id
    parts = [f"<strong>Source:</strong> {escape(name)}"]
    meta = [x for x in (source.outlet, source.published) if x]
    if meta:
        parts.append(escape(" · ".join(meta)))
    if source.url:
        parts.append(link(source.url))
    return '<p class="source">' + " — ".join(parts) + "</p>"


def _figure(value: str, what: str) -> str:
    return f"<span><strong>{value}</strong> {escape(what)}</span>"


def _percent(x: float) -> str:
    return f"{round(100 * x)}%"


def _core(span: Span) -> CoreSpan:
    return CoreSpan(span.start, span.end)


@dataclass(slots=True)
class _Row:
    """One article sentence, or one omitted source sentence (``pair`` is None)."""

    pair: AlignedPair | None
    source: tuple[Excerpt, ...]
    findings: list[tuple[int, Finding]] = field(default_factory=list)  # listed on this row
    touching: list[tuple[int, Finding]] = field(default_factory=list)  # marked on this row
    rowspan: int = 1  # rows the source cell covers (a split, or a run of added sentences)
    source_cell: bool = True  # False when an earlier row's source cell spans this one


class _Page:
    def __init__(self, report: Report, comparison: ComparisonInfo) -> None:
        self.report = report
        self.article = report.article
        self.comparison = comparison
        self.source = comparison.source
        self.listed = numbered(report.findings)
        self.findings = FindingList(report)
        self.given: set[int] = set()
        self.rows = self._rows()

    # -- layout ----------------------------------------------------------------------------

    def _rows(self) -> list[_Row]:
        rows = [_Row(p, tuple(p.source)) for p in self.comparison.pairs]
        self.unplaced = self._place_findings(rows)
        _share_source_cells(rows)
        return self._with_omitted(rows)

    def _place_findings(self, rows: list[_Row]) -> list[tuple[int, Finding]]:
        """Mark each finding on every sentence it touches and list it on the first; return
        the findings on no compared sentence."""
        in_text_order = sorted(self.listed, key=lambda nf: (nf[1].span.start, nf[0]))
        placed: set[int] = set()
        for row in rows:
            assert row.pair is not None
            sentence = _core(row.pair.article.span)
            row.touching = [nf for nf in in_text_order if sentence.touches(_core(nf[1].span))]
            row.findings = [nf for nf in row.touching if nf[0] not in placed]
            placed.update(n for n, _ in row.findings)
        return [nf for nf in in_text_order if nf[0] not in placed]

    def _with_omitted(self, rows: list[_Row]) -> list[_Row]:
        """``rows`` with a row for each omitted source sentence, after the row holding the
        source sentence before it."""
        anchors = [max((e.span.start for e in r.source), default=-1) for r in rows]
        after: dict[int, list[Excerpt]] = {}
        for omitted in sorted(self.comparison.omitted, key=lambda e: e.span.start):
            before = [(a, k) for k, a in enumerate(anchors) if -1 < a < omitted.span.start]
            key = max(before)[1] if before else -1
            after.setdefault(key, []).append(omitted)
        out = [_Row(None, (s,)) for s in after.get(-1, [])]
        for k, row in enumerate(rows):
            out.append(row)
            out.extend(_Row(None, (s,)) for s in after.get(k, []))
        return out

    # -- header ----------------------------------------------------------------------------

    def header(self) -> str:
        c = self.comparison
        changes = sum(1 for f in self.report.findings if _is_change(f))
        tally = [
            f'<span><span class="label {label.value}">{label.value}</span>'
            f"{c.by_label.get(label.value, 0)}</span>"
            for label in Label
        ]
        tally.append(f'<span><span class="label omitted">omitted</span>{len(c.omitted)}</span>')
        return "\n".join(
            [
                "<header>",
                f"<h1>Redline: {escape(self.article.title or 'article against its source')}</h1>",
                *article_lines(self.report),
                _describe(self.source),
                '<div class="figures">',
                _figure(_percent(c.article_reuse), "of the article's text comes from the source"),
                _figure(_percent(c.source_reuse), "of the source's text is used"),
                _figure(str(changes), f"change{'s' if changes != 1 else ''} of meaning found"),
                "</div>",
                f'<div class="figures">{"".join(tally)}</div>',
                "</header>",
            ]
        )

    # -- the table -------------------------------------------------------------------------

    def table(self) -> str:
        lines = [
            '<table class="redline" aria-label="Article sentences beside their source">',
            '<colgroup><col class="article"><col class="source"><col class="findings"></colgroup>',
            "<thead><tr>"
            + "".join(f'<th scope="col">{h}</th>' for h in ("Article", "Source", "Findings"))
            + "</tr></thead>",
            "<tbody>",
        ]
        lines.extend(self._row(k, row) for k, row in enumerate(self.rows))
        lines += ["</tbody>", "</table>"]
        return "\n".join(lines)

    def _row(self, k: int, row: _Row) -> str:
        if row.pair is None:
            (sentence,) = row.source
            return (
                f'<tr class="omitted" id="r{source_sentence_id(sentence.span)}">'
                '<td class="article"><span class="none">not in the article</span></td>'
                f'<td class="source">{self._source_sentence(sentence, [], [])}'
                '<span class="label omitted">omitted</span></td>'
                '<td class="findings"><span class="none">This source sentence is not used in '
                "the article.</span></td></tr>"
            )
        pair = row.pair
        cells = [self._article_cell(pair, row.touching)]
        if row.source_cell:
            cells.append(self._source_cell(k, row))
        cells.append(self._findings_cell(pair, row.findings))
        return (
            f'<tr class="{pair.label.value}" id="{article_row_id(pair.article_sentence)}">'
            + "".join(cells)
            + "</tr>"
        )

    def _article_cell(self, pair: AlignedPair, touching: list[tuple[int, Finding]]) -> str:
        marks = [
            Mark(
                f.span.start,
                f.span.end,
                n,
                f.severity,
                f"{f.kind}: {f.message}",
                "change" if _is_change(f) else "issue",
            )
            for n, f in touching
            if f.kind != UNMATCHED
        ]
        label = pair.label.value
        badge = f'<span class="label {label}">{label}</span>'
        if pair.source:
            badge += f'<span class="score">{pair.similarity:.2f}</span>'
            badge += (
                f'<a class="pair" href="#{source_sentence_id(pair.source[0].span)}">'
                "source &#8594;</a>"
            )
        s = pair.article
        text = marked(s.text, s.span.start, marks, self.given)
        return f'<td class="article">{badge}<br><span class="sentence">{text}</span></td>'

    def _source_cell(self, k: int, row: _Row) -> str:
        span_attr = f' rowspan="{row.rowspan}"' if row.rowspan > 1 else ""
        if not row.source:
            return (
                f'<td class="source"{span_attr}><span class="none">no source sentence</span></td>'
            )
        group = self.rows[k : k + row.rowspan]
        marks = [
            Mark(e.span.start, e.span.end, n, f.severity, f"{f.kind}: {f.message}", "source", False)
            for r in group
            for n, f in r.touching
            if _is_change(f)
            for e in f.evidence
            if e.doc_id == self.source.doc_id
        ]
        back = [r.pair.article_sentence for r in group if r.pair is not None]
        sentences = "".join(self._source_sentence(s, marks, back) for s in row.source)
        return f'<td class="source"{span_attr}>{sentences}</td>'

    def _source_sentence(self, sentence: Excerpt, marks: list[Mark], back: Sequence[int]) -> str:
        links = "".join(
            f'<a class="pair" href="#{article_row_id(a)}">&#8592; article'
            f"{f' sentence {a + 1}' if len(back) > 1 else ''}</a>"
            for a in back
        )
        text = marked(sentence.text, sentence.span.start, marks, self.given)
        return (
            f'<span class="sentence" id="{source_sentence_id(sentence.span)}">{text}{links}</span>'
        )

    def _findings_cell(self, pair: AlignedPair, findings: list[tuple[int, Finding]]) -> str:
        if not findings:
            return '<td class="findings"><span class="none">no findings</span></td>'
        row = article_row_id(pair.article_sentence)
        items = "".join(
            self.findings.item(n, f, target=row if f.kind == UNMATCHED else None, quote=False)
            for n, f in findings
        )
        return f'<td class="findings"><ul class="findings">{items}</ul></td>'

    def elsewhere(self) -> str:
        """Findings whose span lies outside every compared sentence (page junk, footers)."""
        if not self.unplaced:
            return ""
        items = [self.findings.item(n, f, target="") for n, f in self.unplaced]
        return (
            '<footer aria-label="Findings outside the compared text">'
            '<h2>Findings outside the compared text</h2><ul class="findings">'
            + "".join(items)
            + "</ul></footer>"
        )


def _share_source_cells(rows: list[_Row]) -> None:
    """Consecutive article sentences split from the same source sentence share its cell, and
    a run of added sentences shares one "no source sentence" cell."""
    head = rows[0] if rows else None
    for first, second in pairwise(rows):
        assert head is not None
        if [e.span for e in first.source] == [e.span for e in second.source]:
            head.rowspan += 1
            second.source_cell = False
        else:
            head = second


def _is_change(f: Finding) -> bool:
    """A change against the source: marked in both texts."""
    return f.kind.startswith("source.") and f.kind != UNMATCHED
