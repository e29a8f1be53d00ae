"""Each copy compared with its family's original, in batches: the same check as
``copydesk compare``, its slim report, its meaning changes and its redline page. Both
engines call `compare_batch` in their workers, which load the models once."""

from __future__ import annotations

import json
from pathlib import Path

from copydesk.census.plan import Compared, meaning_changes, redline_name
from copydesk.errors import CopydeskError
from copydesk.files import write_whole
from copydesk.read.article import Article
from copydesk.scan.records import SLIM_EXCLUDE

#: One copy to compare: its family, the copy and the original.
Task = tuple[str, Article, Article]


def warm_up() -> None:
    """Load the parser and the sentence model once for this process."""
    from copydesk import pipeline

    pipeline.check_many([Article(text="The models are loaded once.")])


def rewording_scores(articles: list[Article]) -> list[float]:
    """Each article's rewording score, read from its own check (no source)."""
    from copydesk import pipeline

    return [round(pipeline.check(a).rewording.score, 4) for a in articles]


def compare_batch(tasks: list[Task], out: str) -> list[Compared]:
    """One `Compared` per task, in order; a compare that fails says why and the rest go on.
    The redline pages are written under ``out``."""
    return [_compare(family, copy, original, Path(out)) for family, copy, original in tasks]


def _compare(family: str, copy: Article, original: Article, out: Path) -> Compared:
    from copydesk import pipeline
    from copydesk.census.plan import doc_key
    from copydesk.report.build import build_report
    from copydesk.report.html import render_html

    key = doc_key(copy)
    try:
        result = pipeline.check(copy, original)
        report = build_report(result)
        name = redline_name(family, key)
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        write_whole(out / name, render_html(report))
        changes = meaning_changes(result.comparison.findings if result.comparison else ())
        body = json.loads(report.model_dump_json(exclude=SLIM_EXCLUDE))
        return Compared(family, key, round(result.rewording.score, 4), changes, body, name)
    except CopydeskError as exc:
        return Compared(family, key, failure=str(exc))
    except Exception as exc:  # noqa: BLE001 (one copy's fault must not end a census)
        return Compared(
            family, key, failure=f"{key} could not be compared ({type(exc).__name__}: {exc})."
        )
