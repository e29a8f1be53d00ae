"""read: bytes, files, URLs and standard input become an `Article`.

`read_input` takes what a user types (a path, an http(s) URL, or "-"); the other readers
serve callers that already hold the bytes or text (the corpus ingester, the HTTP service).
Every failure is an `InputError` (`FetchError` for URLs) with one sentence naming the input.
"""

from typing import Any

from copydesk.read.article import Article, Excluded
from copydesk.read.junk import PageJunk, find_page_junk
from copydesk.read.language import LanguageGuess, guess_language
from copydesk.read.limits import FETCH_TIMEOUT_S, MAX_INPUT_BYTES, MIN_WORDS
from copydesk.read.reader import (
    read_bytes,
    read_file,
    read_html,
    read_input,
    read_stdin,
    read_text,
    read_url,
)


def __getattr__(name: str) -> Any:
    # The fetcher's settings come from `copydesk.read.fetch` on first use: importing it
    # imports httpx, which reading a file never needs.
    if name in ("MAX_REDIRECTS", "USER_AGENT"):
        import importlib

        return getattr(importlib.import_module("copydesk.read.fetch"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "FETCH_TIMEOUT_S",
    "MAX_INPUT_BYTES",
    "MAX_REDIRECTS",
    "MIN_WORDS",
    "USER_AGENT",
    "Article",
    "Excluded",
    "LanguageGuess",
    "PageJunk",
    "find_page_junk",
    "guess_language",
    "read_bytes",
    "read_file",
    "read_html",
    "read_input",
    "read_stdin",
    "read_text",
    "read_url",
]
