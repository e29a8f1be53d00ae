"""The report as one self-contained HTML page.

The article text is shown with every finding's span in a ``<mark>`` (one class per severity,
an id per finding) and the findings listed in the margin, each linked to its mark; then the
ledger tables. Inline CSS, no scripts, and a Content-Security-Policy that forbids loading
anything, so the page can be mailed or archived as it is. Every piece of document text
(the article, titles, URLs, evidence, names) goes through `copydesk.report.escape`.

With a source comparison the page is the side-by-side redline of `copydesk.report.redline`.
"""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING

from copydesk.model import Severity
from copydesk.report.build import build_report
from copydesk.report.escape import escape
from copydesk.report.schema import Evidence, Finding, Report

if TYPE_CHECKING:
    from copydesk.pipeline import CheckResult

CSP = "default-src 'none'; style-src 'unsafe-inline'"

#: URL schemes turned into links; anything else (javascript:, data:) is shown as text only.
LINK_SCHEMES = ("http://", "https://")

SEVERITY_ORDER = (Severity.MAJOR, Severity.MINOR, Severity.INFO)
VERDICT_CLASS = {"contradicted": "bad", "corroborated": "good", "unverified": "none"}

STYLE = """
:root { --major: #c62828; --minor: #b26a00; --info: #1565c0; --rule: #ddd; }
* { box-sizing: border-box; }
/* A word longer than the column wraps; document text keeps its direction to itself. */
body { overflow-wrap: anywhere; } .article, q { unicode-bidi: isolate; }
body { margin: 0; font: 16px/1.55 Georgia, "Times New Roman", serif; color: #1a1a1a;
  background: #fafafa; }
header, main, section.tables { max-width: 78rem; margin: 0 auto; padding: 1rem 1.5rem; }
header h1 { margin: 0 0 .3rem; font-size: 1.6rem; }
header p { margin: .15rem 0; color: #444; }
.totals span { margin-right: 1rem; font-weight: bold; }
.totals .major { color: var(--major); } .totals .minor { color: var(--minor); }
.totals .info { color: var(--info); }
main { display: grid; grid-template-columns: minmax(0, 3fr) minmax(16rem, 2fr); gap: 2rem; }
@media (max-width: 60rem) { main { grid-template-columns: 1fr; } }
.article { white-space: pre-wrap; background: #fff; border: 1px solid var(--rule);
  padding: 1rem 1.25rem; border-radius: 4px; }
mark { padding: 0 1px; border-radius: 2px; color: inherit; }
mark.major { background: #ffcdd2; border-bottom: 2px solid var(--major); }
mark.minor { background: #ffe0b2; border-bottom: 2px solid var(--minor); }
mark.info { background: #bbdefb; border-bottom: 2px solid var(--info); }
mark:target { outline: 2px solid #000; }
.excluded { color: #888; text-decoration: line-through; }
aside h2, section h2 { font: bold 1rem/1.3 system-ui, sans-serif; text-transform: uppercase;
  letter-spacing: .04em; }
aside ol { padding-left: 1.4rem; margin: 0; }
aside li { margin-bottom: .9rem; font: 14px/1.45 system-ui, sans-serif; }
aside li:target { background: #fff8c4; }
.kind { font-family: ui-monospace, monospace; font-size: 12px; }
li.major .kind { color: var(--major); } li.minor .kind { color: var(--minor); }
li.info .kind { color: var(--info); }
.quote { font-style: italic; }
.evidence, .suggestion { margin: .2rem 0 0; }
.none { color: #777; font-style: italic; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1.5rem;
  font: 14px/1.4 system-ui, sans-serif; background: #fff; }
th, td { border: 1px solid var(--rule); padding: .3rem .5rem; text-align: left;
  vertical-align: top; }
th { background: #f0f0f0; }
td.bad { color: var(--major); font-weight: bold; } td.good { color: #2e7d32; }
""".strip()


def render_html(result: CheckResult) -> str:
    """The page for ``result``: the redline when there is a source, else the article page."""
    if result.comparison is not None:
        try:
            from copydesk.report.redline import render_redline
        except ModuleNotFoundError as exc:
            if exc.name != "copydesk.report.redline":
                raise
        else:
            return render_redline(result)
    return render_report_html(build_report(result))


def render_report_html(report: Report) -> str:
    """The single-article page for a report."""
    a = report.article
    title = a.title or a.origin or a.doc_id
    numbered = list(enumerate(report.findings, start=1))
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8">',
            f'<meta http-equiv="Content-Security-Policy" content="{escape(CSP)}">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>copydesk: {escape(title)}</title>",
            f"<style>\n{STYLE}\n</style>",
            "</head>",
            "<body>",
            _header(report),
            "<main>",
            f'<div class="article">{_marked_text(report, numbered)}</div>',
            _margin(numbered),
            "</main>",
            '<section class="tables">',
            _ledger(report),
            corpus_tables(report),
            "</section>",
            "</body>",
            "</html>",
            "",
        ]
    )


def finding_id(number: int) -> str:
    """The id of a finding's (first) mark in the article text."""
    return f"f{number}"


def note_id(number: int) -> str:
    """The id of a finding's entry in the margin."""
    return f"n{number}"


# --- parts -----------------------------------------------------------------------------------


def link(url: str | None, text: str | None = None) -> str:
    """An escaped link to ``url`` when it is http(s); otherwise the escaped text alone."""
    if not url:
        return escape(text or "")
    label = escape(text or url)
    if url.lower().startswith(LINK_SCHEMES):
        return f'<a href="{escape(url)}" rel="noreferrer noopener">{label}</a>'
    return label


def rewording_line(score: float, summary: str) -> str:
    """The whole-article verdict in one line, as the text report and both pages give it."""
    return f"Machine rewording: {score:.2f} of 1 ({summary})"


def rewording_html(score: float, summary: str) -> str:
    return f'<p class="rewording">{escape(rewording_line(score, summary))}</p>'


def _header(report: Report) -> str:
    a = report.article
    lines = [f"<h1>{escape(a.title or 'Untitled article')}</h1>"]
    meta = [x for x in (a.byline, a.published, a.outlet) if x]
    if meta:
        lines.append(f"<p>{' · '.join(escape(x) for x in meta)}</p>")
    if a.url:
        lines.append(f"<p>{link(a.url)}</p>")
    if a.origin and a.origin != a.url:
        lines.append(f"<p>Read from <code>{escape(a.origin)}</code></p>")
    if a.declared_source:
        lines.append(
            f"<p>Declared source: <strong>{escape(a.declared_source)}</strong> "
            "(a footer, not body text)</p>"
        )
    counts = report.summary.by_severity
    totals = "".join(
        f'<span class="{s.value}">{counts.get(s.value, 0)} {s.value}</span>' for s in SEVERITY_ORDER
    )
    lines.append(f'<p class="totals">{totals}</p>')
    lines.append(rewording_html(report.rewording.score, report.rewording.summary))
    return "<header>\n" + "\n".join(lines) + "\n</header>"


def _marked_text(report: Report, numbered: list[tuple[int, Finding]]) -> str:
    """The article text, escaped, with each finding's span in marks and junk struck through.

    Spans may nest or cross, so the text is cut at every span boundary and each piece is
    wrapped in the marks of all findings covering it; a finding's first piece carries its id,
    and the text inside all marks of one finding is exactly its span.
    """
    text = report.article.text
    excluded = report.article.excluded
    cuts = {0, len(text)}
    for _, f in numbered:
        cuts.update((f.span.start, f.span.end))
    for ex in excluded:
        cuts.update((ex.span.start, ex.span.end))
    points = sorted(c for c in cuts if 0 <= c <= len(text))
    # Empty spans (a missing word) get an empty mark so the margin link still has a target.
    anchors: dict[int, list[str]] = {}
    for n, f in numbered:
        if f.span.start == f.span.end:
            anchors.setdefault(f.span.start, []).append(_mark(n, f, "", first=True))
    out: list[str] = []
    for start, end in pairwise(points):
        out.extend(anchors.pop(start, []))
        piece = escape(text[start:end])
        covering = sorted(
            (
                (n, f)
                for n, f in numbered
                if f.span.start <= start and end <= f.span.end and f.span.start < f.span.end
            ),
            key=lambda nf: (nf[1].span.start, -nf[1].span.end, nf[0]),
        )
        for n, f in reversed(covering):
            piece = _mark(n, f, piece, first=f.span.start == start)
        within = next((x for x in excluded if x.span.start <= start and end <= x.span.end), None)
        if within is not None:
            piece = f'<span class="excluded" title="{escape(within.label)}">{piece}</span>'
        out.append(piece)
    for rest in anchors.values():
        out.extend(rest)
    return "".join(out)


def _mark(n: int, f: Finding, inner: str, *, first: bool) -> str:
    ident = f' id="{finding_id(n)}"' if first else ""
    return (
        f'<mark class="{f.severity.value}" data-finding="{n}"{ident} '
        f'title="{escape(f.kind)}: {escape(f.message)}">{inner}</mark>'
    )


def _margin(numbered: list[tuple[int, Finding]]) -> str:
    if not numbered:
        return '<aside><h2>Findings</h2><p class="none">No findings.</p></aside>'
    items = []
    for sev in SEVERITY_ORDER:
        for n, f in numbered:
            if f.severity == sev:
                items.append(_note(n, f))
    return "<aside>\n<h2>Findings</h2>\n<ol>\n" + "\n".join(items) + "\n</ol>\n</aside>"


def _note(n: int, f: Finding) -> str:
    parts = [
        f'<li id="{note_id(n)}" class="{f.severity.value}" value="{n}">',
        f'<a href="#{finding_id(n)}" class="kind">{escape(f.kind)}</a>',
        f'<span class="severity">({escape(f.severity.value)})</span>',
        f"<div>{escape(f.message)}</div>",
        f'<div class="quote">“{escape(f.text)}”</div>',
    ]
    if f.suggestion:
        parts.append(
            f'<p class="suggestion">Suggestion: <strong>{escape(f.suggestion)}</strong></p>'
        )
    parts.extend(_evidence(e) for e in f.evidence)
    parts.append("</li>")
    return "\n".join(parts)


def _evidence(e: Evidence) -> str:
    who = link(e.url, e.outlet or e.doc_id)
    note = f' <span class="note">{escape(e.note)}</span>' if e.note else ""
    return f'<p class="evidence">{who}: <q>{_marked_evidence(e)}</q>{note}</p>'


def _marked_evidence(e: Evidence) -> str:
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
            f'<span class="quote">{escape(q.text)}</span>',
        ]
        for q in ledger.quotations
    ]
    people = [
        [
            escape(p.name),
            "<br>".join(
                escape(
                    ("former " if r.former else "") + r.title + (f" ({r.side})" if r.side else "")
                )
                for r in p.roles
            ),
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


def _corroboration(report: Report) -> str:
    c = report.corroboration
    if c is None:
        return ""
    rows = [
        [
            f'<td class="{VERDICT_CLASS[v.verdict]}">{escape(v.verdict)}</td>',
            escape(v.claim),
            "".join(_evidence(e) for e in v.evidence),
            escape(v.reason),
        ]
        for v in c.verdicts
    ]
    table = _table(
        f"Corroboration ({c.documents_considered} other documents considered)",
        ["verdict", "claim", "evidence", "why"],
        rows,
        "No checkable claims.",
    )
    if not c.left_out:
        return table
    counted = "; ".join(f"{x.outlet} ({x.reason})" for x in c.left_out)
    return table + f'\n<p class="note">Not counted: {escape(counted)}.</p>'


def corpus_tables(report: Report) -> str:
    """What a corpus said: corroboration, source candidates and the story's copies."""
    return "\n".join(x for x in (_corroboration(report), _candidates(report), _family(report)) if x)


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
