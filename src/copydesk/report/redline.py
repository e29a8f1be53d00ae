"""The redline: an article and its source side by side, as one self-contained HTML page.

One table row per article sentence, in article order: the sentence with its label (verbatim,
paraphrase, changed, added), the source sentence(s) it comes from, and the findings on it.
What changed is marked in both texts: the finding's span in the article, its evidence span in
the source, each mark linked to the finding's entry. A run of added sentences is folded into
one row, with one entry for the run ("24–33. No source sentence matches these 10 sentences in
a row"), as the text report folds it; a run of source sentences the article left out is one
row too, after the source sentence it follows. Every row has an id, and each side links to the other, so a
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
    """One article sentence (and the added sentences after it, when it opens a run of them),
    or a run of omitted source sentences (``pair`` is None)."""

    pair: AlignedPair | None
    source: tuple[Excerpt, ...]
    findings: list[tuple[int, Finding]] = field(default_factory=list)  # listed on this row
    touching: list[tuple[int, Finding]] = field(default_factory=list)  # marked on this row
    rowspan: int = 1  # rows the source cell covers (a split)
    source_cell: bool = True  # False when an earlier row's source cell spans this one
    more: list[AlignedPair] = field(default_factory=list)  # the rest of a run of added ones

    @property
    def pairs(self) -> list[AlignedPair]:
        return [self.pair, *self.more] if self.pair is not None else []


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
        rows = _fold_added_runs(rows, self.article.text)
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
        out = [_Row(None, tuple(after[-1]))] if -1 in after else []
        for k, row in enumerate(rows):
            out.append(row)
            if k in after:
                out.append(_Row(None, tuple(after[k])))
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
            n = len(row.source)
            said = (
                "This source sentence is not used in the article."
                if n == 1
                else f"These {n} source sentences, one after another, are not used in the article."
            )
            sentences = "".join(self._source_sentence(s, [], []) for s in row.source)
            return (
                f'<tr class="omitted" id="r{source_sentence_id(row.source[0].span)}">'
                '<td class="article"><span class="none">not in the article</span></td>'
                f'<td class="source">{sentences}<span class="label omitted">omitted</span></td>'
                f'<td class="findings"><span class="none">{said}</span></td></tr>'
            )
        pair = row.pair
        cells = [self._article_cell(row)]
        if row.source_cell:
            cells.append(self._source_cell(k, row))
        cells.append(self._findings_cell(row))
        run = " run" if row.more else ""
        return (
            f'<tr class="{pair.label.value}{run}" id="{article_row_id(pair.article_sentence)}">'
            + "".join(cells)
            + "</tr>"
        )

    def _article_cell(self, row: _Row) -> str:
        pair = row.pair
        assert pair is not None
        label = pair.label.value
        badge = f'<span class="label {label}">{label}</span>'
        if row.more:
            badge += f'<span class="score">{len(row.pairs)} sentences in a row</span>'
        sentences = []
        for k, p in enumerate(row.pairs):
            own = f' id="{article_row_id(p.article_sentence)}"' if k else ""
            sentences.append(self._article_sentence(p, row.touching, own))
        return f'<td class="article">{badge}<br>{" ".join(sentences)}</td>'

    def _article_sentence(
        self, pair: AlignedPair, touching: list[tuple[int, Finding]], own_id: str
    ) -> str:
        """One sentence with its marks (``own_id``: its id, when the row's is another's), and
        a link to its source sentence."""
        sentence = pair.article
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
            if f.kind != UNMATCHED and _core(sentence.span).touches(_core(f.span))
        ]
        link_to = ""
        if pair.source:
            link_to = (
                f'<span class="score">{pair.similarity:.2f}</span>'
                f'<a class="pair" href="#{source_sentence_id(pair.source[0].span)}">'
                "source &#8594;</a><br>"
            )
        text = marked(sentence.text, sentence.span.start, marks, self.given)
        return f'{link_to}<span class="sentence"{own_id}>{text}</span>'

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

    def _findings_cell(self, row: _Row) -> str:
        pair, findings = row.pair, row.findings
        assert pair is not None
        if not findings:
            return '<td class="findings"><span class="none">no findings</span></td>'
        target = article_row_id(pair.article_sentence)
        unmatched = [(n, f) for n, f in findings if f.kind == UNMATCHED]
        items = []
        if row.more and len(unmatched) > 1:
            items.append(self.findings.run_item(unmatched, target))
            findings = [nf for nf in findings if nf[1].kind != UNMATCHED]
        items += [
            self.findings.item(n, f, target=target if f.kind == UNMATCHED else None, quote=False)
            for n, f in findings
        ]
        return f'<td class="findings"><ul class="findings">{"".join(items)}</ul></td>'

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


def _fold_added_runs(rows: list[_Row], text: str) -> list[_Row]:
    """Each run of added sentences with only white space between them in the article (as the
    text report folds them) as one row: the first, holding the rest and their findings."""
    out: list[_Row] = []
    for row in rows:
        head = out[-1] if out else None
        if (
            head is not None
            and head.pair is not None
            and row.pair is not None
            and head.pair.label is Label.ADDED
            and row.pair.label is Label.ADDED
            and not text[head.pairs[-1].article.span.end : row.pair.article.span.start].strip()
        ):
            head.more.append(row.pair)
            head.findings += row.findings
            head.touching += [nf for nf in row.touching if nf not in head.touching]
        else:
            out.append(row)
    return out


def _share_source_cells(rows: list[_Row]) -> None:
    """Consecutive article sentences split from the same source sentence share its cell."""
    head = rows[0] if rows else None
    for first, second in pairwise(rows):
        assert head is not None
        if first.source and [e.span for e in first.source] == [e.span for e in second.source]:
            head.rowspan += 1
            second.source_cell = False
        else:
            head = second


def _is_change(f: Finding) -> bool:
    """A change against the source: marked in both texts."""
    return f.kind.startswith("source.") and f.kind != UNMATCHED
