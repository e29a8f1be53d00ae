"""Families of copies across a crawl: which candidate pairs are one story's text, which
documents form one family, and which of them is the original.

**Is it a copy?** (`relation`) A candidate pair (`copydesk.corpus.candidates`) is verified
with the measures source finding uses (`copydesk.corpus.reuse`): two texts are *verbatim*
copies when each has nearly all of the other's five-word runs, one is a *trimmed* copy of
the other when most of one's runs are in the other, and one is *reworded* from the other
when enough of its sentences reuse the other's wording (`families.is_reworded`) and it
keeps the other's figures. Two reports of
one event share names and numbers but few sentences, so they stay apart.

**Which is the original?** (`choose_original`) find-source's rules, applied to a whole
family rather than to one article's candidates. A member whose wording carries machine
rewording's fingerprints is not the original while another does not; nor is one that names
a source of its own ("Source: Aljazeera") while another does not. Of the rest, the wire's
own copy, else the earliest dated, else the fullest text of which the others are trimmed
copies. When none of that tells the members apart, the family says it has no original.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from copydesk.checks.verdict import LIKELY_THRESHOLD
from copydesk.corpus.families import is_reworded, own_wire, parse_day
from copydesk.corpus.reuse import (
    COPY_SHARE,
    TextSentence,
    are_copies,
    figures,
    figures_kept,
    sentence_reuse,
    shingle_share,
    shingles,
    split_sentences,
)
from copydesk.read.article import Article

#: Relations of a copy to its original (or to the member it was verified against).
VERBATIM = "verbatim"
TRIMMED = "trimmed"
REWORDED = "reworded"

#: Each text has at least this share of the other's five-word runs: the same words, give or
#: take page furniture and a changed word or two (the faithful republications of ../shared
#: that only restyle share 0.90-0.99 both ways; a trimmed copy keeps under 0.8 of the fuller).
VERBATIM_SHARE = 0.9

#: A rewording keeps at least this share of the figures (`reuse.figures_kept`): every
#: reworded pair of ../shared with figures enough keeps 1.0, while stories written to one
#: template, whose sentences reuse each other's wording, keep at most 0.45 of each other's
#: (10,000 invented articles); 0.6 lies between, nearer the template's side, as a rewording
#: may drop a figure or two.
FIGURES_KEPT_MIN = 0.6

#: The fullest member is the original only when it has this many more words than every
#: other member it is not reworded from (and they are trimmed copies of it): a copy cuts
#: paragraphs, while two copies of one text differ by a caption or a footer (under 5% in the
#: faithful pairs of ../shared whose copies add furniture).
FULLER_MARGIN = 0.10


@dataclass(frozen=True, slots=True)
class Text:
    """What verification compares of a document: its five-word runs, its sentences and its
    length in words."""

    shingles: frozenset[tuple[str, ...]]
    sentences: tuple[TextSentence, ...]
    words: int
    figures: frozenset[str]


def text_of(article: Article) -> Text:
    body = article.body
    return Text(shingles(body), tuple(split_sentences(body)), len(body.split()), figures(body))


def relation(a: Text, b: Text) -> str | None:
    """How two texts stand to each other: `VERBATIM`, `TRIMMED` (one is mostly the other's
    words), `REWORDED` (one reuses the other's sentences in other words), or None (two
    reports, not one text)."""
    there, back = shingle_share(a.shingles, b.shingles), shingle_share(b.shingles, a.shingles)
    if min(there, back) >= VERBATIM_SHARE:
        return VERBATIM
    if are_copies(a.shingles, b.shingles):
        return TRIMMED
    kept = figures_kept(a.figures, b.figures)
    if kept is not None and kept < FIGURES_KEPT_MIN:
        return None
    if is_reworded(sentence_reuse(a.sentences, b.sentences)) or is_reworded(
        sentence_reuse(b.sentences, a.sentences)
    ):
        return REWORDED
    return None


class Components:
    """Documents joined into families by the verified pairs (union-find over the documents
    of some pair only: a document in no pair is in no family)."""

    def __init__(self) -> None:
        self._parent: dict[str, str] = {}

    def join(self, a: str, b: str) -> None:
        ra, rb = self.root(a), self.root(b)
        if ra != rb:
            self._parent[max(ra, rb, key=_order)] = min(ra, rb, key=_order)

    def root(self, x: str) -> str:
        parent = self._parent
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def groups(self) -> list[list[str]]:
        """The families, each sorted, in the order of their least document."""
        found: dict[str, list[str]] = {}
        for x in self._parent:
            found.setdefault(self.root(x), []).append(x)
        return sorted((sorted(g, key=_order) for g in found.values()), key=lambda g: _order(g[0]))


def _order(doc_id: str) -> tuple[int, str]:
    """Stored documents in the order they were stored (numeric ids), others by name."""
    return (int(doc_id), "") if doc_id.isdigit() else (1 << 62, doc_id)


@dataclass(frozen=True, slots=True)
class Member:
    """A family member as the original is chosen among them."""

    doc: Article
    text: Text
    rewording: float | None = None  # the rewording score of its own text, when measured


@dataclass(frozen=True, slots=True)
class Original:
    """The member chosen as the family's original (None: the evidence is thin), and why."""

    index: int | None
    reason: str


def choose_original(members: Sequence[Member]) -> Original:
    """The original among a family's members, by find-source's rules (module docstring)."""
    left = list(range(len(members)))
    why: list[str] = []
    plain = [i for i in left if (members[i].rewording or 0.0) < LIKELY_THRESHOLD]
    if 0 < len(plain) < len(left):
        why.append(
            f"{_count(len(left) - len(plain))} carry machine rewording's fingerprints "
            f"(score {LIKELY_THRESHOLD:.2f} or more), so not the original"
        )
        left = plain
    own = [i for i in left if not members[i].doc.declared_source]
    if 0 < len(own) < len(left):
        why.append(f"{_count(len(left) - len(own))} name a source of their own")
        left = own
    wires = [i for i in left if own_wire(members[i].doc) is not None]
    if 0 < len(wires) < len(left):
        why.append(f"the wire's own copy ({own_wire(members[wires[0]].doc)})")
        left = wires
    dated = sorted((d, i) for i in left for d in [parse_day(members[i].doc.published)] if d)
    if dated and (len(dated) == 1 or dated[0][0] < dated[1][0]):
        day, first = dated[0]
        others = "the others carry no date" if len(dated) == 1 else f"next {dated[1][0]}"
        if len(left) > 1:
            why.append(f"the earliest dated copy ({day}; {others})")
        left = [first]
    elif dated:
        left = [i for d, i in dated if d == dated[0][0]]
    if len(left) > 1:
        fuller = _fullest(members, left)
        if fuller is not None:
            why.append(
                f"the fullest text ({members[fuller].text.words} words): the others are "
                "trimmed copies of it"
            )
            left = [fuller]
    if len(left) == 1:
        return Original(left[0], "; ".join(why) or "the only member")
    return Original(
        None,
        f"the evidence is thin: {_count(len(left))} remain with no date, wire, declared "
        "source or fuller text to tell them apart" + (f" ({'; '.join(why)})" if why else ""),
    )


def _fullest(members: Sequence[Member], left: Iterable[int]) -> int | None:
    ranked = sorted(left, key=lambda i: -members[i].text.words)
    best, rest = ranked[0], ranked[1:]
    top = members[best].text
    for i in rest:
        other = members[i].text
        if top.words < other.words * (1 + FULLER_MARGIN):
            return None
        if shingle_share(other.shingles, top.shingles) <= COPY_SHARE:
            return None
    return best


def _count(n: int) -> str:
    return f"{n} {'copy' if n == 1 else 'copies'}"
