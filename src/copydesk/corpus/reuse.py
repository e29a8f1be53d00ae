"""How much of one text another reuses: the measures source finding and independence share.

Two measures, for two kinds of reuse:

- **sentence reuse** (`reuse`): the share of an article's sentences whose content words are
  found, mostly, in one sentence of the other text. A reworded copy keeps most of each
  sentence's names and rare words while changing its word order, so this finds spun and
  translated copies as well as verbatim ones;
- **shingle reuse** (`text_reuse`): the share of a text's five-word runs found in the other.
  Only a copy shares long runs: a reworded copy breaks most of them, so this tells a copy
  of a text from a rewording of it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from copydesk.corpus.claims_match import words
from copydesk.lexicon.classes import STOPWORDS

#: A sentence reuses a candidate's wording when the Dice overlap of its content-word stems
#: with one candidate sentence reaches this. On the seed case the article's sentences score
#: 0.57-0.90 against their reworded source sentences and at most 0.64 (one sentence per
#: outlet; usually below 0.45) against five other outlets' reports of the same event, so a
#: counted sentence is strong evidence, and counting over the whole article separates a
#: source (32% of sentences) from coverage (at most 6%).
REUSED_SENTENCE_DICE = 0.5


#: Sentences shorter than this (in content words) are headings or fragments; not counted.
MIN_SENTENCE_WORDS = 4

#: Content words are compared by their first letters, a stem that makes "anticipated" and
#: "anticipates" one word without a language model.
STEM_CHARS = 6


_SENTENCE_END = re.compile(r"([.!?][”\"’']?)\s+(?=[A-Z“\"‘'(\d])")
#: Letters and digits, with one apostrophe part kept ("Kyiv’s", "don't").
ALNUM_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")


@dataclass(frozen=True, slots=True)
class TextSentence:
    start: int
    end: int
    stems: frozenset[str]
    names: frozenset[str] = frozenset()  # stems of its capitalised words and numbers


def split_sentences(text: str) -> list[TextSentence]:
    """Sentences of ``text`` (a line break always ends one), with their content-word stems."""
    out: list[TextSentence] = []
    pos = 0
    for line in text.split("\n"):
        start = pos
        pos += len(line) + 1
        cut = start
        for m in _SENTENCE_END.finditer(line):
            out.append(_sentence(text, cut, start + m.end(1)))
            cut = start + m.end()
        out.append(_sentence(text, cut, start + len(line)))
    return [s for s in out if len(s.stems) >= MIN_SENTENCE_WORDS]


def _sentence(text: str, start: int, end: int) -> TextSentence:
    chunk = text[start:end]
    lead = len(chunk) - len(chunk.lstrip())
    trail = len(chunk.rstrip())
    found = [m.group() for m in ALNUM_WORD.finditer(chunk)]
    names = frozenset(w.lower()[:STEM_CHARS] for w in found[1:] if w[0].isupper() or w[0].isdigit())
    return TextSentence(start + lead, start + max(trail, lead), content_stems(chunk), names)


def content_stems(text: str) -> frozenset[str]:
    return frozenset(
        w[:STEM_CHARS]
        for w in (m.group().lower().replace("’", "'") for m in ALNUM_WORD.finditer(text))
        if w not in STOPWORDS
    )


def dice(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))


@dataclass(frozen=True, slots=True)
class Reuse:
    """How much of an article one document reuses."""

    share: float  # reused sentences / counted sentences of the article
    reused: int
    counted: int
    mean_best: float  # mean best sentence overlap, a tie-breaker


def reuse(article_sentences: Sequence[TextSentence], other: str) -> Reuse:
    """The share of ``article_sentences`` whose wording is found in a sentence of ``other``."""
    return sentence_reuse(article_sentences, split_sentences(other))


def sentence_reuse(
    article_sentences: Sequence[TextSentence], theirs: Sequence[TextSentence]
) -> Reuse:
    """`reuse` against sentences already split (a text compared with several others)."""
    if not article_sentences:
        return Reuse(0.0, 0, 0, 0.0)
    reused = 0
    total = 0.0
    for sentence in article_sentences:
        best = max(
            (dice(sentence.stems, t.stems) for t in theirs if _same_names(sentence, t)),
            default=0.0,
        )
        total += best
        if best >= REUSED_SENTENCE_DICE:
            reused += 1
    n = len(article_sentences)
    return Reuse(reused / n, reused, n, total / n)


def _same_names(a: TextSentence, b: TextSentence) -> bool:
    """True when ``b`` keeps most of ``a``'s names and numbers (`NAMES_KEPT_MIN`)."""
    if not a.names:
        return True
    return len(a.names & b.names) / len(a.names) >= NAMES_KEPT_MIN


#: A text reusing the wording of at least this share of an article's sentences is derived
#: from the same text as the article (its source, a copy or another rewording of it). The
#: seed's source scores 0.32 (it is the first third of the original); five other outlets'
#: reports of the same event at most 0.06.
MIN_SOURCE_SHARE = 0.15

#: A sentence reuses another only if it keeps at least this share of its names and numbers:
#: a rewording keeps who, where and how many ("Kyiv" may become "Ukraine"), while a report
#: of another event written to the same pattern ("Strike halts buses in Quito" against
#: "... in Cebu") shares the pattern's words and none of its names.
NAMES_KEPT_MIN = 0.5

#: Words per shingle when measuring text reuse. Five-word runs are rarely shared by two
#: independent reports of one event (set phrases are shorter), while a copy shares nearly all.
REUSE_SHINGLE_WORDS = 5

#: Share of one text's shingles found in the other above which the two are copies of one
#: text. A copy, even trimmed or wrapped in page furniture, shares over 0.8 in one direction;
#: the seed's spun article and its original share 0.04 and 0.11 (the rewording breaks most
#: five-word runs), and the seed article and the five other outlets' reports at most 0.005.
COPY_SHARE = 0.5


def shingles(text: str) -> frozenset[tuple[str, ...]]:
    """The folded five-word runs of ``text``."""
    ws = words(text)
    n = REUSE_SHINGLE_WORDS
    return frozenset(tuple(ws[i : i + n]) for i in range(max(len(ws) - n + 1, 0)))


def shingle_share(a: frozenset[tuple[str, ...]], b: frozenset[tuple[str, ...]]) -> float:
    """Share of the shingles ``a`` that are also in ``b`` (0 when ``a`` is empty)."""
    return len(a & b) / len(a) if a else 0.0


def text_reuse(a: str, b: str) -> float:
    """Share of ``a``'s word shingles that are also in ``b`` (0 when ``a`` is too short)."""
    return shingle_share(shingles(a), shingles(b))


def are_copies(a: frozenset[tuple[str, ...]], b: frozenset[tuple[str, ...]]) -> bool:
    """True when either text is, for the most part, the other's words (`COPY_SHARE`)."""
    return max(shingle_share(a, b), shingle_share(b, a)) > COPY_SHARE


#: A figure of two digits or more, with the separators inside it ("15,000", "2.5"; "7-5" is
#: no figure). Single digits are left out: they recur by chance, and a rewording may spell
#: them out ("five").
_FIGURE = re.compile(r"\d[\d,.]*\d")

#: Fewest figures each text must have before `figures_kept` says anything: a text with one
#: or two figures (a year, an age) keeps or loses them by chance.
MIN_FIGURES = 3


def figures(text: str) -> frozenset[str]:
    """The figures of two digits or more in ``text``, their thousands separators dropped."""
    return frozenset(m.group().replace(",", "") for m in _FIGURE.finditer(text))


def figures_kept(a: frozenset[str], b: frozenset[str]) -> float | None:
    """Share of the figures of the text with fewer that the other also has; None when either
    has fewer than `MIN_FIGURES`. A copy, even a reworded one, keeps its figures (the copy
    pairs of ../shared keep 0.5-1.0, all of the reworded ones 1.0); two stories written to
    one template share their wording but not their figures (at most 0.45 in the invented
    articles of `eval/census.py` whose sentences reuse each other's wording)."""
    if min(len(a), len(b)) < MIN_FIGURES:
        return None
    return len(a & b) / min(len(a), len(b))
