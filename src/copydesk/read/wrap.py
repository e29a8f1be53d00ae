"""Hard-wrapped text read as the writer meant it.

Wire copy is often stored with a line break every 60-70 characters, inside sentences
("Japan's Toyota Motor Corp\\nsaid on Wednesday it would recall..."). The parser starts a
sentence at every line break, so such a text would be read as fragments. `soft_breaks` finds
the line breaks that only wrap a line, for `Article.body` to read as spaces: one character
for one, so every offset still points into the text as read.

A text counts as hard-wrapped when nearly all its lines are short and many of them run to the
wrapping width without ending a sentence; a break inside it is soft when the next line starts
in lower case (no sentence starts so), or when the line does not end a sentence and is full
(the next line's first word would not have fitted on it). A headline or a bullet, which ends
short of the width, keeps its break.

A text stored one paragraph per line can still have a stray break inside a sentence ("Jordan
had previously\ntold analysts"): a line of prose that ends without ending its sentence, before
a line that starts in lower case, is one sentence broken across two lines.
"""

from __future__ import annotations

import itertools
import re

#: Longest line a wrapped text has. Wire and e-mail copy wraps at 64-80 characters; a text
#: stored one paragraph per line has lines of several hundred.
MAX_WRAP_WIDTH = 100

#: Share of the non-blank lines that must be at most `MAX_WRAP_WIDTH` long. The two wrapped
#: wire sources in ../shared have every line so; among the other texts there, those with many
#: short lines (headings, captions, menus) reach 0.67 at most.
WRAPPED_MIN_SHORT_SHARE = 0.9

#: A line is full when it reaches within this many characters of the widest line: the
#: widest line shows the wrapping width, and word lengths leave lines a few characters short.
WRAP_SLACK = 8

#: Fewest full lines that end inside a sentence before a text counts as wrapped: a heading
#: or two in a text of short paragraphs is not wrapping.
WRAPPED_MIN_FULL_LINES = 3

#: Fewest words a line must have for a break after it to be stray inside a text that is not
#: wrapped: menus and tag lists run one or two lower-case words a line.
STRAY_BREAK_MIN_WORDS = 3

#: The end of a sentence at the end of a line: a full stop, question or exclamation mark or a
#: colon, then any closing quotation marks or brackets.
_ENDS_SENTENCE = re.compile(r"[.!?:][\"'”’)\]]*$")
#: A line that opens a list item: a bullet, a dash, or a number with a stop.
_OPENS_ITEM = re.compile(r"^(?:[*•·▪‣-]|\d+[.)])\s")


def soft_breaks(text: str) -> tuple[int, ...]:
    """Offsets of the line breaks in ``text`` that only wrap a line, in order; none when the
    text is not hard-wrapped."""
    lines = text.split("\n")
    filled = [line.rstrip() for line in lines]
    lengths = [len(line) for line in filled if line.strip()]
    if not lengths:
        return ()
    short = [n for n in lengths if n <= MAX_WRAP_WIDTH]
    if len(short) < WRAPPED_MIN_SHORT_SHARE * len(lengths):
        return _stray_breaks(lines)
    width = max(short)
    full = width - WRAP_SLACK
    if sum(1 for line in filled if len(line) >= full and not _ENDS_SENTENCE.search(line)) < (
        WRAPPED_MIN_FULL_LINES
    ):
        return _stray_breaks(lines)
    breaks = []
    end = -1  # offset of the line break after the line
    for raw, line, after in zip(lines, filled, filled[1:]):
        end += len(raw) + 1
        nxt = after.lstrip()
        if not line.strip() or not nxt or _OPENS_ITEM.match(nxt):
            continue
        first = nxt.split()[0]
        if first[0].islower() or (
            not _ENDS_SENTENCE.search(line) and len(line) + 1 + len(first) > full
        ):
            breaks.append(end)
    return tuple(breaks)


def _stray_breaks(lines: list[str]) -> tuple[int, ...]:
    """Breaks inside a sentence in a text that is not wrapped: after a line of prose that
    ends on a lower-case word, not a sentence's end, before a line that starts with one."""
    breaks = []
    end = -1
    for line, after in itertools.pairwise(lines):
        end += len(line) + 1
        words = line.split()
        if len(words) < STRAY_BREAK_MIN_WORDS or _ENDS_SENTENCE.search(line.rstrip()):
            continue
        # a line ending on a capitalised word ("... As A Trusted Source") is a heading
        last = words[-1]
        if after[:1].isalpha() and after[:1].islower() and last.isalpha() and last.islower():
            breaks.append(end)
    return tuple(breaks)
