"""What the check page and the redline share: the page's head and its Content-Security-Policy,
links, finding numbers and ids, marks in document text, the legend and the severity filter,
the finding entries, and the ledger and corpus sections.

Both pages render a `Report`. They are self-contained: one style sheet (``page.css``) inline,
no scripts, and a Content-Security-Policy that forbids loading anything, so a page can be
mailed or archived as it is. The severity filter is radio inputs and CSS ``:has()``. Every
piece of document text (the article, titles, URLs, evidence, names) goes through
`copydesk.report.escape`, and document text is set off by style, never wrapped in quotation
marks of the page's own (quoted words already carry theirs).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from importlib.resources import files
from itertools import pairwise

from copydesk.model import Severity
from copydesk.report.escape import escape
from copydesk.report.schema import (
    SEVERITY_ORDER,
    Evidence,
    Filtered,
    Finding,
    FindingGroup,
    Report,
    RewordingInfo,
    Role,
)

#: Forbids scripts, frames, fonts and fetches; only the inline style sheet is allowed.
CSP = "default-src 'none'; style-src 'unsafe-inline'"

#: URL schemes turned into links; anything else (javascript:, data:) is shown as text only.
LINK_SCHEMES = ("http://", "https://")

SEVERITY_MEANING = {
    Severity.MAJOR: "wrong as it stands",
    Severity.MINOR: "worth an editor's look",
    Severity.INFO: "for the record",
}

VERDICT_CLASS = {"contradicted": "bad", "corroborated": "good", "unverified": "none"}

STYLE = files("copydesk.report").joinpath("page.css").read_text(encoding="utf-8").strip()


# --- numbers and ids ---------------------------------------------------------------------------


def numbered(findings: Sequence[Finding]) -> list[tuple[int, Finding]]:
    """The findings with their numbers (`Finding.number`), in the order they count in: by
    severity, major first, then text order (the lists show them by `grouped`)."""
    return sorted(((f.number, f) for f in findings), key=lambda nf: nf[0])


def numbers(findings: Sequence[Finding]) -> list[int]:
    """The number of each finding, by its position in ``findings``."""
    return [f.number for f in findings]


def grouped(report: Report) -> list[tuple[Severity, list[FindingGroup]]]:
    """The items the text report and the check page list: one per group of findings about one
    fact (one per finding when the report has no groups), under the severity of its lead,
    major first, in the report's order."""
    groups = report.groups or [FindingGroup(lead=i) for i in range(len(report.findings))]
    by_severity = [
        (sev, [g for g in groups if report.findings[g.lead].severity == sev])
        for sev in SEVERITY_ORDER
    ]
    return [(sev, items) for sev, items in by_severity if items]


def item_tally(items: Sequence[FindingGroup]) -> str:
    """How many items a severity lists, and how many findings they hold when that differs
    ('7 items, 12 findings')."""
    count = sum(1 + len(g.related) for g in items)
    if count == len(items):
        return f"{count}"
    return f"{len(items)} item{'' if len(items) == 1 else 's'}, {count} findings"


def role_label(role: Role) -> str:
    """A role as the ledger lists it: 'former culture minister (Russia)'."""
    return (
        ("former " if role.former else "") + role.title + (f" ({role.side})" if role.side else "")
    )


def mark_id(number: int) -> str:
    """The id of a finding's first mark in the article text (``#f3``)."""
    return f"f{number}"


def note_id(number: int) -> str:
    """The id of a finding's entry in the list of findings (``#n3``)."""
    return f"n{number}"


# --- the page ------------------------------------------------------------------------------------


def document(title: str, body_class: str, parts: Iterable[str]) -> str:
    """A whole page: head with the policy and style sheet, then ``parts`` in the body."""
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8">',
            f'<meta http-equiv="Content-Security-Policy" content="{escape(CSP)}">',
            '<meta name="referrer" content="no-referrer">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{escape(title)}</title>",
            f"<style>\n{STYLE}\n</style>",
            "</head>",
            f'<body class="{body_class}">',
            *(p for p in parts if p),
            "</body>",
            "</html>",
            "",
        ]
    )


def link(url: str | None, text: str | None = None) -> str:
    """An escaped link to ``url`` when it is http(s); otherwise the escaped text alone."""
    if not url:
        return escape(text or "")
    label = escape(text or url)
    if url.lower().startswith(LINK_SCHEMES):
        return f'<a href="{escape(url)}" rel="noreferrer noopener">{label}</a>'
    return label


def excerpt(inner_html: str) -> str:
    """Document text set off from the page's words (its own quotation marks kept, none added)."""
    return f'<span class="excerpt">{inner_html}</span>'


def left_out_line(filtered: Filtered) -> str:
    """What ``--min-severity`` and ``--ignore`` left out, in one line ('' when nothing was):
    '38 findings left out: 38 below major'."""
    if not filtered.total:
        return ""
    why = []
    if filtered.below_min_severity:
        why.append(f"{filtered.below_min_severity} below {filtered.min_severity.value}")
    if filtered.ignored:
        why.append(f"{filtered.ignored} of the kinds ignored ({', '.join(filtered.ignore)})")
    plural = "s" if filtered.total > 1 else ""
    return f"{filtered.total} finding{plural} left out: {'; '.join(why)}"


def rewording_line(rewording: RewordingInfo) -> str:
    """The whole-article verdict in one line, as the text report and both pages give it."""
    verdict = "likely reworded" if rewording.likely else "not likely reworded"
    return (
        f"Machine rewording: {rewording.score:.2f} of 1, {verdict} (threshold "
        f"{rewording.threshold:.2f}; {rewording.summary})"
    )


def article_lines(report: Report) -> list[str]:
    """The article's metadata, declared source, totals and rewording verdict, as header lines."""
    a = report.article
    lines = []
    meta = [x for x in (a.byline, a.published, a.outlet) if x]
    if meta:
        lines.append(f"<p>{' · '.join(escape(x) for x in meta)}</p>")
    if a.url:
        lines.append(f"<p>{link(a.url)}</p>")
    if a.origin and a.origin != a.url:
        lines.append(f"<p>Read from <code>{escape(a.origin)}</code></p>")
    if a.declared_source:
        lines.append(
            f'<p class="declared">Declared source: <strong>{escape(a.declared_source)}</strong> '
            "(a footer, not body text)</p>"
        )
    counts = report.summary.by_severity
    totals = "".join(
        f'<span class="{s.value}">{counts.get(s.value, 0)} {s.value}</span>' for s in SEVERITY_ORDER
    )
    lines.append(f'<p class="totals">{totals}</p>')
    left_out = left_out_line(report.summary.filtered)
    if left_out:
        lines.append(f'<p class="filtered">{escape(left_out)}</p>')
    summary = rewording_line(report.rewording)
    lines.append(f'<p class="rewording">{escape(summary)}</p>')
    return lines


def controls(legend_items: Sequence[tuple[str, str]]) -> str:
    """The severity filter (radio inputs and CSS, no script) and the legend of the marks:
    ``legend_items`` are (sample HTML, what it means)."""
    choices = [
        ("show-all", "All findings"),
        ("show-minor", "Major and minor"),
        ("show-major", "Major only"),
    ]
    radios = "".join(
        f'<input type="radio" name="show" id="{ident}"{" checked" if k == 0 else ""}>'
        f'<label for="{ident}">{escape(text)}</label>'
        for k, (ident, text) in enumerate(choices)
    )
    legend = "".join(f"<li>{sample} {escape(meaning)}</li>" for sample, meaning in legend_items)
    return (
        '<nav class="controls" aria-label="Filter and legend">'
        f'<fieldset class="filter"><legend>Show</legend>{radios}</fieldset>'
        f'<ul class="legend" aria-label="Legend">{legend}</ul>'
        "</nav>"
    )


def severity_legend(style: str = "") -> list[tuple[str, str]]:
    """Legend entries for the mark of each severity (``style``: the marks' extra class)."""
    extra = f" {style}" if style else ""
    return [
        (f'<mark class="{s.value}{extra}">{s.value}</mark>', SEVERITY_MEANING[s])
        for s in SEVERITY_ORDER
    ]


# --- marks in document text -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Mark:
    """A finding's span (``start``/``end`` in its document) to mark, and how."""

    start: int
    end: int
    number: int
    severity: Severity
    title: str
    style: str = ""  # extra class: 'change', 'issue' (redline) or 'source' (the source's side)
    anchor: bool = True  # its first piece carries the finding's mark id


def marked(
    text: str,
    offset: int,
    marks: Sequence[Mark],
    given: set[int],
    excluded: Sequence[tuple[int, int, str]] = (),
) -> str:
    """``text`` (which starts at ``offset`` in its document), escaped, with marks.

    Spans may nest or cross, so the text is cut at every boundary and each piece is wrapped in
    the marks of every finding covering it, the innermost last: the text inside all marks of
    one finding is exactly its span. Each piece is one link to the innermost finding's entry.
    A finding's first piece carries its mark id, unless its number is in ``given`` (shown
    already); numbers given here are added to it. ``excluded`` are (start, end, label)
    stretches shown struck through.
    """
    end_at = offset + len(text)
    inside = [m for m in marks if m.start < end_at and offset < m.end]
    empty = [m for m in marks if m.start == m.end and offset <= m.start <= end_at]
    cuts = {offset, end_at}
    for m in inside:
        cuts.update((max(m.start, offset), min(m.end, end_at)))
    for a, b, _ in excluded:
        cuts.update(x for x in (a, b) if offset < x < end_at)
    out: list[str] = []
    for a, b in pairwise(sorted(cuts)):
        out.extend(_empty_mark(m, given) for m in empty if m.start == a)
        piece = escape(text[a - offset : b - offset])
        covering = sorted(
            (m for m in inside if m.start <= a and b <= m.end),
            key=lambda m: (m.start, -m.end, m.number),
        )
        for m in reversed(covering):
            piece = _mark(m, piece, given)
        if covering:
            piece = f'<a class="to-finding" href="#{note_id(covering[-1].number)}">{piece}</a>'
        label = next((lab for x, y, lab in excluded if x <= a and b <= y), None)
        if label is not None:
            piece = f'<span class="excluded" title="{escape(label)}">{piece}</span>'
        out.append(piece)
    out.extend(_empty_mark(m, given) for m in empty if m.start == end_at)
    return "".join(out)


def _mark(m: Mark, inner: str, given: set[int]) -> str:
    ident = ""
    if m.anchor and m.number not in given:
        given.add(m.number)
        ident = f' id="{mark_id(m.number)}"'
    classes = f"{m.severity.value} {m.style}".strip()
    return (
        f'<mark class="{classes}" data-finding="{m.number}"{ident} '
        f'title="{escape(m.title)}">{inner}</mark>'
    )


def _empty_mark(m: Mark, given: set[int]) -> str:
    """A finding with an empty span (a missing word) as a caret, so it still has a target."""
    inner = _mark(replace(m, style=f"{m.style} empty"), "", given)
    return f'<a class="to-finding" href="#{note_id(m.number)}">{inner}</a>'


# --- finding entries -----------------------------------------------------------------------------


class FindingList:
    """Renders finding entries, giving each set of evidence in full once: a finding with the
    same evidence as one shown before points to it."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self.source_id = report.comparison.source.doc_id if report.comparison else None
        self.numbers = numbers(report.findings)
        self._same_fact: dict[int, list[int]] = {}
        for g in report.groups:
            members = [self.numbers[k] for k in (g.lead, *g.related)]
            for n in members:
                self._same_fact[n] = [m for m in members if m != n]
        self._shown: dict[tuple[tuple[str, int, int, str | None], ...], int] = {}

    def item(
        self,
        number: int,
        f: Finding,
        *,
        target: str | None = None,
        quote: bool = True,
        same_fact: bool = True,
        related: Sequence[tuple[int, Finding]] = (),
    ) -> str:
        """One finding's ``<li>``: number, kind (linked to ``target``, by default its mark),
        severity, message, its words (``quote``), suggestion and evidence; then links to the
        other findings about the same fact (``same_fact``), or their entries (``related``,
        numbered) listed inside this one."""
        target = mark_id(number) if target is None else target
        parts = [
            f'<span class="number">{number}.</span>',
            f'<span class="kind-label">{escape(f.label)}</span>',
            f'<a href="#{escape(target)}" class="kind">{escape(f.kind)}</a>'
            if target
            else f'<span class="kind">{escape(f.kind)}</span>',
            f'<span class="sev">{escape(f.severity.value)}</span>',
            f'<span class="message">{escape(f.message)}</span>',
        ]
        if quote:
            words = escape(f.text) if f.text else '<span class="none">(nothing: a gap)</span>'
            parts.append(f'<span class="span-text">Article: {excerpt(words)}</span>')
        if f.suggestion:
            parts.append(
                f'<span class="suggestion">Suggestion: <strong>{escape(f.suggestion)}</strong></span>'
            )
        parts.append(self._evidence(number, f))
        others = self._same_fact.get(number) if same_fact else None
        if others:
            links = ", ".join(f'<a href="#{note_id(n)}">{n}</a>' for n in others)
            plural = "s" if len(others) > 1 else ""
            parts.append(f'<span class="same-fact">Same fact as finding{plural} {links}</span>')
        if related:
            entries = "".join(self.item(n, r, same_fact=False) for n, r in related)
            parts.append(f'<ul class="related" aria-label="About the same fact">{entries}</ul>')
        return (
            f'<li id="{note_id(number)}" class="finding {f.severity.value}">'
            + "".join(parts)
            + "</li>"
        )

    def run_item(self, run: Sequence[tuple[int, Finding]], target: str) -> str:
        """One ``<li>`` for a run of sentences with no source sentence, one after another
        ("24–33."), as the text report folds them; each finding's number keeps its anchor."""
        (first, f), (last, _) = run[0], run[-1]
        anchors = "".join(f'<span id="{note_id(n)}"></span>' for n, _ in run[1:])
        return (
            f'<li id="{note_id(first)}" class="finding run {f.severity.value}">{anchors}'
            f'<span class="number">{first}–{last}.</span>'
            f'<span class="kind-label">{escape(f.label)}</span>'
            f'<a href="#{escape(target)}" class="kind">{escape(f.kind)}</a>'
            f'<span class="sev">{escape(f.severity.value)}</span>'
            f'<span class="message">No source sentence matches these {len(run)} sentences in a '
            "row.</span></li>"
        )

    def _evidence(self, number: int, f: Finding) -> str:
        if not f.evidence:
            return ""
        key = tuple(sorted((e.doc_id, e.span.start, e.span.end, e.note) for e in f.evidence))
        first = self._shown.setdefault(key, number)
        if first != number:
            return (
                f'<span class="evidence">Evidence: as for finding '
                f'<a href="#{note_id(first)}">{first}</a>.</span>'
            )
        return "".join(self.evidence_line(f, e) for e in f.evidence)

    def evidence_line(self, f: Finding | None, e: Evidence) -> str:
        note = f' <span class="note">({escape(e.note)})</span>' if e.note else ""
        return (
            f'<span class="evidence">{self._where(f, e)}: {excerpt(marked_evidence(e))}'
            f"{note}</span>"
        )

    def _where(self, f: Finding | None, e: Evidence) -> str:
        """Which document an evidence span is in, in words (linked when it has a URL)."""
        in_source = e.doc_id == self.source_id
        in_article = e.doc_id == self.report.article.doc_id
        if in_source and (f is None or f.kind.startswith("source.") or not in_article):
            return link(e.url, "Source")
        if in_article:
            return "In the article"
        return link(e.url, e.outlet or e.doc_id)


def marked_evidence(e: Evidence) -> str:
    """The evidence text with its marked words (``marks``, offsets into its document)."""
    out, at = [], 0
    for m in sorted(e.marks, key=lambda m: m.start):
        start, end = m.start - e.span.start, m.end - e.span.start
        if start < at or end > len(e.text):
            continue
        out.append(escape(e.text[at:start]))
        out.append(f'<mark class="quoted">{escape(e.text[start:end])}</mark>')
        at = end
    out.append(escape(e.text[at:]))
    return "".join(out)


# --- sections: the ledger and what a corpus said ------------------------------------------------


def tables(report: Report, findings: FindingList) -> str:
    """The ledger and the corpus sections, as both pages show them below the findings."""
    return (
        '<section class="tables" aria-label="Ledger and corpus">\n'
        + _ledger(report)
        + "\n"
        + "\n".join(
            x for x in (_corroboration(report, findings), _candidates(report), _family(report)) if x
        )
        + "\n</section>"
    )


def _table(title: str, header: list[str], rows: list[list[str]], empty: str) -> str:
    """A table; ``rows`` hold cells that are already escaped HTML."""
    if not rows:
        return f'<h2>{escape(title)}</h2>\n<p class="none">{escape(empty)}</p>'
    head = "".join(f"<th>{escape(h)}</th>" for h in header)
    body = "\n".join(
        "<tr>" + "".join(c if c.startswith("<td") else f"<td>{c}</td>" for c in row) + "</tr>"
        for row in rows
    )
    return f"<h2>{escape(title)}</h2>\n<table>\n<tr>{head}</tr>\n{body}\n</table>"


def _ledger(report: Report) -> str:
    ledger = report.ledger
    quotes = [
        [
            escape(q.speaker) if q.speaker else '<td class="bad">no speaker</td>',
            escape(q.cue or ""),
            "yes" if q.marked else '<td class="bad">no</td>',
            excerpt(escape(q.text)),
        ]
        for q in ledger.quotations
    ]
    people = [
        [
            escape(p.name),
            "<br>".join(escape(role_label(r)) for r in p.roles),
        ]
        for p in ledger.people
    ]
    quantities = [
        [escape(q.text), escape(f"{q.value:g}"), escape(q.unit or ""), escape(q.dimension or "")]
        for q in ledger.quantities
    ]
    conversions = [
        [
            escape(c.original.text),
            escape(c.converted.text),
            escape(f"{c.expected:.4g} {c.converted.unit or ''}".strip()),
            '<td class="good">yes</td>' if c.agrees else '<td class="bad">no</td>',
        ]
        for c in ledger.conversions
    ]
    return "\n".join(
        [
            _table("Quotations", ["speaker", "cue", "marks", "words"], quotes, "No quotations."),
            _table("People", ["name", "roles and sides"], people, "No people named."),
            _table("Quantities", ["as written", "value", "unit", "dimension"], quantities, "None."),
            _table(
                "Conversions checked",
                ["value", "converted", "expected", "holds"],
                conversions,
                "No conversions.",
            ),
        ]
    )


def _corroboration(report: Report, findings: FindingList) -> str:
    c = report.corroboration
    if c is None:
        return ""
    listed = [v for v in c.verdicts if v.verdict != "unverified" and not _fragment(v.text)]
    rows = [
        [
            f'<td class="verdict {VERDICT_CLASS[v.verdict]}">{escape(v.verdict)}</td>',
            escape(v.claim),
            "".join(findings.evidence_line(None, e) for e in v.evidence),
            escape(v.reason),
        ]
        for v in listed
    ]
    table = _table(
        f"Corroboration ({c.documents_considered} other documents considered)",
        ["verdict", "claim", "evidence", "why"],
        rows,
        "No claim is corroborated or contradicted by another outlet.",
    )
    unverified = sum(1 for v in c.verdicts if v.verdict == "unverified")
    if unverified:
        claims = "claim" if unverified == 1 else "claims"
        table += (
            f'\n<p class="note unverified">{unverified} more checkable {claims} unverified: no '
            "other outlet reports them.</p>"
        )
    if not c.left_out:
        return table
    counted = "; ".join(f"{x.outlet} ({x.reason})" for x in c.left_out)
    return table + f'\n<p class="note">Not counted: {escape(counted)}.</p>'


def _fragment(text: str) -> bool:
    """Whether a claim's words are a piece of a sentence that reads as none: a bracket or
    quotation mark left open or closed alone ("620-mile) front line")."""
    for opening, closing in (("(", ")"), ("[", "]"), ("“", "”")):
        if text.count(opening) != text.count(closing):
            return True
    return text.count('"') % 2 == 1


def _family(report: Report) -> str:
    f = report.family
    if f is None:
        return ""
    rows = [
        [
            escape(m.relation),
            escape(m.published or ""),
            escape(m.outlet or ""),
            link(m.url, m.title or m.url or m.doc_id),
            escape(m.differs),
        ]
        for m in f.members
    ]
    title = f"Copies of this story ({len(f.members)})"
    why = f'<p class="note">Original: {escape(f.reason)}.</p>'
    return _table(title, ["copy", "date", "outlet", "document", "how it differs"], rows, "") + why


def _candidates(report: Report) -> str:
    rows = [
        [
            escape(f"{c.reuse_share:.0%}"),
            escape(f"{c.score:.2f}"),
            escape(c.outlet or ""),
            link(c.url, c.title or c.url or c.doc_id),
            escape(c.reason),
        ]
        for c in report.source_candidates
    ]
    if not rows:
        return ""
    return _table("Source candidates", ["reuse", "score", "outlet", "document", "why"], rows, "")
