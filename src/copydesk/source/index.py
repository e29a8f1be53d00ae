"""A document's ledger and numbers by sentence, built once per comparison.

Every aligned pair reads the quotations, attributions, claims, quantities, roles and numbers
of its own few sentences. Scanning the whole ledger (or reading the whole text's numbers)
for each pair makes a comparison grow with the square of the article's length; indexing
each document once keeps every pair's share of the work proportional to its sentences.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from copydesk.ledger.model import Ledger, Person, Role
from copydesk.ledger.quantities import NumberRead, scan_numbers
from copydesk.nlp.annotate import Annotated


@dataclass(frozen=True, slots=True)
class SentenceIndex:
    """What the ledger and the number scanner found, filed under the sentence it is in."""

    ledger: Ledger
    quotations: dict[int, tuple[int, ...]]  # sentence -> positions in ledger.quotations
    attributions: dict[int, tuple[int, ...]]
    claims: dict[int, tuple[int, ...]]
    quantities: dict[int, tuple[int, ...]]
    roles: dict[int, tuple[tuple[int, int], ...]]  # sentence -> (person, role) positions
    numbers: dict[int, tuple[NumberRead, ...]]

    def local(self, sentences: Sequence[int]) -> Ledger:
        """The ledger restricted to ``sentences``: its items there, in ledger order, and the
        people with only the roles stated there."""
        led = self.ledger

        def pick(table: dict[int, tuple[int, ...]]) -> list[int]:
            return sorted(i for k in sentences for i in table.get(k, ()))

        people: dict[int, list[Role]] = {}
        for p, r in sorted(pr for k in sentences for pr in self.roles.get(k, ())):
            people.setdefault(p, []).append(led.people[p].roles[r])
        return Ledger(
            quotations=tuple(led.quotations[i] for i in pick(self.quotations)),
            attributions=tuple(led.attributions[i] for i in pick(self.attributions)),
            people=tuple(_with_roles(led.people[p], roles) for p, roles in people.items()),
            quantities=tuple(led.quantities[i] for i in pick(self.quantities)),
            claims=tuple(led.claims[i] for i in pick(self.claims)),
        )

    def numbers_in(self, sentences: Sequence[int]) -> list[NumberRead]:
        return [n for k in sorted(set(sentences)) for n in self.numbers.get(k, ())]


def _with_roles(person: Person, roles: list[Role]) -> Person:
    return Person(person.name, person.mentions, tuple(roles))


def _file(pairs: Sequence[tuple[int, int]]) -> dict[int, tuple[int, ...]]:
    out: dict[int, list[int]] = {}
    for sentence, position in pairs:
        out.setdefault(sentence, []).append(position)
    return {k: tuple(v) for k, v in out.items()}


def sentence_index(doc: Annotated, ledger: Ledger) -> SentenceIndex:
    """Index ``ledger`` (and the numbers of ``doc``'s body) by sentence, in one pass each."""

    def at(offset: int) -> int:
        sentence = doc.sentence_at(offset)
        return sentence.index if sentence is not None else -1

    roles: dict[int, list[tuple[int, int]]] = {}
    for p, person in enumerate(ledger.people):
        for r, role in enumerate(person.roles):
            roles.setdefault(at(role.span.start), []).append((p, r))
    numbers: dict[int, list[NumberRead]] = {}
    for read in scan_numbers(doc.article.body):
        numbers.setdefault(at(read.span.start), []).append(read)
    return SentenceIndex(
        ledger=ledger,
        quotations=_file([(q.sentence, i) for i, q in enumerate(ledger.quotations)]),
        attributions=_file([(t.sentence, i) for i, t in enumerate(ledger.attributions)]),
        claims=_file([(c.sentence, i) for i, c in enumerate(ledger.claims)]),
        quantities=_file([(q.sentence, i) for i, q in enumerate(ledger.quantities)]),
        roles={k: tuple(v) for k, v in roles.items()},
        numbers={k: tuple(v) for k, v in numbers.items()},
    )
