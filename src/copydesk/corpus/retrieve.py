"""Other coverage of the same event: what corroboration compares an article's claims with.

Coverage of one event names the same people, organisations and places, around the same
date, in different words. `related_documents` searches the store's full-text index with an
OR query over the article's named entities (PERSON, ORG, GPE) and its most distinctive
words, then ranks what it finds by how many of the article's entities each document names,
demoting documents dated far from the article. A shared declared source ("Source: Reuters")
is not evidence of the same event and plays no part. The article itself (same text or
address) is never returned.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from copydesk.corpus.families import parse_day
from copydesk.corpus.find_source import distinctive_terms
from copydesk.corpus.store import Store, content_hash
from copydesk.read.article import Article

if TYPE_CHECKING:
    from copydesk.analysis import Analysed

#: Entity labels that identify an event's actors and places.
EVENT_LABELS = frozenset({"PERSON", "ORG", "GPE"})

#: Entities searched for at most (most mentioned first) and distinctive words added to them.
MAX_ENTITIES = 16
EXTRA_TERMS = 10

#: Documents fetched from the full-text search per document asked for.
CANDIDATES_PER_RESULT = 5

#: A related document names at least this many of the article's entities (or all of them
#: when the article names fewer). Two is what separates same-event coverage from an article
#: that merely mentions one of the same countries; the seed's five coverage reports each
#: name at least three of the article's people and places.
MIN_SHARED_ENTITIES = 2

#: Documents dated further than this from the article are about another day's events; they
#: keep this share of their score.
SAME_EVENT_DAYS = 7
DISTANT_DATE_FACTOR = 0.5


def related_documents(store: Store, analysed: Analysed, limit: int = 10) -> list[Article]:
    """Stored documents reporting the same event as ``analysed``'s article, best first."""
    article = analysed.article
    entities = _entities(analysed)
    terms = [*entities, *distinctive_terms(article.body, EXTRA_TERMS)]
    expression = _or_query(terms)
    if not expression:
        return []
    hits = store.match(expression, max(limit, 1) * CANDIDATES_PER_RESULT)
    own_hash = content_hash(article.text)
    keys = [_key(e) for e in entities]
    needed = min(MIN_SHARED_ENTITIES, len(keys))
    article_day = parse_day(article.published)
    ranked: list[tuple[float, int, Article]] = []
    for position, doc in enumerate(store.get_many([h.doc_id for h in hits])):
        if content_hash(doc.text) == own_hash or (article.url and doc.url == article.url):
            continue
        lowered = doc.text.lower()
        shared = sum(1 for k in keys if k in lowered)
        if shared < needed:
            continue
        score = float(shared)
        doc_day = parse_day(doc.published)
        if article_day and doc_day and abs((doc_day - article_day).days) > SAME_EVENT_DAYS:
            score *= DISTANT_DATE_FACTOR
        ranked.append((score, position, doc))
    ranked.sort(key=lambda r: (-r[0], r[1]))
    return [doc for _, _, doc in ranked[:limit]]


def _entities(analysed: Analysed) -> list[str]:
    """The article body's PERSON/ORG/GPE names, most mentioned first."""
    article = analysed.article
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for i, entity in enumerate(analysed.doc.entities):
        if entity.label not in EVENT_LABELS or not article.is_body(entity.span):
            continue
        name = " ".join(entity.text.split()).strip(" '’\"“”")
        for prefix in ("the ", "The "):
            name = name.removeprefix(prefix)
        name = name.removesuffix("'s").removesuffix("’s")
        if len(name) < 2:
            continue
        if entity.label == "PERSON" and " " in name:
            name = name.split()[-1]  # other reports often give the surname alone
        counts[name] += 1
        first.setdefault(name, i)
    ordered = sorted(counts, key=lambda n: (-counts[n], first[n]))
    return ordered[:MAX_ENTITIES]


def _key(name: str) -> str:
    return name.lower()


def _or_query(terms: list[str]) -> str:
    """An FTS5 OR over phrases: a multi-word name must appear as written."""
    parts: list[str] = []
    for term in terms:
        words = [w for w in term.replace('"', " ").split() if any(c.isalnum() for c in w)]
        if not words:
            continue
        phrase = '"' + " ".join(words) + '"'
        if phrase not in parts:
            parts.append(phrase)
    return " OR ".join(parts)
