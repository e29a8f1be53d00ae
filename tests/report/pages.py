"""Reading the HTML pages in the tests: the parsed page, its findings as a reader sees them
numbered, the text report's numbers for comparison, and the colour contrast of every piece
of text as Chromium renders it."""

from __future__ import annotations

import re
from typing import Any

import lxml.html

from copydesk.report.schema import Report
from copydesk.report.text import text_report

#: WCAG 2 AA: the least contrast for body text.
MIN_CONTRAST = 4.5

#: Quotation marks a page must never show twice in a row ("““" from a mark added around
#: words that carry their own).
DOUBLED = re.compile(r"““|””|‘‘|’’|\"\"|««|»»")


def parse(html: str) -> Any:
    return lxml.html.document_fromstring(html)


def has_class(name: str) -> str:
    """An XPath test for an element carrying the class ``name``."""
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


def shown_numbers(root: Any) -> dict[int, tuple[str, str]]:
    """Each finding entry's number as the page shows it, with its kind and message."""
    out = {}
    for li in root.xpath(f"//li[{has_class('finding')}]"):
        number = li.xpath(f"string(.//span[{has_class('number')}])").strip().rstrip(".")
        kind = li.xpath(f"string(.//*[{has_class('kind')}])").strip()
        message = li.xpath(f"string(.//span[{has_class('message')}])").strip()
        first, _, last = number.partition("–")  # a folded run of sentences: "24–33."
        for n in range(int(first), int(last or first) + 1):
            assert n not in out, f"finding {n} is listed twice"
            out[n] = (kind, "" if last else " ".join(message.split()))
    return out


def text_numbers(report: Report) -> dict[int, tuple[str, str]]:
    """Each finding's number in the text report, with its kind and the first line of its
    message (for a folded run of sentences with no source, "24–33.", the kind alone)."""
    out = {}
    for line in text_report(report).splitlines():
        m = re.match(r"\s*(\d+)\. [^(]+ \((\S+)\)  (.*)", line)
        if m:
            out[int(m.group(1))] = (m.group(2), m.group(3).strip())
        run = re.match(r"\s*(\d+)–(\d+)\. [^(]+ \((\S+)\)  ", line)
        if run:
            for n in range(int(run.group(1)), int(run.group(2)) + 1):
                out[n] = (run.group(3), "")
    return out


def assert_numbers_match_the_text_report(report: Report, html: str) -> None:
    shown = shown_numbers(parse(html))
    told = text_numbers(report)
    assert sorted(shown) == sorted(told) == list(range(1, len(report.findings) + 1))
    for number, (kind, first_line) in told.items():
        assert shown[number][0] == kind, number
        assert shown[number][1].startswith(first_line), number


# Every rendered element with text of its own: its colour against the first opaque
# background behind it (itself or an ancestor), as WCAG 2 computes contrast.
CONTRAST_JS = """
const parse = (c) => { const m = c.match(/[\\d.]+/g).map(Number);
  return {r: m[0], g: m[1], b: m[2], a: m.length > 3 ? m[3] : 1}; };
const lum = (c) => { const f = (v) => { v /= 255;
  return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
  return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
const background = (el) => { for (let e = el; e; e = e.parentElement) {
    const c = parse(getComputedStyle(e).backgroundColor); if (c.a > 0) return c; }
  return {r: 255, g: 255, b: 255, a: 1}; };
const out = [];
for (const el of document.body.querySelectorAll('*')) {
  const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
  if (!own || !el.getClientRects().length) continue;
  const style = getComputedStyle(el);
  if (style.visibility !== 'visible' || style.display === 'none') continue;
  const fg = lum(parse(style.color)), bg = lum(background(el));
  const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
  out.push({tag: el.tagName.toLowerCase(), cls: el.className, text: el.textContent.slice(0, 40),
            ratio: ratio});
}
return out;
"""


def contrasts(browser: Any) -> list[dict[str, Any]]:
    """The contrast of every piece of text on the open page."""
    result: list[dict[str, Any]] = browser.execute_script(CONTRAST_JS)
    return result
