"""The report in a terminal: findings by severity, one item per fact (the findings about the
same fact indented under the one that leads them), each with its sentence and the offending
span highlighted, then the ledger, the comparison and the corroboration. Text is wrapped to
the terminal, or to ``COLUMNS`` when set.

Rendered with rich. Without a terminal (piped, redirected, ``--color never``) no escape codes
are written and the span is marked ``[[like this]]`` instead, so the output stays readable
in a log or an e-mail.
"""

from __future__ import annotations

import io
import os
from collections.abc import Sequence
from typing import TextIO

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

from copydesk.model import Severity
from copydesk.report.escape import shown_in_terminal
from copydesk.report.groups import UNMATCHED
from copydesk.report.page import (
    grouped,
    item_tally,
    left_out_line,
    numbers,
    rewording_line,
    role_label,
)
from copydesk.report.schema import (
    SEVERITY_ORDER,
    Evidence,
    Excerpt,
    Finding,
    FindingGroup,
    Report,
    SourceCandidate,
)

COLOR_CHOICES = ("auto", "always", "never")

#: Longest sentence shown whole under a finding; longer ones are cut to a window around the
#: span (a merged paragraph with no full stops can run to thousands of characters).
MAX_CONTEXT_CHARS = 360
#: Characters kept either side of the span when a sentence is cut.
CONTEXT_WINDOW = 150
#: Longest quotation or sentence shown in a table cell before it is cut with an ellipsis.
MAX_CELL_CHARS = 90
#: Unmatched (added) sentences listed under the comparison before "and N more".
MAX_UNMATCHED_LISTED = 12

#: Indent of a finding's lines under its number ("  1. "), and how much deeper a finding
#: related to the item's lead is indented.
LEAD_INDENT = 5
RELATED_INDENT = 5

#: Width used when writing to a file or a pipe, where there is no terminal to measure and
#: ``COLUMNS`` is not set.
PLAIN_WIDTH = 100
#: The narrowest ``COLUMNS`` taken: below it the five-column tables fold every word (a
#: narrower value is raised to this).
MIN_COLUMNS = 40

#: Span markers used when no styling can be shown.
MARK_OPEN, MARK_CLOSE = "[[", "]]"

SEVERITY_STYLE = {Severity.MAJOR: "bold red", Severity.MINOR: "yellow", Severity.INFO: "cyan"}
VERDICT_STYLE = {"corroborated": "green", "contradicted": "bold red", "unverified": "dim"}
HIGHLIGHT_STYLE = {
    Severity.MAJOR: "bold white on red",
    Severity.MINOR: "bold black on yellow",
    Severity.INFO: "black on cyan",
}


class ReportConsole(Console):
    """A rich console that lets a closed pipe surface as `BrokenPipeError` (rich's default
    exits with status 1, which copydesk uses for "major findings")."""

    def on_broken_pipe(self) -> None:
        self.quiet = True
        raise BrokenPipeError


def plain_width() -> int:
    """The width of text written to a file or pipe: ``COLUMNS`` when set (at least
    `MIN_COLUMNS`), else `PLAIN_WIDTH`."""
    value = os.environ.get("COLUMNS", "").strip()
    if value.isdigit() and int(value) > 0:
        return max(int(value), MIN_COLUMNS)
    return PLAIN_WIDTH


def make_console(
    color: str = "auto", file: TextIO | None = None, width: int | None = None
) -> Console:
    """A console honouring ``--color``: auto styles only a terminal (and respects NO_COLOR)."""
    if color not in COLOR_CHOICES:
        raise ValueError(f"color must be one of {COLOR_CHOICES}")
    if color == "always":
        return ReportConsole(file=file, force_terminal=True, width=width, highlight=False)
    if color == "never":
        return ReportConsole(
            file=file,
            force_terminal=False,
            no_color=True,
            width=width or plain_width(),
            highlight=False,
        )
    console = ReportConsole(file=file, width=width, highlight=False)
    if not console.is_terminal and width is None:
        console.width = plain_width()
    return console


def render_text(report: Report, console: Console) -> None:
    """Print the report on ``console``, every control character in it shown, not obeyed."""
    styled = console.is_terminal
    for part in _parts(report, styled):
        console.print(_Shown(part))


class _Shown:
    """A part of the report whose text has its control characters shown (``escape``): the
    article's words and file name never reach the terminal as escape sequences."""

    def __init__(self, inner: RenderableType) -> None:
        self.inner = inner

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for segment in console.render(self.inner, options):
            if segment.control:
                yield segment
            else:
                yield Segment(shown_in_terminal(segment.text), segment.style)


def text_report(report: Report, color: str = "never", width: int | None = None) -> str:
    """The report as a string (what ``--format text --out FILE`` writes), lines right-trimmed
    (rich pads table cells to the column width); ``width`` defaults to `plain_width`."""
    buffer = io.StringIO()
    render_text(report, make_console(color, file=buffer, width=width or plain_width()))
    return "".join(line.rstrip() + "\n" for line in buffer.getvalue().splitlines())


# --- parts -----------------------------------------------------------------------------------


def _parts(report: Report, styled: bool) -> list[RenderableType]:
    parts: list[RenderableType] = [_header(report), Text()]
    parts.extend(_findings(report, styled))
    parts.extend(_ledger(report))
    if report.comparison is not None:
        parts.extend(_comparison(report))
    if report.source_candidates:
        parts.extend(_candidates(report))
    if report.family is not None:
        parts.extend(_family(report))
    if report.corroboration is not None:
        parts.extend(_corroboration(report))
    return parts


def _header(report: Report) -> RenderableType:
    a = report.article
    lines = [Text(a.title or "(untitled article)", style="bold")]
    meta = [x for x in (a.byline, a.published, a.outlet) if x]
    if meta:
        lines.append(Text(" · ".join(meta)))
    if a.url:
        lines.append(Text(a.url, style="blue"))
    if a.origin and a.origin != a.url:
        lines.append(Text(f"read from {a.origin}", style="dim"))
    if a.declared_source:
        lines.append(Text(f"Declared source: {a.declared_source} (a footer, not body text)"))
    if report.comparison is not None:
        s = report.comparison.source
        name = s.title or s.origin or s.doc_id
        where = ", ".join(x for x in (s.outlet, s.url) if x)
        lines.append(Text(f"Compared with: {name}" + (f" ({where})" if where else "")))
    lines.append(_totals(report))
    left_out = left_out_line(report.summary.filtered)
    if left_out:
        lines.append(Text(left_out, style="dim"))
    lines.append(Text(rewording_line(report.rewording)))
    return Group(*lines)


def _totals(report: Report) -> Text:
    counts = report.summary.by_severity
    line = Text()
    for i, sev in enumerate(SEVERITY_ORDER):
        if i:
            line.append(", ")
        n = counts.get(sev.value, 0)
        line.append(f"{n} {sev.value}", style=SEVERITY_STYLE[sev] if n else "dim")
    line.append(" finding" + ("" if report.summary.total == 1 else "s"))
    return line


def _findings(report: Report, styled: bool) -> list[RenderableType]:
    """One item per group of findings about one fact (`Report.groups`), under the severity of
    its lead, with the related findings indented under the lead. Every finding keeps the
    number the HTML pages give it (`page.numbered`: by severity, then text order), so a
    number names the same finding in both."""
    if not report.findings:
        return [Text("No findings.", style="green"), Text()]
    number = numbers(report.findings)
    parts: list[RenderableType] = []
    for sev, items in grouped(report):
        heading = f"{sev.value.upper()} ({item_tally(items)})"
        parts.append(Text(heading, style=SEVERITY_STYLE[sev]))
        for g in items:
            parts.append(_item(g, report, styled, number))
        parts.append(Text())
    return parts


def _item(group: FindingGroup, report: Report, styled: bool, number: list[int]) -> RenderableType:
    positions = (group.lead, *group.related)
    if len(positions) > 1 and all(report.findings[i].kind == UNMATCHED for i in positions):
        return _added_passage(positions, report, number)
    shown: set[tuple[str, int, int]] = set()
    lines: list[RenderableType] = []
    for depth, position in enumerate((group.lead, *group.related)):
        f = report.findings[position]
        indent = RELATED_INDENT if depth else 0
        head = _head(f"{number[position]:>3}. ", f)
        lines.append(_Indented(head, indent + LEAD_INDENT, first=indent))
        body = _body(f, report, styled, shown)
        lines += [_Indented(b, indent + LEAD_INDENT) for b in body]
    return Group(*lines)


def _added_passage(positions: Sequence[int], report: Report, number: list[int]) -> Group:
    """A run of sentences with no source sentence, one after another, as one line with the
    passage's first and last sentence."""
    first, last = report.findings[positions[0]], report.findings[positions[-1]]
    head = _head(f"{number[positions[0]]:>3}–{number[positions[-1]]}. ", first)
    head.truncate(len(head.plain) - len(first.message))
    head.append(f"No source sentence matches these {len(positions)} sentences in a row.")
    lines: list[RenderableType] = [_Indented(head, LEAD_INDENT, first=0)]
    for label, f in (("from: ", first), ("to:   ", last)):
        line = Text.assemble((label, "dim"), _cut(_flat(f.text), MAX_CONTEXT_CHARS))
        lines.append(_Indented(line, LEAD_INDENT))
    return Group(*lines)


def _head(prefix: str, f: Finding) -> Text:
    """ "  3. Quotation altered (source.quote_altered)  The quotation leaves out ..."."""
    head = Text(prefix)
    head.append(f.label, style=SEVERITY_STYLE[f.severity])
    head.append(f" ({f.kind})", style="dim")
    head.append("  ")
    head.append(f.message)
    return head


def _body(
    f: Finding,
    report: Report,
    styled: bool,
    shown: set[tuple[str, int, int]],
) -> list[Text]:
    """The finding's sentence with its span marked, its suggestion and its evidence; a span
    or a piece of evidence already shown in the item (``shown``) is not shown again."""
    body: list[Text] = []
    context = ("", f.span.start, f.span.end)
    if context not in shown:
        shown.add(context)
        body.append(_context(f, report, styled))
    if f.suggestion:
        body.append(Text.assemble(("suggestion: ", "dim"), (f.suggestion, "green")))
    for e in f.evidence:
        key = (e.doc_id, e.span.start, e.span.end)
        if key in shown:
            continue
        shown.add(key)
        line = Text()
        line.append("evidence: ", style="dim")
        line.append(_document_name(e, report), style="bold")
        if e.url:
            line.append(f" ({e.url})", style="blue")
        line.append(f": “{_cut(e.text, MAX_CONTEXT_CHARS)}”")
        if e.note:
            line.append(f" — {e.note}", style="dim")
        body.append(line)
    return body


def _document_name(e: Evidence, report: Report) -> str:
    """The document evidence is in, in words: its outlet, else "source" or "article" (never
    a corpus's internal id)."""
    if e.outlet:
        return e.outlet
    if report.comparison is not None and e.doc_id == report.comparison.source.doc_id:
        return "source"
    if e.doc_id == report.article.doc_id:
        return "article"
    return e.url or e.doc_id


def _context(f: Finding, report: Report, styled: bool) -> Text:
    """The finding's sentence with its span highlighted (or bracketed when unstyled)."""
    sentence = f.sentence or Excerpt(span=f.span, text=f.text)
    text = report.article.text
    start, end = sentence.span.start, sentence.span.end
    lead, tail = "", ""
    if end - start > MAX_CONTEXT_CHARS:
        new_start = max(start, f.span.start - CONTEXT_WINDOW)
        new_end = min(end, f.span.end + CONTEXT_WINDOW)
        lead = "…" if new_start > start else ""
        tail = "…" if new_end < end else ""
        start, end = new_start, new_end
    out = Text(lead)
    out.append(_flat(text[start : f.span.start]))
    span_text = _flat(text[f.span.start : f.span.end]) or "∅"
    if styled:
        out.append(span_text, style=HIGHLIGHT_STYLE[f.severity])
    else:
        out.append(f"{MARK_OPEN}{span_text}{MARK_CLOSE}")
    out.append(_flat(text[f.span.end : end]))
    out.append(tail)
    return out


def _ledger(report: Report) -> list[RenderableType]:
    ledger = report.ledger
    parts: list[RenderableType] = [Text("Ledger", style="bold underline")]

    quotes = _table("Quotations", "speaker", "cue", "marks", "words")
    for q in ledger.quotations:
        _row(
            quotes,
            q.speaker or Text("(no speaker)", style="red"),
            q.cue or "",
            "yes" if q.marked else Text("no", style="yellow"),
            _cut(q.text, MAX_CELL_CHARS),
        )
    parts.append(quotes if ledger.quotations else Text("No quotations.", style="dim"))

    people = _table("People", "name", "roles and sides")
    for p in ledger.people:
        roles = "; ".join(role_label(r) for r in p.roles)
        _row(people, p.name, roles or Text("—", style="dim"))
    parts.append(people if ledger.people else Text("No people named.", style="dim"))

    quantities = _table("Quantities", "as written", "value", "unit", "dimension")
    for n in ledger.quantities:
        _row(quantities, _flat(n.text), f"{n.value:g}", n.unit or "", n.dimension or "")
    parts.append(quantities if ledger.quantities else Text("No quantities.", style="dim"))

    if ledger.conversions:
        conversions = _table("Conversions checked", "value", "converted", "expected", "holds")
        for c in ledger.conversions:
            _row(
                conversions,
                _flat(c.original.text),
                _flat(c.converted.text),
                f"{c.expected:.4g} {c.converted.unit or ''}".strip(),
                Text("yes", style="green") if c.agrees else Text("NO", style="bold red"),
            )
        parts.append(conversions)
    parts.append(Text())
    return parts


def _comparison(report: Report) -> list[RenderableType]:
    c = report.comparison
    assert c is not None
    labels = ", ".join(f"{n} {label}" for label, n in c.by_label.items())
    parts: list[RenderableType] = [
        Text("Against the source", style="bold underline"),
        Text(
            f"{c.article_reuse:.0%} of the article's body comes from the source; "
            f"it reuses {c.source_reuse:.0%} of the source."
        ),
        Text(f"Article sentences: {labels}."),
        Text(f"Source sentences the article leaves out: {len(c.omitted)}."),
    ]
    added = [p for p in c.pairs if p.label.value == "added"]
    if added and any(f.kind == UNMATCHED for f in report.findings):
        parts.append(Text(f"Sentences with no source sentence: {len(added)}, listed under INFO."))
    elif added:  # their findings were left out (--min-severity, --ignore): list them here
        parts.append(Text(f"Sentences with no source sentence ({len(added)}):"))
        for p in added[:MAX_UNMATCHED_LISTED]:
            parts.append(_Indented(Text(f"- {_cut(p.article.text, MAX_CELL_CHARS)}"), 2))
        if len(added) > MAX_UNMATCHED_LISTED:
            parts.append(Text(f"  … and {len(added) - MAX_UNMATCHED_LISTED} more"))
    parts.append(Text())
    return parts


def print_candidates(candidates: list[SourceCandidate], console: Console) -> None:
    """Print a ranking of source candidates (``copydesk find-source``)."""
    if not candidates:
        console.print(Text("No candidate source in the corpus."))
        return
    console.print(_candidate_table(candidates))


def candidates_text(candidates: list[SourceCandidate], color: str = "never") -> str:
    buffer = io.StringIO()
    print_candidates(candidates, make_console(color, file=buffer, width=plain_width()))
    return "".join(line.rstrip() + "\n" for line in buffer.getvalue().splitlines())


def _candidates(report: Report) -> list[RenderableType]:
    return [_candidate_table(report.source_candidates), Text()]


def _candidate_table(candidates: list[SourceCandidate]) -> Table:
    table = _table("Source candidates", "reuse", "score", "outlet", "document", "why")
    for c in candidates:
        _row(
            table,
            f"{c.reuse_share:.0%}",
            f"{c.score:.2f}",
            c.outlet or "",
            c.url or c.title or c.doc_id,
            c.reason,
        )
    return table


def _family(report: Report) -> list[RenderableType]:
    f = report.family
    assert f is not None
    table = _table(
        f"Copies of this story ({len(f.members)})", "copy", "date", "outlet", "how it differs"
    )
    for m in f.members:
        _row(table, m.relation, m.published or "", m.outlet or m.url or m.doc_id, m.differs)
    return [table, Text(f"Original: {f.reason}."), Text()]


def _corroboration(report: Report) -> list[RenderableType]:
    """Contradicted claims first, then corroborated ones, each with the reason naming the
    outlets; unverified claims are only counted (the JSON and HTML reports list them all)."""
    c = report.corroboration
    assert c is not None
    title = f"Corroboration ({c.documents_considered} other documents considered)"
    shown = sorted(
        (v for v in c.verdicts if v.verdict != "unverified"),
        key=lambda v: (v.verdict != "contradicted", v.span.start),
    )
    unverified = len(c.verdicts) - len(shown)
    parts: list[RenderableType] = [Text(title, style="bold underline")]
    if shown:
        table = _table("", "verdict", "claim", "why")
        for v in shown:
            _row(table, Text(v.verdict, style=VERDICT_STYLE[v.verdict]), v.claim, v.reason)
        parts.append(table)
    if unverified or not c.verdicts:
        parts.append(
            Text(
                f"{unverified} claim{'' if unverified == 1 else 's'} unverified: "
                "no other document bears on them."
            )
            if c.verdicts
            else Text("No checkable claims.", style="dim")
        )
    if c.left_out:
        parts.append(
            Text("Not counted: " + "; ".join(f"{x.outlet} ({x.reason})" for x in c.left_out) + ".")
        )
    parts.append(Text())
    return parts


# --- helpers ---------------------------------------------------------------------------------


class _Indented:
    """Text wrapped with a hanging indent and no trailing padding (rich's `Padding` pads every
    line to the full width, which litters piped output with trailing spaces)."""

    def __init__(self, text: Text, indent: int, *, first: int | None = None) -> None:
        self.text = text
        self.indent = indent
        self.first = indent if first is None else first

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = max(options.max_width - self.indent, 20)
        for i, line in enumerate(self.text.wrap(console, width)):
            line.rstrip()
            yield Text(" " * (self.first if i == 0 else self.indent)) + line


def _table(title: str, *columns: str) -> Table:
    table = Table(
        title=Text(title) if title else None,
        title_justify="left",
        box=box.SIMPLE_HEAD,
        show_edge=False,
    )
    for column in columns:
        table.add_column(Text(column), overflow="fold")
    return table


def _row(table: Table, *cells: str | Text) -> None:
    """Add a row; plain strings become `Text` so document text is never read as rich markup."""
    table.add_row(*(cell if isinstance(cell, Text) else Text(cell) for cell in cells))


def _flat(text: str) -> str:
    """Line breaks shown as spaces, so a span across paragraphs stays on one line."""
    return text.replace("\r", " ").replace("\n", " ")


def _cut(text: str, limit: int) -> str:
    text = _flat(text)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
