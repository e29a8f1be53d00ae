"""The `Article`: what every later stage reads."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from copydesk.model import Span
from copydesk.read.wrap import soft_breaks

#: Characters typed for an apostrophe inside a word ("didn´t", "didnʼt", "didn`t"), read by
#: the parser as the apostrophe they stand for, one character for one.
_APOSTROPHE_LOOKALIKE = re.compile(r"(?<=[A-Za-z])[´ʼ`](?=[A-Za-z])")


@dataclass(frozen=True, slots=True)
class Excluded:
    """A stretch of `Article.text` that is not article body.

    ``reason`` is ``"junk"`` for page furniture (comment-form lines, leftover embed links,
    share/subscribe lines) and ``"declared_source"`` for a footer naming the source.
    ``label`` says what it is in words ("comment form", "embed link", ...).
    """

    span: Span
    reason: str
    label: str


@dataclass(frozen=True, slots=True)
class Article:
    """An article as read: its text with offsets every finding points into, and its metadata.

    ``text`` keeps everything that was read (junk included) so that spans match what the
    reader sees; ``excluded`` marks what is not body. `body` is ``text`` as the parser reads
    it, same length, so that every offset still points into ``text``: the excluded stretches
    blanked out by spaces, the line breaks that only wrap a line (`soft_breaks`) read as
    spaces, and an apostrophe's lookalike inside a word read as the apostrophe.
    """

    text: str
    doc_id: str = "article"
    title: str | None = None
    byline: str | None = None
    published: str | None = None
    url: str | None = None
    outlet: str | None = None
    declared_source: str | None = None
    wire: str | None = None  # the news agency the text is credited to (a `lexicon.wires` key)
    excluded: tuple[Excluded, ...] = ()
    origin: str | None = None  # path, URL or "-" it was read from
    format: str = "text"  # "text" or "html"
    body: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        pieces: list[str] = []
        at = 0
        for ex in sorted(self.excluded, key=lambda e: e.span.start):
            start = max(ex.span.start, at)
            if start >= ex.span.end:
                continue
            pieces.append(self.text[at:start])
            pieces.append(
                "".join("\n" if c == "\n" else " " for c in self.text[start : ex.span.end])
            )
            at = ex.span.end
        pieces.append(self.text[at:])
        body = list(_APOSTROPHE_LOOKALIKE.sub("’", "".join(pieces)))
        for at in soft_breaks(self.text):
            body[at] = " "
        object.__setattr__(self, "body", "".join(body))

    def is_body(self, span: Span) -> bool:
        return not any(ex.span.overlaps(span) for ex in self.excluded)
