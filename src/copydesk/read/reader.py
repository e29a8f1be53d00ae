"""From a file, a URL, standard input, bytes or a string to an `Article`.

Every failure is an `InputError` (a `FetchError` for URLs) whose message is one sentence
naming the input, so a command-line run prints it and exits 2, and a batch job records it
against the document and goes on.
"""

from __future__ import annotations

import math
import re
import sys
from pathlib import Path
from typing import BinaryIO
from urllib.parse import unquote, urlsplit

from copydesk.errors import InputError
from copydesk.lexicon.wires import dateline_wire, wire_key
from copydesk.model import Span
from copydesk.read.article import Article, Excluded
from copydesk.read.decode import decode, parse_content_type
from copydesk.read.html import (
    HTML_CONTENT_TYPES,
    declared_charset,
    domain_of,
    extract,
    looks_like_html,
)
from copydesk.read.junk import find_page_junk
from copydesk.read.language import Lang, guess_language
from copydesk.read.limits import (
    FETCH_TIMEOUT_S,
    MAX_ARTICLE_CHARS,
    MAX_INPUT_BYTES,
    MAX_INPUT_MB,
    MIN_VOCABULARY_FACTOR,
    MIN_WORDS,
)

STDIN = "-"
STDIN_NAME = "Standard input"
TEXT_NAME = "The text"
HTML_NAME = "The HTML page"

# File extensions that say what a file is when its content type is not given.
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml", ".php", ".asp", ".aspx"})
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
#: The file name endings read as pages in a folder of them. Markdown is read when a file is
#: named, but in a folder it is most often notes and READMEs beside the pages, so a folder's
#: ".md" files are left out (and counted as skipped).
PAGE_SUFFIXES = HTML_SUFFIXES | (TEXT_SUFFIXES - {".md"})
# Last path segments that say nothing about the article ("/2025/07/talks/index.html").
_GENERIC_STEMS = frozenset({"index", "default", "article", "story", "amp", "print", "news"})
_URL_RE = re.compile(r"^https?://", re.IGNORECASE)
_OTHER_SCHEME_RE = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)
#: A run of word characters with at least one letter in it ("G7", not "2025").
_LETTERED_WORD = re.compile(r"\w*[^\W\d_]\w*")


def display_name(origin: str | None, default: str = TEXT_NAME) -> str:
    """How messages name an input: its path or URL, "Standard input", or ``default``."""
    if origin is None:
        return default
    return STDIN_NAME if origin == STDIN else origin


def doc_id_for(origin: str | None, url: str | None = None) -> str:
    """A short stable document id from a URL's last path segment or a file's name."""
    stem = ""
    if url:
        parts = urlsplit(url)
        stems = [Path(s).stem for s in unquote(parts.path).split("/") if s]
        while stems and stems[-1].lower() in _GENERIC_STEMS:
            stems.pop()
        stem = stems[-1] if stems else (domain_of(url) or "")
    elif origin == STDIN:
        stem = "stdin"
    elif origin:
        stem = Path(origin).stem
    stem = re.sub(r"[^\w.-]+", "-", stem).strip("-.")
    return stem or "article"


def read_input(target: str, *, allow_private: bool = False, lang: Lang = None) -> Article:
    """Read ``target``: a file path, an http(s) URL, or "-" for standard input.

    ``allow_private``: a URL may lead to a loopback or private-network address.
    ``lang``: ``"en"`` declares the text English, so the language check is not made (every
    reader takes it); None judges the language and refuses a text that is not English.
    """
    if target == STDIN:
        return read_stdin(lang=lang)
    if _URL_RE.match(target):
        return read_url(target, allow_private=allow_private, lang=lang)
    if _OTHER_SCHEME_RE.match(target):
        raise InputError(f"{target} is not an http or https address, and only those can be read.")
    return read_file(target, lang=lang)


def _bounded_read(stream: BinaryIO, name: str) -> bytes:
    data = stream.read(MAX_INPUT_BYTES + 1)
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(f"{name} is larger than the {MAX_INPUT_MB} MB limit for one article.")
    return data


def read_stdin(stream: BinaryIO | None = None, *, lang: Lang = None) -> Article:
    """Read an article (text or HTML) from standard input, or from ``stream``."""
    if stream is None and sys.stdin is None:
        raise InputError(f"{STDIN_NAME} is not available to this process.")
    source = stream if stream is not None else sys.stdin.buffer
    try:
        data = _bounded_read(source, STDIN_NAME)
    except OSError as exc:
        raise InputError(f"{STDIN_NAME} could not be read: {_reason(exc)}.") from None
    return read_bytes(data, origin=STDIN, lang=lang)


def _reason(exc: OSError) -> str:
    return (exc.strerror or type(exc).__name__).lower()


def read_file(path: str | Path, *, lang: Lang = None) -> Article:
    """Read an article from a file (plain text or HTML, judged by extension and content)."""
    name = str(path)
    if "\x00" in name:
        raise InputError(f"{name.replace(chr(0), '')} is not a valid file name (it holds a NUL).")
    p = Path(path)
    try:
        if not p.exists():
            raise InputError(f"{name} does not exist.")
        if p.is_dir():
            raise InputError(f"{name} is a directory, not a file.")
        if not p.is_file():
            # a pipe would block until someone writes to it, a device be read for ever
            raise InputError(
                f"{name} is not a regular file (a pipe, socket or device); give a file, or "
                "'-' for standard input."
            )
        with p.open("rb") as f:
            data = _bounded_read(f, name)
    except PermissionError:
        raise InputError(f"{name} cannot be read: permission denied.") from None
    except OSError as exc:
        raise InputError(f"{name} cannot be read: {_reason(exc)}.") from None
    return read_bytes(
        data,
        origin=name,
        content_type=content_type_for(p.name),
        doc_id=doc_id_for(name),
        lang=lang,
    )


def content_type_for(name: str) -> str | None:
    """The content type a file name's ending says a page has; None when it says nothing."""
    suffix = Path(name).suffix.lower()
    return (
        "text/html"
        if suffix in HTML_SUFFIXES
        else "text/plain"
        if suffix in TEXT_SUFFIXES
        else None
    )


def read_url(
    url: str, *, timeout: float = FETCH_TIMEOUT_S, allow_private: bool = False, lang: Lang = None
) -> Article:
    """Fetch ``url`` and read the page (or plain text) it serves (see `fetch` for the
    bounds, and for ``allow_private``)."""
    # httpx is imported only for a URL: reading a file or standard input never needs it.
    from copydesk.read.fetch import fetch

    page = fetch(url, timeout=timeout, allow_private=allow_private)
    return read_bytes(
        page.body,
        origin=url,
        content_type=page.content_type,
        url=page.url,
        doc_id=doc_id_for(url, page.url),
        lang=lang,
    )


def read_bytes(
    data: bytes,
    *,
    origin: str,
    content_type: str | None = None,
    url: str | None = None,
    doc_id: str | None = None,
    lang: Lang = None,
) -> Article:
    """Read raw bytes from ``origin`` (a path, URL, "-" or a record id used in messages).

    ``content_type`` is a MIME type, with or without a charset parameter; without one, HTML
    is recognised by its opening markup.
    """
    name = display_name(origin)
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(f"{name} is larger than the {MAX_INPUT_MB} MB limit for one article.")
    if not data.strip():
        raise InputError(f"{name} is empty.")
    mime, charset = parse_content_type(content_type)
    if mime is not None and not (mime.startswith("text/") or mime in HTML_CONTENT_TYPES):
        raise InputError(f"{name} is {mime}, not a web page or plain text.")
    is_html = mime in HTML_CONTENT_TYPES
    if is_html and charset is None:
        charset = declared_charset(data)
    text = decode(data, name, charset=charset)
    if mime is None and looks_like_html(text):
        is_html = True
    if is_html:
        return read_html(text, url=url, origin=origin, doc_id=doc_id, lang=lang)
    return read_text(text, origin=origin, url=url, doc_id=doc_id, lang=lang)


def read_text(
    text: str,
    *,
    origin: str | None = None,
    url: str | None = None,
    doc_id: str | None = None,
    lang: Lang = None,
    min_words: int = MIN_WORDS,
) -> Article:
    """Read plain text as an article: page junk and a declared source are marked, not cut.
    ``min_words`` is the fewest words taken (an editor's plug-in checks a paragraph)."""
    name = display_name(origin)
    text = without_lone_surrogates(text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff"))
    return _article(
        text,
        name=name,
        origin=origin,
        fmt="text",
        url=url,
        doc_id=doc_id or doc_id_for(origin, url),
        outlet=domain_of(url),
        lang=lang,
        min_words=min_words,
    )


#: Half of a UTF-16 surrogate pair standing alone, which no UTF-8 text can hold: a JSON
#: string ("\\ud800"), a form field or a JSONL line may carry one.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def without_lone_surrogates(text: str) -> str:
    """``text`` with each lone surrogate read as U+FFFD, one character for one, so that
    every later stage can encode it and offsets stay as the client sent them."""
    return _LONE_SURROGATE.sub("\ufffd", text)


def read_html(
    html: str,
    *,
    url: str | None = None,
    origin: str | None = None,
    doc_id: str | None = None,
    lang: Lang = None,
) -> Article:
    """Read an HTML page: trafilatura finds the article text, title, byline, date and outlet."""
    name = display_name(origin, HTML_NAME)
    if len(html) > MAX_INPUT_BYTES:
        raise InputError(f"{name} is larger than the {MAX_INPUT_MB} MB limit for one article.")
    html = without_lone_surrogates(html)
    if not html.strip():
        raise InputError(f"{name} is empty.")
    page = extract(html, name=name, url=url)
    return _article(
        page.text,
        name=name,
        origin=origin,
        fmt="html",
        url=page.url,
        doc_id=doc_id or doc_id_for(origin, page.url),
        outlet=page.outlet,
        title=page.title,
        byline=page.byline,
        published=page.published,
        lang=lang,
    )


def _article(
    text: str,
    *,
    name: str,
    origin: str | None,
    fmt: str,
    url: str | None,
    doc_id: str,
    outlet: str | None,
    title: str | None = None,
    byline: str | None = None,
    published: str | None = None,
    lang: Lang = None,
    min_words: int = MIN_WORDS,
) -> Article:
    if not text.strip():
        raise InputError(f"{name} is empty.")
    if len(text) > MAX_ARTICLE_CHARS:
        raise InputError(
            f"{name} has {len(text):,} characters of text; copydesk checks articles of up to "
            f"{MAX_ARTICLE_CHARS:,}."
        )
    junk = find_page_junk(text)
    if title is None and fmt == "text":
        title = headline_of(text, junk.excluded)
    article = Article(
        text=text,
        doc_id=doc_id,
        title=title,
        byline=byline,
        published=published,
        url=url,
        outlet=outlet,
        declared_source=junk.declared_source,
        wire=wire_key(junk.declared_source) or dateline_wire(text),
        excluded=junk.excluded,
        origin=origin,
        format=fmt,
    )
    found = _LETTERED_WORD.findall(article.body)
    words = len(found)
    if words == 0:
        raise InputError(f"{name} contains no article text.")
    guess = guess_language(article.body) if lang is None else None
    if guess is not None and not guess.is_english:
        raise InputError(f"{name} does not look like English (it reads as {guess.reads_as}).")
    if words < min_words:
        if fmt == "html":
            raise InputError(f"{name} contains no article text (only {words} words were found).")
        raise InputError(
            f"{name} is too short to be a news article ({words} words; "
            f"at least {min_words} are needed)."
        )
    distinct = len({w.lower() for w in found})
    if distinct < MIN_VOCABULARY_FACTOR * math.sqrt(words):
        raise InputError(
            f"{name} is not an article: its {words:,} words repeat only {distinct:,} "
            f"different word{'' if distinct == 1 else 's'} over and over."
        )
    return article


#: A headline runs to 3-20 words (news headlines are 6-14): fewer is a label or kicker, more
#: is a sentence.
HEADLINE_WORDS = (3, 20)
_SENTENCE_END = (".", "!", "?", ":", ";", ",")


def headline_of(text: str, excluded: tuple[Excluded, ...]) -> str | None:
    """The first body line of a plain-text article when it reads as a headline: a short line
    with no sentence-ending punctuation, followed by more body text. A first line that is a
    sentence ("Prior to the talks, ... said.") is body, not a title."""
    lines = []
    at = 0
    for line in text.split("\n"):
        span = Span(at, at + len(line))
        at = span.end + 1
        if line.strip() and not any(ex.span.contains(span) for ex in excluded):
            lines.append(line.strip())
        if len(lines) == 2:
            break
    if len(lines) < 2:
        return None
    first = lines[0]
    words = len(_LETTERED_WORD.findall(first))
    low, high = HEADLINE_WORDS
    stripped = first.rstrip("”’\"' ")
    if low <= words <= high and not stripped.endswith(_SENTENCE_END):
        return first
    return None
