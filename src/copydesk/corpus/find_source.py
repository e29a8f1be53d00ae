"""Find the document an article was copied or reworded from.

Candidates come from two searches of the store: MinHash near-duplicates (verbatim and lightly
edited copies) and a full-text search on the article's most distinctive words (a reworded
copy shares few word sequences with its source but keeps its names, places and rare words).
Each candidate is then scored by **reuse share**: the share of the article's sentences whose
wording is found in one of the candidate's sentences. A source published after the article
is penalised, and an article's declared source ("Source: Aljazeera") adds a small bonus when
the candidate's outlet or address matches it — a hint, never proof: a candidate that reuses
too little of the article gets no bonus, so the hint alone cannot put it first.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from urllib.parse import urlsplit

from wordfreq import zipf_frequency

from copydesk.corpus.model import SourceCandidate
from copydesk.corpus.store import Store, content_hash, fts_query
from copydesk.read.article import Article

#: A sentence reuses a candidate's wording when the Dice overlap of its content-word stems
#: with one candidate sentence reaches this. On the seed case the article's sentences score
#: 0.57-0.90 against their reworded source sentences and at most 0.64 (one sentence per
#: outlet; usually below 0.45) against five other outlets' reports of the same event, so a
#: counted sentence is strong evidence, and counting over the whole article separates a
#: source (32% of sentences) from coverage (at most 6%).
REUSED_SENTENCE_DICE = 0.5

#: Candidates with a smaller reuse share than this are not returned: one or two similar
#: sentences are what two reports of one event have in common.
MIN_REUSE_SHARE = 0.08

#: Below this reuse share a candidate cannot be the source, so the declared-source hint
#: adds nothing to it (the seed's source scores 0.32; other coverage at most 0.06).
MIN_SOURCE_SHARE = 0.15

#: What a declared-source match adds to the score: less than the reuse share of two
#: sentences in a typical 30-sentence article, so it only decides near ties.
HINT_BONUS = 0.05

#: A candidate published after the article keeps this share of its score (a day's grace
#: for time zones and dates read from different places).
LATER_PUBLISHED_FACTOR = 0.5
DATE_GRACE_DAYS = 1

#: Sentences shorter than this (in content words) are headings or fragments; not counted.
MIN_SENTENCE_WORDS = 4

#: Content words are compared by their first letters, a stem that makes "anticipated" and
#: "anticipates" one word without a language model.
STEM_CHARS = 6

#: Words searched for in the full-text index: the rarest in general English (wordfreq Zipf
#: frequency) among the article's words, and no word more common than DISTINCTIVE_ZIPF
#: (4.5: "delegation" 3.9 and "ceasefire" 3.3 are in; "Wednesday" 4.6, "said" 6.0 are out).
SEARCH_TERMS = 24
DISTINCTIVE_ZIPF = 4.5

#: Candidates taken from each search before scoring.
FTS_CANDIDATES = 25
LSH_CANDIDATES = 25

#: Stored near-duplicates below this estimated Jaccard similarity are not candidates from
#: the MinHash search (the full-text search still finds them).
LSH_MIN_SIMILARITY = 0.2

# Function words left out of content-word comparisons.
STOPWORDS = frozenset(
    [
        "a",
        "about",
        "above",
        "after",
        "again",
        "against",
        "all",
        "also",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "down",
        "during",
        "each",
        "few",
        "for",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "herself",
        "him",
        "himself",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "me",
        "more",
        "most",
        "my",
        "myself",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "ours",
        "ourselves",
        "out",
        "over",
        "own",
        "same",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "theirs",
        "them",
        "themselves",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
        "yours",
        "yourself",
        "yourselves",
        "said",
        "says",
        "say",
        "told",
        "tells",
        "according",
    ]
)

_SENTENCE_END = re.compile(r"([.!?][”\"’']?)\s+(?=[A-Z“\"‘'(\d])")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?", re.UNICODE)


@dataclass(frozen=True, slots=True)
class TextSentence:
    start: int
    end: int
    stems: frozenset[str]


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
    return TextSentence(start + lead, start + max(trail, lead), content_stems(chunk))


def content_stems(text: str) -> frozenset[str]:
    return frozenset(
        w[:STEM_CHARS]
        for w in (m.group().lower().replace("’", "'") for m in _WORD.finditer(text))
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
    theirs = [s.stems for s in split_sentences(other)]
    if not article_sentences:
        return Reuse(0.0, 0, 0, 0.0)
    reused = 0
    total = 0.0
    for sentence in article_sentences:
        best = max((dice(sentence.stems, t) for t in theirs), default=0.0)
        total += best
        if best >= REUSED_SENTENCE_DICE:
            reused += 1
    n = len(article_sentences)
    return Reuse(reused / n, reused, n, total / n)


def distinctive_terms(text: str, limit: int = SEARCH_TERMS) -> list[str]:
    """The article's rarest words in general English, most distinctive first."""
    counts: dict[str, int] = {}
    shown: dict[str, str] = {}
    for m in _WORD.finditer(text):
        word = m.group()
        key = word.lower()
        if key in STOPWORDS or len(key) < 3 or key.isdigit():
            continue
        counts[key] = counts.get(key, 0) + 1
        shown.setdefault(key, word)
    scored = []
    for key, n in counts.items():
        zipf = _zipf(key)
        if zipf <= DISTINCTIVE_ZIPF:
            scored.append(((DISTINCTIVE_ZIPF + 1 - zipf) * (1 + min(n, 5) / 5), key))
    scored.sort(key=lambda x: (-x[0], x[1]))
    return [shown[k] for _, k in scored[:limit]]


@lru_cache(maxsize=65536)
def _zipf(word: str) -> float:
    return float(zipf_frequency(word, "en"))


def outlet_key(name: str | None) -> str:
    """An outlet name or host reduced to letters and digits: "Al Jazeera" → "aljazeera"."""
    if not name:
        return ""
    return re.sub(r"[^a-z0-9]", "", name.lower())


def hint_matches(declared: str | None, outlet: str | None, url: str | None) -> bool:
    """Whether a declared source names the candidate's outlet or its web address."""
    key = outlet_key(declared)
    if len(key) < 3:
        return False
    host = (urlsplit(url).hostname or "") if url else ""
    host = host.removeprefix("www.")
    names = [outlet_key(outlet), outlet_key(host.split(".")[0] if host else None)]
    return any(n and (key in n or n in key) and len(n) >= 3 for n in names)


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


def find_source(store: Store, article: Article, limit: int = 5) -> list[SourceCandidate]:
    """The stored documents most likely to be ``article``'s source, best first.

    Only documents that reuse at least `MIN_REUSE_SHARE` of the article's sentences are
    returned; an empty list means no source is in the store.
    """
    body = article.body
    sentences = split_sentences(body)
    if not sentences:
        return []
    own_hash = content_hash(article.text)
    near = {
        d.doc_id: d.similarity
        for d in store.near_duplicates(body, LSH_CANDIDATES, min_similarity=LSH_MIN_SIMILARITY)
    }
    ids = list(near)
    expression = fts_query(distinctive_terms(body))
    if expression:
        ids += [h.doc_id for h in store.match(expression, FTS_CANDIDATES) if h.doc_id not in near]
    candidates: list[tuple[float, SourceCandidate]] = []
    article_day = parse_day(article.published)
    for doc in store.get_many(ids):
        if content_hash(doc.text) == own_hash or (article.url and doc.url == article.url):
            continue  # the article itself
        found = reuse(sentences, doc.body)
        if found.share < MIN_REUSE_SHARE:
            continue
        score = found.share
        notes = [
            (
                f"{found.share:.0%} of the article's sentences reuse its wording "
                f"({found.reused} of {found.counted})"
            )
        ]
        if doc.doc_id in near:
            notes.append(f"near-duplicate text ({near[doc.doc_id]:.0%} shared word sequences)")
        doc_day = parse_day(doc.published)
        if article_day and doc_day and (doc_day - article_day).days > DATE_GRACE_DAYS:
            score *= LATER_PUBLISHED_FACTOR
            notes.append(
                f"published after the article ({doc_day.isoformat()} vs "
                f"{article_day.isoformat()}), so unlikely to be its source"
            )
        if hint_matches(article.declared_source, doc.outlet, doc.url):
            if found.share >= MIN_SOURCE_SHARE:
                score += HINT_BONUS
                notes.append(f"outlet matches the declared source '{article.declared_source}'")
            else:
                notes.append(
                    f"outlet matches the declared source '{article.declared_source}', "
                    "but it reuses too little of the article to be the source"
                )
        score += found.mean_best * 0.01
        candidates.append(
            (
                score,
                SourceCandidate(
                    doc_id=doc.doc_id,
                    url=doc.url,
                    outlet=doc.outlet,
                    title=doc.title,
                    reuse_share=round(found.share, 4),
                    score=round(score, 4),
                    reason="; ".join(notes),
                ),
            )
        )
    candidates.sort(key=lambda c: (-c[0], int(c[1].doc_id) if c[1].doc_id.isdigit() else 0))
    return [c for _, c in candidates[:limit]]


__all__ = [
    "HINT_BONUS",
    "MIN_REUSE_SHARE",
    "REUSED_SENTENCE_DICE",
    "Reuse",
    "content_stems",
    "distinctive_terms",
    "find_source",
    "hint_matches",
    "reuse",
    "split_sentences",
]
