"""Document text made safe to put in a page: HTML-escaped, and with its direction controls
shown instead of obeyed.

A direction control (U+202E RIGHT-TO-LEFT OVERRIDE and its kin) is invisible, and a browser
obeys it to the end of its paragraph: one in an article reverses the rest of the line, and
the labels copydesk puts after it. In copy it is a fault to see, not an instruction, so each
is written as its code point in brackets ("[U+202E]"); the text's offsets are untouched,
since this happens only where the text is written into the page.
"""

from __future__ import annotations

import html

#: The characters that set or override the direction of the text after them: the
#: embeddings, overrides and isolates of the Unicode bidirectional algorithm, their
#: terminators, and the three direction marks.
DIRECTION_CONTROLS = frozenset(
    "\u202a\u202b\u202c\u202d\u202e"  # LRE, RLE, PDF, LRO, RLO
    "\u2066\u2067\u2068\u2069"  # LRI, RLI, FSI, PDI
    "\u200e\u200f\u061c"  # LRM, RLM, ALM
)

_SHOWN = str.maketrans({c: f"[U+{ord(c):04X}]" for c in DIRECTION_CONTROLS})


def escape(text: str, quote: bool = True) -> str:
    """``html.escape``, with every direction control shown as its code point."""
    return html.escape(text.translate(_SHOWN), quote=quote)
