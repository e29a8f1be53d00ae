"""Document text made safe to put in a page or on a terminal: HTML-escaped for a page, and
with its control characters shown instead of obeyed.

A direction control (U+202E RIGHT-TO-LEFT OVERRIDE and its kin) is invisible, and a browser
obeys it to the end of its paragraph: one in an article reverses the rest of the line, and
the labels copydesk puts after it. In copy it is a fault to see, not an instruction, so each
is written as its code point in brackets ("[U+202E]"); the text's offsets are untouched,
since this happens only where the text is written into the page.

A terminal obeys more: an escape sequence in an article or its file name can clear the
screen, set the window title or colour everything after it. The text report shows every
control character but the line break and the tab in caret notation, as terminals themselves
echo them ("^[" for ESC), the C1 controls and the direction controls as code points.
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

_DIRECTION_SHOWN = {c: f"[U+{ord(c):04X}]" for c in DIRECTION_CONTROLS}
_SHOWN = str.maketrans(_DIRECTION_SHOWN)


def escape(text: str, quote: bool = True) -> str:
    """``html.escape``, with every direction control shown as its code point."""
    return html.escape(text.translate(_SHOWN), quote=quote)


def shown_directions(value: object) -> object:
    """A text with every direction control shown as its code point (a template's values pass
    through this before they are escaped); any other value as it is."""
    return value.translate(_SHOWN) if isinstance(value, str) else value


def _caret(code: int) -> str:
    return "^?" if code == 0x7F else f"^{chr(code + 64)}"


_TERMINAL_SHOWN = str.maketrans(
    {
        **{chr(c): _caret(c) for c in (*range(0x20), 0x7F) if chr(c) not in "\n\t"},
        **{chr(c): f"[U+{c:04X}]" for c in range(0x80, 0xA0)},
        **_DIRECTION_SHOWN,
    }
)


def shown_in_terminal(text: str) -> str:
    """``text`` with every control character a terminal would obey shown instead."""
    return text.translate(_TERMINAL_SHOWN)
