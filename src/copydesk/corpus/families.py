"""Families of copies: which documents carry one story, which of them is the original, and
which reports of an event are independent of each other.

A wire story or a spun article is published many times over: verbatim by the outlets that
carry the wire, reworded by the farms that republish it, and copied again from them. Two
questions follow, and this module answers both.

**Which copy is the source?** (`source_family`) The stored documents that reuse a good
share of the article's sentences (`reuse.MIN_SOURCE_SHARE`) are candidates. Of them, the
article's family holds its copies and the documents most of whose sentences (or most of the
article's) reuse each other's wording (`SOURCE_USED_MIN`). Copies of the article itself
(`reuse.are_copies`) carry its own rewording, so when any member is not such a copy, the
article was reworded from that text and its copies are never its source. Among the rest,
the text the article reuses most is the one it was made from, and among the copies of that
text the original is the one whose outlet the article declares as its source, else the
wire's own copy, else the earliest. A copy dated after the article, or one that names a
source of its own when the article names none, is never its original.

**Who is independent?** (`group_coverage`) A claim is corroborated only by reports that are
independent of the article and of each other. Coverage that is the article's source, a copy
or another version of it, or the same wire as the article, is left out; the rest is grouped
into families (copies of one text, rewordings of one text, or the same wire), and each family
counts once.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from difflib import SequenceMatcher
from urllib.parse import urlsplit

from copydesk.corpus.model import Copy, Family
from copydesk.corpus.reuse import (
    MIN_SOURCE_SHARE,
    Reuse,
    TextSentence,
    are_copies,
    reuse,
    sentence_reuse,
    shingles,
    split_sentences,
)
from copydesk.lexicon.wires import AGENCY_HOSTS, wire_key
from copydesk.read.article import Article

#: A document dated more than this many days after the article cannot be its original (a
#: day's grace for time zones and dates read from different places).
DATE_GRACE_DAYS = 1

#: Fewest reused sentences that make one report a rewording of another, whatever the share:
#: two reports of one event share a sentence or two of background ("Trump gave Russia 50
#: days ..."; the seed's AFP and Reuters reports share two, once their quotations are
#: blanked), where a rewording reuses most of its source's sentences.
MIN_REWORDED_SENTENCES = 3

#: A document is of the article's family, its source or another version of the same text,
#: when most of the article's sentences reuse its wording or most of its own sentences are
#: reused in the article (the seed's source: 0.30 of the article, 0.83 of its own sentences,
#: as it is the first third of the original). A report written to the same pattern shares a
#: sentence here and there (0.26 and 0.16 in the invented corpus the tests use).
SOURCE_USED_MIN = 0.5

#: How a family member stands to the article, as the report words it.
ORIGINAL = "original"
THIS_ARTICLE = "this article"
ARTICLE_COPY = "copy of the article"
ORIGINAL_COPY = "copy of the original"
RELATED = "another version of the story"

#: Differing passages quoted when saying how a copy differs from the text it copies.
DIFFERENCES_SHOWN = 2

#: Words of a differing passage quoted at most.
DIFFERENCE_WORDS = 6


# --- dates, outlets and wires ----------------------------------------------------------------


def parse_day(value: str | None) -> date | None:
    """The calendar day of an ISO-like date ("2025-07-23", "2025-07-23T10:00:00Z")."""
    if not value:
        return None
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", value.strip())
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def published_after(doc: Article, article: Article) -> bool:
    """True when ``doc`` is dated more than `DATE_GRACE_DAYS` after ``article``."""
    mine, theirs = parse_day(article.published), parse_day(doc.published)
    return bool(mine and theirs and (theirs - mine).days > DATE_GRACE_DAYS)


def outlet_key(name: str | None) -> str:
    """An outlet name or host reduced to letters and digits: "Al Jazeera" → "aljazeera"."""
    if not name:
        return ""
    return re.sub(r"[^a-z0-9]", "", name.lower())


def _host(url: str | None) -> str:
    return ((urlsplit(url).hostname or "") if url else "").removeprefix("www.")


def hint_matches(declared: str | None, outlet: str | None, url: str | None) -> bool:
    """Whether a declared source names the candidate's outlet or its web address."""
    key = outlet_key(declared)
    if len(key) < 3:
        return False
    host = _host(url)
    names = [outlet_key(outlet), outlet_key(host.split(".")[0] if host else None)]
    return any(n and (key in n or n in key) and len(n) >= 3 for n in names)


def own_wire(doc: Article) -> str | None:
    """The agency whose own copy ``doc`` is: its outlet is the agency, or its site is."""
    host = _host(doc.url)
    for suffix, key in AGENCY_HOSTS.items():
        if host == suffix or host.endswith("." + suffix):
            return key
    return wire_key(doc.outlet) if doc.outlet else None


def outlet_name(doc: Article) -> str:
    """The outlet as shown to a reader: its name, else its web host, else its file."""
    if doc.outlet:
        return doc.outlet
    if doc.url:
        return _host(doc.url) or doc.url
    if doc.origin and doc.origin != "-":
        return re.split(r"[\\/]", doc.origin.rstrip("/\\"))[-1]
    return f"document {doc.doc_id}"


# --- the source among copies -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Relative:
    """A stored document that reuses the article's wording, as source finding scored it."""

    doc: Article
    share: float  # of the article's sentences reusing its wording
    score: float  # the ranking score (share with the date and declared-source adjustments)
    used: float = 0.0  # of its own sentences whose wording the article reuses


@dataclass(frozen=True, slots=True)
class _Member:
    relative: Relative
    shingles: frozenset[tuple[str, ...]]
    carries_article: bool  # a copy of the article, so it carries the article's own wording


def source_family(article: Article, relatives: Sequence[Relative]) -> Family | None:
    """The article's family among ``relatives`` and the original it was made from.

    ``relatives`` are the documents reusing at least `MIN_SOURCE_SHARE` of the article's
    sentences. None when there are none.
    """
    if not relatives:
        return None
    mine = shingles(article.body)
    members = []
    for r in relatives:
        sh = shingles(r.doc.body)
        carries = are_copies(mine, sh)
        if carries or max(r.share, r.used) >= SOURCE_USED_MIN:
            members.append(_Member(r, sh, carries))
    if not members:
        return None
    reworded = any(not m.carries_article for m in members)
    eligible = [
        m
        for m in members
        if not (reworded and m.carries_article)
        and not published_after(m.relative.doc, article)
        and not names_another_source(m.relative.doc, article)
    ]
    original: _Member | None = None
    if eligible:
        best = max(eligible, key=lambda m: (m.relative.score, -_doc_number(m)))
        texts = [m for m in eligible if m is best or are_copies(m.shingles, best.shingles)]
        original = min(texts, key=lambda m: _provenance_key(article, m))
    copies = [_copy_of_article(article)]
    for m in members:
        copies.append(_describe(article, m, original))
    copies.sort(key=lambda c: (c.relation != ORIGINAL, _day_key(c.published), c.doc_id))
    if original is None:
        return Family(None, _why_none(article, members), "", tuple(copies))
    why = _why_original(article, original, members, copies)
    return Family(
        original=original.relative.doc.doc_id,
        reason=f"{why}; {_reuse_note(original.relative.share)}",
        provenance=why,
        copies=tuple(copies),
    )


def names_another_source(doc: Article, article: Article) -> bool:
    """True when ``doc`` says it was copied from elsewhere ("Source: Aljazeera") and the
    article says nothing of the kind, or names the article itself: a republication is not
    the original of a text that does not claim to be one."""
    if not doc.declared_source:
        return False
    return not article.declared_source or hint_matches(
        doc.declared_source, article.outlet, article.url
    )


def _doc_number(m: _Member) -> int:
    doc_id = m.relative.doc.doc_id
    return int(doc_id) if doc_id.isdigit() else 0


def _day_key(published: str | None) -> date:
    return parse_day(published) or date.max


def _provenance_key(article: Article, m: _Member) -> tuple[bool, bool, date, float, int]:
    doc = m.relative.doc
    return (
        not hint_matches(article.declared_source, doc.outlet, doc.url),
        own_wire(doc) is None,
        _day_key(doc.published),
        -m.relative.share,
        _doc_number(m),
    )


def _copy_of_article(article: Article) -> Copy:
    return Copy(
        doc_id=article.doc_id,
        outlet=outlet_name(article) if (article.outlet or article.url) else None,
        url=article.url,
        title=article.title,
        published=article.published,
        relation=THIS_ARTICLE,
        reuse_share=1.0,
        differs="the text checked",
    )


def _describe(article: Article, m: _Member, original: _Member | None) -> Copy:
    doc = m.relative.doc
    reworded = original is not None and not original.carries_article
    if original is not None and m is original:
        relation, differs = ORIGINAL, _reuse_note(m.relative.share)
    elif m.carries_article and (reworded or original is None):
        relation, differs = ARTICLE_COPY, difference(doc, article, "the article")
    elif original is not None and are_copies(m.shingles, original.shingles):
        relation, differs = ORIGINAL_COPY, difference(doc, original.relative.doc, "the original")
    elif m.carries_article:
        relation, differs = ARTICLE_COPY, difference(doc, article, "the article")
    else:
        relation, differs = RELATED, "reworded: " + _reuse_note(m.relative.share)
    return Copy(
        doc_id=doc.doc_id,
        outlet=outlet_name(doc),
        url=doc.url,
        title=doc.title,
        published=doc.published,
        relation=relation,
        reuse_share=round(m.relative.share, 4),
        differs=differs,
    )


def _reuse_note(share: float) -> str:
    return f"{share:.0%} of the article's sentences reuse its wording"


def _copies(n: int) -> str:
    return f"{n} {'copy' if n == 1 else 'copies'}"


def _why_original(
    article: Article, original: _Member, members: Sequence[_Member], copies: Sequence[Copy]
) -> str:
    doc = original.relative.doc
    parts = []
    dated = sorted((d, c.doc_id) for c in copies for d in [parse_day(c.published)] if d)
    if len(dated) >= 2 and dated[0][1] == doc.doc_id:
        parts.append(f"earliest of {_copies(len(copies))}")
    if hint_matches(article.declared_source, doc.outlet, doc.url):
        parts.append(f"outlet matches the declared source '{article.declared_source}'")
    wire = own_wire(doc)
    if wire is not None:
        parts.append(f"the wire's own copy ({wire})")
    carriers = sum(1 for m in members if m.carries_article and m is not original)
    if carriers and any(not m.carries_article for m in members):
        verb = "carries" if carriers == 1 else "carry"
        parts.append(f"{_copies(carriers)} {verb} the article's own wording, so not its source")
    return "; ".join(
        parts or [f"of {_copies(len(copies))}, the one whose text the article reuses most"]
    )


def _why_none(article: Article, members: Sequence[_Member]) -> str:
    later = sum(1 for m in members if published_after(m.relative.doc, article))
    if later == len(members):
        return (
            f"the article is the earliest of {_copies(len(members) + 1)}: "
            "every other copy was published after it"
        )
    if any(names_another_source(m.relative.doc, article) for m in members):
        return (
            "no copy is older than the article: the others name a source of their own, "
            "carry the article's wording or were published after it"
        )
    return "every other copy carries the article's own wording or was published after it"


def difference(doc: Article, other: Article, name: str) -> str:
    """How ``doc``'s words differ from ``other``'s, in a line: "the same words as the
    article", or the first differing passages ("'Leave a Reply' → 'Share this story'")."""
    a, b = other.body.split(), doc.body.split()
    if a == b:
        same = f"the same words as {name}"
        return same if doc.text.split() == other.text.split() else same + "; page furniture differs"
    ops = [
        op for op in SequenceMatcher(None, a, b, autojunk=False).get_opcodes() if op[0] != "equal"
    ]
    shown = []
    for tag, i1, i2, j1, j2 in ops[:DIFFERENCES_SHOWN]:
        old, new = _passage(a[i1:i2]), _passage(b[j1:j2])
        shown.append(
            f"adds '{new}'"
            if tag == "insert"
            else f"drops '{old}'"
            if tag == "delete"
            else f"'{old}' → '{new}'"
        )
    more = f" and {len(ops) - len(shown)} more" if len(ops) > len(shown) else ""
    return f"{name}'s text with {len(ops)} {'change' if len(ops) == 1 else 'changes'}: " + (
        "; ".join(shown) + more
    )


def _passage(ws: Sequence[str]) -> str:
    text = " ".join(ws[:DIFFERENCE_WORDS])
    return text + (" …" if len(ws) > DIFFERENCE_WORDS else "")


# --- independent coverage ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Coverage:
    """A coverage document as independence sees it: its metadata and its reported text (the
    body with its quotations blanked, since independent reports quote the same words)."""

    article: Article
    reported: str


@dataclass(frozen=True, slots=True)
class Grouping:
    """Coverage split into what is left out (with why) and families of dependent reports."""

    excluded: tuple[tuple[int, str], ...]  # (index into the coverage, reason)
    family_of: dict[int, int]  # index of each kept document -> its family number
    labels: tuple[str, ...]  # each family's name: its wire, else its first outlet


def group_coverage(
    article: Article,
    reported: str,
    coverage: Sequence[Coverage],
    known: Callable[[Article], str | None] = lambda _: None,
) -> Grouping:
    """Leave out what is not independent of ``article`` and group the rest into families.

    ``known`` gives the reason a document is already known to belong to the article's own
    family (its source, a copy of it); None for the others.
    """
    mine = shingles(reported)
    own_hash = _words_key(article.body)
    sentences = split_sentences(reported)
    excluded: list[tuple[int, str]] = []
    kept: list[int] = []
    marks: dict[int, frozenset[tuple[str, ...]]] = {}
    for i, c in enumerate(coverage):
        doc = c.article
        marks[i] = shingles(c.reported)
        reason = known(doc)
        if reason is None:
            if doc.doc_id == article.doc_id or _words_key(doc.body) == own_hash:
                reason = "the article itself"
            elif are_copies(mine, marks[i]):
                reason = "a copy of the article"
            elif is_reworded(reuse(sentences, c.reported)):
                reason = "reuses the article's wording: its source or another version of it"
            elif article.wire is not None and _wire(doc) == article.wire:
                reason = f"the same wire as the article ({article.wire})"
        if reason is None:
            kept.append(i)
        else:
            excluded.append((i, reason))
    parent = {i: i for i in kept}

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    texts = {
        i: _Text(
            coverage[i].article,
            coverage[i].reported,
            marks[i],
            split_sentences(coverage[i].reported),
        )
        for i in kept
    }
    for x, i in enumerate(kept):
        for j in kept[x + 1 :]:
            if root(i) != root(j) and _dependent(texts[i], texts[j]):
                parent[root(j)] = root(i)
    numbers: dict[int, int] = {}
    labels: list[str] = []
    family_of: dict[int, int] = {}
    for i in kept:
        r = root(i)
        if r not in numbers:
            numbers[r] = len(labels)
            wires = {w for k in kept if root(k) == r for w in [_wire(coverage[k].article)] if w}
            labels.append(
                next(iter(wires)) if len(wires) == 1 else outlet_name(coverage[r].article)
            )
        family_of[i] = numbers[r]
    return Grouping(tuple(excluded), family_of, tuple(labels))


def _wire(doc: Article) -> str | None:
    return doc.wire or own_wire(doc)


@dataclass(frozen=True, slots=True)
class _Text:
    article: Article
    reported: str
    shingles: frozenset[tuple[str, ...]]
    sentences: list[TextSentence]


def _dependent(a: _Text, b: _Text) -> bool:
    """True when two reports are one: the same wire, copies of one text, or one reworded
    from the other (outlets credited to two different wires are two reports unless one
    copies the other's text)."""
    wa, wb = _wire(a.article), _wire(b.article)
    if wa is not None and wa == wb:
        return True
    if are_copies(a.shingles, b.shingles):
        return True
    if wa is not None and wb is not None:
        return False
    return is_reworded(sentence_reuse(a.sentences, b.sentences)) or is_reworded(
        sentence_reuse(b.sentences, a.sentences)
    )


def is_reworded(found: Reuse) -> bool:
    """One text is reworded from the other: enough of its sentences reuse the other's wording
    (`MIN_SOURCE_SHARE`, and at least `MIN_REWORDED_SENTENCES`)."""
    return found.share >= MIN_SOURCE_SHARE and found.reused >= MIN_REWORDED_SENTENCES


def _words_key(text: str) -> str:
    return " ".join(text.split())
