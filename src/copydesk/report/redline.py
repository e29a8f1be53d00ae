"""The redline: an article and its source side by side, as one self-contained HTML page.

One table row per article sentence, in article order: the sentence with its label (verbatim,
paraphrase, changed, added), the source sentence(s) it comes from, and the findings on it.
What changed is marked in both texts: the finding's span in the article, its evidence span in
the source. Source sentences the article left out appear as their own rows, after the source
sentence they follow. Every row has an id, and each side links to the other, so a link
(``#a3``, ``#s120``) lights up the pair through CSS ``:target``; hovering a row does too.

Inline CSS only, no script needed to read it, and a Content-Security-Policy that forbids
scripts and any loading, so the page can be mailed or archived as it is. Every piece of
document text (titles, sentences, messages, evidence, URLs) goes through `copydesk.report.escape`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import TYPE_CHECKING

from copydesk.checks.verdict import Rewording
from copydesk.compare.model import AlignedSentence, Comparison, Label
from copydesk.model import Evidence, Finding, Severity, Span
from copydesk.read.article import Article
from copydesk.report.escape import escape
from copydesk.report.html import corpus_tables, link, rewording_html

if TYPE_CHECKING:
    from copydesk.pipeline import CheckResult

#: Forbids scripts, frames, fonts and fetches; only inline styles and data: images are allowed.
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

#: Finding kinds that mark a change against the source (highlighted in both texts); other
#: findings on a sentence (copy errors, attributions) are marked as issues of the article.
UNMATCHED = "source.unmatched"

LABEL_TEXT = {
    Label.VERBATIM: "verbatim",
    Label.PARAPHRASE: "paraphrase",
    Label.CHANGED: "changed",
    Label.ADDED: "added",
}

LABEL_MEANING = {
    Label.VERBATIM: "same words as the source",
    Label.PARAPHRASE: "reworded, meaning kept",
    Label.CHANGED: "reworded with a change of meaning",
    Label.ADDED: "no source sentence",
}

STYLE = """
:root { --major: #b71c1c; --minor: #9a5b00; --info: #0d47a1; --rule: #d6d6d6;
  --added: #e8f5e9; --added-edge: #2e7d32; --omitted: #f3e5f5; --omitted-edge: #6a1b9a;
  --changed-edge: #c62828; --target: #fff59d; }
* { box-sizing: border-box; }
/* A word longer than the column wraps; document text keeps its direction to itself. */
body { overflow-wrap: anywhere; } .sentence, q { unicode-bidi: isolate; }
body { margin: 0; font: 16px/1.5 Georgia, "Times New Roman", serif; color: #1a1a1a;
  background: #fafafa; }
header, main, footer { max-width: 100rem; margin: 0 auto; padding: .75rem 1.25rem; }
header h1 { margin: 0 0 .25rem; font-size: 1.5rem; }
header p { margin: .15rem 0; color: #333; }
.figures { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; margin: .6rem 0;
  font: 15px/1.3 system-ui, sans-serif; }
.figures strong { font-size: 1.25rem; }
.legend { font: 13px/1.4 system-ui, sans-serif; color: #444; }
.legend span.label { margin-right: .25rem; }
table.redline { width: 100%; border-collapse: collapse; table-layout: fixed; background: #fff; }
table.redline th { position: sticky; top: 0; background: #eee; z-index: 1;
  font: bold 13px/1.3 system-ui, sans-serif; text-transform: uppercase; letter-spacing: .04em;
  text-align: left; padding: .4rem .6rem; border-bottom: 2px solid #999; }
col.article, col.source { width: 37%; }
col.findings { width: 26%; }
td { vertical-align: top; padding: .45rem .6rem; border-bottom: 1px solid var(--rule); }
td.source { border-left: 1px dashed var(--rule); border-right: 1px dashed var(--rule);
  color: #333; }
tr:hover td, tr:target td, td:target, td.source:has(.sentence:target) { background: var(--target); }
.sentence { display: block; }
.sentence + .sentence { margin-top: .35rem; }
.sentence:target { outline: 2px solid #000; }
a.pair { font: 12px system-ui, sans-serif; color: #555; text-decoration: none;
  margin-left: .3rem; white-space: nowrap; }
a.pair:hover { text-decoration: underline; }
span.label { display: inline-block; font: bold 11px/1.6 system-ui, sans-serif;
  text-transform: uppercase; letter-spacing: .05em; padding: 0 .4rem; border-radius: 3px;
  margin-right: .4rem; vertical-align: .1em; border: 1px solid; }
span.label.verbatim { color: #555; border-color: #999; }
span.label.paraphrase { color: #0d47a1; border-color: #0d47a1; }
span.label.changed { color: #fff; background: var(--changed-edge); border-color: var(--changed-edge); }
span.label.added { color: #fff; background: var(--added-edge); border-color: var(--added-edge); }
span.label.omitted { color: #fff; background: var(--omitted-edge); border-color: var(--omitted-edge); }
.score { font: 11px system-ui, sans-serif; color: #777; }
tr.changed td.article { box-shadow: inset 4px 0 0 var(--changed-edge); }
tr.added td.article { background: var(--added); box-shadow: inset 4px 0 0 var(--added-edge); }
tr.added td.source { background: repeating-linear-gradient(135deg, #fff 0 6px, #f1f1f1 6px 12px); }
tr.omitted td.source { background: var(--omitted); box-shadow: inset 4px 0 0 var(--omitted-edge);
  color: #4a148c; }
tr.omitted td.article { background: repeating-linear-gradient(135deg, #fff 0 6px, #f1f1f1 6px 12px); }
tr:hover.added td.article, tr:target.added td.article, tr:hover.omitted td.source { background: var(--target); }
.none { color: #777; font: italic 13px system-ui, sans-serif; }
mark { color: inherit; padding: 0 1px; border-radius: 2px; }
mark.change { background: #ffcdd2; border-bottom: 2px solid var(--changed-edge); }
mark.change.minor { background: #ffe0b2; border-bottom-color: var(--minor); }
mark.issue { background: #e3f2fd; border-bottom: 2px dotted var(--info); }
mark.issue.major { background: #fce4ec; border-bottom-color: var(--major); }
ul.findings { list-style: none; margin: 0; padding: 0; font: 13.5px/1.4 system-ui, sans-serif; }
ul.findings li { margin: 0 0 .55rem; padding-left: .5rem; border-left: 3px solid var(--rule); }
ul.findings li.major { border-left-color: var(--major); }
ul.findings li.minor { border-left-color: var(--minor); }
ul.findings li.info { border-left-color: var(--info); }
ul.findings li:target { background: var(--target); }
.kind { font: 11.5px ui-monospace, monospace; color: #555; }
.sev { font: bold 10.5px system-ui, sans-serif; text-transform: uppercase; margin-left: .3rem; }
li.major .sev { color: var(--major); } li.minor .sev { color: var(--minor); }
li.info .sev { color: var(--info); }
.message { display: block; margin: .1rem 0; }
.evidence, .suggestion { display: block; color: #333; }
.evidence q { font-style: italic; }
footer { font: 13px system-ui, sans-serif; color: #555; }
@media (max-width: 50rem) {
  col.article, col.source, col.findings { width: auto; }
  table.redline, table.redline tbody, table.redline tr, table.redline td { display: block; }
  table.redline thead { display: none; }
}
""".strip()


def article_row_id(sentence: int) -> str:
    """The id of an article sentence's row (``#a3``)."""
    return f"a{sentence}"


def source_sentence_id(span: Span) -> str:
    """The id of a source sentence, keyed by where it starts in the source text (``#s120``)."""
    return f"s{span.start}"


def finding_id(number: int) -> str:
    return f"f{number}"


def render_redline(result: CheckResult) -> str:
    """The redline page of a check made with a source (``result.comparison`` set)."""
    comparison = result.comparison
    if comparison is None:
        raise ValueError("render_redline needs a result compared with a source")
    article = result.article
    numbered = {id(f): k for k, f in enumerate(result.findings, start=1)}
    page = _Page(
        article,
        comparison,
        list(result.findings),
        numbered,
        result.rewording,
    )
    title = article.title or article.origin or article.doc_id
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8">',
            f'<meta http-equiv="Content-Security-Policy" content="{escape(CSP)}">',
            '<meta name="referrer" content="no-referrer">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>Redline: {escape(title)}</title>",
            f"<style>\n{STYLE}\n</style>",
            "</head>",
            "<body>",
            page.header(),
            "<main>",
            page.table(),
            page.elsewhere(),
            "</main>",
            _corpus(result),
            "</body>",
            "</html>",
            "",
        ]
    )


# --- page parts -----------------------------------------------------------------------------


def _corpus(result: CheckResult) -> str:
    """The corpus tables of the check page, when the source was found in a corpus."""
    if result.corroboration is None and result.family is None:
        return ""
    from copydesk.report.build import build_report

    return f'<section class="tables">{corpus_tables(build_report(result))}</section>'


def _describe(article: Article, role: str) -> str:
    name = article.title or article.origin or article.doc_id
    parts = [f"<strong>{escape(role)}:</strong> {escape(name)}"]
    meta = [x for x in (article.outlet, article.byline, article.published) if x]
    if meta:
        parts.append(escape(" · ".join(meta)))
    if article.url:
        parts.append(link(article.url))
    return "<p>" + " — ".join(parts) + "</p>"


def _percent(x: float) -> str:
    return f"{round(100 * x)}%"


@dataclass(frozen=True, slots=True)
class _Mark:
    span: Span
    classes: tuple[str, ...]
    title: str


@dataclass(slots=True)
class _Row:
    """One article sentence, or one omitted source sentence (``pair`` is None)."""

    pair: AlignedSentence | None
    source_spans: tuple[Span, ...]
    findings: list[Finding] = field(default_factory=list)
    rowspan: int = 1  # rows the source cell covers (an article split from one source sentence)
    source_cell: bool = True  # False when an earlier row's source cell spans this one


class _Page:
    def __init__(
        self,
        article: Article,
        comparison: Comparison,
        findings: list[Finding],
        numbered: dict[int, int],
        rewording: Rewording,
    ) -> None:
        self.article = article
        self.source = comparison.source
        self.comparison = comparison
        self.findings = findings
        self.rewording = rewording
        self.numbered = numbered
        self.rows = self._rows()

    # -- layout ----------------------------------------------------------------------------

    def _rows(self) -> list[_Row]:
        rows = [_Row(p, p.source_spans) for p in self.comparison.pairs]
        placed: set[int] = set()
        for row in rows:
            assert row.pair is not None
            row.findings = [f for f in self.findings if _touches(row.pair.article_span, f.span)]
            placed.update(id(f) for f in row.findings)
        self.unplaced = [f for f in self.findings if id(f) not in placed]
        # consecutive article sentences split from the same source sentence share its cell
        for first, second in pairwise(rows):
            if first.source_spans and first.source_spans == second.source_spans:
                head = next(r for r in reversed(rows[: rows.index(second)]) if r.source_cell)
                head.rowspan += 1
                second.source_cell = False
        # omitted source sentences follow the row holding the source sentence before them
        out: list[_Row] = []
        omitted = sorted(self.comparison.omitted)
        anchors = [max((s.start for s in r.source_spans), default=-1) for r in rows]
        after: dict[int, list[Span]] = {}
        for span in omitted:
            before = [(a, k) for k, a in enumerate(anchors) if -1 < a < span.start]
            key = max(before)[1] if before else -1
            after.setdefault(key, []).append(span)
        out.extend(_Row(None, (s,)) for s in after.get(-1, []))
        for k, row in enumerate(rows):
            out.append(row)
            out.extend(_Row(None, (s,)) for s in after.get(k, []))
        return out

    # -- header ----------------------------------------------------------------------------

    def header(self) -> str:
        c = self.comparison
        counts = {label: 0 for label in Label}
        for p in c.pairs:
            counts[p.label] += 1
        figures = [
            (
                f"<span><strong>{_percent(c.article_reuse)}</strong> of the article's text comes "
                "from the source</span>"
            ),
            (
                f"<span><strong>{_percent(c.source_reuse)}</strong> of the source's text is used"
                "</span>"
            ),
        ]
        tally = [
            f'<span><span class="label {LABEL_TEXT[label]}">{LABEL_TEXT[label]}</span>'
            f"{counts[label]}</span>"
            for label in Label
        ]
        tally.append(f'<span><span class="label omitted">omitted</span>{len(c.omitted)}</span>')
        changes = sum(
            1 for f in self.findings if f.kind.startswith("source.") and f.kind != UNMATCHED
        )
        legend = " ".join(
            f'<span class="label {LABEL_TEXT[label]}">{LABEL_TEXT[label]}</span>'
            f"{escape(LABEL_MEANING[label])};"
            for label in Label
        )
        return "\n".join(
            [
                "<header>",
                f"<h1>Redline: {escape(self.article.title or 'article against its source')}</h1>",
                _describe(self.article, "Article"),
                _describe(self.source, "Source"),
                rewording_html(self.rewording.score, self.rewording.summary),
                '<div class="figures">',
                *figures,
                (
                    f"<span><strong>{changes}</strong> change{'s' if changes != 1 else ''} of "
                    "meaning found</span>"
                ),
                "</div>",
                f'<div class="figures">{"".join(tally)}</div>',
                (
                    f'<p class="legend">{legend} <span class="label omitted">omitted</span>'
                    "source sentence not used in the article. Marked text: what changed, in both "
                    "texts.</p>"
                ),
                "</header>",
            ]
        )

    # -- the table -------------------------------------------------------------------------

    def table(self) -> str:
        lines = [
            '<table class="redline">',
            '<colgroup><col class="article"><col class="source"><col class="findings"></colgroup>',
            "<thead><tr><th>Article</th><th>Source</th><th>Findings</th></tr></thead>",
            "<tbody>",
        ]
        for row in self.rows:
            lines.append(self._row(row))
        lines += ["</tbody>", "</table>"]
        return "\n".join(lines)

    def _row(self, row: _Row) -> str:
        if row.pair is None:
            (span,) = row.source_spans
            return (
                f'<tr class="omitted" id="r{source_sentence_id(span)}">'
                '<td class="article"><span class="none">not in the article</span></td>'
                f'<td class="source">{self._source_sentence(span, [], None)}'
                '<span class="label omitted">omitted</span></td>'
                '<td class="findings"><span class="none">This source sentence is not used in '
                "the article.</span></td></tr>"
            )
        pair = row.pair
        label = LABEL_TEXT[pair.label]
        cells = [self._article_cell(pair, row.findings)]
        if row.source_cell:
            cells.append(self._source_cell(row))
        cells.append(self._findings_cell(row.findings))
        return (
            f'<tr class="{label}" id="{article_row_id(pair.article_sentence)}">'
            + "".join(cells)
            + "</tr>"
        )

    def _article_cell(self, pair: AlignedSentence, findings: list[Finding]) -> str:
        marks = [
            _Mark(
                f.span,
                ("change" if _is_change(f) else "issue", f.severity.value),
                f.message,
            )
            for f in findings
            if f.kind != UNMATCHED
        ]
        label = LABEL_TEXT[pair.label]
        badge = f'<span class="label {label}">{label}</span>'
        if pair.source_spans:
            badge += f'<span class="score">{pair.similarity:.2f}</span>'
            badge += (
                f'<a class="pair" href="#{source_sentence_id(pair.source_spans[0])}">'
                "source &#8594;</a>"
            )
        text = _marked(self.article.text, pair.article_span, marks)
        return f'<td class="article">{badge}<br><span class="sentence">{text}</span></td>'

    def _source_cell(self, row: _Row) -> str:
        assert row.pair is not None
        if not row.source_spans:
            return '<td class="source"><span class="none">no source sentence</span></td>'
        group = [row]
        if row.rowspan > 1:
            k = self.rows.index(row)
            group = self.rows[k : k + row.rowspan]
        evidence = [
            (e, f)
            for r in group
            for f in r.findings
            if _is_change(f)
            for e in f.evidence
            if e.doc_id == self.source.doc_id
        ]
        back = [r.pair.article_sentence for r in group if r.pair is not None]
        span_attr = f' rowspan="{row.rowspan}"' if row.rowspan > 1 else ""
        sentences = "".join(self._source_sentence(s, evidence, back) for s in row.source_spans)
        return f'<td class="source"{span_attr}>{sentences}</td>'

    def _source_sentence(
        self,
        span: Span,
        evidence: Sequence[tuple[Evidence, Finding]],
        back: Sequence[int] | None,
    ) -> str:
        marks = [
            _Mark(e.span, ("change", f.severity.value), f.message)
            for e, f in evidence
            if e.span.overlaps(span)
        ]
        back = list(back or ())
        links = "".join(
            f'<a class="pair" href="#{article_row_id(a)}">&#8592; article'
            f"{f' sentence {a + 1}' if len(back) > 1 else ''}</a>"
            for a in back
        )
        text = _marked(self.source.text, span, marks)
        return f'<span class="sentence" id="{source_sentence_id(span)}">{text}{links}</span>'

    def _findings_cell(self, findings: list[Finding]) -> str:
        if not findings:
            return '<td class="findings"><span class="none">no findings</span></td>'
        items = "".join(self._finding(f) for f in findings)
        return f'<td class="findings"><ul class="findings">{items}</ul></td>'

    def _finding(self, f: Finding, quoted: str | None = None) -> str:
        parts = [
            f'<span class="kind">{escape(f.kind)}</span>',
            f'<span class="sev">{escape(f.severity.value)}</span>',
            f'<span class="message">{escape(f.message)}</span>',
        ]
        if quoted is not None:
            parts.append(f'<span class="evidence">Article: <q>{escape(quoted)}</q></span>')
        for e in f.evidence:
            where = self._where(f, e)
            note = f" ({escape(e.note)})" if e.note else ""
            src = f" {link(e.url, 'link')}" if e.url else ""
            parts.append(
                f'<span class="evidence">{escape(where)}: <q>{escape(e.text)}</q>{note}{src}</span>'
            )
        if f.suggestion:
            parts.append(
                f'<span class="suggestion">Suggestion: <q>{escape(f.suggestion)}</q></span>'
            )
        number = self.numbered.get(id(f), 0)
        return f'<li class="{f.severity.value}" id="{finding_id(number)}">{"".join(parts)}</li>'

    def _where(self, f: Finding, e: Evidence) -> str:
        """Which document an evidence span is in, in words."""
        in_source = e.doc_id == self.source.doc_id
        in_article = e.doc_id == self.article.doc_id
        if in_source and (f.kind.startswith("source.") or not in_article):
            return "Source"
        if in_article:
            return "In the article"
        return e.outlet or e.doc_id

    def elsewhere(self) -> str:
        """Findings whose span lies outside every compared sentence (page junk, footers)."""
        if not self.unplaced:
            return ""
        items = [self._finding(f, f.span.of(self.article.text)) for f in self.unplaced]
        return (
            '<footer><h2>Findings outside the compared text</h2><ul class="findings">'
            + "".join(items)
            + "</ul></footer>"
        )


# --- helpers ----------------------------------------------------------------------------------


def _is_change(f: Finding) -> bool:
    return f.kind.startswith("source.") and f.kind != UNMATCHED


def _touches(sentence: Span, span: Span) -> bool:
    if len(span) == 0:
        return sentence.start <= span.start < sentence.end
    return sentence.overlaps(span)


def _marked(text: str, span: Span, marks: Iterable[_Mark]) -> str:
    """``text[span]`` escaped, with each mark's part of it in a ``<mark>``.

    Marks may nest or cross: the text is cut at every boundary and each piece is wrapped once,
    with the classes and titles of every mark covering it.
    """
    inside = [m for m in marks if len(m.span) and m.span.overlaps(span)]
    cuts = {span.start, span.end}
    for m in inside:
        cuts.add(max(m.span.start, span.start))
        cuts.add(min(m.span.end, span.end))
    out = []
    for a, b in pairwise(sorted(cuts)):
        piece = escape(text[a:b])
        cover = [m for m in inside if m.span.start <= a and b <= m.span.end]
        if not cover:
            out.append(piece)
            continue
        classes = _ordered_classes(c for m in cover for c in m.classes)
        title = "; ".join(dict.fromkeys(m.title for m in cover))
        out.append(f'<mark class="{escape(classes)}" title="{escape(title)}">{piece}</mark>')
    return "".join(out)


def _ordered_classes(classes: Iterable[str]) -> str:
    seen = list(dict.fromkeys(classes))
    if "change" in seen and "issue" in seen:
        seen.remove("issue")
    severities = [s.value for s in Severity]
    sev = [c for c in seen if c in severities]
    rest = [c for c in seen if c not in severities]
    if sev:
        rest.append(max(sev, key=lambda c: Severity(c).rank))
    return " ".join(rest)
