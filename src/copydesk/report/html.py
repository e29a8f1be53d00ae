"""The report as one self-contained HTML page.

The article text is shown with every finding's span in a ``<mark>`` (coloured by severity,
numbered, and linked to the finding's entry) and the findings listed beside it by severity,
numbered as the text report numbers them, each linked back to its mark; then the ledger and
what a corpus said. A severity filter and a legend head the page; printed, it keeps to one
column with no finding cut across pages. The page furniture is `copydesk.report.page`.

With a source comparison the page is the side-by-side redline of `copydesk.report.redline`.
"""

from __future__ import annotations

from copydesk.report.escape import escape
from copydesk.report.page import (
    FindingList,
    Mark,
    article_lines,
    controls,
    document,
    grouped,
    item_tally,
    marked,
    numbered,
    severity_legend,
    tables,
)
from copydesk.report.redline import render_redline
from copydesk.report.schema import Finding, Report


def render_html(report: Report) -> str:
    """The page for ``report``: the redline when it has a source comparison, else the article
    page."""
    if report.comparison is not None:
        return render_redline(report)
    return render_report_html(report)


def render_report_html(report: Report) -> str:
    """The single-article page for a report."""
    a = report.article
    listed = numbered(report.findings)
    findings = FindingList(report)
    legend = [
        *severity_legend(),
        ('<span class="excluded">excluded</span>', "not article text (page junk, a footer)"),
    ]
    return document(
        f"copydesk: {a.title or a.origin or a.doc_id}",
        "check",
        [
            "<header>",
            f"<h1>{escape(a.title or 'Untitled article')}</h1>",
            *article_lines(report),
            "</header>",
            controls(legend),
            "<main>",
            _article(report, listed),
            _findings(report, findings),
            "</main>",
            tables(report, findings),
        ],
    )


def _article(report: Report, listed: list[tuple[int, Finding]]) -> str:
    """The article text, escaped, with each finding's span marked and junk struck through."""
    marks = [
        Mark(f.span.start, f.span.end, n, f.severity, f"{f.kind}: {f.message}") for n, f in listed
    ]
    excluded = [(x.span.start, x.span.end, x.label) for x in report.article.excluded]
    text = marked(report.article.text, 0, marks, set(), excluded)
    return f'<article class="article" aria-label="Article text">{text}</article>'


def _findings(report: Report, findings: FindingList) -> str:
    """The findings as the text report lists them: one item per fact under its lead's
    severity, the findings about the same fact listed under the lead."""
    head = '<aside class="findings" aria-label="Findings">\n<h2>Findings</h2>'
    if not report.findings:
        return head + '\n<p class="none">No findings.</p>\n</aside>'
    number = findings.numbers
    sections = []
    for sev, items in grouped(report):
        entries = []
        for g in items:
            related = [(number[k], report.findings[k]) for k in g.related]
            lead = report.findings[g.lead]
            entries.append(findings.item(number[g.lead], lead, same_fact=False, related=related))
        sections.append(
            f'<section class="severity-group {sev.value}" aria-label="{sev.value} findings">'
            f'<h3 class="{sev.value}">{sev.value} ({item_tally(items)})</h3>\n<ol>\n'
            + "\n".join(entries)
            + "\n</ol></section>"
        )
    return head + "\n" + "\n".join(sections) + "\n</aside>"
