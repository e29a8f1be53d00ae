"""The census page (index.html): the sites ranked by how much of what they publish is
reworded copy, a chart of each site's rewording scores, and each site's worst copies
linked to their redlines. Self-contained: the chart is inline SVG drawn by matplotlib, and
the page loads nothing and runs no script."""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from html import escape

from copydesk.report.page import document

#: Sites drawn in the chart: the highest ranked (a chart of hundreds of rows says nothing).
CHART_SITES = 20

#: Sites listed on the page with their worst copies.
LISTED_SITES = 100


@dataclass(frozen=True, slots=True)
class SiteRow:
    """One site of the census, as sites.csv and the page show it."""

    site: str
    articles: int  # documents of the crawl published here
    copies: int  # copies of other sites' stories
    reworded: int  # of those, reworded ones
    median_score: float | None  # median rewording score of the copies
    changes: Mapping[str, int]  # meaning changes in the copies, by kind
    originals: int  # stories of its own that others copy

    @property
    def share_reworded(self) -> float:
        return self.reworded / self.copies if self.copies else 0.0

    @property
    def changes_per_copy(self) -> float:
        return sum(self.changes.values()) / self.copies if self.copies else 0.0

    def rank_key(self) -> tuple[float, float, float, int, str]:
        """Reworded copies first, then by their rewording score, changes and count."""
        return (
            -self.share_reworded * min(self.copies, 3),
            -(self.median_score or 0.0),
            -self.changes_per_copy,
            -self.copies,
            self.site,
        )


@dataclass(frozen=True, slots=True)
class WorstCopy:
    """A copy listed under its site: its title, redline page, changes and score."""

    title: str
    redline: str | None
    changes: int
    score: float | None
    relation: str | None
    original_site: str


def chart_svg(rows: Sequence[SiteRow], scores: Mapping[str, Sequence[float]]) -> str:
    """Each site's copies' rewording scores, one row of dots a site, as inline SVG."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt
    from matplotlib.figure import Figure

    shown = [r for r in rows if scores.get(r.site)][:CHART_SITES]
    height = 1.2 + 0.32 * max(len(shown), 1)
    fig: Figure = plt.figure(figsize=(7.5, height))
    try:
        ax = fig.add_subplot(1, 1, 1)
        for y, row in enumerate(reversed(shown)):
            values = scores[row.site]
            ax.scatter(values, [y] * len(values), s=28, alpha=0.7, color="#b3261e")
        ax.set_yticks(range(len(shown)), [r.site for r in reversed(shown)], fontsize=8)
        ax.set_xlim(-0.02, 1.02)
        ax.set_ylim(-0.8, max(len(shown), 1) - 0.2)
        ax.axvline(0.5, color="#888888", linewidth=0.8, linestyle="--")
        ax.set_xlabel("rewording score of each copy (0 written by a person, 1 machine-reworded)")
        ax.set_title("Rewording scores of the copies, by site", fontsize=10)
        fig.tight_layout()
        buffer = io.StringIO()
        fig.savefig(buffer, format="svg", metadata={"Date": None})
    finally:
        plt.close(fig)
    svg = buffer.getvalue()
    return svg[svg.index("<svg") :]


def render_census_page(
    rows: Sequence[SiteRow],
    scores: Mapping[str, Sequence[float]],
    worst: Mapping[str, Sequence[WorstCopy]],
    totals: Mapping[str, int],
) -> str:
    """The whole index.html."""
    summary = (
        f"{totals.get('documents', 0)} documents, {totals.get('families', 0)} families of "
        f"copies, {totals.get('copies', 0)} copies compared with their original"
    )
    parts = [
        "<header>",
        "<h1>Census of republished copies</h1>",
        f"<p>{escape(summary)}.</p>",
        "</header>",
        "<main>",
        '<section class="chart">',
        chart_svg(rows, scores) if any(scores.values()) else "<p>No copy was compared.</p>",
        "</section>",
        _table(rows),
        *(_site(r, worst.get(r.site, ())) for r in rows[:LISTED_SITES] if r.copies),
        "</main>",
    ]
    return document("copydesk census", "census", parts)


def _table(rows: Sequence[SiteRow]) -> str:
    head = (
        "<tr><th>rank</th><th>site</th><th>articles</th><th>copies</th><th>reworded</th>"
        "<th>median score</th><th>meaning changes per copy</th><th>own stories copied</th></tr>"
    )
    body = []
    for rank, r in enumerate(rows, 1):
        score = "" if r.median_score is None else f"{r.median_score:.2f}"
        body.append(
            f"<tr><td>{rank}</td><td>{escape(r.site)}</td><td>{r.articles}</td>"
            f"<td>{r.copies}</td><td>{r.share_reworded:.0%}</td><td>{score}</td>"
            f"<td>{r.changes_per_copy:.1f}</td><td>{r.originals}</td></tr>"
        )
    return f'<table class="sites"><thead>{head}</thead><tbody>{"".join(body)}</tbody></table>'


def _site(row: SiteRow, worst: Sequence[WorstCopy]) -> str:
    items = []
    for w in worst:
        score = "" if w.score is None else f", rewording score {w.score:.2f}"
        title = escape(w.title)
        linked = f'<a href="{escape(w.redline)}">{title}</a>' if w.redline else title
        items.append(
            f"<li>{linked} ({escape(w.relation or 'copy')} of {escape(w.original_site)}: "
            f"{w.changes} meaning {'change' if w.changes == 1 else 'changes'}{score})</li>"
        )
    return (
        f'<section class="site"><h2>{escape(row.site)}</h2>'
        f"<p>Worst copies:</p><ol>{''.join(items)}</ol></section>"
    )
