"""Page junk and declared sources: stretches of a page that are not article body.

Republished and scraped articles carry the page around them: comment forms ("Leave a
Reply"), leftover embed links ("pic.twitter.com/...", a bare "twitter.com/0JQ1fGyaPC" after
a paragraph), share and subscribe lines, ad and recommendation widgets ("by Taboola", "You
May Like"), logos and e-paper date lines; and often a footer naming where the text came
from ("Source: Aljazeera"). `find_page_junk` marks those stretches (it never removes text, so
offsets keep pointing at what the reader sees) and returns the declared source's name.

The rules are conservative: a line is furniture only when the WHOLE line (after trimming
bullets, separators and "(Opens in new window)") is a known furniture phrase and short; a
link inside prose is left alone; only a link standing alone, trailing a finished sentence,
or on a social-embed host is marked, and then only the link itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from copydesk.lexicon.wires import CREDIT_NAMES
from copydesk.model import Span
from copydesk.read.article import Excluded

JUNK = "junk"
DECLARED_SOURCE = "declared_source"

# Labels, in a copy editor's words.
COMMENT_FORM = "comment form"
SHARE_LINE = "share line"
FOLLOW_LINE = "follow or subscribe line"
ADVERTISING = "advertising"
RECOMMENDATION = "recommendation"
EMBED_LINK = "embed link"
LINK = "link"
EMBED_SIGNATURE = "embed signature"
LOGO = "logo"
DATE_LINE = "date line"
BYLINE = "byline"
CREDIT_LINE = "credit line"
PHOTO_CREDIT = "photo credit"
PHOTO_CAPTION = "photo caption"
NAVIGATION = "navigation"
PAGE_FURNITURE = "page furniture"
DECLARED_SOURCE_LABEL = "declared source"

# A furniture line is short: the longest phrases matched below ("Save my name, email, and
# website in this browser for the next time I comment.") have 17 words; every other
# furniture rule is held to MAX_FURNITURE_WORDS so that no line of prose can match it.
MAX_FURNITURE_WORDS = 12
# A photo caption runs one to four sentences before its credit ("... Monday. (AP Photo/Eric
# Gay)"); the longest among the captions in ../shared is about 600 characters.
MAX_CAPTION_CHARS = 1_000
MAX_FORM_WORDS = 20
# A declared source or wire credit names one to a few organisations ("Reuters, AFP").
MAX_SOURCE_NAME_WORDS = 6
# Unpunctuated lines inside a furniture block (sponsored headlines and advertiser names in
# an ad widget, network names in a share bar, field labels in a comment form) are marked
# only between two furniture lines of the same block and only up to this many in a row:
# the Taboola/Outbrain widgets and comment forms seen in scraped pages hold one to four.
MAX_WIDGET_ITEMS = 6
# A widget item is a headline or an advertiser's name, never a long line.
MAX_WIDGET_ITEM_WORDS = 14

# Hosts whose links are embed leftovers even when they trail a line without punctuation.
_EMBED_HOSTS = (
    r"(?:pic\.)?twitter\.com|x\.com|t\.co|bit\.ly|buff\.ly|ow\.ly|tinyurl\.com|dlvr\.it|"
    r"instagram\.com|instagr\.am|facebook\.com|fb\.me|fb\.watch|youtube\.com|youtu\.be|"
    r"tiktok\.com|vm\.tiktok\.com|t\.me|threads\.net|bsky\.app|flic\.kr|goo\.gl|trib\.al"
)
_EMBED_HOST_RE = re.compile(
    rf"^(?:https?://)?(?:www\.|mobile\.|m\.)?(?:{_EMBED_HOSTS})(?:/|$)", re.IGNORECASE
)

_URL_RE = re.compile(
    r"(?:https?://|www\.)[^\s<>\"“”]+"
    r"|(?<![\w@.])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}/[^\s<>\"“”]*",
    re.IGNORECASE,
)
_URL_TRAILING = ".,;:!?'’”\"]}>"

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DATE = (
    rf"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
    rf"(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}"
    r"|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|\d{4}-\d{2}-\d{2})"
    r"(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[a-z]{2,5})?)?"
)
_DATE_RE = re.compile(rf"^{_DATE}$", re.IGNORECASE)

_NETWORKS = (
    r"facebook|twitter|x|whatsapp|linkedin|telegram|reddit|pinterest|messenger|email|e-mail|"
    r"threads|bluesky|flipboard|tumblr|viber|line|vk|mastodon|sms|google news"
)

# Whole-line furniture phrases, tested against the trimmed, lower-cased line.
_LINE_RULES: tuple[tuple[str, str, int], ...] = (
    # (label, pattern, most words)
    (
        COMMENT_FORM,
        (
            r"leave a (?:reply|comment|response)(?: to .{1,60}?)?(?: cancel reply)?"
            r"|(?:cancel|post|submit|add|write|publish) (?:a |the |your )?(?:reply|comment|response)"
            r"|(?:load|show|view|see|read|hide) (?:more |all |the )?(?:\d+ )?(?:comments?|replies)"
            r"|\d+ (?:comments?|replies|responses)|comments? \(\d+\)|comments?|replies|reply"
            r"|no comments?(?: yet)?|be the first to comment|join the (?:conversation|discussion)"
            r"|(?:your )?e-?mail address will not be published(?:\.? required fields are marked \*)?"
            r"|required fields are marked \*"
            r"|save my name,? e-?mail,? and website in this browser for the next time i comment"
            r"|you must be (?:logged|signed) in to (?:post a )?comment"
            r"|(?:log|sign) in to (?:post a )?(?:comment|reply)"
            r"|this site uses akismet to reduce spam.*"
            r"|(?:name|e-?mail|website|comment)\s*\*"
        ),
        MAX_FORM_WORDS,
    ),
    (
        SHARE_LINE,
        (
            r"share(?: this| the)?(?: article| story| post| page| link)?"
            rf"(?: (?:on|via|with|to) (?:{_NETWORKS})(?:,? (?:and |or )?(?:{_NETWORKS}))*)?"
            r"|click to (?:share|e-?mail|print|tweet|post)\b.{0,60}"
            rf"|(?:{_NETWORKS}|tweet|print|copy link|copy url|shares?|\d+ shares?)"
            r"|like this|like loading\.*|related"
        ),
        MAX_FURNITURE_WORDS,
    ),
    (
        FOLLOW_LINE,
        (
            r"follow (?:us|me|@\w+)(?: on .{1,60})?"
            r"|(?:subscribe|sign up|register)(?: now| here| today| for free| free)?"
            r"|(?:subscribe|sign up|register)\b.{0,40}"
            r"\b(?:newsletters?|updates|alerts?|channel|podcast|e-?mails?|inbox)\b.{0,30}"
            r"|get (?:our|the) (?:free )?(?:daily |weekly )?newsletter.{0,40}"
            r"|join (?:our|us on) (?:whatsapp|telegram|channel|community).{0,40}"
            r"|download (?:our|the) app.{0,40}|get the app"
            # Google's "preferred sources" promotion: "Add example.com As A Trusted Source"
            r"|(?:add|make|set|choose) (?:us|[\w.-]{1,60})(?: as)? (?:a |your )?(?:trusted|preferred)"
            r" source(?: on google(?: news)?)?"
        ),
        MAX_FURNITURE_WORDS,
    ),
    (
        ADVERTISING,
        (
            r"advertisements?|advert|ads?|sponsored(?: links| content| stories| posts)?"
            r"|sponsored by .{1,40}|promoted(?: links| content| stories)?|promoted by .{1,40}"
            r"|paid(?: partner)? (?:content|post)|(?:by|powered by|recommended by) "
            r"(?:taboola|outbrain|revcontent|mgid|zergnet)|taboola|outbrain"
            r"|(?:story|article) continues (?:below|after)(?: (?:this|the))?"
            r"(?: (?:advertisement|ad|advert))?"
            r"|scroll to continue(?: with content)?|skip (?:advertisement|ad)|ad feedback"
            r"|report this ad|(?:remove|hide) ads|learn more|shop now|click here|undo"
            r"|get (?:offer|quote|deal)|sign up now|apply now|book now"
        ),
        MAX_FURNITURE_WORDS,
    ),
    (
        RECOMMENDATION,
        (
            r"you (?:may|might|will) (?:also )?(?:like|enjoy|be interested in)"
            r"|recommended(?: for you| stories| reading| articles| videos)?"
            r"|(?:most (?:read|popular|viewed|shared)|trending(?: now| stories)?|top stories)"
            r"|(?:related|more|also) (?:posts|articles|stories|news|videos|content|coverage)"
            r"|more (?:from|on) (?:this|the|our) .{1,30}|more stories from .{1,30}"
            r"|(?:read|see|watch) (?:more|also|next)(?:\s*:.*)?|also read(?:\s*:.*)?"
            r"|(?:related|watch|listen|see also|also see|more)\s*:.*"
            r"|continue reading|find out more|see more|show more|load more|view more"
        ),
        MAX_FURNITURE_WORDS,
    ),
    (
        EMBED_LINK,
        (
            r"view this post on instagram|a post shared by .{1,60}"
            r"|watch on youtube|view on (?:twitter|x|instagram|facebook|threads)"
            r"|(?:this )?content is not available.{0,60}"
        ),
        MAX_FURNITURE_WORDS,
    ),
    (
        PAGE_FURNITURE,
        (
            r"(?:today'?s )?e-?paper|(?:copyright\s*)?(?:©|\(c\))\s*.{0,80}"
            r"|copyright\s+\d{4}.{0,80}|.{0,60}all rights reserved"
            r"|skip to (?:main )?content|back to top|menu|search|home|close|next|previous"
            r"|(?:sign|log) in|(?:sign|log) out|print (?:edition|this page)|listen to (?:this )?article"
            r"|\d+ min(?:ute)?s? read|font size|text size"
        ),
        MAX_FURNITURE_WORDS,
    ),
    (
        DATE_LINE,
        (
            rf"(?:(?:published|updated|posted|last updated|first published|modified)"
            rf"(?: on| at)?:?\s*)?{_DATE}(?:\s*(?:\||-|–|—|,)?\s*"
            rf"(?:(?:updated|last updated)(?: on| at)?:?\s*)?{_DATE})?"
        ),
        MAX_FURNITURE_WORDS,
    ),
    (
        PHOTO_CREDIT,
        (
            r"(?:photo|photograph|image|picture|video|file photo|graphic)(?: credits?)?\s*[:/]\s*"
            r"[\w.&'’ -]{1,40}"
        ),
        6,
    ),
)
_LINE_RULES_RE = tuple(
    (label, re.compile(rf"(?:{pattern})", re.IGNORECASE), most)
    for label, pattern, most in _LINE_RULES
)

# Organisation-name words: capitalised or all-caps words, digits, connectors.
_NAME_WORD = r"(?:[A-Z0-9][\w.&'’-]*|of|the|and|de|al|el|for|news|agencies|agency|&)"
_NAME = rf"{_NAME_WORD}(?:[ ,/]+{_NAME_WORD}){{0,{MAX_SOURCE_NAME_WORDS - 1}}}"

_SOURCE_LINE_RE = re.compile(
    rf"^[(\[]?\s*(?:(?:sources?|courtesy|via)\s*(?::|-|–|—|\|)|"
    rf"(?:with )?(?:additional )?inputs? from|courtesy of)\s*(?P<name>{_NAME})\s*[)\]]?\.?$",
    re.IGNORECASE,
)
_TRAILING_SOURCE_RE = re.compile(
    rf"(?<=[.!?”\"’)])\s+(?P<credit>[(\[]?\s*(?:sources?\s*(?::|-|–|—)|"
    rf"(?:with )?inputs? from)\s*(?P<name>{_NAME})\s*[)\]]?\.?)\s*$",
    re.IGNORECASE,
)

# News agencies whose name alone, or after a dash at the end of a paragraph, credits the text
# to them ("... remain slim. - AFP"): `copydesk.lexicon.wires.CREDIT_NAMES`.
_WIRE = "|".join(re.escape(a) for a in CREDIT_NAMES)
_WIRE_LINE_RE = re.compile(rf"^[(\[]?\s*(?:[-–—]\s*)?(?P<name>{_WIRE})\s*[)\]]?\.?$")
_TRAILING_WIRE_RE = re.compile(
    rf"(?<=[.!?”\"’])\s+(?P<credit>(?:[-–—]\s*(?P<n1>{_WIRE})|\((?P<n2>{_WIRE})\)))\s*$"
)

_CREDIT_RE = re.compile(
    r"^\(?\s*(?:(?:additional )?(?:reporting|writing|editing|compiled|research|"
    r"translation|graphics|production)(?: and \w+)? by [^;()]{1,80}(?:;\s*|\s+and\s+)?)+\)?\.?$",
    re.IGNORECASE,
)
_BYLINE_RE = re.compile(
    r"^by\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}"
    r"(?:\s*(?:,|and|&)\s*[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3})*"
    rf"(?:\s*(?:\||,|-|–|—)\s*(?:[A-Z][\w.'’-]*\s*){{1,4}})?(?:\s*(?:\||,|-|–|—)\s*{_DATE})?$",
)
_NAME_THEN_DATE_RE = re.compile(
    rf"^(?:[A-Z][\w.&'’-]*|of|the|and)(?:\s+(?:[A-Z][\w.&'’-]*|of|the|and)){{0,5}}"
    rf"\s*(?:\||,|-|–|—|·|•)?\s*{_DATE}$"
)
_TWEET_SIGNATURE_RE = re.compile(
    rf"(?:^|\s)(?P<sig>[—–-]\s*[^—–\n]{{1,80}}?\(@\w{{1,15}}\)\s*{_DATE})\s*$", re.IGNORECASE
)
# A photo's credit inside a line, which ends the caption before it: "(AP Photo/Eric Gay)",
# "(Photo by Jo Roe/Getty Images)", "Photograph: Jo Roe/Reuters" at the end of the line.
_INLINE_PHOTO_CREDIT_RE = re.compile(
    r"\((?:[A-Z][\w.&'’-]*\s+){0,3}(?:photo|photograph|image|picture)s?"
    r"(?:\s*/\s*|\s+by\s+|:\s*)[^()\n]{1,80}\)"
    r"|(?<=[.!?”\"’)])\s+(?:photo|photograph|image|picture)\s*:\s*[^.!?\n]{1,60}/[^.!?\n]{1,40}$",
    re.IGNORECASE,
)
# An image's alt text left in the page: "logo" or "The Daily Star logo" (a capitalised name).
_LOGO_RE = re.compile(r"^(?:[Ll]ogo|(?:[A-Z][\w.&'’-]*\s+|of\s+|the\s+){1,5}logo)$")
_TRIM = " \t\u00a0:|•·»›→>-–—=#"
_OPENS_IN_NEW_WINDOW = re.compile(
    r"\s*\((?:opens|open) in (?:a )?new (?:window|tab)\)\s*$", re.IGNORECASE
)
_SENTENCE_END = re.compile(r"[.!?][”\"’')\]]*$|[”\"’]$")


@dataclass(frozen=True, slots=True)
class PageJunk:
    """What `find_page_junk` found: the excluded stretches and the declared source's name."""

    excluded: tuple[Excluded, ...]
    declared_source: str | None


@dataclass(frozen=True, slots=True)
class _Line:
    start: int  # offset of the first non-blank character
    end: int  # offset after the last non-blank character
    text: str  # the line without surrounding whitespace


def _lines(text: str) -> Iterator[_Line]:
    pos = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            yield _Line(pos + lead, pos + lead + len(stripped), stripped)
        pos += len(raw) + 1


def _key(line: str) -> str:
    """The line as the whole-line rules see it: trimmed, collapsed, lower-cased."""
    key = _OPENS_IN_NEW_WINDOW.sub("", line)
    key = re.sub(r"\s+", " ", key).replace("’", "'").strip(_TRIM).lower()
    key = re.sub(r"(?<!\.)\.$", "", key)  # one full stop ends a phrase; "..." is kept
    return key


def _word_count(text: str) -> int:
    return len(text.split())


def furniture_label(line: str) -> str | None:
    """The furniture label of a whole line (``"comment form"``...), or None for body text."""
    key = _key(line)
    if not key:
        return None
    words = _word_count(key)
    for label, pattern, most in _LINE_RULES_RE:
        if words <= most and pattern.fullmatch(key):
            return label
    stripped = line.strip(_TRIM)
    if _LOGO_RE.match(stripped):
        return LOGO
    if words <= MAX_FURNITURE_WORDS:
        if _CREDIT_RE.match(stripped):
            return CREDIT_LINE
        if _BYLINE_RE.match(stripped):
            return BYLINE
        if _NAME_THEN_DATE_RE.match(stripped):
            return DATE_LINE
        parts = [p for p in re.split(r"\s+[|•·]\s+", stripped) if p.strip()]
        if len(parts) > 1:
            labels = [furniture_label(p) for p in parts]
            if all(labels):
                return labels[0]
            if len(parts) >= 3 and all(_is_menu_item(p) for p in parts):
                return NAVIGATION
    return None


def _is_menu_item(part: str) -> bool:
    words = part.split()
    return 0 < len(words) <= 3 and all(w[:1].isupper() or w == "&" for w in words)


def _urls(line: _Line) -> Iterator[tuple[int, int, str]]:
    """Links in a line as (start, end, url) in text offsets, trailing punctuation trimmed."""
    for m in _URL_RE.finditer(line.text):
        url = m.group()
        while url and url[-1] in _URL_TRAILING:
            url = url[:-1]
        if url.endswith(")") and "(" not in url:
            url = url[:-1]
        if len(url) < 4:
            continue
        yield line.start + m.start(), line.start + m.start() + len(url), url


def _is_embed(url: str) -> bool:
    return bool(_EMBED_HOST_RE.match(url)) or url.lower().startswith("pic.twitter.com/")


def _link_label(url: str) -> str:
    return EMBED_LINK if _is_embed(url) else LINK


def _links(line: _Line) -> list[Excluded]:
    """Leftover links on a body line: standalone, trailing a sentence, or embed-host links."""
    urls = list(_urls(line))
    if not urls:
        return []
    rest = line.text
    for start, end, _ in reversed(urls):
        rest = rest[: start - line.start] + rest[end - line.start :]
    if not rest.strip(_TRIM + ".,;()[]"):
        # The line is nothing but links: mark the whole line.
        label = EMBED_LINK if any(_is_embed(u) for _, _, u in urls) else LINK
        return [Excluded(Span(line.start, line.end), JUNK, label)]
    marked = []
    for start, end, url in urls:
        after = line.text[end - line.start :].strip()
        before = line.text[: start - line.start].rstrip()
        trailing = not after.strip(".")
        if url.lower().startswith("pic.twitter.com/"):
            marked.append(Excluded(Span(start, end), JUNK, EMBED_LINK))
        elif trailing and (_is_embed(url) or _SENTENCE_END.search(before)):
            marked.append(Excluded(Span(start, end), JUNK, _link_label(url)))
    return marked


def _captions(line: _Line) -> list[Excluded]:
    """Photo captions on a body line: each stretch that ends in a photo credit, back to the
    line's start or to the credit before it (a gallery's captions run on in one line)."""
    marked = []
    at = 0
    for m in _INLINE_PHOTO_CREDIT_RE.finditer(line.text):
        start = at + len(line.text[at:]) - len(line.text[at:].lstrip())
        if m.end() - start <= MAX_CAPTION_CHARS:
            marked.append(
                Excluded(Span(line.start + start, line.start + m.end()), JUNK, PHOTO_CAPTION)
            )
        at = m.end()
    return marked


def _declared(line: _Line) -> tuple[Excluded, str] | None:
    """A declared source on this line: the whole line ("Source: Reuters") or its tail."""
    stripped = line.text.strip(" \t*_")
    m = _SOURCE_LINE_RE.match(stripped) or _WIRE_LINE_RE.match(stripped)
    if m:
        return Excluded(Span(line.start, line.end), DECLARED_SOURCE, DECLARED_SOURCE_LABEL), (
            m.group("name").strip(" ,")
        )
    tail = _TRAILING_SOURCE_RE.search(line.text)
    if tail:
        name = tail.group("name").strip(" ,")
    else:
        tail = _TRAILING_WIRE_RE.search(line.text)
        if not tail:
            return None
        name = tail.group("n1") or tail.group("n2")
    start = line.start + tail.start("credit")
    end = line.start + tail.end("credit")
    return Excluded(Span(start, end), DECLARED_SOURCE, DECLARED_SOURCE_LABEL), name


def _is_widget_item(line: _Line) -> bool:
    return _word_count(line.text) <= MAX_WIDGET_ITEM_WORDS and not _SENTENCE_END.search(line.text)


# Furniture comes in blocks: an ad or recommendation widget, a share bar, a comment form.
# Each group maps a line's label to the label its unmarked items get.
_BLOCK_GROUPS: dict[str, str] = {
    ADVERTISING: ADVERTISING,
    RECOMMENDATION: ADVERTISING,
    SHARE_LINE: SHARE_LINE,
    FOLLOW_LINE: SHARE_LINE,
    COMMENT_FORM: COMMENT_FORM,
}
# A lone "Advertisement" marks an ad slot, not a widget with items listed under it.
_AD_SLOT_KEYS = frozenset({"advertisement", "advertisements", "advert", "ad", "ads"})


def _block_of(line: _Line, marks: list[Excluded]) -> str | None:
    """The block group a whole-line furniture mark belongs to, or None."""
    for m in marks:
        group = _BLOCK_GROUPS.get(m.label)
        if group is not None:
            return group
    return None


def _block_items(lines: list[_Line], marks: dict[int, list[Excluded]]) -> None:
    """Unpunctuated lines between two furniture lines of the same block (widget items,
    advertiser names, form field labels) belong to the block."""
    whole = {
        i
        for i, ms in marks.items()
        if any(m.span == Span(lines[i].start, lines[i].end) for m in ms)
    }
    opener: int | None = None
    opener_group: str | None = None
    for i in range(len(lines)):
        if i in whole:
            group = _block_of(lines[i], marks[i])
            gap = i - opener - 1 if opener is not None else 0
            if group is not None and group == opener_group and 0 < gap <= MAX_WIDGET_ITEMS:
                items = range(i - gap, i)
                if all(j not in marks and _is_widget_item(lines[j]) for j in items):
                    for j in items:
                        span = Span(lines[j].start, lines[j].end)
                        marks[j] = [Excluded(span, JUNK, group)]
            slot = _key(lines[i].text) in _AD_SLOT_KEYS
            opener, opener_group = (None, None) if group is None or slot else (i, group)
            continue
        if opener is not None and (i - opener > MAX_WIDGET_ITEMS or i in marks):
            opener, opener_group = None, None


def find_page_junk(text: str) -> PageJunk:
    """Mark page junk and a declared source in ``text`` (plain or extracted from HTML)."""
    lines = list(_lines(text))
    marks: dict[int, list[Excluded]] = {}
    sources: list[str] = []
    for i, line in enumerate(lines):
        declared = _declared(line)
        if declared is not None:
            credit, name = declared
            sources.append(name)
            # A credit trailing a paragraph: the paragraph may still end in a leftover link.
            before = text[line.start : credit.span.start].rstrip()
            found = _links(_Line(line.start, line.start + len(before), before)) if before else []
            marks[i] = [*found, credit]
            continue
        label = furniture_label(line.text)
        if label is not None:
            marks[i] = [Excluded(Span(line.start, line.end), JUNK, label)]
            continue
        found = _links(line)
        captions = _captions(line)
        found = [f for f in found if not any(c.span.contains(f.span) for c in captions)]
        found += captions
        signature = _TWEET_SIGNATURE_RE.search(line.text)
        if signature:
            sig = Span(line.start + signature.start("sig"), line.start + signature.end("sig"))
            found = [f for f in found if not f.span.overlaps(sig)]
            whole = sig.start == line.start
            found.append(
                Excluded(Span(line.start, line.end) if whole else sig, JUNK, EMBED_SIGNATURE)
            )
        if found:
            marks[i] = found
    _block_items(lines, marks)
    spans = sorted((m for ms in marks.values() for m in ms), key=lambda e: e.span)
    return PageJunk(tuple(spans), sources[0] if sources else None)
