"""copydesk: an automated copy desk for English news articles.

``copydesk.check(text_or_path)`` and ``copydesk.compare(article, source)`` return the
`Report` the command prints (`copydesk.api`); `copydesk.pipeline` has the steps.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from copydesk.errors import CopydeskError, InputError
from copydesk.model import Evidence, Finding, Severity, Span

if TYPE_CHECKING:
    from copydesk.report.schema import Report

from copydesk.version import __version__

__all__ = [
    "CopydeskError",
    "Evidence",
    "Finding",
    "InputError",
    "Severity",
    "Span",
    "__version__",
    "check",
    "compare",
]


def check(article: Any, source: Any = None, **options: Any) -> Report:
    """The `Report` of an article (text, a path, a URL or an `Article`), against its
    ``source`` when given; options as the command's: ``lang``, ``min_severity``, ``ignore``,
    ``config`` (`copydesk.api.check`)."""
    from copydesk import api

    return api.check(article, source, **options)


def compare(article: Any, source: Any, **options: Any) -> Report:
    """The `Report` of an article against its source (`copydesk.api.compare`)."""
    from copydesk import api

    return api.compare(article, source, **options)
