"""One call, as the command reads: `copydesk.check` and `copydesk.compare` take an article
as text, a path, a URL or an `Article`, and return the `Report` ``--format json`` prints."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from copydesk.read.article import Article
from copydesk.read.language import Lang

if TYPE_CHECKING:
    from copydesk.report.schema import Report

#: A string read as an address rather than as the article's text.
_URL = re.compile(r"^https?://\S+$", re.IGNORECASE)

#: The longest string taken for a file's path: a path is one line of a few hundred characters.
MAX_PATH_CHARS = 4096


def check(
    article: str | Path | Article,
    source: str | Path | Article | None = None,
    *,
    lang: Lang = None,
    min_severity: str | None = None,
    ignore: Iterable[str] = (),
    config: str | Path | None = None,
) -> Report:
    """The report of ``article`` (and, given its ``source``, what changed against it), as
    ``copydesk check`` makes it: ``lang="en"`` skips the language check, ``min_severity`` and
    ``ignore`` leave findings out, ``config`` names a house style (``copydesk.toml``; the one
    in the working directory otherwise). A text or file that is no English article raises
    `copydesk.InputError`."""
    from copydesk.house import load
    from copydesk.pipeline import apply_filter
    from copydesk.pipeline import check as check_article
    from copydesk.report.build import build_report

    style = load(config)
    keep = style.keep(min_severity, ignore, option="ignore")
    read_source = _read(source, lang) if source is not None else None
    result = check_article(_read(article, lang), read_source, house=style)
    return build_report(apply_filter(result, keep))


def compare(
    article: str | Path | Article, source: str | Path | Article, **options: object
) -> Report:
    """``check(article, source=source, ...)``: the report of an article against its source."""
    return check(article, source, **options)  # type: ignore[arg-type]


def _read(given: str | Path | Article, lang: Lang) -> Article:
    """An `Article` from what a caller gives: itself, a path, a URL, or the text."""
    from copydesk.read import read_file, read_text, read_url

    if isinstance(given, Article):
        return given
    if isinstance(given, Path):
        return read_file(given, lang=lang)
    if not isinstance(given, str):
        raise TypeError(
            f"copydesk reads an article from text, a path, a URL or an Article, not a "
            f"{type(given).__name__}."
        )
    if _URL.match(given.strip()):
        return read_url(given.strip(), lang=lang)
    if len(given) <= MAX_PATH_CHARS and "\n" not in given and _is_file(given):
        return read_file(given, lang=lang)
    return read_text(given, lang=lang)


def _is_file(name: str) -> bool:
    try:
        return Path(name).is_file()
    except (OSError, ValueError):
        return False
