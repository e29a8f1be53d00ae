"""The people an article names, merged across mentions, with the roles it gives them.

Mentions (`copydesk.ledger.mentions`) merge on the surname: "Rustem Umerov", "Umerov",
"Umerov's"; the canonical name is the longest full form. Each person carries the roles read
on its mentions (`copydesk.ledger.roles`), titles normalised (`copydesk.ledger.titles`) and
sides read from the words around them (`copydesk.ledger.sides`).
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from copydesk.ledger.mentions import Mention, chain_mentions, entity_mentions
from copydesk.ledger.model import Person, Role
from copydesk.ledger.roles import (
    LEAD_VERBS,
    has_title_compound,
    lead_subject_roles,
    led_by_roles,
    mention_roles,
    pre_name_titles,
)
from copydesk.ledger.titles import (
    DELEGATION_WORDS,
    INSTITUTION_WORDS,
    Draft,
    is_title_word,
    title_category,
)
from copydesk.lexicon.normalise import title_form
from copydesk.lexicon.places import is_country
from copydesk.model import Span
from copydesk.nlp.annotate import Annotated, Token


@dataclass(slots=True)
class _Cluster:
    name: str
    tokens: tuple[str, ...]
    mentions: list[Mention]
    order: int  # position among the clusters, the tie-break between equally recent ones
    starts: list[int]  # the mentions' first tokens, sorted


class _Clusters:
    """The clusters found so far, indexed by the word runs of their names, so that a mention
    looks up its candidates instead of scanning every cluster."""

    def __init__(self) -> None:
        self.all: list[_Cluster] = []
        self._runs: dict[tuple[str, ...], _Cluster] = {}  # the first cluster holding each run
        self._by_last: dict[str, list[_Cluster]] = {}
        self._by_first: dict[str, list[_Cluster]] = {}  # names of two words or more

    def new(self, m: Mention, words: tuple[str, ...]) -> None:
        c = _Cluster(m.text, words, [m], len(self.all), [m.start])
        self.all.append(c)
        for i in range(len(words)):
            for j in range(i + 1, len(words) + 1):
                self._runs.setdefault(words[i:j], c)
        self._by_last.setdefault(words[-1], []).append(c)
        if len(words) > 1:
            self._by_first.setdefault(words[0], []).append(c)

    def holding(self, words: tuple[str, ...]) -> _Cluster | None:
        """The first cluster whose name contains ``words`` as a run."""
        return self._runs.get(words)

    def for_single(self, word: str) -> list[_Cluster]:
        """Clusters a one-word mention may join: its surname, else its first name."""
        return self._by_last.get(word) or self._by_first.get(word, [])


def _add(c: _Cluster, m: Mention) -> None:
    c.mentions.append(m)
    insort(c.starts, m.start)


def _cluster(mentions: list[Mention]) -> list[_Cluster]:
    clusters = _Clusters()
    multi = sorted(
        (m for m in mentions if " " in m.text), key=lambda m: (-len(m.text.split()), m.start)
    )
    for m in multi:
        words = tuple(m.text.split())
        found = clusters.holding(words)
        if found is not None:
            _add(found, m)
        else:
            clusters.new(m, words)
    singles = sorted((m for m in mentions if " " not in m.text), key=lambda m: m.start)
    for m in singles:
        candidates = clusters.for_single(m.text)
        if not candidates:
            if m.from_entity:
                clusters.new(m, (m.text,))
            continue

        # The cluster mentioned most recently before this mention, the earliest made on a tie.
        def recency(c: _Cluster, start: int = m.start) -> tuple[int, int]:
            k = bisect_left(c.starts, start)
            return (c.starts[k - 1] if k else -1, -c.order)

        _add(max(candidates, key=recency), m)
    return clusters.all


def _titles_for(doc: Annotated, m: Mention, names: frozenset[int]) -> set[int]:
    """Tokens that stand for the person besides the name: titles before it, the title it is in
    apposition to, the title it is coordinated under ("adviser and ... Medinsky")."""
    out: set[int] = set()
    for seg in pre_name_titles(doc, m, names):
        out.update(t.i for t in seg)
    head = doc.tokens[m.head]
    parent = doc.tokens[head.head]
    if head.dep in {"appos", "conj"} and parent.i < head.i and is_title_word(parent):
        out.add(parent.i)
    for c in doc.children(head.i):
        if c.dep == "appos" and is_title_word(c):
            out.add(c.i)
    return out


def dominant_side(person: Person) -> str | None:
    """The country a person's current official roles most often name, or None."""
    counts = Counter(
        r.side
        for r in person.roles
        if not r.former and is_country(r.side) and title_category(r.title) == "official"
    )
    if not counts:
        return None
    return counts.most_common(1)[0][0]


def token_people(doc: Annotated, people: Sequence[Person]) -> dict[int, str]:
    """Map each token that stands for a person to the person's canonical name: the name's own
    tokens, titles before it ("Kremlin spokesman"), and the title it is in apposition to."""
    at_start = {t.start: t.i for t in doc.tokens}
    at_end = {t.end: t.i for t in doc.tokens}
    mentions: list[tuple[str, Mention]] = []
    for p in people:
        for span in p.mentions:
            first, last = at_start.get(span.start), at_end.get(span.end)
            if first is None or last is None:
                continue
            inside = range(first, last + 1)
            head = max(inside, key=lambda j: (not first <= doc.tokens[j].head <= last, j))
            mentions.append((p.name, Mention(first, last + 1, head, span.of(doc.text), True)))
    names = frozenset(j for _, m in mentions for j in range(m.start, m.end))
    out: dict[int, str] = {}
    for name, m in mentions:
        for j in range(m.start, m.end):
            out[j] = name
    for name, m in mentions:
        for j in _titles_for(doc, m, names):
            out.setdefault(j, name)
    return out


def extract_people(doc: Annotated) -> tuple[Person, ...]:
    """Every person the article names, with mentions in text order and roles found."""
    entity = entity_mentions(doc)
    taken = {i for m in entity for i in range(m.start, m.end)}
    chains = chain_mentions(doc, taken)
    # A chain the NER missed counts as a person when it carries a role, or repeats the surname
    # or first name of someone found otherwise.
    chain_people: list[Mention] = []
    for m in chains:
        if " " in m.text and _carries_role(doc, m, frozenset(taken)):
            chain_people.append(m)
    known = {w for m in (*entity, *chain_people) if " " in m.text for w in m.text.split()}
    known |= {m.text for m in entity}
    for m in chains:
        if m not in chain_people and (m.text in known or m.text.split()[-1] in known):
            chain_people.append(m)
    mentions = sorted([*entity, *chain_people], key=lambda m: m.start)
    clusters = _cluster(mentions)
    names = frozenset(j for c in clusters for m in c.mentions for j in range(m.start, m.end))
    person_tokens: dict[int, str] = {}
    for c in clusters:
        for m in c.mentions:
            for j in range(m.start, m.end):
                person_tokens[j] = c.name
            for j in _titles_for(doc, m, names):
                person_tokens.setdefault(j, c.name)
    drafts: dict[str, list[Draft]] = {c.name: [] for c in clusters}
    for c in clusters:
        for m in c.mentions:
            drafts[c.name].extend(mention_roles(doc, m, person_tokens, names))
    for holder, draft in led_by_roles(doc, person_tokens):
        drafts[holder].append(draft)
    for holder, draft in lead_subject_roles(doc, person_tokens, set()):
        drafts[holder].append(draft)
    people = {
        c.name: Person(
            name=c.name,
            mentions=tuple(
                sorted(
                    {Span(doc.tokens[m.start].start, doc.tokens[m.end - 1].end) for m in c.mentions}
                )
            ),
            roles=(),
        )
        for c in clusters
    }
    # Possessor sides ("Putin's aide") come from the possessor's own roles, in a second pass.
    first_pass = {
        name: replace(p, roles=_dedupe(d.role for d in drafts[name])) for name, p in people.items()
    }
    out: list[Person] = []
    for c in clusters:
        roles = []
        for d in drafts[c.name]:
            role = d.role
            if role.side is None and d.possessor is not None:
                owner = first_pass.get(person_tokens.get(d.possessor, ""))
                if owner is not None and owner.name != c.name:
                    role = replace(role, side=dominant_side(owner))
            roles.append(role)
        out.append(replace(people[c.name], roles=_dedupe(roles)))
    return tuple(sorted(out, key=lambda p: p.mentions[0].start if p.mentions else 0))


def _carries_role(doc: Annotated, m: Mention, names: frozenset[int]) -> bool:
    head = doc.tokens[m.head]
    if pre_name_titles(doc, m, names):
        return True
    if any(
        c.dep == "appos" and (is_title_word(c) or has_title_compound(doc, c))
        for c in doc.children(head.i)
    ):
        return True
    parent = doc.tokens[head.head]
    if head.dep in {"appos", "conj"} and is_title_word(parent) and parent.i < head.i:
        return True
    # The agent or subject of a leading verb with a delegation or institution as its object:
    # "the team is headed by Viktor Danilov", "Viktor Danilov heads the Russian team".
    if head.dep == "pobj" and parent.dep == "agent":
        verb = doc.tokens[parent.head]
        led = [c for c in doc.children(verb.i) if c.dep == "nsubjpass"]
        if verb.dep == "acl":
            led.append(doc.tokens[verb.head])
    elif head.dep == "nsubj":
        verb = parent
        led = [c for c in doc.children(verb.i) if c.dep == "dobj"]
    else:
        return False
    return verb.lemma.lower() in LEAD_VERBS and any(_leads_body(doc, o) for o in led)


def _leads_body(doc: Annotated, obj: Token) -> bool:
    word = title_form(obj.lemma)
    return word in DELEGATION_WORDS or word in INSTITUTION_WORDS


def _dedupe(roles: Iterable[Role]) -> tuple[Role, ...]:
    seen: set[tuple[str, str | None, int, int, bool]] = set()
    out: list[Role] = []
    for r in sorted(roles, key=lambda r: (r.span.start, r.span.end, r.title)):
        key = (r.title, r.side, r.span.start, r.span.end, r.former)
        if key in seen:
            continue
        seen.add(key)
        out.append(r)
    return tuple(out)
