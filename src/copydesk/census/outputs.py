"""The census outputs, written alike by both engines: families.jsonl (each family, its
original, its copies and their reports), sites.csv (each site's copies of other sites'
stories, how many are reworded, their rewording scores and meaning changes) and index.html
(the sites ranked, with a chart and each site's worst copies linked to their redlines)."""

from __future__ import annotations

import csv
import io
import json
import statistics
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from copydesk.census.plan import WORST_SHOWN, Compared, Plan, family_record
from copydesk.files import write_whole
from copydesk.report.census import SiteRow, WorstCopy, render_census_page

FAMILIES = "families.jsonl"
SITES = "sites.csv"
PAGE = "index.html"

SITES_COLUMNS = (
    "rank", "site", "articles", "copies", "reworded", "share_reworded",
    "median_rewording_score", "meaning_changes_per_copy", "meaning_changes_by_kind",
    "own_stories_copied",
)  # fmt: skip


@dataclass
class _Site:
    copies: int = 0
    reworded: int = 0
    scores: list[float] = field(default_factory=list)
    changes: Counter[str] = field(default_factory=Counter)
    originals: int = 0
    worst: list[tuple[tuple[int, float], WorstCopy]] = field(default_factory=list)


def write_outputs(
    out: Path,
    plans: Iterable[Plan],
    compared: Mapping[str, Compared],
    articles_per_site: Mapping[str, int],
) -> list[SiteRow]:
    """Write the three outputs into ``out``; the sites, ranked."""
    sites: dict[str, _Site] = {s: _Site() for s in articles_per_site}
    lines = []
    families = copies = 0
    for plan in sorted(plans, key=lambda p: p.members[0].key):
        record = family_record(plan, compared)
        lines.append(json.dumps(record, ensure_ascii=False))
        families += 1
        copies += _count(record, sites)
    write_whole(out / FAMILIES, "".join(line + "\n" for line in lines))
    rows = sorted(
        (
            SiteRow(
                site,
                articles_per_site.get(site, 0),
                s.copies,
                s.reworded,
                round(statistics.median(s.scores), 4) if s.scores else None,
                dict(sorted(s.changes.items())),
                s.originals,
            )
            for site, s in sites.items()
        ),
        key=SiteRow.rank_key,
    )
    write_whole(out / SITES, _csv(rows))
    totals = {
        "documents": sum(articles_per_site.values()),
        "families": families,
        "copies": copies,
    }
    scores = {site: s.scores for site, s in sites.items()}
    worst = {
        site: [w for _, w in sorted(s.worst, key=lambda x: x[0], reverse=True)[:WORST_SHOWN]]
        for site, s in sites.items()
    }
    write_whole(out / PAGE, render_census_page(rows, scores, worst, totals))
    return rows


def _count(record: dict[str, Any], sites: dict[str, _Site]) -> int:
    """Add a family's copies to their sites; the number of copies of another site's story."""
    documents = record["documents"]
    original = next((d for d in documents if d["role"] == "original"), None)
    if original is None:
        return 0
    counted = 0
    for doc in documents:
        if doc["role"] != "copy" or doc["site"] == original["site"]:
            continue
        site = sites.setdefault(doc["site"], _Site())
        counted += 1
        site.copies += 1
        site.reworded += doc["relation"] == "reworded"
        score = doc["rewording_score"]
        if score is not None:
            site.scores.append(score)
        site.changes.update(doc["meaning_changes"])
        changes = sum(doc["meaning_changes"].values())
        site.worst.append(
            (
                (changes, score or 0.0),
                WorstCopy(
                    doc["title"] or doc["url"] or doc["key"],
                    doc["redline"],
                    changes,
                    score,
                    doc["relation"],
                    original["site"],
                ),
            )
        )
    if counted:
        sites.setdefault(original["site"], _Site()).originals += 1
    return counted


def _csv(rows: Iterable[SiteRow]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(SITES_COLUMNS)
    for rank, r in enumerate(rows, 1):
        writer.writerow(
            [
                rank,
                r.site,
                r.articles,
                r.copies,
                r.reworded,
                f"{r.share_reworded:.2f}",
                "" if r.median_score is None else f"{r.median_score:.2f}",
                f"{r.changes_per_copy:.2f}",
                ";".join(f"{kind}:{n}" for kind, n in r.changes.items()),
                r.originals,
            ]
        )
    return buffer.getvalue()
