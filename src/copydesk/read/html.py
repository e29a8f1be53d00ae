"""HTML pages: recognise them, find their charset, extract the article with trafilatura."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

from copydesk.errors import InputError

HTML_CONTENT_TYPES = frozenset({"text/html", "application/xhtml+xml"})

# How far into a document to look for an opening tag or a <meta charset>: browsers look at
# the first 1024 bytes for the charset; markup starts within the first few hundred.
SNIFF_CHARS = 2048

_HTML_START = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*"
    r"<(?:!doctype\s+html|html|head|body|meta|title|article|div|p|h[1-6]|section|main|header)\b",
    re.IGNORECASE | re.DOTALL,
)
_DOCUMENT_TAG = re.compile(r"<(?:html|body)\b", re.IGNORECASE)
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""",
    re.IGNORECASE,
)

# htmldate's extensive search falls back on loose signals such as the footer's copyright
# year, giving "2025-01-01" for a page that states no date; a missing date is better than
# a wrong one. Without it, dates in metadata, <time> elements and a visible "Published
# July 24, 2025" line are still found (checked on pages with and without each).
EXTENSIVE_DATE_SEARCH = False

# trafilatura reports pages it cannot use through logging; the reader says so itself.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)


@dataclass(frozen=True, slots=True)
class ExtractedPage:
    """The article text trafilatura found in a page, with the page's metadata."""

    text: str
    title: str | None
    byline: str | None
    published: str | None
    url: str | None
    outlet: str | None


def looks_like_html(text: str) -> bool:
    """True when ``text`` opens like an HTML document or fragment."""
    return bool(_HTML_START.match(text[:SNIFF_CHARS]))


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in a ``<meta>`` tag near its top, or None."""
    m = _META_CHARSET.search(data[:SNIFF_CHARS])
    return m.group(1).decode("ascii", "replace") if m else None


def domain_of(url: str | None) -> str | None:
    """The host of ``url`` without a leading "www.", or None."""
    if not url:
        return None
    host = urlsplit(url).hostname
    if not host:
        return None
    return host.removeprefix("www.")


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = re.sub(r"\s+", " ", value).strip()
    return value or None


def extract(html: str, *, name: str, url: str | None = None) -> ExtractedPage:
    """Extract the article of an HTML page; `InputError` when it has no article text."""
    if not _DOCUMENT_TAG.search(html[:SNIFF_CHARS]):
        # trafilatura takes a bare fragment ("<p>...</p>") for something other than HTML.
        html = f"<html><body>{html}</body></html>"
    # trafilatura (and lxml under it) is imported for HTML only: a text file never needs it.
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_images=False,
            include_links=False,
            date_extraction_params={
                "original_date": True,
                "extensive_search": EXTENSIVE_DATE_SEARCH,
                "max_date": date.today().isoformat(),
            },
        )
    # trafilatura and lxml raise a variety of errors on malformed markup; every one of them
    # means the same thing to the user.
    except Exception:  # noqa: BLE001
        raise InputError(f"{name} could not be read as an HTML page.") from None
    if doc is None:
        raise InputError(f"{name} contains no article text.")
    fields = doc if isinstance(doc, dict) else doc.as_dict()
    text = fields.get("text") or ""
    if not isinstance(text, str) or not text.strip():
        raise InputError(f"{name} contains no article text.")
    page_url = _clean(fields.get("url")) or url
    return ExtractedPage(
        text=text.replace("\r\n", "\n").replace("\r", "\n"),
        title=_clean(fields.get("title")),
        byline=_clean(fields.get("author")),
        published=_clean(fields.get("date")),
        url=page_url,
        outlet=_clean(fields.get("sitename")) or domain_of(page_url),
    )
