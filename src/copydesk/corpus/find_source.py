"""Find the document an article was copied or reworded from.

Candidates come from two searches of the store: MinHash near-duplicates (verbatim and lightly
edited copies) and a full-text search on the article's most distinctive words (a reworded
copy shares few word sequences with its source but keeps its names, places and rare words).
Each candidate is then scored by **reuse share**: the share of the article's sentences whose
wording is found in one of the candidate's sentences. A source published after the article
is penalised, and an article's declared source ("Source: Aljazeera") adds a small bonus when
the candidate's outlet or address matches it — a hint, never proof: a candidate that reuses
too little of the article gets no bonus, so the hint alone cannot put it first.

The candidates that reuse enough of the article to be derived from the same text form its
family, and the original is chosen among them (`copydesk.corpus.families.source_family`):
never a copy that carries the article's own rewording, and among copies of one text the one
the article declares, the wire's own, or the earliest. It is ranked first, with the reason.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from copydesk.corpus.families import (
    ARTICLE_COPY,
    Relative,
    hint_matches,
    names_another_source,
    published_after,
    source_family,
)
from copydesk.corpus.model import Candidate, Family
from copydesk.corpus.reuse import (
    ALNUM_WORD,
    MIN_SOURCE_SHARE,
    STOPWORDS,
    TextSentence,
    reuse,
    sentence_reuse,
    split_sentences,
)
from copydesk.corpus.store import Store, content_hash, fts_query
from copydesk.lexicon.vocabulary import zipf as word_zipf
from copydesk.read.article import Article

#: Candidates with a smaller reuse share than this are not returned: one or two similar
#: sentences are what two reports of one event have in common.
MIN_REUSE_SHARE = 0.08

#: What a declared-source match adds to the score: less than the reuse share of two
#: sentences in a typical 30-sentence article, so it only decides near ties.
HINT_BONUS = 0.05

#: A candidate published after the article (`families.DATE_GRACE_DAYS` allowed) keeps this
#: share of its score.
LATER_PUBLISHED_FACTOR = 0.5

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


def distinctive_terms(text: str, limit: int = SEARCH_TERMS) -> list[str]:
    """The article's rarest words in general English, most distinctive first."""
    counts: dict[str, int] = {}
    shown: dict[str, str] = {}
    for m in ALNUM_WORD.finditer(text):
        word = m.group()
        key = word.lower()
        if key in STOPWORDS or len(key) < 3 or key.isdigit():
            continue
        counts[key] = counts.get(key, 0) + 1
        shown.setdefault(key, word)
    scored = []
    for key, n in counts.items():
        zipf = word_zipf(key)
        if zipf <= DISTINCTIVE_ZIPF:
            scored.append(((DISTINCTIVE_ZIPF + 1 - zipf) * (1 + min(n, 5) / 5), key))
    scored.sort(key=lambda x: (-x[0], x[1]))
    return [shown[k] for _, k in scored[:limit]]


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where an article comes from: its ranked candidate sources and its family of copies."""

    candidates: tuple[Candidate, ...]  # the original first, then by score
    family: Family | None  # None when no stored document reuses enough of the article
    source: Article | None  # the original, when one was found

    def family_ids(self) -> frozenset[str]:
        return self.family.ids() if self.family is not None else frozenset()


@dataclass(frozen=True, slots=True)
class _Scored:
    doc: Article
    candidate: Candidate


def find_source(store: Store, article: Article, limit: int = 5) -> list[Candidate]:
    """The stored documents most likely to be ``article``'s source, best first.

    Only documents that reuse at least `MIN_REUSE_SHARE` of the article's sentences are
    returned; an empty list means no source is in the store.
    """
    return list(provenance(store, article, limit).candidates)


def provenance(store: Store, article: Article, limit: int = 5) -> Provenance:
    """``article``'s candidate sources (at most ``limit``), its family of copies, and the
    original among them (see `copydesk.corpus.families.source_family`)."""
    scored = _scored(store, article)
    mine = split_sentences(article.body)
    relatives = [
        Relative(s.doc, s.candidate.reuse_share, s.candidate.score, _used(s.doc, mine))
        for s in scored
        if s.candidate.reuse_share >= MIN_SOURCE_SHARE
    ]
    family = source_family(article, relatives)
    relation = {c.doc_id: c.relation for c in family.copies} if family is not None else {}
    original = family.original if family is not None else None
    ranked = []
    for s in scored:
        c = s.candidate
        place = relation.get(c.doc_id)
        if place is not None and family is not None:
            reason = c.reason
            if c.doc_id == original:
                own = [n for n in c.reason.split("; ") if n not in family.provenance]
                reason = "; ".join([family.provenance, *own])
            if place == ARTICLE_COPY and original is not None:
                reason += "; a copy of the article: it carries the article's own wording"
            elif c.doc_id != original and names_another_source(s.doc, article):
                reason += (
                    f"; it names a source of its own ('{s.doc.declared_source}'), so it is a "
                    "republication, not the article's original"
                )
            c = replace(c, relation=place, reason=reason)
        ranked.append(c)
    ranked.sort(key=lambda c: c.doc_id != original)  # stable: the rest stay by score
    source = next((s.doc for s in scored if s.candidate.doc_id == original), None)
    return Provenance(tuple(ranked[:limit]), family, source)


def _used(doc: Article, article_sentences: list[TextSentence]) -> float:
    """Share of ``doc``'s own sentences whose wording the article (its sentences) reuses."""
    return sentence_reuse(split_sentences(doc.body), article_sentences).share


def _scored(store: Store, article: Article) -> list[_Scored]:
    """Every candidate reusing at least `MIN_REUSE_SHARE` of the article, best score first."""
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
    candidates: list[tuple[float, _Scored]] = []
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
        if published_after(doc, article):
            score *= LATER_PUBLISHED_FACTOR
            notes.append(
                f"published after the article ({doc.published} vs {article.published}), "
                "so unlikely to be its source"
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
        candidate = Candidate(
            doc_id=doc.doc_id,
            url=doc.url,
            outlet=doc.outlet,
            title=doc.title,
            reuse_share=round(found.share, 4),
            score=round(score, 4),
            reason="; ".join(notes),
        )
        candidates.append((score, _Scored(doc, candidate)))
    candidates.sort(key=lambda c: (-c[0], int(c[1].doc.doc_id) if c[1].doc.doc_id.isdigit() else 0))
    return [c for _, c in candidates]


__all__ = [
    "HINT_BONUS",
    "MIN_REUSE_SHARE",
    "MIN_SOURCE_SHARE",
    "Provenance",
    "distinctive_terms",
    "find_source",
    "provenance",
]
